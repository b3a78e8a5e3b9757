import { londonInstant } from '#core/calendar/london-time.js';
import { referralFormSchema } from '#core/contracts/referral.js';
import type { RunCaseRecord, RunRecord } from '#core/ports/meeting-run.js';
import type { SentReferralRecord } from '#core/ports/referrals.js';
import type { AgencyRecord, MeetingRecord, Repos, UnitOfWork } from '#core/ports/store.js';
import { readDataReturn } from '#core/reporting/read-data-return.js';
import { isDomainError } from '#core/shared/errors.js';
import { area, AREA_ID } from '../scheduling/fake-repos.js';
import {
  CASES,
  EXPECTED_Q1,
  MEETINGS,
  expectedQ1Figures,
  formOf,
  heardAt,
  legacyWords,
} from '../../support/data-return-quarter.js';
import { demoAgencies } from '../../../bot/src/demo/demo-data.js';

/*
 * The data return over an in-memory record of the generated quarter: what each meeting's record
 * says of each case, and each case's referral, exactly as the store would hand them over.
 */
const refOf = (label: string) => `NBW-2027-00${label}`;
const meetingId = (date: string) => `meeting-${date}`;
// Agencies need uuids (the form checks them): one per demo agency, by its place in the list.
const agencyId = (kind: string) =>
  `00000000-0000-4000-8000-${String(demoAgencies.findIndex((a) => a.kind === kind) + 1).padStart(12, '0')}`;

const agencies: AgencyRecord[] = demoAgencies.map((a) => ({
  id: agencyId(a.kind),
  name: a.name,
  kind: a.kind,
  coreRep: null,
  deputyRep: null,
  deliveryMode: 'link',
  certificates: [],
}));

const meetings: MeetingRecord[] = [
  ...MEETINGS,
  { date: '2027-02-16', startTime: '10:00', record: 'none' as const, cancelled: true },
].map((m) => {
  const startsAt = londonInstant(m.date, m.startTime);
  return {
    id: meetingId(m.date),
    areaId: AREA_ID,
    seriesId: null,
    patternDate: m.date,
    date: m.date,
    startTime: m.startTime,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3 * 3600_000),
    status: 'cancelled' in m ? 'cancelled' : 'scheduled',
    movedFrom: null,
    changeReason: null,
  };
});

const referrals: SentReferralRecord[] = CASES.map((c) => ({
  id: `referral-${c.label}`,
  reference: refOf(c.label),
  caseId: `case-${c.repeatOf ?? c.label}`,
  areaId: AREA_ID,
  partnershipId: area().partnershipId,
  referrerPersonId: 'person-rosalind',
  referrerAgencyId: agencyId(c.agencyKind),
  status: 'accepted',
  form: referralFormSchema.parse(formOf(c, AREA_ID, agencyId(c.agencyKind))),
  // Words from before the form offered categories, beside the form as the store hands them over.
  ...(Object.keys(legacyWords(c)).length > 0 ? { asWritten: legacyWords(c) } : {}),
  questionSet: 'safelives-24',
  score: 16,
  band: 'high',
  criteria: ['visible-high-risk'],
  isRepeat: c.repeatOf !== undefined,
  mappaLead: false,
  childrenCount: c.children,
  meetingId: meetingId(heardAt(c) ?? c.meeting),
  referredOn: c.referredOn,
  submittedAt: null,
  decidedAt: null,
}));

/** Each meeting's running order: a deferred case on its first meeting, heard at the next. */
function runningOrder(date: string): RunCaseRecord[] {
  const on = CASES.filter((c) => c.meeting === date || c.heardAt === date);
  return on.map((c, position) => ({
    meetingId: meetingId(date),
    referralId: `referral-${c.label}`,
    caseId: `case-${c.label}`,
    position: position + 1,
    reference: refOf(c.label),
    hasChildren: c.children > 0,
    state: c.meeting === date ? c.state : 'heard',
    currentSince: null,
    secondsSpent: 0,
    deferredTo: c.meeting === date && c.state === 'deferred' ? meetingId(c.heardAt!) : null,
  }));
}

function runOf(date: string): RunRecord | null {
  const m = MEETINGS.find((x) => x.date === date);
  if (!m || m.record === 'none') return null;
  const startedAt = londonInstant(m.date, m.startTime);
  return {
    meetingId: meetingId(date),
    state: m.record,
    startedAt,
    startedBy: null,
    currentReferralId: null,
    closedAt: m.record === 'closed' ? new Date(startedAt.getTime() + 3600_000) : null,
    closedBy: null,
    version: 1,
  };
}

