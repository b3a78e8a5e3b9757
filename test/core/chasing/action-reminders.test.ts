import { defaultProtocol } from '#core/meetings/protocol.js';
import { actionReminderText } from '#core/chasing/action-reminder-text.js';
import {
  actionReminderKey,
  dueActionReminder,
  overdueReminderAt,
  remindersBefore,
} from '#core/chasing/action-reminders.js';
import { caseState } from '#core/chasing/case-state.js';
import { londonDaysBetween } from '#core/chasing/london-days.js';

const area = (closures: string[] = []) => ({
  protocol: {
    ...defaultProtocol,
    cadence: { kind: 'fortnightly' as const, weekday: 'tuesday' as const },
  },
  closures,
});
const settings = { daysBefore: 2, shortNoticeHours: 72, overdueEveryDays: 7 };
const at = (iso: string) => new Date(iso);
/** An action agreed at a meeting well before it is due. */
const agreedEarly = (dueAt: string) => ({
  dueAt: at(dueAt),
  createdAt: at('2026-01-05T12:00:00Z'),
});

describe('the reminder before: 09:00 London, 2 working days before the due day', () => {
  it.each([
    ['winter (GMT)', '2027-01-13T10:00:00Z', '2027-01-11T09:00:00.000Z'],
    ['summer (BST)', '2027-06-16T09:00:00Z', '2027-06-14T08:00:00.000Z'],
    // BST ends on Sunday 25 October 2026: due Tuesday (GMT), reminded Friday (still BST).
    ['across the end of BST', '2026-10-27T12:00:00Z', '2026-10-23T08:00:00.000Z'],
    // BST starts on Sunday 29 March 2026: due Tuesday (BST), reminded Friday (GMT).
    ['across the start of BST', '2026-03-31T11:00:00Z', '2026-03-27T09:00:00.000Z'],
    // 25 December (Friday) and 28 December (Monday, for Boxing Day on a Saturday) are skipped.
    ['after Christmas 2026', '2026-12-29T12:00:00Z', '2026-12-23T09:00:00.000Z'],
    // Good Friday 26 March and Easter Monday 29 March 2027 are skipped.
    ['after Easter 2027', '2027-03-30T11:00:00Z', '2027-03-24T09:00:00.000Z'],
  ])('%s', (_, dueAt, expected) => {
    const times = remindersBefore(agreedEarly(dueAt), area(), settings);
    expect(times.map((t) => [t.reminder, t.at.toISOString()])).toEqual([['before', expected]]);
  });

  it('skips a closure day of the partnership', () => {
    const times = remindersBefore(
      agreedEarly('2027-01-13T10:00:00Z'),
      area(['2027-01-11']),
      settings,
    );
    expect(times.map((t) => t.at.toISOString())).toEqual(['2027-01-08T09:00:00.000Z']);
  });

  it('honours the area setting for how many working days before', () => {
    const times = remindersBefore(agreedEarly('2027-01-13T10:00:00Z'), area(), {
      ...settings,
      daysBefore: 5,
    });
    expect(times.map((t) => t.at.toISOString())).toEqual(['2027-01-06T09:00:00.000Z']);
  });
});

describe('an action agreed at short notice (due within 72 hours)', () => {
  it('is reminded on the morning of its due day, not on a day before it was agreed', () => {
    // Agreed Monday 7 December 2026 at 11:00, due Wednesday at 17:00 (54 hours).
    const action = { createdAt: at('2026-12-07T11:00:00Z'), dueAt: at('2026-12-09T17:00:00Z') };
    expect(
      remindersBefore(action, area(), settings).map((t) => [t.reminder, t.at.toISOString()]),
    ).toEqual([['due-day', '2026-12-09T09:00:00.000Z']]);
  });

  it('on its due morning in BST too (08:00 UTC)', () => {
    const action = { createdAt: at('2027-06-14T13:00:00Z'), dueAt: at('2027-06-16T15:00:00Z') };
    expect(remindersBefore(action, area(), settings).map((t) => t.at.toISOString())).toEqual([
      '2027-06-16T08:00:00.000Z',
    ]);
  });

  it('has no morning reminder when it is due before 09:00', () => {
    const action = { createdAt: at('2026-12-07T11:00:00Z'), dueAt: at('2026-12-09T08:30:00Z') };
    expect(remindersBefore(action, area(), settings)).toEqual([]);
  });

  it('a due time moved later by the owner counts from when it was set', () => {
    const action = {
      createdAt: at('2026-11-20T11:00:00Z'),
      updatedAt: at('2026-12-08T10:00:00Z'),
      dueAt: at('2026-12-10T16:00:00Z'),
    };
    // Two working days before (Tuesday 8th 09:00) came before the change: only the due morning.
    expect(remindersBefore(action, area(), settings).map((t) => t.reminder)).toEqual(['due-day']);
  });
});

