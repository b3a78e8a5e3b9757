import type { MeetingRun, MyMeetings } from '#core/contracts/meeting-api.js';
import { DEMO_PEOPLE } from '../../support/meeting-fixture.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/**
 * The demo's meeting today (`MARAC_DEMO_MEETING_TODAY`): what the meeting tab runs on the day the
 * demo is loaded, made through the real use cases. Every name in the demo is invented.
 */
let now = new Date('2026-12-01T09:00:00Z'); // Tue 1 Dec 2026: the demo series' first meeting
const env = { MARAC_DEMO_REFERRALS: 'true', MARAC_DEMO_MEETING_TODAY: 'true' };

describe('on a working day', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp({ now: () => now, env });
  }, 180_000);
  afterAll(() => app.stop());

  it('gives the chair a meeting today with four cases, children first, that they can run', async () => {
    const chair = await signIn(app, DEMO_PEOPLE.chair);
    const mine = (await (await chair('/api/meetings/run/mine')).json()) as MyMeetings;
    const today = mine.meetings.find((m) => m.date === '2026-12-01');
    expect(today).toMatchObject({ state: 'not-started', areaName: 'Northbrook and Wellfield' });
    const run = `/api/meetings/${today!.meetingId}`;
    const confirmed = await chair(`${run}/confidentiality`, {
      method: 'POST',
      body: JSON.stringify({ confirm: true }),
    });
    expect(confirmed.status).toBe(200);
    const view = (await (await chair(`${run}/run`)).json()) as MeetingRun;
    expect(view.cases).toHaveLength(4);
    expect(view.cases[0]!.hasChildren).toBe(true);
    expect(view.cases.slice(1).every((c) => !c.hasChildren)).toBe(true);
    // The agenda is out, so the running order is the one every agency prepared from.
    const versions = await app.db.query('SELECT 1 FROM agenda_version WHERE meeting_id = $1', [
      today!.meetingId,
    ]);
    expect(versions.rows).toHaveLength(1);
    now = new Date(today!.startsAt);
    const started = await (
      await signIn(app, DEMO_PEOPLE.chair)
    )(`${run}/run/current`, {
      method: 'PUT',
      body: JSON.stringify({ referralId: view.cases[0]!.referralId }),
    });
    expect(started.status).toBe(200);
  });
});

describe('on a weekend', () => {
  let app: TestApp;
  beforeAll(async () => {
    now = new Date('2026-12-05T09:00:00Z'); // a Saturday
    app = await startApp({ now: () => now, env });
  }, 180_000);
  afterAll(() => app.stop());

  it('loads the demo without a meeting today', async () => {
    const chair = await signIn(app, DEMO_PEOPLE.chair);
    const mine = (await (await chair('/api/meetings/run/mine')).json()) as MyMeetings;
    expect(mine.meetings.some((m) => m.date === '2026-12-05')).toBe(false);
  });
});
