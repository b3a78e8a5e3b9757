import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AgendaDelivery, AgendaWarning } from '#core/contracts/agenda-api.js';
import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import { GraphMail } from '../../../bot/src/graph/graph-mail.js';
import { graphClientFor } from '../../support/graph-against-fake.js';
import { FakeGraph, messageIdOf } from '../../support/fake-graph.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/**
 * Agendas through Graph `sendMail` against a loopback Graph: a copy Graph refuses ends dead and
 * the coordinator is told (in Teams and in the tab's warnings, by meeting date only); the resend
 * asks Sent Items first; a copy that went out but whose answer was lost is not sent twice.
 */
const MAILBOX = 'marac.northbrook@riverside-partnership.example';
let fake: FakeGraph;
let app: TestApp;
let coordinator: (route: string, init?: RequestInit) => Promise<Response>;
let meetingId: string;
let areaId: string;

const deliveries = async () =>
  (await (
    await coordinator(`/api/meetings/${meetingId}/agenda/deliveries`)
  ).json()) as AgendaDelivery[];

async function settled(done: (rows: AgendaDelivery[]) => boolean): Promise<AgendaDelivery[]> {
  for (let i = 0; i < 300; i += 1) {
    const rows = await deliveries();
    if (rows.length > 0 && done(rows)) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`deliveries did not settle: ${JSON.stringify(await deliveries())}`);
}

const copiesOf = (messageId: string) =>
  (fake.sentMail.get(MAILBOX) ?? []).filter((mime) => messageIdOf(mime) === messageId);

beforeAll(async () => {
  fake = await FakeGraph.start();
  const client = graphClientFor(fake);
  app = await startApp({
    calendar: new GraphCalendar(client),
    mail: new GraphMail(client),
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { MARAC_DEMO_REFERRALS: 'true' },
  });
  coordinator = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const found = await app.db.query<{ meeting_id: string; area_id: string }>(
    `SELECT meeting_id, area_id FROM referral WHERE status = 'accepted' ORDER BY meeting_id LIMIT 1`,
  );
  ({ meeting_id: meetingId, area_id: areaId } = found.rows[0]!);
});
afterAll(async () => {
  await app.stop();
  await fake.stop();
});

it('ends a refused copy dead, tells the coordinator, and resends it once after asking Sent Items', async () => {
  // An agenda copy, not the research link a rep without a chat with the bot is mailed first.
  const agendaCopy = (r: { path: string; body: unknown }) =>
    r.path.endsWith('/sendMail') &&
    /^Subject: MARAC agenda/im.test(Buffer.from(String(r.body), 'base64').toString('latin1'));
  fake.failNextMatching(agendaCopy, 400, 'ErrorInvalidRecipients');
  const published = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(published.status).toBe(201);
  const rows = await settled((r) => r.every((d) => d.status === 'sent' || d.status === 'dead'));
  const dead = rows.filter((d) => d.status === 'dead');
  expect(dead).toHaveLength(1);
  expect(dead[0]!.lastError).toMatch(/HTTP 400 ErrorInvalidRecipients/);

  const warnings = (await (
    await coordinator(`/api/areas/${areaId}/agenda-warnings`)
  ).json()) as AgendaWarning[];
  expect(warnings).toContainEqual(expect.objectContaining({ meetingId, kind: 'delivery-dead' }));
  await app.services.drainOutbox();
  const teams = path.join(app.dataDir, 'outbox', 'teams');
  const told = readdirSync(teams)
    .map((f) => (JSON.parse(readFileSync(path.join(teams, f), 'utf8')) as { text: string }).text)
    .filter((t) => /could not be delivered/.test(t));
  expect(told.length).toBeGreaterThan(0);

  const lookupsBefore = fake.graphRequests.filter((r) => r.rawPath.includes('/sentitems')).length;
  const resent = await coordinator(
    `/api/meetings/${meetingId}/agenda/deliveries/${dead[0]!.id}/resend`,
    { method: 'POST', body: '{}' },
  );
  expect(resent.status).toBe(200);
  const after = await settled((r) => r.every((d) => d.status === 'sent'));
  expect(after.find((d) => d.id === dead[0]!.id)!.status).toBe('sent');
  expect(fake.graphRequests.filter((r) => r.rawPath.includes('/sentitems')).length).toBe(
    lookupsBefore + 1,
  );
  // Every recipient has exactly one copy in the mailbox's sent mail.
  const ids = await app.db.query<{ message_id: string }>(
    'SELECT message_id FROM mail_delivery WHERE purpose = $1',
    ['agenda'],
  );
  for (const row of ids.rows) expect(copiesOf(row.message_id)).toHaveLength(1);
});

it('does not send twice when the mail went but the answer was lost', async () => {
  fake.sendThenFail(503, 'ServiceUnavailable');
  await coordinator(`/api/meetings/${meetingId}/agenda/order`, {
    method: 'PUT',
    body: JSON.stringify({ order: [] }),
  });
  // Move a case out so there is something for an addendum to say.
  const other = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM meeting WHERE area_id = $1 AND id <> $2 AND date > '2026-12-20' AND status = 'scheduled' ORDER BY date LIMIT 1`,
      [areaId, meetingId],
    )
  ).rows[0]!.id;
  const onMeeting = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM referral WHERE meeting_id = $1 AND status = 'accepted' LIMIT 1`,
      [meetingId],
    )
  ).rows[0]!.id;
  expect(
    (
      await coordinator(`/api/referrals/${onMeeting}/move`, {
        method: 'POST',
        body: JSON.stringify({ meetingId: other, reason: 'Needs the housing rep' }),
      })
    ).status,
  ).toBe(200);
  const addendum = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(addendum.status).toBe(201);
  const rows = await settled((r) =>
    r.filter((d) => d.version === 2).every((d) => d.status === 'sent'),
  );
  expect(rows.filter((d) => d.version === 2).some((d) => d.attempts === 2)).toBe(true);
  const ids = await app.db.query<{ message_id: string }>(
    'SELECT message_id FROM mail_delivery WHERE purpose = $1',
    ['agenda'],
  );
  for (const row of ids.rows) expect(copiesOf(row.message_id)).toHaveLength(1);
});
