import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResearchMatrix } from '#core/contracts/research-api.js';
import { demoReferrals } from '../../../bot/src/demo/demo-referrals.js';
import { saveConversation } from '../../../bot/src/notify/bot-notifier.js';
import {
  CHAT_WAITS,
  sendResearchPrompt,
  WaitingForChatError,
} from '../../../bot/src/notify/research-prompt.js';
import { FakeBotConnector } from '../../support/fake-bot-connector.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/*
 * Research prompts as Teams would receive them: publishing an agenda sends each prompted rep
 * their prompt through a loopback Bot Connector that enforces Teams' limits, exactly once, with
 * no one's name in the chat's copy; a rep the bot cannot reach is mailed a link; deputies are
 * prompted as the area says; a 429 is waited out and the message still arrives once.
 */

const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const TEAMS_TENANT = 'tenant-riverside';
const names = demoReferrals.flatMap((story) => [
  story.victim.name,
  story.perpetrator.name,
  ...story.children.map((c) => c.name),
]);

let app: TestApp;
let teams: FakeBotConnector;
/** A connector that allows one message a second per tenant: the app's pace expects 50. */
let strict: FakeBotConnector;
let coordinator: (route: string, init?: RequestInit) => Promise<Response>;
let meetingId: string;
let areaId: string;
let reps: { agencyId: string; agency: string; core: string | null; deputy: string | null }[];
/** The rep left without a chat with the bot: Adult Social Care's core rep. */
let unreachable: string;

const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};

/** The person has a 1:1 chat with the bot, on `connector`, as their first message records. */
async function chatWith(personId: string, connector: FakeBotConnector, tenantId: string) {
  await saveConversation(app.db, app.services.crypto, personId, {
    serviceUrl: connector.serviceUrl,
    channelId: 'msteams',
    conversation: { id: `chat-${personId}`, conversationType: 'personal', tenantId },
    agent: { id: '7d3c1b2a-0000-4000-8000-00000000b0b0', name: 'MARAC' },
    user: { id: `29:${personId}`, name: 'rep' },
  });
}

/** The prompt cards a connector accepted, by conversation (not the password notices' text). */
const cardsOn = (connector: FakeBotConnector) => {
  const cards = connector.activities().filter((a) => Array.isArray(a.body.attachments));
  const by: Record<string, number> = {};
  for (const card of cards) by[card.conversationId] = (by[card.conversationId] ?? 0) + 1;
  return { total: cards.length, by, cards };
};

async function settled(connector: FakeBotConnector, expected: number, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    await app.services.drainOutbox();
    const sent = cardsOn(connector).total;
    if (sent >= expected || Date.now() > until) return sent;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  teams = await FakeBotConnector.start();
  strict = await FakeBotConnector.start({ perTenant: [{ seconds: 1, max: 1 }] });
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { MARAC_DEMO_REFERRALS: 'true', RATE_LIMIT_PER_MINUTE: '100000' },
  });
  coordinator = await signIn(app, COORDINATOR);
  // The coming meeting with the most accepted cases: its research is still open.
  const found = await app.db.query<{ meeting_id: string; area_id: string }>(
    `SELECT r.meeting_id, m.area_id FROM referral r JOIN meeting m ON m.id = r.meeting_id
      WHERE r.status = 'accepted' AND m.date >= '2026-12-08'
      GROUP BY r.meeting_id, m.area_id ORDER BY count(*) DESC LIMIT 1`,
  );
  ({ meeting_id: meetingId, area_id: areaId } = found.rows[0]!);
  reps = (
    await app.db.query<{
      agency_id: string;
      name: string;
      core_rep_id: string | null;
      deputy_rep_id: string | null;
    }>(
      `SELECT aa.agency_id, a.name, aa.core_rep_id, aa.deputy_rep_id
         FROM area_agency aa JOIN agency a ON a.id = aa.agency_id WHERE aa.area_id = $1`,
      [areaId],
    )
  ).rows.map((r) => ({
    agencyId: r.agency_id,
    agency: r.name,
    core: r.core_rep_id,
    deputy: r.deputy_rep_id,
  }));
  unreachable = reps.find((r) => r.agency === 'Adult Social Care')!.core!;
  for (const rep of reps) {
    if (rep.core && rep.core !== unreachable) await chatWith(rep.core, teams, TEAMS_TENANT);
    if (rep.deputy) await chatWith(rep.deputy, strict, 'tenant-strict');
  }
  // Deputies only when the core rep is absent, so the first publication reaches core reps only.
  await json(
    coordinator(`/api/areas/${areaId}/research-settings`, {
      method: 'PUT',
      body: JSON.stringify({
        sharing: 'before-meeting',
        deputies: 'when-core-absent',
        reminderDays: [3, 1],
      }),
    }),
  );
}, 180_000);
afterAll(async () => {
  await app.stop();
  await teams.stop();
  await strict.stop();
});

