import {
  RESEARCH_LIMITS,
  RESEARCH_TEXT_LIMITS,
  type ResearchTextField,
  type StoredResearchStatus,
} from '#core/contracts/research.js';
import type { LocalDate } from '#core/shared/local-date.js';

/*
 * What the research cards are built from. These are the cards' own view types, kept apart from
 * the research use cases: the integrator maps the store's research, case and meeting types onto
 * them, so a card never sees more than it shows.
 */

/** Which research a card is about; the same ids go into every button's data. */
export interface ResearchIds {
  meetingId: string;
  agencyId: string;
  caseId: string;
}

export type KnownToAgency = 'yes' | 'no' | 'not-known';

/** Where this agency's research of one case stands. */
export type ResearchStatus = 'due' | 'draft' | 'submitted' | 'nothing-known';

/** How a card reads a stored status: a prompt sent or seen is still "not started". */
export function cardStatus(stored: StoredResearchStatus | undefined): ResearchStatus {
  if (stored === 'draft' || stored === 'submitted' || stored === 'nothing-known') return stored;
  return 'due';
}

export { RESEARCH_TEXT_FIELDS, type ResearchTextField } from '#core/contracts/research.js';

/** One child's part of the research, by the child's index in the case (0 is the first child). */
export interface ResearchChildAnswers {
  involvement?: string;
  contactArrangements?: string;
}

/** What the agency has saved or submitted so far; nothing here is ever a default. */
export type ResearchAnswers = Partial<Record<ResearchTextField, string>> & {
  knownToAgency?: KnownToAgency;
  recordsFlagged?: boolean;
  children?: readonly ResearchChildAnswers[];
};

/** The longest answer the server accepts per field, named on the card (it never cuts text). */
export type ResearchLimits = Record<
  ResearchTextField | 'childInvolvement' | 'childContact',
  number
>;

/** The contract's limits (`RESEARCH_LIMITS`), by the card's field names: one source for both. */
export const RESEARCH_CARD_LIMITS: ResearchLimits = {
  ...RESEARCH_TEXT_LIMITS,
  childInvolvement: RESEARCH_LIMITS.childText,
  childContact: RESEARCH_LIMITS.childText,
};

/** Every field a refusal can name: a text field, the yes / no / not known, or one child's part. */
export type ResearchField =
  | ResearchTextField
  | 'knownToAgency'
  | 'recordsFlagged'
  | 'children'
  | { child: number; part: keyof ResearchChildAnswers };

/** A problem the server found with one field, said in words that tell the rep what to do. */
export interface ResearchFieldError {
  field: ResearchField;
  problem: string;
}

/** A person the case is about, as the per-user view shows them. */
export interface ResearchPerson {
  name: string;
  dateOfBirth: LocalDate | null;
}

/**
 * Who the case is about. It exists only in the per-user view (the `refresh` answer for one rep,
 * after the server has checked their access): never in a message the chat keeps.
 */
export interface ResearchSubjects {
  victim: ResearchPerson & { address: string | null };
  perpetrators: readonly ResearchPerson[];
  /** In the case's order: a child's index here is its index in `ResearchAnswers.children`. */
  children: readonly ResearchPerson[];
}

/** The meeting and the research deadline, shown on every research card. */
export interface ResearchTimes {
  meetingDate: LocalDate;
  /** When research is due: an instant, shown as London wall-clock time in words. */
  dueAt: Date;
}

/** One case's research as the per-user cards show it: the form, the summary, the closed card. */
export interface ResearchCaseView extends ResearchTimes {
  ids: ResearchIds;
  caseReference: string;
  status: ResearchStatus;
  answers: ResearchAnswers;
  subjects: ResearchSubjects;
  /** Who last saved or submitted, and when: a rep of the agency, by display name. */
  lastChange: { by: string; at: Date } | null;
  /**
   * The Teams user id (MRI) of the rep this view is for. Teams gives a per-user card to that
   * person's client alone, so its refresh names them alone; the message's own card names the reps.
   */
  viewerId: string;
  /** The operation id of this rendering: two clicks on one card are one action. */
  op: string;
  errors?: readonly ResearchFieldError[];
  /** A sentence about what just happened ("Draft saved"), never about a person. */
  notice?: string;
}

/** One case in a research prompt: its reference and status, nothing about anyone in it. */
export interface ResearchPromptCase {
  caseId: string;
  reference: string;
  status: ResearchStatus;
}

/** The research prompt to one agency for one meeting: references, counts and dates only. */
export interface ResearchPromptView extends ResearchTimes {
  meetingId: string;
  agencyId: string;
  cases: readonly ResearchPromptCase[];
  refreshUserIds: readonly string[];
  op: string;
  /** A per-user picker only: what the server refused, and what it just did. */
  errors?: readonly string[];
  notice?: string;
}
