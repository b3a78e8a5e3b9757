/**
 * A meeting's live events end to end: the real app (two instances over one PostgreSQL schema
 * when DATABASE_URL is set; one app on PGlite, in process, always), a change committed through
 * instance A, and followers on instance B reading `GET /meetings/{id}/run/events` with the tab's
 * own client (`followMeetingWith`), signed in through the development sign-in.
 */
import { randomBytes } from 'node:crypto';
import { meetingTopic } from '#core/meeting-run/record-deps.js';
import { followMeetingWith, type MeetingLiveEvent } from '../../../tab/src/api/live.js';
import type { MeetingRun } from '#core/contracts/meeting-api.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

const CHAIR = 'inspector.amos.kettering@police.example';
const ADMIN = 'tobias.fenwick@riverside-partnership.example';

interface Instances {
  name: string;
  open(): Promise<{ a: TestApp; b: TestApp; close(): Promise<void> }>;
}

const env = { RATE_LIMIT_PER_MINUTE: '100000' };
/** Both instances' clock; set to the meeting's start once it is known, as on the day. */
let clock = new Date('2026-12-01T09:00:00Z');
const now = () => clock;

function instances(): Instances[] {
  const list: Instances[] = [
    {
      name: 'PGlite (one instance)',
      async open() {
        const a = await startApp({ now, env });
        return { a, b: a, close: () => a.stop() };
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    list.push({
      name: 'PostgreSQL server (two instances)',
      async open() {
        const schema = `marac_test_${randomBytes(6).toString('hex')}`;
        const server = { ...env, DATABASE_URL: url, DATABASE_SCHEMA: schema };
        const a = await startApp({ now, env: server });
        // The same data folder: the same local key file, as instances share a Key Vault.
        const b = await startApp({
          now,
          dataDir: a.dataDir,
          env: { ...server, MARAC_SEED_DEMO: 'false' },
        });
        return {
          a,
          b,
          async close() {
            await b.close();
            await a.db.query(`DROP SCHEMA ${schema} CASCADE`);
            await a.stop();
          },
        };
      },
    });
  }
  return list;
}

async function tokenFor(app: TestApp, email: string): Promise<string> {
  const response = await fetch(`${app.url}/api/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  return ((await response.json()) as { token: string }).token;
}

async function waitFor(check: () => boolean, what: string, ms = 8_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(instances())('a meeting followed live on $name', ({ open }) => {
  let a: TestApp;
  let b: TestApp;
  let close: () => Promise<void>;
  let meetingId: string;
  let chairToken: string;

  beforeAll(async () => {
    ({ a, b, close } = await open());
    const meeting = (
      await a.db.query<{ id: string; starts_at: Date }>(
        `SELECT m.id, m.starts_at FROM meeting m JOIN area a ON a.id = m.area_id
          WHERE a.name = 'Northbrook and Wellfield' ORDER BY m.date LIMIT 1`,
      )
    ).rows[0]!;
    meetingId = meeting.id;
    clock = new Date(new Date(meeting.starts_at).getTime() + 5 * 60_000);
    chairToken = await tokenFor(b, CHAIR);
  }, 180_000);
  afterAll(() => close());

  /** A change committed through instance A, as its routes publish one. */
  const change = (kind: string) =>
    a.services.uow.run((repos) =>
      repos.live.publish(meetingTopic(meetingId), { kind, ids: { meetingId } }),
    );

  function follow(after: number, token = chairToken) {
    const events: MeetingLiveEvent[] = [];
    let resets = 0;
    let live = false;
    const stop = followMeetingWith(
      {
        fetch: (input, init) => fetch(`${b.url}${String(input)}`, init),
        getToken: async () => token,
        getFreshToken: async () => token,
        firstDelayMs: 50,
      },
      meetingId,
      {
        after,
        onEvent: (event) => events.push(event),
        onReset: () => (resets += 1),
        onStatus: (status) => (live = status === 'live'),
      },
    );
    return { events, stop, resets: () => resets, live: () => live };
  }

  it('answers 401 without a token and 404 to a person with no seat on the meeting', async () => {
    const path = `${b.url}/api/meetings/${meetingId}/run/events`;
    expect((await fetch(path)).status).toBe(401);
    const admin = await fetch(path, {
      headers: { authorization: `Bearer ${await tokenFor(b, ADMIN)}` },
    });
    expect(admin.status).toBe(404);
    const audited = await b.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'meeting.events.refused' AND record_id = $1`,
      [meetingId],
    );
    expect(audited.rows).toHaveLength(1);
    expect(((await admin.json()) as { error: { message: string } }).error.message).toBe(
      'There is no such meeting, or you are not on it.',
    );
    const bad = await fetch(`${path}?lastEventId=yesterday`, {
      headers: { authorization: `Bearer ${chairToken}` },
    });
    expect(bad.status).toBe(400);
  });

  it('brings a change made through instance A to a follower on instance B', async () => {
    const start = await change('case-opened');
    const f = follow(start);
    await waitFor(f.live, 'the stream');
    const seq = await change('action-saved');
    await waitFor(() => f.events.length === 1, 'the change');
    expect(f.events).toEqual([{ seq, kind: 'action-saved', ids: { meetingId } }]);
    f.stop();
  });

  it("brings the chair's move, made through instance A's route, to a follower on B", async () => {
    const chairOnA = await signIn(a, CHAIR);
    const confirmed = await chairOnA(`/api/meetings/${meetingId}/confidentiality`, {
      method: 'POST',
      body: JSON.stringify({ confirm: true }),
    });
    expect(confirmed.status).toBe(200);
    const before = (await (await chairOnA(`/api/meetings/${meetingId}/run`)).json()) as MeetingRun;
    const chairOnB = await signIn(b, CHAIR);
    const viewOnB = async () =>
      (await (await chairOnB(`/api/meetings/${meetingId}/run`)).json()) as MeetingRun;
    expect((await viewOnB()).state).toBe('not-started'); // B now keeps this meeting's snapshot
    const f = follow(before.seq);
    await waitFor(f.live, 'the stream');
    const moved = await chairOnA(`/api/meetings/${meetingId}/run/current`, {
      method: 'PUT',
      body: JSON.stringify({ referralId: null }),
    });
    expect(moved.status).toBe(200);
    const after = (await moved.json()) as MeetingRun;
    await waitFor(() => f.events.some((e) => e.seq === after.seq), 'the move');
    expect(f.events.every((e) => e.ids.meetingId === meetingId)).toBe(true);
    expect(after.state).toBe('in-progress');
    // B's kept snapshot was dropped on the event from A: its view shows the move at once.
    const seenOnB = await viewOnB();
    expect(seenOnB.state).toBe('in-progress');
    expect(seenOnB.seq).toBeGreaterThanOrEqual(after.seq);
    f.stop();
  });

  it('gives a follower who reconnects with Last-Event-ID what it missed, once and in order', async () => {
    const f = follow(await change('case-opened'));
    await waitFor(f.live, 'the stream');
    const seen = await change('notes-saved');
    await waitFor(() => f.events.length === 1, 'the first change');
    f.stop();
    const missed = [await change('action-saved'), await change('case-opened')];
    const again = follow(seen);
    await waitFor(() => again.events.length === 2, 'what it missed');
    const next = await change('case-deferred');
    await waitFor(() => again.events.length === 3, 'what follows');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(again.events.map((e) => [e.seq, e.kind])).toEqual([
      [missed[0], 'action-saved'],
      [missed[1], 'case-opened'],
      [next, 'case-deferred'],
    ]);
    again.stop();
  });

  it('sends a reset to a follower too far behind (pruned) or ahead, and follows on', async () => {
    const old = await change('case-opened');
    await change('case-opened');
    await a.db.query('DELETE FROM live_event WHERE seq <= $1', [old]);
    const behind = follow(old - 1);
    const ahead = follow(old + 10_000);
    await waitFor(() => behind.resets() === 1 && ahead.resets() === 1, 'the resets');
    const next = await change('action-saved');
    await waitFor(
      () => behind.events.length === 1 && ahead.events.length === 1,
      'the change after',
    );
    expect(behind.events[0]!.seq).toBe(next);
    expect(ahead.events[0]!.seq).toBe(next);
    behind.stop();
    ahead.stop();
  });
});
