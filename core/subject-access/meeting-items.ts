import { RESEARCH_QUESTIONS, type ResearchDraft } from '../contracts/research.js';
import type { ResearchRecord } from '../ports/research.js';
import type { CaseMoveRecord, PersonLabel, RunCaseNotes } from '../ports/subject-access.js';
import {
  answerWords,
  atInstant,
  field,
  onDate,
  yesNo,
  type ReportField,
  type ReportItem,
} from './report.js';

/*
 * What agencies and the meeting recorded about a case, as items: each agency's research, the
 * meeting's notes (facts kept apart from opinion) and risks, and moves between meetings. The
 * actions are in action-items.ts.
 */

/** What the items need to say who and when: names by id, and the MARAC's own name. */
export interface ItemContext {
  /** "Northbrook and Wellfield MARAC": the provider of what the meeting itself recorded. */
  marac: string;
  agencies: ReadonlyMap<string, string>;
  people: ReadonlyMap<string, PersonLabel>;
  /** Meeting dates by meeting id (YYYY-MM-DD). */
  meetingDates: ReadonlyMap<string, string>;
  /** Case references by referral id. */
  references: ReadonlyMap<string, string>;
}

export const personWords = (ctx: ItemContext, id: string | null): string | null => {
  if (!id) return null;
  const person = ctx.people.get(id);
  if (!person) return 'A person no longer in the directory';
  return person.roles.length > 0 ? `${person.name} (${person.roles.join(', ')})` : person.name;
};

export const meetingWords = (ctx: ItemContext, meetingId: string): string => {
  const date = ctx.meetingDates.get(meetingId);
  return date ? `the meeting of ${onDate(date)}` : 'a meeting';
};

export const agencyName = (ctx: ItemContext, id: string) => ctx.agencies.get(id) ?? 'An agency';
export const refOf = (ctx: ItemContext, referralId: string) =>
  ctx.references.get(referralId) ?? 'the case';

const RESEARCH_STATUS: Record<string, string> = {
  draft: 'Draft (saved, not submitted)',
  submitted: 'Submitted',
  'nothing-known': 'Nothing known to the agency',
};

function researchFields(response: ResearchDraft): ReportField[] {
  const q = RESEARCH_QUESTIONS;
  const text = (key: keyof typeof q & keyof ResearchDraft, review?: 'may-name-others') =>
    field(q[key], response[key] as string | null | undefined, review);
  return [
    ...field(q.knownToAgency, answerWords(response.knownToAgency)),
    ...text('currentInvolvement', 'may-name-others'),
    ...text('historicalInvolvement', 'may-name-others'),
    ...field(
      `${q.professionalOpinion} (opinion, not fact)`,
      response.professionalOpinion,
      'may-name-others',
    ),
    ...text('risksIdentified', 'may-name-others'),
    ...(response.children ?? []).flatMap((child, i) => [
      ...field(`Child ${i + 1}: involvement`, child.involvement, 'third-party'),
      ...field(`Child ${i + 1}: contact arrangements`, child.contactArrangements, 'third-party'),
    ]),
    ...text('informationRequested', 'may-name-others'),
    ...text('actionsOffered'),
    ...field(q.recordsFlagged, yesNo(response.recordsFlagged)),
    ...text('withheldInformation', 'may-name-others'),
    ...text('withheldReason'),
  ];
}

/** One agency's research on the case for one meeting: provided by that agency. */
export function researchItem(ctx: ItemContext, r: ResearchRecord): ReportItem {
  const when = r.submittedAt ?? r.updatedAt;
  return {
    title: `Research on ${refOf(ctx, r.referralId)} for ${meetingWords(ctx, r.meetingId)}`,
    providedBy: agencyName(ctx, r.agencyId),
    on: atInstant(when),
    fields: [
      ...field('Status', RESEARCH_STATUS[r.status] ?? r.status),
      ...field('Submitted by', personWords(ctx, r.submittedBy), 'third-party'),
      ...(r.response ? researchFields(r.response) : []),
    ],
  };
}

/** What the meeting recorded of the case: its notes, the risks, a deferral. */
export function notesItem(ctx: ItemContext, run: RunCaseNotes): ReportItem | null {
  const { notes } = run;
  const fields = [
    ...field('Discussion: facts', notes.facts, 'may-name-others'),
    ...field('Discussion: professional opinion', notes.opinion, 'may-name-others'),
    ...field('Risks', notes.riskSummary, 'may-name-others'),
    ...field('Deferred, because', run.deferReason, 'may-name-others'),
  ];
  if (fields.length === 0) return null;
  return {
    title: `Notes of ${meetingWords(ctx, run.meetingId)} on ${refOf(ctx, run.referralId)}`,
    providedBy: `${ctx.marac} (the meeting's record)`,
    on: notes.updatedAt
      ? atInstant(notes.updatedAt)
      : onDate(ctx.meetingDates.get(run.meetingId) ?? ''),
    fields: [
      ...fields,
      ...field('Written by', personWords(ctx, notes.updatedBy), 'third-party'),
      ...field('Case state', answerWords(run.state)),
    ],
  };
}

/** A move of the case to another meeting, with the coordinator's reason. */
export function caseMoveItem(ctx: ItemContext, m: CaseMoveRecord): ReportItem {
  return {
    title: `${refOf(ctx, m.referralId)} moved from ${meetingWords(ctx, m.fromMeetingId)} to ${meetingWords(ctx, m.toMeetingId)}`,
    providedBy: `${ctx.marac} (coordinator)`,
    on: atInstant(m.movedAt),
    fields: field('Reason', m.reason, 'may-name-others'),
  };
}
