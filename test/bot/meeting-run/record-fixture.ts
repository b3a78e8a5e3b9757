import { randomUUID } from 'node:crypto';
import { londonDateOf } from '#core/calendar/london-time.js';
import type { Seat } from '#core/contracts/meeting-api.js';
import type { ResearchDraft } from '#core/contracts/research.js';
import type { Repos } from '#core/ports/store.js';
import { addDays } from '#core/shared/local-date.js';
import { reposOver } from '../../../bot/src/store/unit-of-work.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

/*
 * A MARAC of the demo area under way, for the tests of what the meeting records: two cases on
 * it (one with children), a case of a later meeting, the police's research on the first case,
 * and a running order started by the chair, with who has confirmed the statement. The run and
 * the register are written through the store's own repositories: these tests are about the
 * record, not about starting a meeting. Every name here is invented.
 */

export const EMAILS = {
  coordinator: 'rosalind.marsh@riverside-partnership.example',
  chair: 'inspector.amos.kettering@police.example',
  police: 'dana.whitcombe@police.example',
  childrens: 'priya.ellingham@childrens.example',
  idva: 'lowri.blackwood@idva.example',
  observer: 'ottilie.sandberg@riverside-partnership.example',
  admin: 'tobias.fenwick@riverside-partnership.example',
} as const;
export type Who = keyof typeof EMAILS;

/** What only the police typed: it must never reach anyone the read rules keep it from. */
export const SECRET = 'Quillfeather bail notes';

export type Call = (route: string, init?: RequestInit) => Promise<Response>;

export interface MeetingFixture {
  app: TestApp;
  as: Record<Who, Call>;
  personIds: Record<Who, string>;
  areaId: string;
  meetingId: string;
  startsAt: Date;
  withChildren: string;
  adult: string;
  /** Accepted onto the next meeting, not this one. */
  otherMeetingCase: string;
  police: string;
  childrens: string;
  setNow(to: Date): Promise<void>;
  /** The London date `days` after the meeting's (due dates in the tests follow the meeting). */
  day(days: number): string;
  /** One transaction over the store's repositories, as the system. */
  store<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
  /** Puts a person on the register, confirmed (or not) at the current time. */
  register(who: Who, seat: Seat, confirmed: boolean): Promise<void>;
}

export const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};
/** A refusal as the API sends it: the status, and the error's code, words and fields. */
export const errorOf = async (response: Promise<Response>) => {
  const answer = await response;
  const { error } = (await answer.json()) as {
    error: { code: string; message: string; details?: { path: string; message: string }[] };
  };
  return { status: answer.status, ...error, fields: (error.details ?? []).map((d) => d.path) };
};
export const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
export const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  ...(key ? { headers: { 'idempotency-key': key } } : {}),
});

const policeAnswer: ResearchDraft = {
  knownToAgency: 'yes',
  currentInvolvement: `${SECRET}: conditions until March`,
  historicalInvolvement: 'Two callouts in 2025',
  professionalOpinion: 'Escalating, in our view',
  children: [{ involvement: 'none' }, { involvement: 'Seen at one callout' }],
  recordsFlagged: true,
};

