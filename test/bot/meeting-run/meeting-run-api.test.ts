import { randomUUID } from 'node:crypto';
import type { Attendee, MeetingRun, MyMeetings } from '#core/contracts/meeting-api.js';
import { liveEventsSince } from '../../../bot/src/store/sql-live.js';
import {
  DEMO_PEOPLE,
  meetingWithCases,
  type MeetingFixture,
} from '../../support/meeting-fixture.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/**
 * The meeting's run through the REST API on the real server (PGlite): who is on it, the register
 * and the confidentiality statement, the chair's moves between cases with the timer, deferring a
 * case to the next meeting, the close that freezes the record; refusals in words, audited, and
 * with no live event. Every name is invented.
 */
type Call = (route: string, init?: RequestInit) => Promise<Response>;
type Who = 'coordinator' | 'chair' | 'police' | 'childrens' | 'idva' | 'observer' | 'admin';

let app: TestApp;
let now = new Date('2026-12-01T09:00:00Z');
let as: Record<Who, Call>;
let fixture: MeetingFixture;
let run: string;
let personIds: Record<Who, string>;

const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  ...(key ? { headers: { 'idempotency-key': key } } : {}),
});
const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};
const refusal = async (response: Promise<Response>) => {
  const answer = await response;
  const { error } = (await answer.json()) as { error: { code: string; message: string } };
  return { status: answer.status, ...error };
};
const count = async (sql: string, params: unknown[] = []) =>
  (await app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = (action: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
const events = () => liveEventsSince(app.db, `meeting:${fixture.meetingId}`, 0);
const view = (who: Who) => json<MeetingRun>(as[who](run));
const current = (referralId: string | null) => as.chair(`${run}/current`, put({ referralId }));

async function signInAll() {
  const emails: Record<Who, string> = {
    coordinator: DEMO_PEOPLE.coordinator,
    chair: DEMO_PEOPLE.chair,
    police: DEMO_PEOPLE.policeCore,
    childrens: DEMO_PEOPLE.childrensCore,
    idva: DEMO_PEOPLE.idva,
    observer: DEMO_PEOPLE.observer,
    admin: DEMO_PEOPLE.admin,
  };
  const entries = await Promise.all(
    Object.entries(emails).map(async ([who, email]) => [who, await signIn(app, email)] as const),
  );
  as = Object.fromEntries(entries) as Record<Who, Call>;
}
async function moveClock(to: Date) {
  now = to;
  await signInAll();
}

beforeAll(async () => {
  app = await startApp({ now: () => now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  fixture = await meetingWithCases(app, 4);
  run = `/api/meetings/${fixture.meetingId}/run`;
  await signInAll();
  const me = async (who: Who) => (await json<{ id: string }>(as[who]('/api/me'))).id;
  const whos: Who[] = ['coordinator', 'chair', 'police', 'childrens', 'idva', 'observer', 'admin'];
  personIds = Object.fromEntries(
    await Promise.all(whos.map(async (w) => [w, await me(w)] as const)),
  ) as Record<Who, string>;
}, 180_000);
afterAll(() => app.stop());

describe('who is on the meeting', () => {
  it('tells a person off the meeting that it does not exist, on every route', async () => {
    const someone = personIds.police;
    const routes: [string, RequestInit][] = [
      [run, {}],
      [
        `/api/meetings/${fixture.meetingId}/attendance/${someone}`,
        put({ attendance: 'present', infoSentInAdvance: false, version: 1 }),
      ],
      [`/api/meetings/${fixture.meetingId}/observers`, post({ personId: personIds.observer })],
      [`/api/meetings/${fixture.meetingId}/confidentiality`, post({ confirm: true })],
      [`${run}/current`, put({ referralId: null })],
      [`${run}/close`, post({})],
      [`${run}/cases/${fixture.referralIds[0]}/defer`, post({ reason: 'Out of time' })],
    ];
    for (const who of ['admin', 'observer'] as const) {
      for (const [route, init] of routes) {
        const answer = await refusal(as[who](route, init));
        expect([route, answer.status, answer.code]).toEqual([route, 404, 'MEETING_NOT_FOUND']);
      }
    }
    expect(await count('SELECT count(*)::int AS n FROM meeting_attendance')).toBe(0);
    expect(await events()).toEqual([]);
  });

  it('lists everyone expected on the register, attendance not yet recorded', async () => {
    const meeting = await view('coordinator');
    const seats = new Map(meeting.attendance.map((a) => [a.personId, a.seat]));
    expect(seats.get(personIds.chair)).toBe('chair');
    expect(seats.get(personIds.coordinator)).toBe('coordinator');
    expect(seats.get(personIds.police)).toBe('rep');
    expect(seats.get(personIds.idva)).toBe('idva');
    expect(seats.has(personIds.observer)).toBe(false);
    expect(meeting.attendance.every((a) => a.attendance === null && a.version === 1)).toBe(true);
    const police = meeting.attendance.find((a) => a.personId === personIds.police)!;
    expect(police).toMatchObject({ name: 'Dana Whitcombe', agencyId: fixture.policeId });
    expect(meeting.state).toBe('not-started');
  });

  it('lists the meeting under each person on it, and not under others', async () => {
    const mine = await json<MyMeetings>(as.police('/api/meetings/run/mine'));
    expect(mine.meetings.map((m) => m.meetingId)).toContain(fixture.meetingId);
    expect(mine.meetings.find((m) => m.meetingId === fixture.meetingId)).toMatchObject({
      areaName: 'Northbrook and Wellfield',
      state: 'not-started',
    });
    const admin = await json<MyMeetings>(as.admin('/api/meetings/run/mine'));
    expect(admin.meetings).toEqual([]);
  });
});

describe('the confidentiality statement', () => {
  it('shows no case at all, not even a reference, before the person confirms', async () => {
    const meeting = await view('police');
    expect(meeting).toMatchObject({ casesHidden: true, cases: [], currentReferralId: null });
    expect(meeting.statement).toMatch(/confidential/);
    const text = JSON.stringify(meeting);
    const references = await app.db.query<{ reference: string }>(
      'SELECT reference FROM referral WHERE id = ANY($1::uuid[])',
      [fixture.referralIds],
    );
    for (const id of fixture.referralIds) expect(text).not.toContain(id);
    for (const { reference } of references.rows) expect(text).not.toContain(reference);
  });

  it('records the time once, and marks the person present', async () => {
    const first = await json<Attendee>(
      as.police(`/api/meetings/${fixture.meetingId}/confidentiality`, post({ confirm: true })),
    );
    expect(first).toMatchObject({ attendance: 'present', confirmedAt: now.toISOString() });
    await moveClock(new Date(now.getTime() + 60_000));
    const again = await json<Attendee>(
      as.police(`/api/meetings/${fixture.meetingId}/confidentiality`, post({ confirm: true })),
    );
    expect(again.confirmedAt).toBe(first.confirmedAt);
    expect(await audits('meeting.confirm-statement')).toBe(1);
    expect((await events()).map((e) => e.kind)).toEqual(['meeting.attendance']);
  });

  it('then shows the running order: cases with children first, all waiting', async () => {
    const meeting = await view('police');
    expect(meeting.casesHidden).toBe(false);
    expect(meeting.cases.map((c) => c.referralId)[0]).toBe(fixture.referralIds[0]);
    expect(meeting.cases[0]!.hasChildren).toBe(true);
    expect(meeting.cases).toHaveLength(4);
    expect(meeting.cases.every((c) => c.state === 'waiting')).toBe(true);
  });
});

describe('the register', () => {
  it('lets the coordinator record anyone, a rep only themselves, and refuses a stale version', async () => {
    const line = `/api/meetings/${fixture.meetingId}/attendance/${personIds.childrens}`;
    const saved = await json<Attendee>(
      as.coordinator(line, put({ attendance: 'apologies', infoSentInAdvance: true, version: 1 })),
    );
    expect(saved).toMatchObject({ attendance: 'apologies', infoSentInAdvance: true, version: 2 });
    const before = (await events()).length;
    const refusedBefore = await audits('meeting.attendance.refused');
    const stale = await refusal(
      as.childrens(line, put({ attendance: 'present', infoSentInAdvance: false, version: 1 })),
    );
    expect(stale).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(stale.message).toMatch(/apologies/);
    const other = await refusal(
      as.childrens(
        `/api/meetings/${fixture.meetingId}/attendance/${personIds.idva}`,
        put({ attendance: 'present', infoSentInAdvance: false, version: 1 }),
      ),
    );
    expect(other).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await events()).length).toBe(before);
    // Two more refusals audited (the people off the meeting above were refused and audited too).
    expect(await audits('meeting.attendance.refused')).toBe(refusedBefore + 2);
    const wrong = await refusal(
      as.childrens(line, put({ attendance: 'maybe', infoSentInAdvance: true, version: 2 })),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.message).toMatch(/^Present or apologies: /);
    const own = await json<Attendee>(
      as.childrens(line, put({ attendance: 'present', infoSentInAdvance: true, version: 2 })),
    );
    expect(own).toMatchObject({ attendance: 'present', version: 3 });
  });

  it('lists an observer once, only a person with the observer role', async () => {
    const route = `/api/meetings/${fixture.meetingId}/observers`;
    const key = randomUUID();
    const first = await as.coordinator(route, post({ personId: personIds.observer }, key));
    expect(first.status).toBe(201);
    const again = await json<Attendee>(as.chair(route, post({ personId: personIds.observer })));
    expect(again).toMatchObject({ seat: 'observer', attendance: null, confirmedAt: null });
    expect(
      await count(`SELECT count(*)::int AS n FROM meeting_attendance WHERE seat = 'observer'`),
    ).toBe(1);
    expect(await audits('meeting.observer')).toBe(1);
    const notObserver = await refusal(as.coordinator(route, post({ personId: personIds.admin })));
    expect(notObserver).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    const rep = await refusal(as.police(route, post({ personId: personIds.observer })));
    expect(rep).toMatchObject({ status: 403 });
    // Listed, the observer is on the meeting: they see it, and confirm before any case.
    expect((await view('observer')).casesHidden).toBe(true);
  });
});

describe('running the meeting', () => {
  it('lets only the chair move between cases, and not before half an hour before the start', async () => {
    const refusedBefore = await audits('meeting.current.refused');
    await json(
      as.chair(`/api/meetings/${fixture.meetingId}/confidentiality`, post({ confirm: true })),
    );
    await json(
      as.coordinator(`/api/meetings/${fixture.meetingId}/confidentiality`, post({ confirm: true })),
    );
    const coordinator = await refusal(
      as.coordinator(`${run}/current`, put({ referralId: fixture.referralIds[0] })),
    );
    expect(coordinator).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const rep = await refusal(
      as.police(`${run}/current`, put({ referralId: fixture.referralIds[0] })),
    );
    expect(rep.status).toBe(403);
    await moveClock(new Date(fixture.startsAt.getTime() - 60 * 60_000));
    const early = await refusal(current(fixture.referralIds[0]!));
    expect(early).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(early.message).toMatch(/not started yet/);
    expect(await count('SELECT count(*)::int AS n FROM meeting_run')).toBe(0);
    expect(await audits('meeting.current.refused')).toBe(refusedBefore + 3);
  });

  it('starts with the first move, and every view follows the current case', async () => {
    await moveClock(fixture.startsAt);
    const started = await json<MeetingRun>(current(fixture.referralIds[0]!));
    expect(started).toMatchObject({
      state: 'in-progress',
      startedAt: now.toISOString(),
      currentReferralId: fixture.referralIds[0],
    });
    expect(started.cases[0]).toMatchObject({ state: 'current', currentSince: now.toISOString() });
    expect((await view('police')).currentReferralId).toBe(fixture.referralIds[0]);
    // Not confirmed: the IDVA is told the meeting runs, not which case.
    expect(await view('idva')).toMatchObject({ state: 'in-progress', currentReferralId: null });
    // Opening the case unseals the research kept for the meeting (issue #9).
    const opened = await count(
      'SELECT count(*)::int AS n FROM research_opened_case WHERE referral_id = $1',
      [fixture.referralIds[0]],
    );
    expect(opened).toBe(1);
    expect(await audits('meeting.start')).toBe(1);
  });

  it('times each case: the case left is heard with its seconds added', async () => {
    await moveClock(new Date(now.getTime() + 7 * 60_000 + 30_000));
    const moved = await json<MeetingRun>(current(fixture.referralIds[1]!));
    const [first, second] = moved.cases;
    expect(first).toMatchObject({ state: 'heard', secondsSpent: 450, currentSince: null });
    expect(second).toMatchObject({ state: 'current', secondsSpent: 0 });
    const seq = moved.seq;
    const again = await json<MeetingRun>(current(fixture.referralIds[1]!));
    expect(again.seq).toBe(seq); // a second click changes nothing
    expect(moved.caseTargetMinutes).toBe(12);
  });

  it('defers a case to the next meeting, kept here as deferred with its reason for the chair', async () => {
    const deferred = fixture.referralIds[2]!;
    const key = randomUUID();
    const answer = await json<{ toMeetingId: string; toMeetingDate: string }>(
      as.chair(`${run}/cases/${deferred}/defer`, post({ reason: 'Police report not ready' }, key)),
    );
    expect(answer.toMeetingId).not.toBe(fixture.meetingId);
    const referral = await app.db.query<{ meeting_id: string }>(
      'SELECT meeting_id FROM referral WHERE id = $1',
      [deferred],
    );
    expect(referral.rows[0]!.meeting_id).toBe(answer.toMeetingId);
    const chair = await view('chair');
    expect(chair.cases.find((c) => c.referralId === deferred)).toMatchObject({
      state: 'deferred',
      deferReason: 'Police report not ready',
    });
    const rep = await view('police');
    expect(rep.cases.find((c) => c.referralId === deferred)!.deferReason).toBeNull();
    const stored = await app.db.query<{ defer_reason: string }>(
      'SELECT defer_reason FROM meeting_case WHERE referral_id = $1',
      [deferred],
    );
    expect(stored.rows[0]!.defer_reason).toMatch(/^enc:v1:/);
    // Deferring again answers the same, and moves nothing more.
    const again = await json<{ toMeetingId: string }>(
      as.chair(`${run}/cases/${deferred}/defer`, post({ reason: 'Police report not ready' })),
    );
    expect(again.toMeetingId).toBe(answer.toMeetingId);
    expect(await audits('meeting.defer')).toBe(1);
    expect(await audits('referral.move')).toBe(1);
    const empty = await refusal(as.chair(`${run}/cases/${deferred}/defer`, post({ reason: ' ' })));
    expect(empty.status).toBe(400);
  });

  it('refuses to close while a case waits, naming how many; then closes and freezes the record', async () => {
    const waiting = await refusal(as.chair(`${run}/close`, post({})));
    expect(waiting).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(waiting.message).toMatch(/^1 case is still waiting/);
    await moveClock(new Date(now.getTime() + 5 * 60_000));
    await json(current(fixture.referralIds[3]!));
    await moveClock(new Date(now.getTime() + 10 * 60_000));
    const closed = await json<MeetingRun>(as.chair(`${run}/close`, post({})));
    expect(closed).toMatchObject({
      state: 'closed',
      closedAt: now.toISOString(),
      currentReferralId: null,
    });
    expect(closed.cases.map((c) => c.state)).toEqual(['heard', 'heard', 'deferred', 'heard']);
    expect(closed.cases[3]!.secondsSpent).toBe(600);
    const before = (await events()).length;
    const writes: [Call, string, RequestInit][] = [
      [as.chair, `${run}/current`, put({ referralId: fixture.referralIds[0] })],
      [as.chair, `${run}/close`, post({})],
      [as.chair, `${run}/cases/${fixture.referralIds[3]}/defer`, post({ reason: 'Late' })],
      [
        as.coordinator,
        `/api/meetings/${fixture.meetingId}/attendance/${personIds.idva}`,
        put({ attendance: 'present', infoSentInAdvance: false, version: 1 }),
      ],
      [as.idva, `/api/meetings/${fixture.meetingId}/confidentiality`, post({ confirm: true })],
    ];
    for (const [call, route, init] of writes) {
      const answer = await refusal(call(route, init));
      expect([route, answer.status, answer.message]).toEqual([
        route,
        409,
        expect.stringMatching(/frozen/),
      ]);
    }
    expect((await events()).length).toBe(before);
  });

  it('published one live event per change, ids only, and audited each', async () => {
    const kinds = (await events()).map((e) => e.kind);
    expect(kinds).toEqual([
      'meeting.attendance', // the police rep confirmed
      'meeting.attendance', // the coordinator recorded apologies
      'meeting.attendance', // the children's rep corrected their own line
      'meeting.attendance', // the observer listed
      'meeting.attendance', // the chair confirmed
      'meeting.attendance', // the coordinator confirmed
      'meeting.current',
      'meeting.current',
      'case.deferred',
      'meeting.current',
      'meeting.closed',
    ]);
    for (const event of await events()) {
      expect(
        Object.keys(event.ids).every((k) => ['meetingId', 'referralId', 'personId'].includes(k)),
      ).toBe(true);
    }
    expect(await audits('meeting.close')).toBe(1);
    // Two people off the meeting, a case waiting, and the record frozen.
    expect(await audits('meeting.close.refused')).toBe(4);
  });
});

describe('settings', () => {
  it('reads and sets the target minutes per case, for the coordinator', async () => {
    const route = `/api/areas/${fixture.areaId}/meeting-settings`;
    expect(await json(as.coordinator(route))).toEqual({ caseTargetMinutes: 12 });
    expect(await json(as.coordinator(route, put({ caseTargetMinutes: 15 })))).toEqual({
      caseTargetMinutes: 15,
    });
    const tooLong = await refusal(as.coordinator(route, put({ caseTargetMinutes: 90 })));
    expect(tooLong.status).toBe(400);
    expect((await refusal(as.chair(route, put({ caseTargetMinutes: 10 })))).status).toBe(403);
    expect((await view('chair')).caseTargetMinutes).toBe(15);
    expect((await events()).at(-1)!.kind).toBe('meeting.settings');
  });
});
