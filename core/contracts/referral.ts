import { z } from 'zod';
import { riskRulesSchema } from '../referrals/risk-settings.js';
import { idSchema, localDateSchema } from './api.js';
import { ethnicGroupSchema, sexualOrientationSchema } from './equality.js';
import { optionalPhone, optionalText, personName, phone, postcode, text } from './field-rules.js';

/**
 * The referral form (SafeLives MARAC referral form content) as the API, the tab and the bot's
 * cards submit it. Every object is strict; every text has a length limit.
 */
const yesNoUnknown = z.enum(['yes', 'no', 'not-known']);

export const addressSchema = z.strictObject({
  line1: text(120),
  line2: optionalText(120),
  town: text(80),
  postcode: postcode.optional(),
});

export const genderSchema = z.enum(['female', 'male', 'non-binary', 'other', 'not-known']);

export const victimSchema = z.strictObject({
  name: personName(120),
  otherNames: z.array(personName(120)).max(5).default([]),
  dateOfBirth: localDateSchema.nullable(),
  gender: genderSchema,
  address: addressSchema.nullable(),
  phone: optionalPhone,
  safeToCall: yesNoUnknown,
  safeContactNotes: optionalText(500),
  /**
   * A category of the SafeLives return (issue #13), never free text; absent is "not known" as
   * much as the category of that name is. Words written before the form offered categories are
   * kept apart, read-only: see `asWrittenSchema`.
   */
  ethnicity: ethnicGroupSchema.optional(),
  disability: yesNoUnknown,
  sexuality: sexualOrientationSchema.optional(),
  language: optionalText(60),
  interpreterNeeded: z.boolean(),
});

export const relationshipSchema = z.enum([
  'partner',
  'ex-partner',
  'parent',
  'child',
  'sibling',
  'other-family',
  'other',
]);

export const mappaLevelSchema = z.enum(['none', '1', '2', '3', 'not-known']);

export const perpetratorSchema = z.strictObject({
  name: personName(120),
  otherNames: z.array(personName(120)).max(5).default([]),
  dateOfBirth: localDateSchema.nullable(),
  gender: genderSchema,
  relationshipToVictim: relationshipSchema,
  address: addressSchema.nullable(),
  mappaLevel: mappaLevelSchema,
});

export const childSchema = z.strictObject({
  name: personName(120),
  dateOfBirth: localDateSchema.nullable(),
  relationshipToVictim: text(60),
  relationshipToPerpetrator: text(60),
  school: optionalText(120),
  livesInHousehold: z.boolean(),
});

export const dashAssessmentSchema = z.strictObject({
  kind: z.literal('dash'),
  /** A question set loaded for the area, e.g. 'safelives-24' or 'police-27'. */
  questionSet: z.string().regex(/^[a-z0-9-]{1,40}$/),
  /** Every question's answer, by question id. */
  answers: z.record(z.string().regex(/^[a-z0-9-]{1,20}$/), yesNoUnknown),
  completedOn: localDateSchema,
});

export const daraAssessmentSchema = z.strictObject({
  kind: z.literal('dara'),
  outcome: z.enum(['high', 'medium', 'standard']),
  completedOn: localDateSchema,
});

export const riskAssessmentSchema = z.discriminatedUnion('kind', [
  dashAssessmentSchema,
  daraAssessmentSchema,
]);

export const consentSchema = z.discriminatedUnion('victimAware', [
  z.strictObject({
    victimAware: z.literal(true),
    consented: z.boolean(),
    reasonWithoutConsent: optionalText(1000),
  }),
  z.strictObject({ victimAware: z.literal(false), reasonWithoutConsent: text(1000) }),
]);

export const referralFormSchema = z.strictObject({
  areaId: idSchema,
  referrerAgencyId: idSchema,
  referrerPhone: phone,
  victim: victimSchema,
  perpetrators: z.array(perpetratorSchema).min(1).max(5),
  children: z.array(childSchema).max(12).default([]),
  reasonsForReferral: text(4000),
  riskAssessment: riskAssessmentSchema,
  /** Required to raise a case on professional judgement; it can never lower one. */
  professionalJudgement: optionalText(4000),
  /** Domestic abuse incidents known in the last 12 months, for potential escalation. */
  incidentsInLast12Months: z.number().int().min(0).max(365),
  consent: consentSchema,
  victimFears: optionalText(2000),
  safeToContact: optionalText(2000),
  notSafeToContact: optionalText(2000),
  previousMaracsElsewhere: optionalText(2000),
  /** For a high-risk case with children: a referral to children's services has been made now. */
  childrensServicesReferralMade: z.boolean().nullable().default(null),
});
export type ReferralForm = z.infer<typeof referralFormSchema>;
export type ReferralFormInput = z.input<typeof referralFormSchema>;

