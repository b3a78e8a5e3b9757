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

/**
 * The research cards' verbs. `view` and `prompt` only read (they answer `refresh` too); the rest
 * change the agency's research for one case, once per operation id.
 */
export const RESEARCH_VERBS = {
  /** The per-user view of one case: the form, the summary once submitted, or the closed card. */
  view: 'research.view',
  /** The per-user view of the case picker: each case with this agency's status. */
  prompt: 'research.prompt',
  /** The picker's "Open": the case chosen in its `caseId` input. */
  open: 'research.open',
  /** "Save draft": keeps what was typed, submits nothing. */
  save: 'research.save',
  /** "Submit": checks what was typed and submits it to the coordinator. */
  submit: 'research.submit',
  /** "Nothing known" on one case: the agency holds no record of it. */
  nothingKnown: 'research.nothing-known',
  /** The picker's "Nothing known" for every case chosen in its `caseIds` input, one record each. */
  nothingKnownMany: 'research.nothing-known-many',
  /** "Cancel": back to the case as last saved; nothing typed since is kept. */
  cancel: 'research.cancel',
  /** The summary's "Edit" (until the deadline): the form again, with what was submitted. */
  edit: 'research.edit',
} as const;

export type ResearchVerb = (typeof RESEARCH_VERBS)[keyof typeof RESEARCH_VERBS];

/**
 * What a research card's button carries: the meeting, the agency and the case (ids), the step and
 * the operation id the server put there when it rendered the card. Never a name, never a value
 * anyone typed. A refresh carries no operation id: it only reads, and runs again and again.
 */
export interface ResearchCardData {
  op?: string;
  meetingId: string;
  agencyId: string;
  caseId?: string;
  step?: 'prompt' | 'form' | 'summary' | 'closed';
}
