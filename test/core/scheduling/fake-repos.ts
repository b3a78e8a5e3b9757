import { londonInstant } from '#core/calendar/london-time.js';
import { defaultProtocol } from '#core/meetings/protocol.js';
import type { ReferralRecord, SentReferralRecord } from '#core/ports/referrals.js';
import type {
  AgencyRecord,
  AreaRecord,
  CaseMove,
  MeetingRecord,
  OutboxJob,
  Repos,
  UnitOfWork,
} from '#core/ports/store.js';
import { defaultRiskSettings } from '#core/referrals/risk-settings.js';
import type { SchedulingDeps } from '#core/scheduling/deps.js';

/**
 * An in-memory store for the scheduling use cases: only what they call is filled in, and a
 * transaction that throws leaves the store as it was (each run works on a copy).
 */
export interface FakeState {
  areas: AreaRecord[];
  agencies: AgencyRecord[];
  meetings: MeetingRecord[];
  referrals: ReferralRecord[];
  moves: CaseMove[];
  outbox: { job: OutboxJob; key: string }[];
  audit: { action: string; recordType: string; recordId: string }[];
  sequence: number;
}

export const AREA_ID = '00000000-0000-4000-8000-00000000a001';
export const SERIES_ID = '00000000-0000-4000-8000-00000000b001';
export const AGENCY_ID = '00000000-0000-4000-8000-00000000c001';

export function area(): AreaRecord {
  return {
    id: AREA_ID,
    partnershipId: '00000000-0000-4000-8000-00000000d001',
    name: 'Northbrook and Wellfield',
    mailbox: 'marac.northbrook@riverside-partnership.example',
    protocol: { ...defaultProtocol, cadence: { kind: 'fortnightly', weekday: 'tuesday' } },
    region: 'england-and-wales',
    closures: [],
    riskSettings: defaultRiskSettings,
  };
}

export function meeting(
  id: string,
  date: string,
  status: MeetingRecord['status'] = 'scheduled',
): MeetingRecord {
  const startsAt = londonInstant(date, '10:00');
  return {
    id,
    areaId: AREA_ID,
    seriesId: SERIES_ID,
    patternDate: date,
    date,
    startTime: '10:00',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 180 * 60_000),
    status,
    movedFrom: null,
    changeReason: null,
  };
}

export function acceptedCase(
  id: string,
  reference: string,
  meetingId: string,
  victimName: string,
): SentReferralRecord {
  return {
    id,
    reference,
    caseId: `case-${id}`,
    areaId: AREA_ID,
    partnershipId: area().partnershipId,
    referrerPersonId: 'person-dana',
    referrerAgencyId: AGENCY_ID,
    status: 'accepted',
    // Only the victim's name is read by these use cases.
    form: { victim: { name: victimName } } as unknown as SentReferralRecord['form'],
    questionSet: 'safelives-24',
    score: 15,
    band: 'high',
    criteria: ['visible-high-risk'],
    isRepeat: false,
    mappaLead: false,
    childrenCount: 0,
    meetingId,
    referredOn: '2026-11-20',
    submittedAt: new Date('2026-11-20T10:00:00Z'),
    decidedAt: new Date('2026-11-21T10:00:00Z'),
  };
}

export function fakeStore(initial: Partial<FakeState>) {
  let state: FakeState = {
    areas: [area()],
    agencies: [
      {
        id: AGENCY_ID,
        name: 'Riverside Police',
        kind: 'police',
        coreRep: null,
        deputyRep: null,
        deliveryMode: 'link',
        certificates: [],
      },
    ],
    meetings: [],
    referrals: [],
    moves: [],
    outbox: [],
    audit: [],
    sequence: 0,
    ...initial,
  };
  const reposOver = (s: FakeState) => {
    const repos = {
      audit: {
        record: async (action: string, recordType: string, recordId: string) =>
          void s.audit.push({ action, recordType, recordId }),
      },
      areas: {
        get: async (id: string) => s.areas.find((a) => a.id === id) ?? null,
        agencies: async () => s.agencies,
      },
      series: { nextSequence: async () => ++s.sequence },
      meetings: {
        get: async (id: string) => s.meetings.find((m) => m.id === id) ?? null,
        listForArea: async (areaId: string, range: { from?: string; to?: string }) =>
          s.meetings
            .filter((m) => m.areaId === areaId && (!range.from || m.date >= range.from))
            .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
        update: async (m: MeetingRecord) => {
          s.meetings = s.meetings.map((x) => (x.id === m.id ? m : x));
        },
        caseIds: async (meetingId: string) =>
          s.referrals
            .filter((r) => r.meetingId === meetingId && r.status === 'accepted')
            .map((r) => r.id),
        recordCaseMove: async (move: CaseMove) => void s.moves.push(move),
      },
      outbox: {
        enqueue: async (job: OutboxJob, key: string) => {
          if (!s.outbox.some((o) => o.key === key)) s.outbox.push({ job, key });
        },
        // Nothing runs the fake's jobs: every one queued is still waiting.
        pending: async (key: string) => s.outbox.some((o) => o.key === key),
      },
      referrals: {
        get: async (id: string) => s.referrals.find((r) => r.id === id) ?? null,
        update: async (r: ReferralRecord) => {
          s.referrals = s.referrals.map((x) => (x.id === r.id ? r : x));
        },
      },
    };
    // The use cases under test call only these; anything else is a test bug and fails loudly.
    return repos as unknown as Repos;
  };
  const uow: UnitOfWork = {
    async run(work) {
      const copy: FakeState = structuredClone(state);
      const result = await work(reposOver(copy));
      state = copy;
      return result;
    },
  };
  let n = 0;
  const deps: SchedulingDeps = {
    uow,
    clock: { now: () => new Date('2026-12-01T09:00:00Z') },
    ids: { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
  };
  return { deps, state: () => state };
}
