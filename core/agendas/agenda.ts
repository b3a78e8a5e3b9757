import type { LocalDate } from '../shared/local-date.js';

/*
 * The agenda of one meeting: the MARAC case summary list in the SafeLives order. It holds
 * personal data by design (it is what agencies research), so it only ever leaves the app
 * encrypted, and never in a subject, a plain body, a calendar item or a card.
 */

export interface AgendaPerson {
  name: string;
  otherNames: readonly string[];
  dateOfBirth: LocalDate | null;
}

export interface AgendaCase {
  referralId: string;
  reference: string;
  victim: AgendaPerson & { address: string | null };
  perpetrators: readonly AgendaPerson[];
  children: readonly (AgendaPerson & { school: string | null })[];
  referringAgency: string;
  /** Why the case is here, in a few words: the criteria met ("Visible high risk (DASH 16 of 24)"). */
  reason: string;
  risk: { band: 'standard' | 'medium' | 'high'; score: number | null; checklist: string };
  isRepeat: boolean;
  /** MAPPA level 2 or 3: the MAPPA meeting leads. */
  mappaLead: boolean;
  /** The known risks to the victim and the children, as the referrer wrote them. */
  knownRisks: string;
  /** Set when the case was added after the referral deadline: the coordinator's reason. */
  lateReason: string | null;
}

/** A case whose last MARAC was 12 months ago: it leaves the repeat window (DOMAIN.md, agenda item 5). */
export interface TwelveMonthNotice {
  reference: string;
  lastHeardOn: LocalDate;
}

/** An action agreed at an earlier meeting and not yet done, for the review at the start. */
export interface ActionReviewLine {
  reference: string;
  agency: string;
  action: string;
  dueOn: LocalDate;
}

export type AgendaSection =
  | { kind: 'introductions' }
  | { kind: 'actions-review'; actions: readonly ActionReviewLine[] }
  | { kind: 'cases-with-children'; cases: readonly AgendaCase[] }
  | { kind: 'adult-cases'; cases: readonly AgendaCase[] }
  | { kind: 'twelve-months'; notices: readonly TwelveMonthNotice[] }
  | { kind: 'other-business' };

export interface Agenda {
  sections: readonly AgendaSection[];
}

/** The section headings, in the words the chair reads them. */
export const sectionTitles: Record<AgendaSection['kind'], string> = {
  introductions: 'Introductions and confidentiality statement',
  'actions-review': 'Review of incomplete actions from earlier meetings',
  'cases-with-children': 'Cases involving children',
  'adult-cases': 'Adult-only cases',
  'twelve-months': 'Cases where 12 months have passed since their last MARAC',
  'other-business': 'Any other business',
};

/** The cases of an agenda in the order they will be heard. */
export const casesInOrder = (agenda: Agenda): AgendaCase[] =>
  agenda.sections.flatMap((section) =>
    section.kind === 'cases-with-children' || section.kind === 'adult-cases'
      ? [...section.cases]
      : [],
  );

/** "Version 1" for the agenda first published; "Addendum 1 (version 2)" and on for each addendum. */
export const agendaVersionLabel = (version: number): string =>
  version === 1 ? 'Version 1' : `Addendum ${version - 1} (version ${version})`;