const caseCount = async () =>
  (
    await app.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM referral WHERE meeting_id = $1 AND status = 'accepted'`,
      [meetingId],
    )
  ).rows[0]!.n;

it('sends each core rep their prompt once, paced within Teams limits, and names no one in the chat', async () => {
  const published = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(published.status).toBe(201);
  const cases = await caseCount();
  const perRep = cases <= 3 ? cases : 1;
  const reached = reps.filter((r) => r.core && r.core !== unreachable);
  const sent = await settled(teams, reached.length * perRep);
  expect(sent).toBe(reached.length * perRep);
  expect(teams.stats().throttledTotal).toBe(0);
  expect(teams.stats().tooLarge).toBe(0); // each message under Teams' 40 KB
  for (const rep of reached) expect(cardsOn(teams).by[`chat-${rep.core}`]).toBe(perRep);
  // Deputies are prompted only once their core rep is marked absent.
  expect(cardsOn(strict).total).toBe(0);

  const kept = JSON.stringify(teams.activities().map((a) => a.body));
  for (const name of names) expect(kept).not.toContain(name);
  const first = cardsOn(teams).cards[0]!.body as {
    summary: string;
    attachments: { content: { refresh: { userIds: string[] } } }[];
  };
  expect(first.summary).toMatch(/^MARAC research for the meeting on \w+day \d+ \w+ 2026: /);
  expect(first.attachments[0]!.content.refresh.userIds).toHaveLength(1); // the core rep alone

  // Publishing again with nothing changed queues nothing more.
  const again = await coordinator(`/api/meetings/${meetingId}/agenda/publish`, {
    method: 'POST',
    body: '{}',
  });
  expect(again.status).toBe(409);
  expect(await settled(teams, Number.MAX_SAFE_INTEGER, 500)).toBe(sent);
});

it('shows the prompt as sent in the matrix, by Teams or by the link mail', async () => {
  const matrix = await json<ResearchMatrix>(coordinator(`/api/meetings/${meetingId}/research`));
  const adults = reps.find((r) => r.agency === 'Adult Social Care')!.agencyId;
  const police = reps.find((r) => r.agency === 'Riverside Police')!.agencyId;
  const statusOf = (agencyId: string) =>
    new Set(matrix.cells.filter((c) => c.agencyId === agencyId).map((c) => c.status));
  expect(statusOf(police)).toEqual(new Set(['sent']));
  // Its core rep has no chat with the bot: asked by the link mail, which counts as sent too.
  expect(statusOf(adults)).toEqual(new Set(['sent']));
});

it('mails a link to the tab to a rep the bot cannot reach, naming no one', async () => {
  const dir = path.join(app.dataDir, 'outbox', 'mail');
  const links = readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f), 'latin1'))
    .filter((eml) => /^Message-ID:\s*<marac\.research\./im.test(eml));
  expect(links).toHaveLength(1);
  const eml = links[0]!;
  expect(eml).toMatch(/^To: fenella\.quayle@adults\.example/im);
  expect(eml).toMatch(/^Subject: MARAC research requested: meeting on /im);
  const body = eml.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  expect(body).toContain(`/research?meeting=${meetingId}`);
  for (const name of names) expect(eml).not.toContain(name);
});

it('prompts a deputy once their core rep is marked absent, and waits out a 429 from Teams', async () => {
  const absent = reps.filter((r) => r.deputy && r.core !== unreachable).slice(0, 3);
  const started = Date.now();
  for (const rep of absent) {
    const marked = await json<{ deputiesPrompted: number }>(
      coordinator(`/api/meetings/${meetingId}/agencies/${rep.agencyId}/core-rep-absent`, {
        method: 'PUT',
        body: JSON.stringify({ absent: true }),
      }),
    );
    expect(marked.deputiesPrompted).toBe(1);
  }
  const cases = await caseCount();
  const perRep = cases <= 3 ? cases : 1;
  const sent = await settled(strict, absent.length * perRep, 30_000);
  expect(sent).toBe(absent.length * perRep);
  // The strict connector refused some (1 a second); each was sent again after its Retry-After.
  expect(strict.stats().throttledTotal).toBeGreaterThan(0);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  for (const rep of absent) expect(cardsOn(strict).by[`chat-${rep.deputy}`]).toBe(perRep);
  // Marking them again sends nothing more.
  await coordinator(`/api/meetings/${meetingId}/agencies/${absent[0]!.agencyId}/core-rep-absent`, {
    method: 'PUT',
    body: JSON.stringify({ absent: true }),
  });
  expect(await settled(strict, Number.MAX_SAFE_INTEGER, 1500)).toBe(sent);
}, 60_000);

it('installs the app for a rep it cannot reach (graph mode), looks for their chat, then mails the link', async () => {
  const adults = reps.find((r) => r.agency === 'Adult Social Care')!;
  await app.db.query(`UPDATE person SET tenant_id = $2, object_id = $3 WHERE id = $1`, [
    adults.core,
    TEAMS_TENANT,
    '7d3c1b2a-0000-4000-8000-0000000000a7',
  ]);
  const installs: string[] = [];
  const deps = {
    db: app.db,
    crypto: app.services.crypto,
    uow: app.services.uow,
    notifier: { send: async () => false, sendCard: async () => false },
    now: app.services.clock.now,
    installer: { installFor: async (objectId: string) => void installs.push(objectId) },
  };
  const caseIds = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM referral WHERE meeting_id = $1 AND status = 'accepted' ORDER BY reference`,
      [meetingId],
    )
  ).rows.map((r) => r.id);
  const job = {
    kind: 'notify.research-prompt' as const,
    meetingId,
    agencyId: adults.agencyId,
    personId: adults.core!,
    referralId: null,
    caseIds,
  };
  const links = async () =>
    (
      await app.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM outbox WHERE kind = 'notify.research-link'
          AND payload->>'personId' = $1`,
        [adults.core],
      )
    ).rows[0]!.n;
  const before = await links();
  // Each look asks Graph to install the app (409 once it is there) and waits for the chat.
  for (let attempt = 1; attempt <= CHAT_WAITS; attempt += 1) {
    await expect(sendResearchPrompt(deps, job, attempt)).rejects.toBeInstanceOf(
      WaitingForChatError,
    );
  }
  expect(installs).toEqual(Array(CHAT_WAITS).fill('7d3c1b2a-0000-4000-8000-0000000000a7'));
  expect(await links()).toBe(before);
  // Still no chat after the last look: the link by mail (queued once, whatever the retries).
  await sendResearchPrompt(deps, job, CHAT_WAITS + 1);
  await sendResearchPrompt(deps, job, CHAT_WAITS + 2);
  expect(await links()).toBe(Math.max(before, 1));

  // Teams refuses the chat for good (the rep removed the bot: 403): asked another way.
  const blocked = {
    ...deps,
    notifier: {
      send: async () => true,
      sendCard: async () => {
        throw Object.assign(new Error('ConversationBlockedByUser'), { status: 403 });
      },
    },
  };
  await expect(sendResearchPrompt(blocked, job, CHAT_WAITS + 1)).resolves.toBeUndefined();
  // A 5xx or a 429 is tried again by the outbox, not taken for a missing chat.
  const failing = {
    ...blocked,
    notifier: {
      ...blocked.notifier,
      sendCard: async () => {
        throw Object.assign(new Error('Service Unavailable'), { status: 503 });
      },
    },
  };
  await expect(sendResearchPrompt(failing, job, 1)).rejects.toMatchObject({ status: 503 });

  // Graph does not know the person (404) or the app may not install (403): the link at once.
  const refusing = {
    ...deps,
    installer: {
      installFor: async () => {
        throw Object.assign(new Error('no such user'), { status: 404 });
      },
    },
  };
  await expect(sendResearchPrompt(refusing, job, 1)).resolves.toBeUndefined();
  // A rep who never signed in is asked for by their address (the user principal name).
  await app.db.query(`UPDATE person SET object_id = NULL, tenant_id = NULL WHERE id = $1`, [
    adults.core,
  ]);
  installs.length = 0;
  await expect(sendResearchPrompt(deps, job, 1)).rejects.toBeInstanceOf(WaitingForChatError);
  expect(installs).toEqual(['fenella.quayle@adults.example']);
});
