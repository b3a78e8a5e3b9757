import { z } from 'zod';

/**
 * An agency's research on one case of a meeting (SafeLives: facts kept apart from professional
 * opinion, and what was held back and why). The card and the tab send the same shape. A draft
 * holds whatever has been typed; a submission must answer what becomes a recorded fact. Every
 * text has a limit that is refused with the limit named, never cut.
 */
export const RESEARCH_LIMITS = {
  /** Current or historical involvement: facts from the agency's records. */
  facts: 4000,
  professionalOpinion: 4000,
  risksIdentified: 4000,
  /** A child's involvement, or their contact arrangements. */
  childText: 2000,
  /** The referral form takes at most 12 children, so a case has at most 12 to answer for. */
  children: 12,
  informationRequested: 2000,
  actionsOffered: 2000,
  /** What kind of information was held back: a description, not the information itself. */
  withheldInformation: 2000,
  withheldReason: 1000,
} as const;

/** The free-text answers, in the order the card and the tab ask them. */
export const RESEARCH_TEXT_FIELDS = [
  'currentInvolvement',
  'historicalInvolvement',
  'professionalOpinion',
  'risksIdentified',
  'informationRequested',
  'actionsOffered',
  'withheldInformation',
  'withheldReason',
] as const;
export type ResearchTextField = (typeof RESEARCH_TEXT_FIELDS)[number];

/** Each text answer's limit, by field: what the card's and the tab's labels name. */
export const RESEARCH_TEXT_LIMITS: Record<ResearchTextField, number> = {
  currentInvolvement: RESEARCH_LIMITS.facts,
  historicalInvolvement: RESEARCH_LIMITS.facts,
  professionalOpinion: RESEARCH_LIMITS.professionalOpinion,
  risksIdentified: RESEARCH_LIMITS.risksIdentified,
  informationRequested: RESEARCH_LIMITS.informationRequested,
  actionsOffered: RESEARCH_LIMITS.actionsOffered,
  withheldInformation: RESEARCH_LIMITS.withheldInformation,
  withheldReason: RESEARCH_LIMITS.withheldReason,
};

/** The questions, worded once for the card and the tab (a rep may use either). */
export const RESEARCH_QUESTIONS: Record<
  ResearchTextField | 'knownToAgency' | 'recordsFlagged',
  string
> = {
  knownToAgency: 'Is this case known to your agency?',
  currentInvolvement: 'Current involvement',
  historicalInvolvement: 'Historical involvement',
  professionalOpinion: 'Professional opinion',
  risksIdentified: 'Risks identified',
  informationRequested: 'Information requested from other agencies',
  actionsOffered: 'Actions your agency can offer',
  recordsFlagged: 'Our records are flagged as a MARAC case',
  withheldInformation: 'Information held but not shared',
  withheldReason: 'Why the information was not shared',
};

export const knownToAgencyValues = ['yes', 'no', 'not-known'] as const;
export type KnownToAgency = (typeof knownToAgencyValues)[number];

/** Empty is allowed in a draft; a submission says which texts it needs (`requiredProblems`). */
const typed = (max: number) => z.string().trim().max(max).nullish();

/** Entry n of `children` is about child n of the case on the agenda: never a name in here. */
export const childResearchSchema = z.strictObject({
  involvement: typed(RESEARCH_LIMITS.childText),
  contactArrangements: typed(RESEARCH_LIMITS.childText),
});

const researchShape = z.strictObject({
  /** Nothing pre-selected: a draft may leave it unanswered. */
  knownToAgency: z.enum(knownToAgencyValues).nullish(),
  currentInvolvement: typed(RESEARCH_LIMITS.facts),
  historicalInvolvement: typed(RESEARCH_LIMITS.facts),
  /** The practitioner's view, kept apart from the facts above. */
  professionalOpinion: typed(RESEARCH_LIMITS.professionalOpinion),
  risksIdentified: typed(RESEARCH_LIMITS.risksIdentified),
  children: z.array(childResearchSchema).max(RESEARCH_LIMITS.children).nullish(),
  informationRequested: typed(RESEARCH_LIMITS.informationRequested),
  actionsOffered: typed(RESEARCH_LIMITS.actionsOffered),
  /** "Our records are flagged as a MARAC case": unanswered allowed in a draft. */
  recordsFlagged: z.boolean().nullish(),
  withheldInformation: typed(RESEARCH_LIMITS.withheldInformation),
  withheldReason: typed(RESEARCH_LIMITS.withheldReason),
});

/** Research as far as it has been typed: shape and limits only. */
export const researchDraftSchema = researchShape;
export type ResearchDraft = z.infer<typeof researchDraftSchema>;

export interface ResearchProblem {
  path: (string | number)[];
  message: string;
}

const blank = (value: string | null | undefined) => !value || value.trim() === '';

/**
 * What a submission still lacks, as paths and what to do (the API puts the field's words in
 * front). Facts are needed only when the case is known to the agency: "no" and "not known"
 * may leave them empty.
 */
export function requiredProblems(draft: ResearchDraft): ResearchProblem[] {
  const problems: ResearchProblem[] = [];
  if (!draft.knownToAgency)
    problems.push({ path: ['knownToAgency'], message: 'choose yes, no or not known' });
  if (draft.knownToAgency === 'yes') {
    for (const key of ['currentInvolvement', 'historicalInvolvement'] as const) {
      if (blank(draft[key]))
        problems.push({ path: [key], message: 'enter what your records show, or "none"' });
    }
  }
  (draft.children ?? []).forEach((child, index) => {
    if (blank(child.involvement))
      problems.push({
        path: ['children', index, 'involvement'],
        message: 'enter what your records show about this child, or "none"',
      });
  });
  if (draft.recordsFlagged === null || draft.recordsFlagged === undefined)
    problems.push({ path: ['recordsFlagged'], message: 'choose yes or no' });
  if (!blank(draft.withheldInformation) && blank(draft.withheldReason))
    problems.push({ path: ['withheldReason'], message: 'give the reason it was not shared' });
  return problems;
}

/** A submission: the draft's shape and limits, and every answer that becomes a recorded fact. */
export const researchSubmissionSchema = researchShape.superRefine((draft, ctx) => {
  for (const problem of requiredProblems(draft))
    ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
});
export type ResearchSubmission = ResearchDraft;

/** The response recorded by "nothing known": the agency has no record of the case. */
export const NOTHING_KNOWN_RESPONSE: ResearchDraft = Object.freeze({
  knownToAgency: 'no',
}) as ResearchDraft;

/**
 * A cell of the coordinator's matrix (a case by an agency). `late` is never stored: it is read
 * from the stored status, the deadline and the time (`core/research/research-status.ts`).
 */
export const researchStatusValues = [
  'not-sent',
  'sent',
  'seen',
  'draft',
  'submitted',
  'late',
  'nothing-known',
] as const;
export type ResearchStatus = (typeof researchStatusValues)[number];
export type StoredResearchStatus = Exclude<ResearchStatus, 'late'>;

/** How much of an agency's research others read before the meeting: the area's ISP decides. */
export const researchSharingValues = ['before-meeting', 'at-meeting', 'status-only'] as const;
export type ResearchSharing = (typeof researchSharingValues)[number];
