/**
 * The verbs of the bot's `Action.Execute` buttons: one list, read by the card builders and by the
 * handlers that answer them, so a renamed verb cannot leave a button that nothing answers.
 */
export const REFERRAL_VERBS = {
  /** Step 1, "About the victim and the referral", submitted. */
  details: 'referral.details',
  /** A page of the risk checklist submitted. */
  dash: 'referral.dash',
  /** The confirmation card's "Submit to the coordinator". */
  submit: 'referral.submit',
  /** The confirmation card's "Save as draft". */
  saveDraft: 'referral.save-draft',
} as const;

export type ReferralVerb = (typeof REFERRAL_VERBS)[keyof typeof REFERRAL_VERBS];