describe('overdue: the next working day at 09:00, then weekly', () => {
  const action = { dueAt: at('2026-12-04T10:00:00Z') }; // Friday 4 December 2026
  it.each([
    [1, '2026-12-07T09:00:00.000Z'], // Monday
    [2, '2026-12-14T09:00:00.000Z'],
    [3, '2026-12-21T09:00:00.000Z'],
    [4, '2026-12-29T09:00:00.000Z'], // Monday 28th is the Boxing Day bank holiday
    [5, '2027-01-04T09:00:00.000Z'],
  ])('reminder %i', (n, expected) => {
    expect(overdueReminderAt(action, area(), settings, n).toISOString()).toBe(expected);
  });

  it('in GMT after a due day in BST', () => {
    // Due Friday 23 October 2026 (BST); BST ends Sunday 25th: Monday 09:00 is 09:00 UTC.
    expect(
      overdueReminderAt({ dueAt: at('2026-10-23T09:00:00Z') }, area(), settings, 1).toISOString(),
    ).toBe('2026-10-26T09:00:00.000Z');
  });
});

describe('which reminder is due now', () => {
  // Due Wednesday 13 January 2027 at 10:00; reminded Monday 11th; overdue Thursday 14th, 21st.
  const action = agreedEarly('2027-01-13T10:00:00Z');
  const due = (now: string) => dueActionReminder({ action, area: area(), settings, now: at(now) });
  it.each([
    ['before the reminder time', '2027-01-11T08:59:59Z', null],
    ['at the reminder time', '2027-01-11T09:00:00Z', 'before'],
    ['on the due day, before the due time', '2027-01-13T09:59:59Z', 'before'],
    ['past the due time, before the next morning', '2027-01-13T18:00:00Z', null],
    ['the next working day at 09:00', '2027-01-14T09:00:00Z', 'overdue-1'],
    ['six days later', '2027-01-20T12:00:00Z', 'overdue-1'],
    ['a week after the first: only the latest, never both', '2027-01-21T09:00:00Z', 'overdue-2'],
    // Thursday 1 April 2027 is the twelfth Thursday, in BST: its 09:00 is 08:00 UTC.
    ['weeks later, in BST', '2027-04-01T07:59:59Z', 'overdue-11'],
    ['weeks later, at 09:00 BST', '2027-04-01T08:00:00Z', 'overdue-12'],
  ])('%s', (_, now, expected) => {
    expect(due(now)).toBe(expected);
  });

  it('a reminder key holds the action, its due time, the reminder and the rep', () => {
    expect(actionReminderKey({ id: 'a1', dueAt: action.dueAt }, 'overdue-2', 'p1')).toBe(
      'action-reminder:a1:2027-01-13T10:00:00.000Z:overdue-2:p1',
    );
  });
});

describe('days overdue are London calendar days', () => {
  it.each([
    ['same day', '2026-12-04T10:00:00Z', '2026-12-04T16:00:00Z', 0],
    ['just past midnight in winter', '2026-12-04T23:00:00Z', '2026-12-05T00:30:00Z', 1],
    // 23:30 BST on Saturday 24 October is 22:30 UTC; 00:30 GMT on Monday 26th: two days on.
    ['across the end of BST', '2026-10-24T22:30:00Z', '2026-10-26T00:30:00Z', 2],
    // 00:30 BST on Monday 30 March 2026 is 23:30 UTC on Sunday: already Monday in London.
    ['across the start of BST', '2026-03-28T12:00:00Z', '2026-03-29T23:30:00Z', 2],
  ])('%s', (_, from, to, days) => {
    expect(londonDaysBetween(at(from), at(to))).toBe(days);
  });
});

describe('the words of a reminder', () => {
  const words = (now: string) =>
    actionReminderText({
      areaName: 'Northbrook and Wellfield',
      reference: 'NW-2026-0042',
      dueAt: at('2026-12-09T17:00:00Z'),
      now: at(now),
      link: 'https://marac.example/actions',
    });
  it('before: the case reference, the due time in UK time and the link to My actions', () => {
    const { subject, text } = words('2026-12-07T09:00:00Z');
    expect(subject).toBe('MARAC action reminder');
    expect(text).toContain('case NW-2026-0042, due Wednesday 9 December 2026 at 17:00 (UK time)');
    expect(text).toContain('https://marac.example/actions');
  });
  it('overdue: how many days ago', () => {
    const { subject, text } = words('2026-12-14T09:00:00Z');
    expect(subject).toBe('MARAC action overdue');
    expect(text).toContain('was due Wednesday 9 December 2026 at 17:00 (UK time), 5 days ago');
  });
});

describe('a case closes when none of its actions is incomplete', () => {
  it.each([
    [0, 'closed'],
    [1, 'open'],
  ] as const)('%i incomplete: %s', (incompleteActions, expected) => {
    expect(caseState({ incompleteActions })).toBe(expected);
  });
});
