import type { ActionUpdateRecord } from '../ports/action-updates.js';
import type { ActionRecord, ActionReviewRecord, CorrectionRecord } from '../ports/meeting-run.js';
import { agencyName, meetingWords, personWords, refOf, type ItemContext } from './meeting-items.js';
import { answerWords, atInstant, field, type ReportField, type ReportItem } from './report.js';

/*
 * The actions agreed on a case as items: each provided by its owner agency, with its review at
 * later meetings and the updates the agency recorded since; and the earlier versions of notes and
 * actions corrected after the meeting closed (kept, so held too).
 */

const REVIEW_OUTCOME: Record<string, string> = {
  done: 'Done',
  ongoing: 'Ongoing',
  'not-done': 'Not done',
};
const NOT_DONE: Record<string, string> = {
  'circumstances-changed': 'circumstances changed',
  'agency-did-not-act': 'the agency did not act',
};

function actionFields(
  ctx: ItemContext,
  a: Pick<ActionRecord, 'ownerAgencyId' | 'ownerPerson' | 'what' | 'risk' | 'dueAt' | 'urgent'>,
): ReportField[] {
  return [
    ...field('What exactly', a.what, 'may-name-others'),
    ...field('Owner agency', agencyName(ctx, a.ownerAgencyId)),
    ...field('Named person at the agency', a.ownerPerson, 'third-party'),
    ...field('Due', atInstant(a.dueAt)),
    ...field('Urgent child safeguarding decision', answerWords(a.urgent)),
    ...field('Risk it addresses', a.risk, 'may-name-others'),
  ];
}

/** An action agreed on the case: provided by its owner agency, with its review at meetings since. */
export function actionItem(
  ctx: ItemContext,
  a: ActionRecord,
  reviews: readonly ActionReviewRecord[],
): ReportItem {
  return {
    title: `Action on ${refOf(ctx, a.referralId)} agreed at ${meetingWords(ctx, a.meetingId)}`,
    providedBy: agencyName(ctx, a.ownerAgencyId),
    on: atInstant(a.createdAt),
    fields: [
      ...actionFields(ctx, a),
      ...field('Status', answerWords(a.status)),
      ...field('Recorded by', personWords(ctx, a.createdBy), 'third-party'),
      ...reviews.flatMap((r) =>
        field(
          `Reviewed at ${meetingWords(ctx, r.meetingId)}`,
          [
            REVIEW_OUTCOME[r.outcome] ?? r.outcome,
            r.notDoneReason ? `: ${NOT_DONE[r.notDoneReason] ?? r.notDoneReason}` : '',
            r.newDueAt ? `; now due ${atInstant(r.newDueAt)}` : '',
          ].join(''),
        ),
      ),
    ],
  };
}

const UPDATE_WORDS: Record<string, string> = {
  done: 'Done',
  update: 'A new due time',
  cannot: 'Cannot be done',
};

/** What the owner agency recorded on an action after the meeting. */
export function actionUpdateItem(
  ctx: ItemContext,
  action: ActionRecord,
  u: ActionUpdateRecord,
): ReportItem {
  return {
    title: `Update on the action on ${refOf(ctx, action.referralId)} agreed at ${meetingWords(ctx, action.meetingId)}`,
    providedBy: agencyName(ctx, u.agencyId),
    on: atInstant(u.updatedAt),
    fields: [
      ...field('Action', action.what, 'may-name-others'),
      ...field('Outcome', UPDATE_WORDS[u.outcome] ?? u.outcome),
      ...field(u.outcome === 'done' ? 'Note' : 'Reason', u.words, 'may-name-others'),
      ...field('New due time', u.newDueAt ? atInstant(u.newDueAt) : null),
      ...field('Updated by', personWords(ctx, u.updatedBy), 'third-party'),
    ],
  };
}

/** What a corrected record said before its correction (kept, so it is held too). */
export function correctionItem(
  ctx: ItemContext,
  c: CorrectionRecord,
  referralOf: (c: CorrectionRecord) => string,
): ReportItem {
  let before: Record<string, unknown> = {};
  try {
    before = JSON.parse(c.before) as Record<string, unknown>;
  } catch {
    before = {};
  }
  const text = (key: string) => (typeof before[key] === 'string' ? (before[key] as string) : null);
  const what = c.recordType === 'notes' ? 'notes' : 'action';
  return {
    title: `Earlier version of the ${what} on ${refOf(ctx, referralOf(c))} from ${meetingWords(ctx, c.meetingId)}`,
    providedBy: `${ctx.marac} (the meeting's record)`,
    on: atInstant(c.correctedAt),
    fields: [
      ...field('Version replaced', String(c.version)),
      ...(c.recordType === 'notes'
        ? [
            ...field('Discussion: facts', text('facts'), 'may-name-others'),
            ...field('Discussion: professional opinion', text('opinion'), 'may-name-others'),
            ...field('Risks', text('riskSummary'), 'may-name-others'),
          ]
        : [
            ...field('What exactly', text('what'), 'may-name-others'),
            ...field('Owner agency', ctx.agencies.get(text('ownerAgencyId') ?? '')),
            ...field('Named person at the agency', text('ownerPerson'), 'third-party'),
            ...field('Due', text('dueAt') ? atInstant(new Date(text('dueAt')!)) : null),
            ...field('Risk it addresses', text('risk'), 'may-name-others'),
          ]),
      ...field('Reason for the correction', c.reason, 'may-name-others'),
      ...field('Corrected by', personWords(ctx, c.correctedBy), 'third-party'),
    ],
  };
}
