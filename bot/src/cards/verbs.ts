/**
 * The verbs of the bot's `Action.Execute` buttons: one list, read by the card builders and by the
 * handlers that answer them, so a renamed verb cannot leave a button that nothing answers.
 */
export const REFERRAL_VERBS = {
  /** The welcome card's "Refer a case". */
  start: 'referral.start',
  /** A step's "Next": saves what was typed into the draft, then shows the next step. */
  next: 'referral.next',
  /** A step's "Back": saves what was typed, then shows the step before. */
  back: 'referral.back',
  /** "Cancel": stops here; what was saved stays a draft. */
  cancel: 'referral.cancel',
  /** The review's "Change" for one step. */
  edit: 'referral.edit',
  /** The review's "Submit to the coordinator". */
  submit: 'referral.submit',
  /** "My drafts": the person's drafts, each with "Continue". */
  drafts: 'referral.drafts',
  /** A draft's "Continue". */
  resume: 'referral.resume',
  /** "My referrals": status, meeting date and the coordinator's note. */
  referrals: 'referral.mine',
} as const;

export type ReferralVerb = (typeof REFERRAL_VERBS)[keyof typeof REFERRAL_VERBS];

/**
 * Everything a card's button carries: which draft, which step, and the operation id the server
 * put there when it rendered the card (two clicks on one card are one action). Never a name,
 * never a value anyone typed.
 */
export interface CardData {
  op: string;
  referralId?: string;
  step?: string;
}
