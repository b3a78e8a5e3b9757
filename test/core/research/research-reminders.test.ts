import { defaultProtocol } from '#core/meetings/protocol.js';
import { dueReminder, reminderDueAt } from '#core/research/research-reminders.js';

const area = (closures: string[] = []) => ({
  protocol: {
    ...defaultProtocol,
    cadence: { kind: 'fortnightly' as const, weekday: 'tuesday' as const },
  },
  closures,
});

describe('reminder time: 09:00 London on the working day N working days before the meeting', () => {
  it.each([
    ['winter (GMT), 3 days', '2027-01-12', 3, [], '2027-01-07T09:00:00.000Z'],
    ['winter (GMT), 1 day', '2027-01-12', 1, [], '2027-01-11T09:00:00.000Z'],
    ['summer (BST), 1 day', '2027-06-15', 1, [], '2027-06-14T08:00:00.000Z'],
    // BST ends on Sunday 25 October 2026: the Thursday before is still BST, the Monday GMT.
    ['the Tuesday after BST ends, 3 days (BST)', '2026-10-27', 3, [], '2026-10-22T08:00:00.000Z'],
    ['the Tuesday after BST ends, 1 day (GMT)', '2026-10-27', 1, [], '2026-10-26T09:00:00.000Z'],
    // BST starts on Sunday 29 March 2026: the Thursday before is GMT, the Monday BST.
    ['the Tuesday after BST starts, 3 days (GMT)', '2026-03-31', 3, [], '2026-03-26T09:00:00.000Z'],
    ['the Tuesday after BST starts, 1 day (BST)', '2026-03-31', 1, [], '2026-03-30T08:00:00.000Z'],
    // 25 December (Friday) and 28 December (Monday, for Boxing Day on a Saturday) are skipped.
    [
      'Tuesday 29 December 2026, 1 day: Christmas Eve',
      '2026-12-29',
      1,
      [],
      '2026-12-24T09:00:00.000Z',
    ],
    ['Tuesday 29 December 2026, 3 days', '2026-12-29', 3, [], '2026-12-22T09:00:00.000Z'],
    [
      'after Easter 2027: Good Friday and Easter Monday skipped',
      '2027-03-30',
      1,
      [],
      '2027-03-25T09:00:00.000Z',
    ],
    ['a closure day skipped', '2027-01-12', 1, ['2027-01-11'], '2027-01-08T09:00:00.000Z'],
  ])('%s', (_, date, days, closures, expected) => {
    expect(reminderDueAt({ date }, area(closures), days).toISOString()).toBe(expected);
  });
});

describe('which reminder is due', () => {
  // Tuesday 8 December 2026: reminders on Thu 3 and Mon 7 December, deadline Mon 7 at 17:00.
  const meeting = { date: '2026-12-08' };
  const published = new Date('2026-11-24T10:00:00Z');
  const due = (now: string, publishedAt = published, reminderDays = [3, 1]) =>
    dueReminder({ meeting, area: area(), reminderDays, publishedAt, now: new Date(now) });

  it.each([
    ['before the first reminder time', '2026-12-03T08:59:59Z', null],
    ['at the first reminder time', '2026-12-03T09:00:00Z', 3],
    ['between the two', '2026-12-04T15:00:00Z', 3],
    ['at the last: only the last, never both at once', '2026-12-07T09:00:00Z', 1],
    ['just before the deadline', '2026-12-07T17:00:00Z', 1],
    ['after the deadline', '2026-12-07T17:00:01Z', null],
  ])('%s', (_, now, expected) => {
    expect(due(now)).toBe(expected);
  });

  it('sends none whose time came before the agenda was published (the prompt just went out)', () => {
    const late = new Date('2026-12-04T10:00:00Z');
    expect(due('2026-12-04T11:00:00Z', late)).toBeNull();
    expect(due('2026-12-07T09:00:00Z', late)).toBe(1);
  });

  it('follows the area setting, in any order', () => {
    expect(due('2026-12-02T09:00:00Z', published, [1, 5, 4])).toBe(4);
    expect(due('2026-12-07T09:00:00Z', published, [])).toBeNull();
  });
});
