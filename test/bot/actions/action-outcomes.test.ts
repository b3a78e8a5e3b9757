import { randomUUID } from 'node:crypto';
import { defaultConfidentialityStatement } from '#core/agendas/confidentiality.js';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import { updateActionOutcome } from '#core/actions/update-action-outcome.js';
import type { ActionOutcomeInput, CaseNote, MyActions } from '#core/contracts/action-api.js';
import { isDomainError } from '#core/shared/errors.js';
import { signIn } from '../../support/start-app.js';
import {
  errorOf,
  json,
  meetingUnderWay,
  post,
  type MeetingFixture,
} from '../meeting-run/record-fixture.js';

/**
 * The owners' updates of their actions (issue #11), through the use case on the real store
 * (PGlite): done, a new due time and cannot, each kept sealed as history and audited; a stale
 * version, a finished action, a due time in the past and another agency's rep refused in words.
 */
let f: MeetingFixture;
let policeDeputy: string;
let actionId: string;

const count = async (sql: string, params: unknown[] = []) =>
  (await f.app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = (action: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);

const deps = () => ({
  uow: f.app.services.uow,
  clock: f.app.services.clock,
  ids: f.app.services.ids,
});
const outcome = (
  personId: string,
  id: string,
  body: ActionOutcomeInput,
  roles: ('rep' | 'coordinator')[] = ['rep'],
) => updateActionOutcome(deps(), { personId, roles, actionId: id, outcome: body });
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error))
      return { code: error.code, message: error.message, details: error.details };
    throw error;
  }
  throw new Error('expected a refusal');
};

async function newAction(ownerAgencyId: string, what = 'Flag the address for an urgent response') {
  const made = await json<MeetingAction>(
    f.as.chair(
      `/api/meetings/${f.meetingId}/run/cases/${f.withChildren}/actions`,
      post({
        ownerAgencyId,
        ownerPerson: null,
        what,
        dueDate: f.day(3),
        dueTime: '10:00',
        risk: 'Further assault at the home address',
        urgent: null,
      }),
    ),
  );
  return made.id;
}

beforeAll(async () => {
  f = await meetingUnderWay();
  const deputy = await signIn(f.app, 'idris.penhallow@police.example');
  policeDeputy = (await json<{ id: string }>(deputy('/api/me'))).id;
  actionId = await newAction(f.police);
}, 180_000);
afterAll(() => f.app.stop());

