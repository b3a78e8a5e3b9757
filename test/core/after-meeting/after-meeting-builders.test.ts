import { agencyPart, buildActionPlan, planAgencies } from '#core/after-meeting/action-plan.js';
import { actionLine, draftMinutes, type MinutesRecord } from '#core/after-meeting/minutes-draft.js';
import { endOfLondonDay } from '#core/after-meeting/open-after-meeting.js';
import { WorkingCalendar } from '#core/calendar/working-days.js';
import type { ActionRecord, RunCaseRecord } from '#core/ports/meeting-run.js';

/*
 * The builders of what a closed meeting produces (issue #11): the action plan (per case the
 * actions and nothing else; each agency only the cases in which it owns an action) and the
 * minutes' first draft from the record. Every name here is invented.
 */

const POLICE = '00000000-0000-4000-8000-00000000000a';
const HEALTH = '00000000-0000-4000-8000-00000000000b';
const CHILDRENS = '00000000-0000-4000-8000-00000000000c';
const names = new Map([
  [POLICE, 'Riverside Police'],
  [HEALTH, 'Community Health'],
  [CHILDRENS, "Children's Social Care"],
]);

const runCase = (referralId: string, position: number, reference: string): RunCaseRecord => ({
  meetingId: 'm',
  referralId,
  caseId: `case-${referralId}`,
  position,
  reference,
  hasChildren: false,
  state: 'heard',
  currentSince: null,
  secondsSpent: 0,
  deferredTo: null,
});

const action = (
  id: string,
  referralId: string,
  ownerAgencyId: string,
  dueAt: string,
  what = `Action ${id}`,
): ActionRecord => ({
  id,
  meetingId: 'm',
  referralId,
  caseId: `case-${referralId}`,
  areaId: 'a',
  ownerAgencyId,
  ownerPerson: ownerAgencyId === POLICE ? 'PC Hollis Brandreth' : null,
  what,
  risk: 'A secret risk note',
  dueAt: new Date(dueAt),
  urgent: null,
  status: 'open',
  createdBy: null,
  createdAt: new Date('2026-12-01T10:00:00Z'),
  updatedBy: null,
  updatedAt: new Date('2026-12-01T10:00:00Z'),
  version: 1,
});

const cases = [
  runCase('r2', 2, 'NBW-2026-0002'),
  runCase('r1', 1, 'NBW-2026-0001'),
  runCase('r3', 3, 'NBW-2026-0003'),
];
const actions = [
  action('x2', 'r1', HEALTH, '2026-12-04T10:00:00Z'),
  action('x1', 'r1', POLICE, '2026-12-02T10:00:00Z'),
  action('x3', 'r2', CHILDRENS, '2026-12-03T10:00:00Z'),
];

describe('the action plan', () => {
  const plan = buildActionPlan({ cases, actions, agencyNames: names });

  it('lists the cases with actions in running order, each action by due time, and nothing else of the case', () => {
    expect(plan.map((c) => c.reference)).toEqual(['NBW-2026-0001', 'NBW-2026-0002']);
    expect(plan[0]!.actions.map((a) => a.what)).toEqual(['Action x1', 'Action x2']);
    expect(plan[0]!.actions[0]).toEqual({
      what: 'Action x1',
      ownerAgencyId: POLICE,
      ownerAgency: 'Riverside Police',
      ownerPerson: 'PC Hollis Brandreth',
      dueAt: '2026-12-02T10:00:00.000Z',
      urgent: null,
    });
    expect(JSON.stringify(plan)).not.toContain('A secret risk note');
  });

  it('gives each agency only the cases in which it owns an action', () => {
    expect(agencyPart(plan, POLICE).map((c) => c.reference)).toEqual(['NBW-2026-0001']);
    expect(agencyPart(plan, CHILDRENS).map((c) => c.reference)).toEqual(['NBW-2026-0002']);
    expect(agencyPart(plan, '00000000-0000-4000-8000-0000000000ff')).toEqual([]);
    expect(planAgencies(plan).sort()).toEqual([POLICE, HEALTH, CHILDRENS].sort());
  });

  it('writes a due time in London words, across the change of the clocks', () => {
    const line = (dueAt: string) =>
      actionLine({ ...plan[0]!.actions[0]!, ownerPerson: null, dueAt });
    // Winter: GMT. Summer: BST, an hour ahead of UTC.
    expect(line('2026-12-02T10:00:00.000Z')).toBe(
      'Action x1 - Riverside Police - by Wednesday 2 December 2026 at 10:00',
    );
    expect(line('2027-03-29T09:00:00.000Z')).toMatch(/by Monday 29 March 2027 at 10:00$/);
  });
});