export async function meetingUnderWay(): Promise<MeetingFixture> {
  let now = new Date('2026-12-01T09:00:00Z');
  const app = await startApp({ now: () => now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const as = {} as Record<Who, Call>;
  const signInAll = async () => {
    for (const who of Object.keys(EMAILS) as Who[]) as[who] = await signIn(app, EMAILS[who]);
  };
  await signInAll();
  const personIds = {} as Record<Who, string>;
  for (const who of Object.keys(EMAILS) as Who[]) {
    personIds[who] = (await json<{ id: string }>(as[who]('/api/me'))).id;
  }
  const one = async (sql: string, params: unknown[]) =>
    (await app.db.query<{ id: string }>(sql, params)).rows[0]!.id;
  const areaId = await one(`SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`, []);
  const agency = (kind: string) =>
    one(
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = $2`,
      [areaId, kind],
    );
  const police = await agency('police');
  const childrens = await agency('childrens-social-care');

  async function acceptedReferral(children: number): Promise<string> {
    const form = referralForm({
      areaId,
      referrerAgencyId: police,
      children: Array.from({ length: children }, (_, i) => ({
        name: `Wren Calloway ${['Ash', 'Birch'][i]}`,
        dateOfBirth: `201${i + 5}-03-02`,
        relationshipToVictim: 'son',
        relationshipToPerpetrator: 'son',
        livesInHousehold: true,
      })),
      childrensServicesReferralMade: children > 0 ? true : null,
    });
    const { id } = await json<{ id: string }>(
      as.coordinator('/api/referrals', post({ form, submit: true })),
    );
    await json(as.coordinator(`/api/referrals/${id}/accept`, post({})));
    return id;
  }
  const withChildren = await acceptedReferral(2);
  const adult = await acceptedReferral(0);
  const otherMeetingCase = await acceptedReferral(0);
  const meeting = await app.db.query<{ meeting_id: string; starts_at: Date }>(
    `SELECT r.meeting_id, m.starts_at FROM referral r JOIN meeting m ON m.id = r.meeting_id
      WHERE r.id = $1`,
    [withChildren],
  );
  const meetingId = meeting.rows[0]!.meeting_id;
  const startsAt = new Date(meeting.rows[0]!.starts_at);
  const later = await one(
    `SELECT id FROM meeting WHERE area_id = $1 AND date > (SELECT date FROM meeting WHERE id = $2)
      AND status <> 'cancelled' ORDER BY date LIMIT 1`,
    [areaId, meetingId],
  );
  await json(
    as.coordinator(
      `/api/referrals/${otherMeetingCase}/move`,
      post({ meetingId: later, reason: 'Room booked' }),
    ),
  );
  await json(as.coordinator(`/api/meetings/${meetingId}/agenda/publish`, post({})));
  await json(
    as.police(
      `/api/meetings/${meetingId}/research/${withChildren}/agencies/${police}/submit`,
      post({ response: policeAnswer }, randomUUID()),
    ),
  );

  const store = <T>(work: (repos: Repos) => Promise<T>) =>
    app.db.transaction((tx) => work(reposOver(tx, app.services.crypto)));

  // The chair starts: both cases on the running order, children first.
  now = new Date(startsAt.getTime() + 5 * 60_000);
  await signInAll();
  const cases = await store((repos) => repos.meetings.caseSummaries(meetingId));
  const caseIds = await app.db.query<{ id: string; case_id: string }>(
    'SELECT id, case_id FROM referral WHERE id = ANY($1::uuid[])',
    [cases.map((c) => c.id)],
  );
  await store(async (repos) => {
    await repos.meetingRun.saveRun({
      meetingId,
      state: 'in-progress',
      startedAt: now,
      startedBy: personIds.chair,
      currentReferralId: null,
      closedAt: null,
      closedBy: null,
      version: 1,
    });
    await repos.meetingRun.insertCases(
      [withChildren, adult].map((referralId, position) => {
        const c = cases.find((x) => x.id === referralId)!;
        return {
          meetingId,
          referralId,
          caseId: caseIds.rows.find((r) => r.id === referralId)!.case_id,
          position,
          reference: c.reference,
          hasChildren: c.childrenCount > 0,
          state: 'waiting' as const,
          currentSince: null,
          secondsSpent: 0,
          deferredTo: null,
        };
      }),
    );
  });

  const register = (who: Who, seat: Seat, confirmed: boolean) =>
    store((repos) =>
      repos.meetingRun.saveAttendance({
        meetingId,
        personId: personIds[who],
        seat,
        agencyId: who === 'police' ? police : who === 'childrens' ? childrens : null,
        attendance: 'present',
        infoSentInAdvance: false,
        confirmedAt: confirmed ? now : null,
        recordedBy: personIds.coordinator,
        updatedAt: now,
        version: 1,
      }),
    );
  await register('coordinator', 'coordinator', true);
  await register('chair', 'chair', true);
  await register('police', 'rep', true);
  await register('idva', 'idva', true);
  await register('observer', 'observer', true);
  await register('childrens', 'rep', false);

  return {
    app,
    as,
    personIds,
    areaId,
    meetingId,
    startsAt,
    withChildren,
    adult,
    otherMeetingCase,
    police,
    childrens,
    day: (days) => addDays(londonDateOf(startsAt), days),
    async setNow(to) {
      now = to;
      await signInAll();
    },
    store,
    register,
  };
}

/**
 * The reporting tests' meeting: both cases heard, the adult's a repeat, and one police action
 * agreed due the day after the meeting; the clock then three days on, so it is overdue.
 */
export async function heardWithOverdueAction(f: MeetingFixture): Promise<void> {
  await f.app.db.query(`UPDATE meeting_case SET state = 'heard' WHERE meeting_id = $1`, [
    f.meetingId,
  ]);
  await f.app.db.query('UPDATE referral SET is_repeat = true WHERE id = $1', [f.adult]);
  await json(
    f.as.chair(
      `/api/meetings/${f.meetingId}/run/cases/${f.adult}/actions`,
      post({
        ownerAgencyId: f.police,
        ownerPerson: null,
        what: 'Visit the address',
        dueDate: f.day(1),
        dueTime: '10:00',
        risk: 'Further assault',
        urgent: null,
      }),
    ),
  );
  await f.setNow(new Date(f.startsAt.getTime() + 3 * 86_400_000));
}