type Loosened<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<z.ZodNullable<S[K]>> };

/**
 * The draft of an object of the form: every field may be absent or null, with the same types and
 * length limits, so a draft is checked for shape but not for completeness. `keep` replaces fields
 * as given (nested drafts, a union's discriminator), unloosened.
 */
function draftOf<S extends z.ZodRawShape, K extends z.ZodRawShape = Record<never, never>>(
  schema: z.ZodObject<S>,
  keep?: K,
) {
  const loosened = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [key, (field as z.ZodType).nullish()]),
  ) as unknown as Loosened<S>;
  return z.strictObject({ ...loosened, ...(keep ?? ({} as K)) } as Omit<Loosened<S>, keyof K> & K);
}

const addressDraftSchema = draftOf(addressSchema);
const perpetratorDraftSchema = draftOf(perpetratorSchema, {
  address: addressDraftSchema.nullish(),
});
const riskAssessmentDraftSchema = z.discriminatedUnion('kind', [
  draftOf(dashAssessmentSchema, { kind: z.literal('dash') }),
  draftOf(daraAssessmentSchema, { kind: z.literal('dara') }),
]);
/** Victim aware starts unanswered: a draft holds the aware branch's fields, each still open. */
const consentDraftSchema = draftOf(consentSchema.options[0], {
  victimAware: z.boolean().nullish(),
});

/**
 * A referral as far as it has been typed: only the area is required. Completeness (and every
 * answer that becomes a recorded fact: victim aware, consent, each perpetrator's relationship and
 * MAPPA level) is checked by `referralFormSchema` on submission.
 */
export const referralDraftSchema = draftOf(referralFormSchema, {
  areaId: idSchema,
  victim: draftOf(victimSchema, { address: addressDraftSchema.nullish() }).nullish(),
  perpetrators: z.array(perpetratorDraftSchema).max(5).nullish(),
  children: z.array(draftOf(childSchema)).max(12).nullish(),
  riskAssessment: riskAssessmentDraftSchema.nullish(),
  consent: consentDraftSchema.nullish(),
});
export type ReferralDraft = z.infer<typeof referralDraftSchema>;
export type ReferralDraftInput = z.input<typeof referralDraftSchema>;

export const referralStatusSchema = z.enum([
  'draft',
  'submitted',
  'needs-information',
  'accepted',
  'declined',
]);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

export const criterionSchema = z.enum([
  'visible-high-risk',
  'professional-judgement',
  'potential-escalation',
  'repeat',
]);

export const riskSummarySchema = z.strictObject({
  score: z.number().int().nullable(),
  band: z.enum(['standard', 'medium', 'high']),
  criteriaMet: z.array(criterionSchema),
  /** Why no criterion is met, for a draft. */
  shortfall: z.string().nullable(),
});

/** What the referrer sees: never anything of another referral. */
export const referralReceiptSchema = z.strictObject({
  id: idSchema,
  reference: z.string(),
  status: referralStatusSchema,
  risk: riskSummarySchema,
  likelyDuplicate: z.boolean(),
  mappaLead: z.boolean(),
  meetingId: idSchema.nullable(),
  meetingDate: localDateSchema.nullable(),
  warnings: z.array(z.string()),
});
export type ReferralReceipt = z.infer<typeof referralReceiptSchema>;

/**
 * `submit: false` saves a draft (only the area is required; no duplicate check runs on a draft);
 * `submit: true` sends the complete form to the coordinator.
 */
export const submitReferralBody = z.discriminatedUnion('submit', [
  z.strictObject({ submit: z.literal(false), form: referralDraftSchema }),
  z.strictObject({ submit: z.literal(true), form: referralFormSchema }),
]);
export type SubmitReferralBody = z.infer<typeof submitReferralBody>;

export const queueItemSchema = z.strictObject({
  id: idSchema,
  reference: z.string(),
  status: z.enum(['draft', 'submitted', 'needs-information', 'accepted', 'declined', 'merged']),
  band: z.enum(['standard', 'medium', 'high']),
  score: z.number().int().nullable(),
  criteria: z.array(z.string()),
  /** Only in the coordinator's views: a referrer is never told the victim was heard before. */
  isRepeat: z.boolean().optional(),
  mappaLead: z.boolean(),
  childrenCount: z.number().int(),
  /** Null only on a draft saved before the agency was chosen. */
  referrerAgencyId: idSchema.nullable(),
  meetingId: idSchema.nullable(),
  referredOn: localDateSchema,
  /** Only in the coordinator's views. */
  openDuplicates: z.number().int().optional(),
  /** In the coordinator's queue only: whose case it is, so the queue reads as people. */
  victimName: z.string().optional(),
});
export type QueueItemView = z.infer<typeof queueItemSchema>;

