/**
 * The meeting screens' decisions as plain functions: the addresses, the timer in words, the next
 * case to open, and the action and review forms' own checks (in words, in the form's order).
 */
import type { RunCase } from '#core/contracts/meeting-api.js';
import {
  actionBodyOf,
  checkAction,
  checkReview,
  EMPTY_ACTION,
  EMPTY_REVIEW,
  reviewBodyOf,
  serverFormProblems,
} from '../../tab/src/components/meeting/meeting-form.js';
import {
  clock,
  nextWaiting,
  secondsOn,
  timerWords,
} from '../../tab/src/components/meeting/meeting-words.js';
import { meetingIdOf, routeFor } from '../../tab/src/routes.js';

const M = '11111111-1111-4111-8111-111111111111';

it.each([
  ['/meeting', 'meeting', null],
  ['/meeting/', 'meeting', null],
  [`/meeting/${M}`, 'meeting', M],
  [`/meeting/${M.toUpperCase()}`, 'meeting', M],
  ['/meeting/not-an-id', 'coordinator', null],
])('%s opens the %s page with meeting %s', (path, route, id) => {
  expect(routeFor(path)).toBe(route);
  expect(meetingIdOf(path)).toBe(id);
});

it.each([
  [0, '00:00'],
  [59, '00:59'],
  [61, '01:01'],
  [720, '12:00'],
  [4502, '75:02'],
  [-3, '00:00'],
])('%i seconds read %s', (seconds, text) => {
  expect(clock(seconds)).toBe(text);
});

it.each([
  [719, 12, '11:59 of 12 minutes', false],
  [720, 12, '12:00 of 12 minutes', false],
  [781, 12, '13:01: over the 12 minute target by 01:01', true],
])('%i seconds against %i minutes: %s', (seconds, target, text, over) => {
  expect(timerWords(seconds, target)).toEqual({ text, over });
});

const runCase = (n: number, state: RunCase['state'], extra: Partial<RunCase> = {}): RunCase => ({
  referralId: `${n}`.repeat(8) + '-0000-4000-8000-000000000000',
  reference: `MARAC-${n}`,
  hasChildren: false,
  state,
  currentSince: null,
  secondsSpent: 0,
  deferReason: null,
  ...extra,
});

it('counts what was spent before and the running part of the current case', () => {
  const now = new Date('2026-11-30T10:05:30Z');
  const current = runCase(1, 'current', {
    currentSince: '2026-11-30T10:00:00Z',
    secondsSpent: 90,
  });
  expect(secondsOn(current, now)).toBe(90 + 330);
  expect(secondsOn(runCase(2, 'heard', { secondsSpent: 600 }), now)).toBe(600);
});

it('the next case is the first waiting after the current one, else the first waiting', () => {
  const cases = [
    runCase(1, 'waiting'),
    runCase(2, 'heard'),
    runCase(3, 'current'),
    runCase(4, 'deferred'),
    runCase(5, 'waiting'),
  ];
  expect(nextWaiting(cases, cases[2]!.referralId)?.reference).toBe('MARAC-5');
  expect(nextWaiting(cases, null)?.reference).toBe('MARAC-1');
  expect(nextWaiting(cases.slice(1, 4), cases[2]!.referralId)).toBeNull();
});

it('an empty action names every missing answer in words, in the form’s order', () => {
  expect(checkAction(EMPTY_ACTION, 'a')).toEqual([
    { path: 'a.ownerAgencyId', message: 'Owner agency: choose the agency that owns the action' },
    { path: 'a.what', message: 'What exactly: say exactly what will be done' },
    { path: 'a.dueDate', message: 'Due date: enter the date it is due by' },
    { path: 'a.dueTime', message: 'Due time: enter a 24-hour time such as 14:30' },
    { path: 'a.risk', message: 'The risk it addresses: say which risk the action addresses' },
    {
      path: 'a.urgent',
      message: 'Urgent child safeguarding decision: choose no, or the kind of urgent decision',
    },
  ]);
});

it('a complete action passes, and "no" urgency is sent as null', () => {
  const form = {
    ownerAgencyId: M,
    ownerPerson: '  ',
    what: 'Visit the family',
    dueDate: '2026-12-01',
    dueTime: '9:30',
    risk: 'Contact by the ex-partner',
    urgent: 'no' as const,
  };
  expect(checkAction(form, 'a').map((p) => p.path)).toEqual(['a.dueTime']);
  const good = { ...form, dueTime: '09:30' };
  expect(checkAction(good, 'a')).toEqual([]);
  expect(actionBodyOf(good)).toMatchObject({ ownerPerson: null, urgent: null, dueTime: '09:30' });
  expect(actionBodyOf({ ...good, urgent: 'strategy-discussion' }).urgent).toBe(
    'strategy-discussion',
  );
  expect(checkAction({ ...good, what: 'x'.repeat(2001) }, 'a')).toEqual([
    { path: 'a.what', message: 'What exactly: use 2,000 characters or fewer' },
  ]);
});

it('a review needs an outcome, a new date when ongoing and a reason when not done', () => {
  expect(checkReview(EMPTY_REVIEW, 'r').map((p) => p.path)).toEqual(['r.outcome']);
  expect(checkReview({ ...EMPTY_REVIEW, outcome: 'ongoing' }, 'r').map((p) => p.path)).toEqual([
    'r.dueDate',
    'r.dueTime',
  ]);
  expect(checkReview({ ...EMPTY_REVIEW, outcome: 'not-done' }, 'r')).toEqual([
    {
      path: 'r.reason',
      message: 'Why it was not done: choose circumstances changed or the agency did not act',
    },
  ]);
  expect(reviewBodyOf({ ...EMPTY_REVIEW, outcome: 'done', dueDate: '2026-12-01' }, 3)).toEqual({
    outcome: 'done',
    version: 3,
  });
  expect(
    reviewBodyOf(
      { outcome: 'not-done', reason: 'agency-did-not-act', dueDate: '', dueTime: '' },
      2,
    ),
  ).toEqual({ outcome: 'not-done', reason: 'agency-did-not-act', version: 2 });
});

it('places the server’s problems on the form’s fields, or on its first field', () => {
  expect(
    serverFormProblems(
      [
        { path: 'body.dueTime', message: 'Due time: an urgent action is due within 24 hours' },
        { path: 'body.other', message: 'Something else' },
      ],
      'a',
      ['ownerAgencyId', 'dueTime'],
    ),
  ).toEqual([
    { path: 'a.dueTime', message: 'Due time: an urgent action is due within 24 hours' },
    { path: 'a.ownerAgencyId', message: 'Something else' },
  ]);
});
