import { randomUUID } from 'node:crypto';
import type {
  CaseNotes,
  MeetingAction,
  MeetingRun,
  ReviewItem,
} from '#core/contracts/meeting-api.js';
import type { ActionRecord } from '#core/ports/meeting-run.js';
import {
  errorOf,
  json,
  meetingUnderWay,
  post,
  put,
  type MeetingFixture,
} from './record-fixture.js';

/**
 * The review of earlier meetings' incomplete actions (each outcome changes the action, from the
 * version read), and the record after close: a change is a correction that needs a reason, keeps
 * the version it replaces (sealed) and is audited. Every name here is invented.
 */
let f: MeetingFixture;
let base: string;
let earlierMeetingId: string;
const earlier: Record<'fenced' | 'housing' | 'school' | 'gp', string> = {
  fenced: randomUUID(),
  housing: randomUUID(),
  school: randomUUID(),
  gp: randomUUID(),
};

const count = async (sql: string, params: unknown[] = []) =>
  (await f.app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = (action: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
const stored = (actionId: string) =>
  f.store((repos) => repos.meetingActions.get(actionId)) as Promise<ActionRecord>;

/** A meeting of the area two weeks before, closed, with four actions still open. */
async function earlierMeetingWithActions(): Promise<void> {
  earlierMeetingId = randomUUID();
  const at = new Date(f.startsAt.getTime() - 14 * 24 * 3600_000);
  await f.app.db.query(
    `INSERT INTO meeting (id, area_id, pattern_date, date, start_time, starts_at, ends_at, status)
     SELECT $1, area_id, date - 14, date - 14, start_time, $2, $3, 'scheduled'
       FROM meeting WHERE id = $4`,
    [earlierMeetingId, at, new Date(at.getTime() + 3 * 3600_000), f.meetingId],
  );
  const referral = (
    await f.app.db.query<{ case_id: string; reference: string }>(
      'SELECT case_id, reference FROM referral WHERE id = $1',
      [f.adult],
    )
  ).rows[0]!;
  await f.store(async (repos) => {
    await repos.meetingRun.saveRun({
      meetingId: earlierMeetingId,
      state: 'closed',
      startedAt: at,
      startedBy: f.personIds.chair,
      currentReferralId: null,
      closedAt: new Date(at.getTime() + 2 * 3600_000),
      closedBy: f.personIds.chair,
      version: 2,
    });
    await repos.meetingRun.insertCases([
      {
        meetingId: earlierMeetingId,
        referralId: f.adult,
        caseId: referral.case_id,
        position: 0,
        reference: referral.reference,
        hasChildren: false,
        state: 'heard',
        currentSince: null,
        secondsSpent: 600,
        deferredTo: null,
      },
    ]);
    for (const [name, id] of Object.entries(earlier)) {
      await repos.meetingActions.insert({
        id,
        meetingId: earlierMeetingId,
        referralId: f.adult,
        caseId: referral.case_id,
        areaId: f.areaId,
        ownerAgencyId: f.police,
        ownerPerson: null,
        what: `Action about the ${name}`,
        risk: 'Further harm',
        dueAt: new Date(at.getTime() + 7 * 24 * 3600_000),
        urgent: null,
        status: name === 'gp' ? 'ongoing' : 'open',
        createdBy: f.personIds.chair,
        createdAt: at,
        updatedBy: f.personIds.chair,
        updatedAt: at,
        version: 1,
      });
    }
  });
}

beforeAll(async () => {
  f = await meetingUnderWay();
  base = `/api/meetings/${f.meetingId}/run`;
  await earlierMeetingWithActions();
}, 180_000);
afterAll(() => f.app.stop());

describe('the review of incomplete actions', () => {
  const review = (actionId: string, body: unknown, who: 'chair' | 'coordinator' = 'chair') =>
    f.as[who](`${base}/review/${actionId}`, put(body));

  it('marks an action done', async () => {
    const item = await json<ReviewItem>(review(earlier.fenced, { outcome: 'done', version: 1 }));
    expect(item).toMatchObject({ outcome: 'done', notDoneReason: null });
    expect(item.action).toMatchObject({ status: 'done', version: 2 });
    expect(await stored(earlier.fenced)).toMatchObject({ status: 'done', version: 2 });
  });

  it('marks an action ongoing with a new due date and time in London', async () => {
    const item = await json<ReviewItem>(
      review(earlier.housing, {
        outcome: 'ongoing',
        dueDate: f.day(21),
        dueTime: '12:00',
        version: 1,
      }),
    );
    expect(item.action).toMatchObject({
      status: 'ongoing',
      dueDate: f.day(21),
      dueTime: '12:00',
    });
    expect((await stored(earlier.housing)).dueAt.toISOString()).toBe(`${f.day(21)}T12:00:00.000Z`); // a winter meeting: GMT;
  });

  it('marks an action not done, with the reason', async () => {
    const item = await json<ReviewItem>(
      review(earlier.school, { outcome: 'not-done', reason: 'agency-did-not-act', version: 1 }),
    );
    expect(item).toMatchObject({ outcome: 'not-done', notDoneReason: 'agency-did-not-act' });
    const row = await f.app.db.query<{ not_done_reason: string }>(
      'SELECT not_done_reason FROM action_review WHERE meeting_id = $1 AND action_id = $2',
      [f.meetingId, earlier.school],
    );
    expect(row.rows[0]!.not_done_reason).toBe('agency-did-not-act');
    expect((await stored(earlier.school)).status).toBe('not-done');
  });

  it('keeps the first of two reviews from one version', async () => {
    await json(review(earlier.gp, { outcome: 'done', version: 1 }));
    const second = await errorOf(
      review(
        earlier.gp,
        { outcome: 'not-done', reason: 'circumstances-changed', version: 1 },
        'coordinator',
      ),
    );
    expect(second).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect((await stored(earlier.gp)).status).toBe('done');
  });

  it('refuses, and audits, an action that is not on this meeting review list', async () => {
    const own = await json<MeetingAction>(
      f.as.chair(
        `${base}/cases/${f.adult}/actions`,
        post(
          {
            ownerAgencyId: f.police,
            ownerPerson: null,
            what: 'Visit the address',
            dueDate: f.day(7),
            dueTime: '09:00',
            risk: 'Further harm',
            urgent: null,
          },
          randomUUID(),
        ),
      ),
    );
    const refusals = await audits('meeting.review.refused');
    const answer = await errorOf(review(own.id, { outcome: 'done', version: 1 }));
    expect(answer).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(await audits('meeting.review.refused')).toBe(refusals + 1);
    // Nor may this meeting change an earlier meeting's action as if it were its own.
    const forgedBefore = await audits('meeting.action.refused');
    const forged = await errorOf(
      f.as.chair(
        `${base}/actions/${earlier.fenced}`,
        put({
          ownerAgencyId: f.police,
          ownerPerson: null,
          what: 'Rewritten',
          dueDate: f.day(7),
          dueTime: '09:00',
          risk: 'x',
          urgent: null,
          version: 2,
        }),
      ),
    );
    expect(forged).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await stored(earlier.fenced)).what).toBe('Action about the fenced');
    expect(await audits('meeting.action.refused')).toBe(forgedBefore + 1);
  });

  it('shows in the meeting view, with what this meeting said of each', async () => {
    const view = await json<MeetingRun>(f.as.idva(base));
    const outcomes = Object.fromEntries(view.review.map((i) => [i.action.id, i.outcome]));
    expect(outcomes).toEqual({
      [earlier.fenced]: 'done',
      [earlier.housing]: 'ongoing',
      [earlier.school]: 'not-done',
      [earlier.gp]: 'done',
    });
    expect(view.review[0]!.meetingDate < view.date).toBe(true);
    // Nothing of it before the statement is confirmed.
    expect((await json<MeetingRun>(f.as.childrens(base))).review).toEqual([]);
  });

  it('tells everyone following by ids only', async () => {
    const events = await f.app.db.query<{ ids: Record<string, string> }>(
      `SELECT ids FROM live_event WHERE topic = $1 AND kind = 'review.action'`,
      [`meeting:${f.meetingId}`],
    );
    expect(events.rows.map((e) => e.ids.actionId).sort()).toEqual(
      [earlier.fenced, earlier.housing, earlier.school, earlier.gp].sort(),
    );
    expect(JSON.stringify(events.rows)).not.toMatch(/Action about|agency-did-not-act/);
  });

  it('is for the chair or coordinator only', async () => {
    const rep = await errorOf(
      f.as.police(`${base}/review/${earlier.gp}`, put({ outcome: 'done', version: 2 })),
    );
    expect(rep.status).toBe(403);
  });
});

