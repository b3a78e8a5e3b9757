/**
 * The research screens' decisions as plain functions: the addresses, the form's own check (limits
 * for a draft, the contract's required answers for a submission, in the form's order and in
 * words), the server's problems placed on their questions, the reminder days as typed, and the
 * matrix's totals.
 */
import { RESEARCH_LIMITS } from '#core/contracts/research.js';
import type { ResearchMatrix } from '#core/contracts/research-api.js';
import { matrixModel } from '../../tab/src/components/research/matrix-model.js';
import { readReminderDays } from '../../tab/src/components/research/reminder-days.js';
import {
  checkResearch,
  formFrom,
  serverProblems,
  toResponse,
} from '../../tab/src/components/research/research-form.js';
import { reminderWords, statusWords } from '../../tab/src/components/research/research-words.js';
import { researchPlace, routeFor } from '../../tab/src/routes.js';

const M = '11111111-1111-4111-8111-111111111111';
const A = '22222222-2222-4222-8222-222222222222';
const R = '33333333-3333-4333-8333-333333333333';

it.each([
  ['/research', '', { kind: 'mine', meetingId: null }],
  ['/research', `?meeting=${M}`, { kind: 'mine', meetingId: M }],
  ['/research', '?meeting=not-an-id', { kind: 'mine', meetingId: null }],
  [`/research/${M}`, '', { kind: 'mine', meetingId: M }],
  [`/research/${M}/${A}`, '', { kind: 'agency', meetingId: M, agencyId: A }],
  [`/research/${M}/matrix/`, '', { kind: 'matrix', meetingId: M }],
  [`/research/${M}/cases/${R}`, '', { kind: 'case', meetingId: M, referralId: R }],
  ['/research/other', '', null],
])('%s%s opens %j', (path, search, place) => {
  expect(researchPlace(path, search)).toEqual(place);
  if (place) expect(routeFor(path)).toBe('research');
});

const children = ['Tilly Marchbank', 'Ned Marchbank'];

it('starts with nothing chosen and sends unanswered questions as null', () => {
  const form = formFrom(null, 2);
  expect(form.knownToAgency).toBe('');
  expect(form.recordsFlagged).toBe('');
  expect(form.children).toHaveLength(2);
  const response = toResponse(form);
  expect(response.knownToAgency).toBeNull();
  expect(response.recordsFlagged).toBeNull();
  expect(response.children).toEqual([
    { involvement: null, contactArrangements: null },
    { involvement: null, contactArrangements: null },
  ]);
  expect(formFrom(response, 2)).toEqual(form);
});

it('a draft is checked for limits only; a submission names every required answer, in order', () => {
  const form = { ...formFrom(null, 2), professionalOpinion: 'x'.repeat(4001) };
  expect(checkResearch(form, children, false)).toEqual([
    { path: 'professionalOpinion', message: 'Professional opinion: use 4,000 characters or fewer' },
  ]);
  expect(checkResearch({ ...form, knownToAgency: 'yes' }, children, true)).toEqual([
    {
      path: 'currentInvolvement',
      message: 'Current involvement: enter what your records show, or "none"',
    },
    {
      path: 'historicalInvolvement',
      message: 'Historical involvement: enter what your records show, or "none"',
    },
    { path: 'professionalOpinion', message: 'Professional opinion: use 4,000 characters or fewer' },
    {
      path: 'children.0.involvement',
      message:
        'Your agency’s involvement with Tilly Marchbank: enter what your records show about this child, or "none"',
    },
    {
      path: 'children.1.involvement',
      message:
        'Your agency’s involvement with Ned Marchbank: enter what your records show about this child, or "none"',
    },
    {
      path: 'recordsFlagged',
      message: 'Our records are flagged as a MARAC case: choose yes or no',
    },
  ]);
  const child = 'y'.repeat(RESEARCH_LIMITS.childText + 1);
  const long = {
    ...formFrom(null, 1),
    children: [{ involvement: child, contactArrangements: '' }],
  };
  expect(checkResearch(long, ['Tilly'], false)[0]!.message).toBe(
    'Your agency’s involvement with Tilly: use 2,000 characters or fewer',
  );
});

it('places the server’s problems on their questions, never showing library text', () => {
  expect(
    serverProblems(
      [
        { path: 'body.response.knownToAgency', message: 'Invalid option: expected one of' },
        { path: 'response.children.1.involvement', message: 'enter what your records show' },
        { path: 'withheldReason', message: 'Why it was not shared: give the reason' },
      ],
      children,
    ),
  ).toEqual([
    {
      path: 'knownToAgency',
      message: 'Whether the case is known to your agency: check this answer',
    },
    {
      path: 'children.1.involvement',
      message: 'Your agency’s involvement with Ned Marchbank: enter what your records show',
    },
    { path: 'withheldReason', message: 'Why it was not shared: give the reason' },
  ]);
  expect(serverProblems([{ path: 'body.other', message: 'x' }], children)).toBeNull();
  expect(serverProblems([], children)).toBeNull();
});

it.each([
  ['3, 1', { days: [3, 1] }],
  ['1 and 3', { days: [3, 1] }],
  ['', { days: [] }],
  ['3, 3', { problem: 'give each day once' }],
  ['0', { problem: 'use days from 1 to 15' }],
  ['1,2,3,4,5', { problem: 'give 4 days or fewer' }],
  ['two', { problem: 'use whole numbers of working days, such as 3, 1' }],
])('reminder days %j read as %j', (typed, read) => {
  expect(readReminderDays(typed)).toEqual(read);
});

it('says the reminder days and the statuses in words', () => {
  expect(reminderWords([1, 3])).toBe('Reminders 3 and 1 working days before the meeting');
  expect(reminderWords([1])).toBe('Reminders 1 working day before the meeting');
  expect(reminderWords([])).toBe('No reminders');
  expect(statusWords({ status: 'late', submittedAt: null })).toBe('Late: not answered');
  expect(statusWords({ status: 'late', submittedAt: '2026-12-01T10:00:00Z' })).toBe(
    'Submitted late',
  );
  expect(statusWords({ status: 'late' })).toBe('Late');
});

it('counts what each agency and each case has answered, a missing cell as not sent', () => {
  const B = '44444444-4444-4444-8444-444444444444';
  const matrix = {
    cases: [{ referralId: R, reference: 'NBW-1' }],
    agencies: [
      { agencyId: A, name: 'Police', coreRepAbsent: false },
      { agencyId: B, name: 'Health', coreRepAbsent: false },
    ],
    cells: [
      { referralId: R, agencyId: A, status: 'submitted', submittedBy: 'X', submittedAt: 'z' },
    ],
  } as unknown as ResearchMatrix;
  const model = matrixModel(matrix);
  expect(model.cell(R, B).status).toBe('not-sent');
  expect(model.agencyAnswered(A)).toBe(1);
  expect(model.outstanding(B)).toBe(1);
  expect(model.caseAnswered(R)).toBe(1);
});
