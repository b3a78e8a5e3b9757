import { actionDueAt } from '#core/meeting-run/action-rules.js';
import { isDomainError } from '#core/shared/errors.js';

/**
 * When an action is due: a London date and time read as the instant London clocks show it, over
 * both changes of the clocks; never before now; an urgent child safeguarding decision within 24
 * hours of real time, not of wall-clock time.
 */
const refusal = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    expect(error.code).toBe('VALIDATION_FAILED');
    return error.details?.map((d) => `${d.path}: ${d.message}`).join('; ') ?? error.message;
  }
};

describe('an action due date and time in London', () => {
  it.each([
    // Clocks go forward on Sunday 28 March 2027: 09:00 on the Monday is 08:00 UTC.
    ['2027-03-27T10:00:00Z', '2027-03-29', '09:00', '2027-03-29T08:00:00.000Z'],
    ['2027-03-27T10:00:00Z', '2027-03-27', '11:30', '2027-03-27T11:30:00.000Z'],
    // Clocks go back on Sunday 25 October 2026: 09:00 on the Monday is 09:00 UTC.
    ['2026-10-24T12:00:00Z', '2026-10-24', '14:00', '2026-10-24T13:00:00.000Z'],
    ['2026-10-24T12:00:00Z', '2026-10-26', '09:00', '2026-10-26T09:00:00.000Z'],
  ])('at %s, due %s %s is %s', (now, dueDate, dueTime, instant) => {
    const due = actionDueAt({ dueDate, dueTime, urgent: null }, new Date(now));
    expect(due.toISOString()).toBe(instant);
  });

  it('refuses a due time that has passed, naming the field in words', () => {
    const now = new Date('2027-03-29T08:00:00Z'); // 09:00 BST
    expect(
      refusal(() => actionDueAt({ dueDate: '2027-03-29', dueTime: '08:30', urgent: null }, now)),
    ).toBe('dueDate: Due date and time: choose a time after now');
    expect(
      refusal(() => actionDueAt({ dueDate: '2027-03-29', dueTime: '09:01', urgent: null }, now)),
    ).toBeNull();
  });
});

describe('an urgent child safeguarding action', () => {
  // 20:00 on Saturday 27 March 2027 (GMT); the clocks go forward that night.
  const now = new Date('2027-03-27T20:00:00Z');

  it.each([
    // 20:30 BST on Sunday is 23 and a half hours away, though the clock says 24 and a half.
    ['childrens-services-referral', '2027-03-28', '20:30', null],
    ['strategy-discussion', '2027-03-28', '20:59', null],
    [
      'strategy-discussion',
      '2027-03-28',
      '21:30',
      'dueDate: Due date and time: choose a time by 21:00 on Sunday 28 March 2027',
    ],
    [
      'childrens-services-referral',
      '2027-04-01',
      '09:00',
      'dueDate: Due date and time: choose a time by 21:00 on Sunday 28 March 2027',
    ],
  ] as const)('%s due %s %s: %s', (urgent, dueDate, dueTime, expected) => {
    expect(refusal(() => actionDueAt({ dueDate, dueTime, urgent }, now))).toBe(expected);
  });

  it('is not held to hours when the action is not urgent', () => {
    expect(
      refusal(() => actionDueAt({ dueDate: '2027-04-01', dueTime: '09:00', urgent: null }, now)),
    ).toBeNull();
  });

  it('keeps an unchanged due time even once it has come close or passed', () => {
    const before = {
      dueAt: new Date('2027-03-27T19:00:00Z'),
      urgent: 'strategy-discussion' as const,
    };
    const kept = actionDueAt(
      { dueDate: '2027-03-27', dueTime: '19:00', urgent: 'strategy-discussion' },
      now,
      before,
    );
    expect(kept).toEqual(before.dueAt);
    expect(
      refusal(() =>
        actionDueAt({ dueDate: '2027-03-27', dueTime: '19:00', urgent: null }, now, before),
      ),
    ).toBe('dueDate: Due date and time: choose a time after now');
  });
});
