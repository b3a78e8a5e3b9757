import type { RunCase } from '#core/contracts/meeting-api.js';
import type { MeetingSnapshot } from '#core/meeting-run/meeting-snapshot.js';
import { meetingViewFor, seatInSnapshot } from '#core/meeting-run/meeting-view.js';
import type { RegisterLine } from '#core/meeting-run/register.js';
import { runningOrder } from '#core/meeting-run/running-order.js';

/** The per-person view of a shared snapshot, and the running order: pure functions. */
const MEETING = '00000000-0000-4000-8000-00000000000a';
const AGENCY = '00000000-0000-4000-8000-0000000000a1';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const line = (personId: string, seat: RegisterLine['seat'], more: Partial<RegisterLine> = {}) =>
  ({
    personId,
    name: `Person ${personId.slice(-2)}`,
    seat,
    agencyId: null,
    agencyName: null,
    attendance: null,
    infoSentInAdvance: false,
    confirmedAt: null,
    version: 1,
    agencyIds: [],
    onMeeting: true,
    ...more,
  }) satisfies RegisterLine;

const waiting = (n: number, deferReason: string | null = null): RunCase => ({
  referralId: id(100 + n),
  reference: `NBW-2026-00${n}`,
  hasChildren: n === 1,
  state: deferReason ? 'deferred' : 'waiting',
  currentSince: null,
  secondsSpent: 0,
  deferReason,
});

const snapshot: MeetingSnapshot = {
  meeting: {
    id: MEETING,
    areaId: id(900),
    seriesId: null,
    patternDate: '2026-12-15',
    date: '2026-12-15',
    startTime: '10:00',
    startsAt: new Date('2026-12-15T10:00:00Z'),
    endsAt: new Date('2026-12-15T13:00:00Z'),
    status: 'scheduled',
    movedFrom: null,
    changeReason: null,
  },
  run: {
    meetingId: MEETING,
    state: 'in-progress',
    startedAt: new Date('2026-12-15T10:01:00Z'),
    startedBy: id(1),
    currentReferralId: id(101),
    closedAt: null,
    closedBy: null,
    version: 3,
  },
  seq: 7,
  caseTargetMinutes: 12,
  actionTaskHours: 72,
  statement: 'Everything shared here is confidential.',
  register: [
    line(id(1), 'chair', { confirmedAt: '2026-12-15T09:58:00.000Z' }),
    line(id(2), 'coordinator'),
    line(id(3), 'rep', {
      agencyId: AGENCY,
      agencyIds: [AGENCY],
      confirmedAt: '2026-12-15T10:00:00.000Z',
    }),
    line(id(4), 'rep', { agencyId: AGENCY, agencyIds: [AGENCY] }),
    line(id(5), 'observer', { confirmedAt: '2026-12-15T10:00:00.000Z' }),
    // Recorded at the meeting, since taken off its list: on the record, not on the meeting.
    line(id(6), 'idva', { onMeeting: false, attendance: 'present' }),
  ],
  cases: [waiting(1), waiting(2, 'The police report is not ready')],
  review: [],
};

describe('seatInSnapshot', () => {
  it('decides seats as seatOf does: by the register, a coordinator by their role', () => {
    expect(seatInSnapshot(snapshot, { personId: id(1), roles: ['chair'] })).toMatchObject({
      seat: 'chair',
      mayRun: true,
      mayRecord: true,
    });
    expect(seatInSnapshot(snapshot, { personId: id(2), roles: ['coordinator'] })).toMatchObject({
      seat: 'coordinator',
      mayRun: false,
      mayRecord: true,
    });
    expect(seatInSnapshot(snapshot, { personId: id(3), roles: ['rep'] })).toMatchObject({
      seat: 'rep',
      agencyIds: [AGENCY],
      mayRecord: false,
    });
    expect(seatInSnapshot(snapshot, { personId: id(5), roles: ['observer'] })?.seat).toBe(
      'observer',
    );
  });

  it('gives no seat to a person off the meeting, even one on its record', () => {
    expect(seatInSnapshot(snapshot, { personId: id(6), roles: ['idva'] })).toBeNull();
    expect(seatInSnapshot(snapshot, { personId: id(99), roles: ['admin'] })).toBeNull();
  });
});

describe('meetingViewFor', () => {
  const viewOf = (n: number, roles: Parameters<typeof seatInSnapshot>[1]['roles']) =>
    meetingViewFor(snapshot, seatInSnapshot(snapshot, { personId: id(n), roles })!);

  it('holds no case, no current case and no review before the statement is confirmed', () => {
    const view = viewOf(4, ['rep']);
    expect(view).toMatchObject({
      cases: [],
      casesHidden: true,
      currentReferralId: null,
      review: [],
    });
    const text = JSON.stringify(view);
    for (const c of snapshot.cases) {
      expect(text).not.toContain(c.referralId);
      expect(text).not.toContain(c.reference);
    }
    // The register and the statement are for everyone on the meeting.
    expect(view.attendance).toHaveLength(6);
    expect(view.statement).toBe(snapshot.statement);
  });

  it('shows a confirmed rep the cases and the current one, without defer reasons', () => {
    const view = viewOf(3, ['rep']);
    expect(view.casesHidden).toBe(false);
    expect(view.currentReferralId).toBe(id(101));
    expect(view.cases.map((c) => c.deferReason)).toEqual([null, null]);
    expect(view.me).toMatchObject({ seat: 'rep', confirmedAt: '2026-12-15T10:00:00.000Z' });
  });

  it('gives the chair the defer reasons, and leaves the shared snapshot as it was', () => {
    const view = viewOf(1, ['chair']);
    expect(view.cases[1]!.deferReason).toBe('The police report is not ready');
    viewOf(3, ['rep']);
    expect(snapshot.cases[1]!.deferReason).toBe('The police report is not ready');
    expect(view).toMatchObject({ seq: 7, state: 'in-progress', caseTargetMinutes: 12 });
  });

  it('keeps the register free of what decides seats', () => {
    const view = viewOf(1, ['chair']);
    for (const attendee of view.attendance) {
      expect(Object.keys(attendee)).not.toContain('onMeeting');
      expect(Object.keys(attendee)).not.toContain('agencyIds');
    }
  });
});

describe('runningOrder', () => {
  const planned = (n: number, hasChildren: boolean) => ({
    referralId: id(n),
    reference: `NBW-2026-${String(n).padStart(3, '0')}`,
    hasChildren,
  });

  it('hears cases with children first, each group in the agenda order, then by reference', () => {
    const cases = [planned(10, false), planned(2, false), planned(3, true), planned(11, true)];
    const order = runningOrder(cases, [id(11), id(10)]).map((c) => c.referralId);
    expect(order).toEqual([id(11), id(3), id(10), id(2)]);
  });

  it('does not let the agenda order put an adult case before a case with children', () => {
    const cases = [planned(1, false), planned(2, true)];
    expect(runningOrder(cases, [id(1), id(2)]).map((c) => c.referralId)).toEqual([id(2), id(1)]);
  });
});
