import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { MeetingAction } from '#core/contracts/meeting-api.js';
import { saveConversation } from '../../../bot/src/notify/bot-notifier.js';
import { json, meetingUnderWay, post, type MeetingFixture } from '../meeting-run/record-fixture.js';

/**
 * The action cards through the bot endpoint (issue #11): closing the meeting queues one card per
 * action and rep (ids only), the card at rest names no one, and the card's buttons, sent as Teams
 * sends them (`adaptiveCard/action` invokes), mark an action done once however often clicked,
 * refuse an empty note on the form, and refuse a rep of another agency, a forged card and a
 * group chat in words that say nothing about the action.
 */
let f: MeetingFixture;
let action: MeetingAction;

/** The Playground's mock users (bot/src/agent/teams-person.ts), mapped in local mode. */
const DANA = { id: 'user-dana-whitcombe', aadObjectId: '7d3c1b2a-0000-4000-8000-000000000004' };
const PRIYA = { id: 'user-priya-ellingham', aadObjectId: '7d3c1b2a-0000-4000-8000-000000000005' };
const TENANT = '7d3c1b2a-0000-4000-8000-00000000a1a1';
const WHAT = 'Flag the address of the family home';

async function invoke(
  from: typeof DANA,
  verb: string,
  data: Record<string, unknown>,
  conversationType = 'personal',
): Promise<string> {
  const answer = await fetch(`${f.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'invoke',
      name: 'adaptiveCard/action',
      id: randomUUID(),
      channelId: 'msteams',
      serviceUrl: 'https://smba.example',
      from,
      recipient: { id: 'bot' },
      conversation: { id: `conversation-${from.id}`, conversationType, tenantId: TENANT },
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  });
  expect(answer.status).toBe(200);
  return JSON.stringify(((await answer.json()) as { value: unknown }).value);
}

const count = async (sql: string, params: unknown[] = []) =>
  (await f.app.db.query<{ n: number }>(sql, params)).rows[0]!.n;

beforeAll(async () => {
  f = await meetingUnderWay();
  // Dana has a chat with the bot (somewhere other than this machine: nothing is sent there).
  await saveConversation(f.app.db, f.app.services.crypto, f.personIds.police, {
    serviceUrl: 'https://smba.example',
    conversation: { id: 'conversation-dana', conversationType: 'personal', isGroup: false },
    user: { id: DANA.id, name: 'Dana' },
  } as never);
  action = await json<MeetingAction>(
    f.as.chair(
      `/api/meetings/${f.meetingId}/run/cases/${f.withChildren}/actions`,
      post({
        ownerAgencyId: f.police,
        ownerPerson: null,
        what: WHAT,
        dueDate: f.day(3),
        dueTime: '10:00',
        risk: 'Further assault',
        urgent: null,
      }),
    ),
  );
  await f.app.db.query(`UPDATE meeting_case SET state = 'heard' WHERE meeting_id = $1`, [
    f.meetingId,
  ]);
  await json(f.as.chair(`/api/meetings/${f.meetingId}/run/close`, post({})));
  await f.app.services.drainOutbox();
}, 180_000);
afterAll(() => f.app.stop());

it('queues one card per action and rep at close, ids only, and the card at rest names no one', async () => {
  const jobs = await f.app.db.query<{ payload: unknown }>(
    `SELECT payload FROM outbox WHERE kind = 'notify.action-card'`,
  );
  expect(
    jobs.rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)),
  ).toEqual(
    expect.arrayContaining([
      { kind: 'notify.action-card', actionId: action.id, personId: f.personIds.police },
    ]),
  );
  expect(jobs.rows).toHaveLength(2); // the police's core rep and deputy
  const dir = path.join(f.app.dataDir, 'outbox', 'teams');
  const files = await readdir(dir);
  const cards = (await Promise.all(files.map((x) => readFile(path.join(dir, x), 'utf8')))).filter(
    (c) => c.includes('MARAC action for your agency'),
  );
  expect(cards).toHaveLength(1); // only Dana has a chat with the bot
  expect(cards[0]).toContain(action.reference);
  expect(cards[0]).toContain(DANA.id); // the refresh names her
  for (const secret of [WHAT, 'Further assault', 'Dana Whitcombe', 'Idris'])
    expect(cards[0]).not.toContain(secret);
});

it('shows the owner the action, refuses an empty note on the form, and marks it done once', async () => {
  const view = await invoke(DANA, 'action.view', { actionId: action.id });
  expect(view).toContain(WHAT);
  const op = randomUUID();
  const empty = await invoke(DANA, 'action.done', {
    actionId: action.id,
    version: 1,
    op,
    step: 'done',
    note: '  ',
  });
  expect(empty).toContain('What was done: enter some words');
  expect(await count(`SELECT count(*)::int AS n FROM action_update`)).toBe(0);
  const click = {
    actionId: action.id,
    version: 1,
    op: randomUUID(),
    step: 'done',
    note: 'Flagged',
  };
  const first = await invoke(DANA, 'action.done', click);
  expect(first).toContain('Marked done.');
  const again = await invoke(DANA, 'action.done', click);
  expect(again).toContain('{"title":"Status","value":"Done"}');
  expect(await count(`SELECT count(*)::int AS n FROM action_update`)).toBe(1);
  expect(
    await count(`SELECT count(*)::int AS n FROM meeting_action WHERE id = $1 AND status = 'done'`, [
      action.id,
    ]),
  ).toBe(1);
});

it('refuses another agency’s rep, a forged card and a group chat without showing the action', async () => {
  const other = await invoke(PRIYA, 'action.view', { actionId: action.id });
  expect(other).toContain('There is no such action, or your agency does not own it.');
  const forged = await invoke(DANA, 'action.view', { actionId: action.id, isAdmin: true });
  expect(forged).toContain('This card is out of date or was not made by MARAC');
  const group = await invoke(DANA, 'action.view', { actionId: action.id }, 'groupChat');
  expect(group).toContain('only show them in our 1:1 chat');
  for (const answer of [other, forged, group]) expect(answer).not.toContain(WHAT);
  expect(
    await count(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'action.card.refused'`),
  ).toBeGreaterThan(0);
});