describe('after the meeting closes', () => {
  let notes: CaseNotes;
  let agreed: MeetingAction;
  const actionBody = (what: string, extra: Record<string, unknown>) => ({
    ownerAgencyId: f.police,
    ownerPerson: null,
    what,
    dueDate: f.day(8),
    dueTime: '09:00',
    risk: 'Further harm',
    urgent: null,
    ...extra,
  });

  beforeAll(async () => {
    notes = await json<CaseNotes>(
      f.as.chair(
        `${base}/cases/${f.withChildren}/notes`,
        put({ facts: 'Two callouts', opinion: 'Rising', riskSummary: 'High', version: 0 }),
      ),
    );
    agreed = await json<MeetingAction>(
      f.as.chair(
        `${base}/cases/${f.withChildren}/actions`,
        post(actionBody('Refer to children services', {}), randomUUID()),
      ),
    );
    await f.store(async (repos) => {
      const run = (await repos.meetingRun.run(f.meetingId))!;
      await repos.meetingRun.saveRun({
        ...run,
        state: 'closed',
        currentReferralId: null,
        closedAt: new Date(),
        closedBy: f.personIds.chair,
        version: run.version + 1,
      });
    });
  });

  it('refuses a change to the notes without a reason', async () => {
    const answer = await errorOf(
      f.as.chair(
        `${base}/cases/${f.withChildren}/notes`,
        put({ facts: 'Three callouts', opinion: 'Rising', riskSummary: 'High', version: 1 }),
      ),
    );
    expect(answer).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(answer.fields).toEqual(['correctionReason']);
    expect(answer.message).toMatch(/closed and its record frozen/);
  });

  it('corrects the notes with a reason, keeping the version before', async () => {
    const corrected = await json<CaseNotes>(
      f.as.coordinator(
        `${base}/cases/${f.withChildren}/notes`,
        put({
          facts: 'Three callouts',
          opinion: 'Rising',
          riskSummary: 'High',
          version: notes.version,
          correctionReason: 'The police confirmed a third callout',
        }),
      ),
    );
    expect(corrected).toMatchObject({ facts: 'Three callouts', version: 2 });
    const kept = await f.store((repos) =>
      repos.meetingActions.corrections(f.meetingId, 'notes', f.withChildren),
    );
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ version: 1, reason: 'The police confirmed a third callout' });
    expect(JSON.parse(kept[0]!.before)).toMatchObject({ facts: 'Two callouts' });
    const sealed = await f.app.db.query<{ before: string; reason: string }>(
      'SELECT before, reason FROM meeting_correction',
    );
    expect(JSON.stringify(sealed.rows)).not.toMatch(/callout/);
    expect(await audits('meeting.notes-corrected')).toBe(1);
  });

  it('corrects an action with a reason, keeping the version before', async () => {
    const without = await errorOf(
      f.as.chair(`${base}/actions/${agreed.id}`, put(actionBody('Refer today', { version: 1 }))),
    );
    expect(without.status).toBe(400);
    const corrected = await json<MeetingAction>(
      f.as.chair(
        `${base}/actions/${agreed.id}`,
        put(actionBody('Refer today', { version: 1, correctionReason: 'Minuted wrongly' })),
      ),
    );
    expect(corrected).toMatchObject({ what: 'Refer today', version: 2 });
    const kept = await f.store((repos) =>
      repos.meetingActions.corrections(f.meetingId, 'action', agreed.id),
    );
    expect(JSON.parse(kept[0]!.before)).toMatchObject({ what: 'Refer to children services' });
    expect(await audits('meeting.action-corrected')).toBe(1);
  });

  it('adds no new action and takes no review', async () => {
    const added = await errorOf(
      f.as.chair(
        `${base}/cases/${f.withChildren}/actions`,
        post(actionBody('Another', {}), randomUUID()),
      ),
    );
    expect(added).toMatchObject({ status: 409, code: 'CONFLICT' });
    const reviewed = await errorOf(
      f.as.chair(`${base}/review/${earlier.gp}`, put({ outcome: 'done', version: 2 })),
    );
    expect(reviewed).toMatchObject({ status: 409, code: 'CONFLICT' });
  });
});
