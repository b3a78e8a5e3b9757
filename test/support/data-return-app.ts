import { londonInstant } from '#core/calendar/london-time.js';
import type { Repos } from '#core/ports/store.js';
import { reposOver } from '../../bot/src/store/unit-of-work.js';
import { CASES, MEETINGS, formOf, legacyWords, type ScenarioCase } from './data-return-quarter.js';
import { storeLegacyWords } from './legacy-words.js';
import { signIn, startApp, type TestApp } from './start-app.js';

/*
 * The generated quarter (data-return-quarter.ts) on the real app, for the API, command line and
 * browser tests of the data return: every referral submitted and accepted through the API as the
 * coordinator would (so the repeat is the app's own cross-MARAC check; words naming no category
 * of ethnicity or sexuality stored as a referral from before the form offered them), each meeting's record
 * written through the store's repositories (these tests are about the return, not about running
 * a meeting). The app's clock is moved to each referral's and meeting's time as it goes, and
 * left at the last (1 April 2027, 00:35 London).
 */

export const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
export const ADMIN = 'tobias.fenwick@riverside-partnership.example';
export const CHAIR = 'inspector.amos.kettering@police.example';

export interface QuarterApp {
  app: TestApp;
  areaId: string;
  /** Meeting ids by date. */
  meetingIds: Map<string, string>;
  /** Each case's referral by its label. */
  referrals: Map<string, { id: string; reference: string; caseId: string }>;
  /** A case's reference by its label. */
  refOf: (label: string) => string;
}

type Call = Awaited<ReturnType<typeof signIn>>;
const ok = async <T>(answer: Promise<Response>): Promise<T> => {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};
const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** Starts the app (with any further environment) and records the quarter on it. */
export async function startQuarterApp(env: Record<string, string> = {}): Promise<QuarterApp> {
  let now = new Date('2026-12-01T09:00:00Z');
  const app = await startApp({ now: () => now, env: { RATE_LIMIT_PER_MINUTE: '100000', ...env } });
  const meetingIds = new Map<string, string>();
  const referrals: QuarterApp['referrals'] = new Map();
  const refOf = (label: string) => referrals.get(label)!.reference;
  const store = <T>(work: (repos: Repos) => Promise<T>) =>
    app.db.transaction((tx) => work(reposOver(tx, app.services.crypto)));
  /** Moves the app's clock; tokens are signed at the time, so the coordinator signs in again. */
  const at = (instant: Date): Promise<Call> => {
    now = instant;
    return signIn(app, COORDINATOR);
  };
  const areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE code = 'NBW'`))
    .rows[0]!.id;

  async function refer(c: ScenarioCase, agencies: Map<string, string>): Promise<void> {
    const coordinator = await at(new Date(`${c.referredOn}T09:00:00Z`));
    const form = formOf(c, areaId, agencies.get(c.agencyKind)!);
    const { id, reference } = await ok<{ id: string; reference: string }>(
      coordinator('/api/referrals', post({ form, submit: true })),
    );
    await ok(
      coordinator(`/api/referrals/${id}/accept`, post({ meetingId: meetingIds.get(c.meeting) })),
    );
    const { rows } = await app.db.query<{ case_id: string }>(
      'SELECT case_id FROM referral WHERE id = $1',
      [id],
    );
    referrals.set(c.label, { id, reference, caseId: rows[0]!.case_id });
    // Words that name no category cannot be sent now: stored as a referral from before would be.
    const words = legacyWords(c);
    if (Object.keys(words).length > 0)
      await storeLegacyWords(app.db, app.services.crypto, id, words);
  }

  /** The meeting's record as the chair leaves it: its running order, and the run open or closed. */
  async function recordMeeting(date: string): Promise<void> {
    const meeting = MEETINGS.find((m) => m.date === date)!;
    if (meeting.record === 'none') return;
    const startedAt = londonInstant(date, meeting.startTime);
    await at(new Date(startedAt.getTime() + 5 * 60_000));
    const meetingId = meetingIds.get(date)!;
    const on = CASES.filter((c) => c.meeting === date || c.heardAt === date);
    await store(async (repos) => {
      await repos.meetingRun.saveRun({
        meetingId,
        state: meeting.record === 'closed' ? 'closed' : 'in-progress',
        startedAt,
        startedBy: null,
        currentReferralId: null,
        closedAt: meeting.record === 'closed' ? new Date(startedAt.getTime() + 3600_000) : null,
        closedBy: null,
        version: 1,
      });
      await repos.meetingRun.insertCases(
        on.map((c, position) => {
          const first = c.meeting === date;
          const deferred = first && c.state === 'deferred';
          return {
            meetingId,
            referralId: referrals.get(c.label)!.id,
            caseId: referrals.get(c.label)!.caseId,
            position: position + 1,
            reference: refOf(c.label),
            hasChildren: c.children > 0,
            state: first ? c.state : 'heard',
            currentSince: null,
            secondsSpent: 0,
            deferredTo: deferred ? meetingIds.get(c.heardAt!)! : null,
          };
        }),
      );
      // A deferred case goes on to the next meeting, where it is heard.
      for (const c of on.filter((x) => x.meeting === date && x.state === 'deferred')) {
        const referral = (await repos.referrals.get(referrals.get(c.label)!.id))!;
        await repos.referrals.update({ ...referral, meetingId: meetingIds.get(c.heardAt!)! });
      }
    });
  }

  try {
    const coordinator = await at(now);
    const extra = MEETINGS.find((m) => m.extra)!;
    await ok(
      coordinator(
        `/api/areas/${areaId}/meetings`,
        post({
          date: extra.date,
          startTime: extra.startTime,
          reason: 'Extra meeting before Easter',
        }),
      ),
    );
    const meetings = await app.db.query<{ id: string; date: string; start_time: string }>(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date, start_time FROM meeting
        WHERE area_id = $1 AND status <> 'cancelled'`,
      [areaId],
    );
    for (const m of MEETINGS) {
      const found = meetings.rows.find((r) => r.date === m.date && r.start_time === m.startTime);
      if (!found) throw new Error(`the demo area has no meeting on ${m.date} at ${m.startTime}`);
      meetingIds.set(m.date, found.id);
    }
    const agencies = await app.db.query<{ id: string; kind: string }>(
      `SELECT g.id, g.kind FROM agency g JOIN area_agency aa ON aa.agency_id = g.id WHERE aa.area_id = $1`,
      [areaId],
    );
    const agencyByKind = new Map(agencies.rows.map((a) => [a.kind, a.id]));
    for (const c of CASES) await refer(c, agencyByKind);
    for (const m of MEETINGS) await recordMeeting(m.date);
  } catch (error) {
    await app.stop();
    throw error;
  }
  return { app, areaId, meetingIds, referrals, refOf };
}

/** Every word of an invented person's name in the quarter: none may appear in an answer. */
export const quarterNameWords = () => [
  ...new Set(
    CASES.flatMap((c) => [c.victim.name, ...c.victim.name.split(' ')]).concat(
      'Brightwater',
      'Quillet',
    ),
  ),
];