describe('an owner updates an action', () => {
  it('moves the due time with a reason, keeping it open, and keeps the reason sealed', async () => {
    const before = await audits('action.update');
    const view = await outcome(f.personIds.police, actionId, {
      outcome: 'update',
      dueDate: f.day(10),
      dueTime: '16:30',
      reason: 'Waiting for the housing officer Quillmoor',
      version: 1,
    });
    expect(view).toMatchObject({
      status: 'open',
      dueDate: f.day(10),
      dueTime: '16:30',
      version: 2,
    });
    expect(view.history).toEqual([
      expect.objectContaining({
        outcome: 'update',
        words: 'Waiting for the housing officer Quillmoor',
        by: expect.any(String),
      }),
    ]);
    expect(await audits('action.update')).toBe(before + 1);
    expect(
      await count(`SELECT count(*)::int AS n FROM action_update WHERE words LIKE '%Quillmoor%'`),
    ).toBe(0);
  });

  it('reads a new due date and time in London time across the change to summer time', async () => {
    const summer = await newAction(f.police, 'Review the safety plan in spring');
    const view = await outcome(f.personIds.police, summer, {
      outcome: 'update',
      dueDate: '2027-03-29',
      dueTime: '09:30',
      reason: 'After the clocks change',
      version: 1,
    });
    // British Summer Time from 28 March 2027: 09:30 in London is 08:30 UTC.
    expect(view).toMatchObject({ dueAt: '2027-03-29T08:30:00.000Z', dueTime: '09:30' });
  });

  it('refuses a stale version, naming who saved it, and overwrites nothing', async () => {
    const refused = await refusal(
      outcome(policeDeputy, actionId, { outcome: 'done', note: 'Flagged', version: 1 }),
    );
    expect(refused.code).toBe('VERSION_CONFLICT');
    expect(refused.message).toMatch(/Dana Whitcombe saved this action/);
    expect(await audits('action.update.refused')).toBeGreaterThan(0);
  });

  it('refuses a new due time before now, naming the field', async () => {
    const refused = await refusal(
      outcome(f.personIds.police, actionId, {
        outcome: 'update',
        dueDate: f.day(-5),
        dueTime: '10:00',
        reason: 'Late',
        version: 2,
      }),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.details?.[0]?.path).toBe('dueDate');
  });

  it('lets the other rep of the agency mark it done, then refuses anything more in words', async () => {
    const view = await outcome(policeDeputy, actionId, {
      outcome: 'done',
      note: 'Address flagged on the system',
      version: 2,
    });
    expect(view).toMatchObject({ status: 'done', incomplete: false, version: 3 });
    expect(view.history.map((h) => h.outcome)).toEqual(['update', 'done']);
    const refused = await refusal(
      outcome(f.personIds.police, actionId, { outcome: 'cannot', reason: 'No', version: 3 }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/was marked done on .*it can no longer be updated/);
  });

  it('tells a rep of another agency there is no such action', async () => {
    const other = await newAction(f.police, 'Check bail conditions');
    const refused = await refusal(
      outcome(f.personIds.childrens, other, { outcome: 'done', note: 'x', version: 1 }),
    );
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('lets the coordinator record that it cannot be done, on the agency’s behalf', async () => {
    const other = await newAction(f.police, 'Visit the neighbour');
    const before = await audits('action.cannot.on-behalf');
    const view = await outcome(
      f.personIds.coordinator,
      other,
      { outcome: 'cannot', reason: 'The neighbour moved away', version: 1 },
      ['coordinator'],
    );
    expect(view).toMatchObject({ status: 'cannot', incomplete: false });
    expect(await audits('action.cannot.on-behalf')).toBe(before + 1);
    const stored = await f.app.db.query<{ status: string; version: number }>(
      'SELECT status, version FROM meeting_action WHERE id = $1',
      [other],
    );
    expect(stored.rows[0]).toEqual({ status: 'cannot', version: 2 });
  });
});

describe('through the API', () => {
  const update = (id: string, body: unknown, key = randomUUID()) => post(body, key);

  it('lists the agency’s actions for either rep, incomplete first, audited as a read', async () => {
    const open = await newAction(f.police, 'Speak to the school');
    const before = await audits('actions.mine-viewed');
    const mine = await json<MyActions>(f.as.police('/api/actions/mine'));
    const ids = mine.actions.map((a) => a.id);
    expect(ids).toContain(open);
    expect(ids).toContain(actionId);
    expect(ids.indexOf(open)).toBeLessThan(ids.indexOf(actionId)); // done comes after
    const done = mine.actions.find((a) => a.id === actionId)!;
    expect(done).toMatchObject({ status: 'done', meetingDate: f.day(0) });
    expect(done.history.map((h) => h.words)).toContain('Address flagged on the system');
    expect(mine.actions.every((a) => a.ownerAgencyId === f.police)).toBe(true);
    expect(await audits('actions.mine-viewed')).toBe(before + 1);
    // The children's services rep owns none of these.
    const theirs = await json<MyActions>(f.as.childrens('/api/actions/mine'));
    expect(theirs.actions.map((a) => a.id)).not.toContain(open);
  });

  it('shows a children’s services task with its feedback date, a week after the meeting', async () => {
    const task = await newAction(f.childrens, 'Strategy discussion about the children');
    const theirs = await json<MyActions>(f.as.childrens('/api/actions/mine'));
    expect(theirs.actions.find((a) => a.id === task)).toMatchObject({ feedbackBy: f.day(7) });
  });

  it('answers a malformed body, a stale version and a finished action in words', async () => {
    const id = await newAction(f.police, 'Check the CCTV');
    const bad = await errorOf(
      f.as.police(`/api/actions/${id}/update`, update(id, { outcome: 'done', version: 1 })),
    );
    expect(bad).toMatchObject({ status: 400 });
    expect(bad.fields).toContain('body.note');
    const blank = await errorOf(
      f.as.police(
        `/api/actions/${id}/update`,
        update(id, { outcome: 'cannot', reason: '   ', version: 1 }),
      ),
    );
    expect(blank.status).toBe(400);
    await json(
      f.as.police(
        `/api/actions/${id}/update`,
        update(id, { outcome: 'done', note: 'Footage requested', version: 1 }),
      ),
    );
    const finished = await errorOf(
      f.as.police(
        `/api/actions/${id}/update`,
        update(id, { outcome: 'cannot', reason: 'No footage', version: 2 }),
      ),
    );
    expect(finished).toMatchObject({ status: 409, code: 'CONFLICT' });
    const stale = await newAction(f.police, 'Check the doorbell camera');
    await json(
      f.as.police(
        `/api/actions/${stale}/update`,
        update(stale, {
          outcome: 'update',
          dueDate: f.day(12),
          dueTime: '09:00',
          reason: 'Owner away',
          version: 1,
        }),
      ),
    );
    const conflict = await errorOf(
      f.as.coordinator(
        `/api/actions/${stale}/update`,
        update(stale, { outcome: 'done', note: 'Seen', version: 1 }),
      ),
    );
    expect(conflict).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(conflict.message).toMatch(/Nothing was overwritten/);
  });

  it('refuses another agency’s rep and a person with no part in it with 404', async () => {
    for (const who of ['childrens', 'idva', 'chair'] as const) {
      const answer = await errorOf(
        f.as[who](
          `/api/actions/${actionId}/update`,
          update(actionId, { outcome: 'done', note: 'x', version: 3 }),
        ),
      );
      expect(answer.status).toBe(404);
    }
  });

  it('gives the agency its case note: date, summary, its own actions, the statement', async () => {
    await json(
      f.as.coordinator(`/api/meetings/${f.meetingId}/run/cases/${f.withChildren}/notes`, {
        method: 'PUT',
        body: JSON.stringify({
          facts: '',
          opinion: '',
          riskSummary: 'High risk of serious harm: escalating',
          version: 0,
        }),
      }),
    );
    const childrensTask = await newAction(f.childrens, 'Visit the children at school');
    const note = await json<CaseNote>(f.as.police(`/api/actions/${actionId}/case-note`));
    expect(note.text).toMatch(/^MARAC case note/);
    expect(note.text).toContain(`Case reference: ${note.reference}`);
    expect(note.text).toContain('High risk of serious harm: escalating');
    expect(note.text).toContain('Flag the address for an urgent response');
    expect(note.text).toContain('Address flagged on the system');
    expect(note.text).not.toContain('Visit the children at school');
    expect(note.text).toContain(defaultConfidentialityStatement);
    const theirs = await json<CaseNote>(f.as.childrens(`/api/actions/${childrensTask}/case-note`));
    expect(theirs.text).toContain('Feedback to MARAC by');
    expect(theirs.text).not.toContain('Flag the address');
    expect((await errorOf(f.as.childrens(`/api/actions/${actionId}/case-note`))).status).toBe(404);
  });
});