describe("the minutes' draft", () => {
  const record: MinutesRecord = {
    areaName: 'Northbrook and Wellfield',
    meetingDate: '2026-12-01',
    startedAt: new Date('2026-12-01T10:00:00Z'),
    closedAt: new Date('2026-12-01T12:30:00Z'),
    confidentialityStatement: 'Everything shared here is confidential.',
    attendance: [
      {
        name: 'Amos Kettering',
        seat: 'chair',
        agency: null,
        attendance: 'present',
        confirmedAt: new Date('2026-12-01T10:01:00Z'),
      },
      {
        name: 'Dana Whitcombe',
        seat: 'rep',
        agency: 'Riverside Police',
        attendance: 'present',
        confirmedAt: null,
      },
      {
        name: 'Priya Ellingham',
        seat: 'rep',
        agency: "Children's Social Care",
        attendance: 'apologies',
        confirmedAt: null,
      },
    ],
    cases: [
      {
        reference: 'NBW-2026-0001',
        state: 'heard',
        notes: { facts: 'Two callouts', opinion: '', riskSummary: 'High risk of further harm' },
        actions: [
          {
            ...buildActionPlan({ cases, actions, agencyNames: names })[0]!.actions[0]!,
            risk: 'Assault at home',
          },
        ],
        deferReason: null,
        deferredTo: null,
      },
      {
        reference: 'NBW-2026-0009',
        state: 'deferred',
        notes: { facts: '', opinion: '', riskSummary: '' },
        actions: [],
        deferReason: 'The police report is not ready',
        deferredTo: '2026-12-15',
      },
    ],
  };
  const sections = draftMinutes(record);
  const text = (key: string) => sections.find((s) => s.key === key)!.text;

  it('has a section for the meeting, attendance, the statement, each case heard and the deferred', () => {
    expect(sections.map((s) => [s.key, s.title])).toEqual([
      ['meeting', 'The meeting'],
      ['attendance', 'Attendance'],
      ['confidentiality', 'Confidentiality statement'],
      ['case-1', 'Case 1: NBW-2026-0001'],
      ['deferred', 'Deferred cases'],
    ]);
    expect(text('meeting')).toBe(
      'Northbrook and Wellfield MARAC, Tuesday 1 December 2026. Started at 10:00, closed at 12:30.',
    );
  });

  it('records who came, who sent apologies, and who confirmed the statement when', () => {
    expect(text('attendance')).toContain(
      'Present:\n- Amos Kettering, chair\n- Dana Whitcombe, agency representative, Riverside Police',
    );
    expect(text('attendance')).toContain(
      "Apologies:\n- Priya Ellingham, agency representative, Children's Social Care",
    );
    expect(text('confidentiality')).toBe(
      'Everything shared here is confidential.\n\nConfirmed by:\n- Amos Kettering, chair, at 10:01',
    );
  });

  it("carries each case's notes, risks, actions and decision, says when nothing was recorded, and lists deferrals", () => {
    expect(text('case-1')).toContain('Discussion - facts:\nTwo callouts');
    expect(text('case-1')).toContain('Discussion - professional opinion:\nNothing recorded.');
    expect(text('case-1')).toContain('Risks:\nHigh risk of further harm');
    expect(text('case-1')).toContain('Risk it addresses: Assault at home');
    expect(text('case-1')).toContain('Decision:\nHeard; 1 action agreed');
    expect(text('deferred')).toBe(
      '- NBW-2026-0009: deferred to Tuesday 15 December 2026. Reason: The police report is not ready',
    );
  });
});

describe('when the minutes are due', () => {
  const england = new WorkingCalendar({ region: 'england-and-wales' });

  it('counts ten working days in London, skipping bank holidays', () => {
    // Christmas Day and the Boxing Day substitute (Monday 28 December 2026) are not counted.
    expect(england.addWorkingDays('2026-12-15', 10)).toBe('2026-12-31');
  });

  it('ends the due day at 23:59 London time, in GMT and in BST', () => {
    expect(endOfLondonDay('2026-12-31').toISOString()).toBe('2026-12-31T23:59:00.000Z');
    expect(endOfLondonDay('2027-04-01').toISOString()).toBe('2027-04-01T22:59:00.000Z');
  });
});