function store() {
  const audit: string[] = [];
  const repos = {
    audit: {
      record: async (action: string, type: string, id: string) =>
        void audit.push(`${action} ${type} ${id}`),
    },
    areas: {
      get: async (id: string) => (id === AREA_ID ? { ...area(), code: 'NBW' } : null),
      agencies: async () => agencies,
    },
    meetings: {
      listForArea: async (_id: string, range: { from?: string; to?: string }) =>
        meetings.filter((m) => m.date >= range.from! && m.date <= range.to!),
    },
    meetingRun: {
      run: async (id: string) => runOf(id.replace('meeting-', '')),
      cases: async (id: string) => runningOrder(id.replace('meeting-', '')),
    },
    referrals: { get: async (id: string) => referrals.find((r) => r.id === id) ?? null },
  } as unknown as Repos;
  const uow: UnitOfWork = { run: (work) => work(repos) };
  return { deps: { uow }, audit };
}

describe('the data return of a generated quarter', () => {
  it('gives every figure of the quarter, each with the cases behind it', async () => {
    const { deps, audit } = store();
    const answer = await readDataReturn(deps, {
      areaId: AREA_ID,
      quarter: '2027-Q1',
      references: true,
    });
    expect(answer.area).toEqual({ id: AREA_ID, name: 'Northbrook and Wellfield', code: 'NBW' });
    expect([answer.quarter, answer.from, answer.to]).toEqual([
      '2027-Q1',
      '2027-01-01',
      '2027-03-31',
    ]);
    expect(answer.total).toEqual(expectedQ1Figures(refOf));
    expect(answer.toRecode).toEqual({
      ethnicity: { count: 2, references: [refOf('D'), refOf('J')] },
      sexuality: { count: 1, references: [refOf('D')] },
    });
    expect(audit).toEqual([`data-return.read-cases area ${AREA_ID}`]);
  });

  it('gives each meeting of the quarter, cancelled ones left out, with its own figures', async () => {
    const answer = await readDataReturn(store().deps, {
      areaId: AREA_ID,
      quarter: '2027-Q1',
      references: true,
    });
    expect(
      answer.meetings.map((m) => ({
        date: m.date,
        record: m.record,
        heard: m.figures.casesHeard.references!.map((r) => r.slice(-1)).join(''),
        deferred: m.deferred.references!.map((r) => r.slice(-1)).join(''),
      })),
    ).toEqual(EXPECTED_Q1.meetings);
    const second = answer.meetings[1]!.figures;
    expect(second.repeatCases.references).toEqual([refOf('E')]);
    expect(second.children).toEqual({ count: 4, references: [refOf('D'), refOf('E')] });
    expect(second.victims.aged16To17.references).toEqual([refOf('F')]);
    expect(answer.warnings).toEqual([
      'The meeting on Tuesday 9 February 2027 has no record of being held: none of its cases is counted. If it met, record it in the app.',
      'The meeting on Tuesday 9 March 2027 is not closed: its figures count only the cases heard so far. Ask the chair to close it.',
    ]);
  });

  it('counts a meeting at 00:30 on 1 April (BST, 23:30 UTC on 31 March) in the second quarter, and ages on its London date', async () => {
    const deps = store().deps;
    const q2 = await readDataReturn(deps, {
      areaId: AREA_ID,
      quarter: '2027-Q2',
      references: true,
    });
    expect(q2.meetings.map((m) => [m.date, m.startTime])).toEqual([['2027-04-01', '00:30']]);
    expect(q2.total.casesHeard.references).toEqual([refOf('N')]);
    expect(q2.total.victims.aged16To17).toEqual({
      count: 0,
      references: [],
      notKnown: { count: 0, references: [] },
    });
    const q4 = await readDataReturn(deps, {
      areaId: AREA_ID,
      quarter: '2026-Q4',
      references: true,
    });
    expect(q4.total.casesHeard.references).toEqual([refOf('Z')]);
    expect(q4.total.repeatCases.count).toBe(0);
  });

  it('leaves every case reference out for a reader who may see the figures only', async () => {
    const { deps, audit } = store();
    const answer = await readDataReturn(deps, {
      areaId: AREA_ID,
      quarter: '2027-Q1',
      references: false,
    });
    expect(JSON.stringify(answer)).not.toMatch(/NBW-2027|references/);
    expect(answer.total.victims.bame).toEqual({
      count: 5,
      notKnown: { count: 1 },
      notRecoded: { count: 2 },
    });
    expect(answer.total.referrals.police).toEqual({ count: 4 });
    expect(audit).toEqual([`data-return.read area ${AREA_ID}`]);
  });

  it.each([
    [{ areaId: AREA_ID, quarter: '2027-Q5' }, 'VALIDATION_FAILED'],
    [{ areaId: 'no-such-area', quarter: '2027-Q1' }, 'AREA_NOT_FOUND'],
  ])('refuses %j with %s', async (input, code) => {
    const refused = await readDataReturn(store().deps, { ...input, references: true }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(refused) && refused.code).toBe(code);
  });
});