/**
 * One of the referrer's own referrals in "My referrals": the coordinator's answer (note, meeting
 * date), never whether the victim was referred before (no repeat flag, no candidate counts).
 */
export const myReferralSchema = z.strictObject({
  id: idSchema,
  reference: z.string(),
  status: z.enum(['draft', 'submitted', 'needs-information', 'accepted', 'declined', 'merged']),
  band: z.enum(['standard', 'medium', 'high']),
  score: z.number().int().nullable(),
  referredOn: localDateSchema,
  victimName: z.string().nullable(),
  /** The coordinator's note when they asked for information or declined. */
  decisionNote: z.string().nullable(),
  /** The meeting's date once accepted. */
  meetingDate: localDateSchema.nullable(),
});
export type MyReferralView = z.infer<typeof myReferralSchema>;

/** Who made a referral, as the coordinator sees them. */
export const referrerViewSchema = z.strictObject({
  name: z.string(),
  agencyName: z.string().nullable(),
  phone: z.string().nullable(),
});

/**
 * The victim's ethnicity and sexuality as the referrer wrote them, in words, before the form
 * offered categories: kept for good and never sent back by a form (the API takes only category
 * ids). Beside an empty choice they are "recorded as"; once the coordinator or the referrer has
 * chosen a category, "first written as". Null where nothing was written in words.
 */
export const asWrittenSchema = z.strictObject({
  ethnicity: z.string().nullable(),
  sexuality: z.string().nullable(),
});
export type AsWrittenView = z.infer<typeof asWrittenSchema>;

export const referralDetailSchema = z.strictObject({
  summary: queueItemSchema,
  form: referralFormSchema,
  asWritten: asWrittenSchema,
  decisionNote: z.string().nullable(),
  mappaLinkNote: z.string().nullable(),
  referrer: referrerViewSchema,
  /**
   * Only for the coordinator: possible duplicates with a confidence and level, each with what
   * is needed to compare it side by side with this referral before merging.
   */
  candidates: z.array(
    z.strictObject({
      referralId: idSchema,
      reference: z.string(),
      confidence: z.number(),
      /** possible: worth a look; likely: the referrer was told that a likely match exists. */
      level: z.enum(['possible', 'likely']),
      status: z.string(),
      referredOn: localDateSchema,
      decision: z.enum(['open', 'merged', 'dismissed']),
      victim: z.strictObject({
        name: z.string(),
        otherNames: z.array(z.string()),
        dateOfBirth: localDateSchema.nullable(),
        address: z.string().nullable(),
      }),
      referrer: referrerViewSchema,
    }),
  ),
});

/** A draft, for its referrer to carry on with: the form as far as it has been typed. */
export const referralDraftDetailSchema = z.strictObject({
  summary: queueItemSchema,
  draft: referralDraftSchema,
  asWritten: asWrittenSchema,
});
export type ReferralDraftDetail = z.infer<typeof referralDraftDetailSchema>;

export const acceptReferralBody = z.strictObject({
  meetingId: idSchema.optional(),
  lateReason: z.string().trim().min(1).max(500).optional(),
  confirmOverCapacity: z.boolean().optional(),
});

export const acceptOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('accepted'),
    referralId: idSchema,
    meetingId: idSchema,
    meetingDate: localDateSchema,
    overCapacity: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('over-capacity'),
    meetingId: idSchema,
    meetingDate: localDateSchema,
    cases: z.number().int(),
    capacity: z.number().int(),
    nextMeeting: z.strictObject({ id: idSchema, date: localDateSchema }).nullable(),
  }),
]);

export const referralDecisionBody = z.strictObject({
  decision: z.enum(['needs-information', 'declined']),
  note: z.string().trim().min(1).max(2000),
});

export const duplicateDecisionBody = z.strictObject({ decision: z.enum(['merged', 'dismissed']) });
export const mappaLinkBody = z.strictObject({ note: z.string().trim().min(1).max(1000) });

export const questionSetViewSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  attribution: z.string(),
  questions: z.array(z.strictObject({ id: z.string(), text: z.string() })),
});

export const riskSettingsBody = riskRulesSchema;
export const riskSettingsView = z.strictObject({
  questionSet: z.string(),
  mediumThreshold: z.number().int(),
  highThreshold: z.number().int(),
  escalationIncidents: z.number().int(),
  escalationWindowMonths: z.number().int(),
  repeatWindowMonths: z.number().int(),
  capacityPerMeeting: z.number().int(),
});

/** Each time a referrer was told a likely match exists: who, about which referral, when. */
export const matchNoticeSchema = z.strictObject({
  referralId: idSchema,
  reference: z.string(),
  toldPersonId: idSchema.nullable(),
  toldName: z.string().nullable(),
  at: z.string().meta({ format: 'date-time' }),
});
export type MatchNoticeView = z.infer<typeof matchNoticeSchema>;
