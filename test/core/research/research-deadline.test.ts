import { defaultProtocol } from '#core/meetings/protocol.js';
import { deadlineInWords, researchDeadline } from '#core/research/research-deadline.js';

const area = (closures: string[] = []) => ({
  protocol: {
    ...defaultProtocol,
    cadence: { kind: 'fortnightly' as const, weekday: 'tuesday' as const },
  },
  closures,
});

describe('research deadline: 17:00 London on the working day before the meeting', () => {
  it.each([
    ['a Tuesday in winter (GMT)', '2027-01-12', [], '2027-01-11T17:00:00.000Z'],
    ['a Tuesday in summer (BST)', '2027-06-15', [], '2027-06-14T16:00:00.000Z'],
    ['a Monday: the Friday before', '2027-06-14', [], '2027-06-11T16:00:00.000Z'],
    [
      'the Tuesday after Easter: Thursday, before Good Friday',
      '2027-03-30',
      [],
      '2027-03-25T17:00:00.000Z',
    ],
    [
      'a Monday after BST starts: the Friday before, at 17:00 GMT',
      '2026-03-30',
      [],
      '2026-03-27T17:00:00.000Z',
    ],
    ['the day after BST ends (Monday)', '2027-11-01', [], '2027-10-29T16:00:00.000Z'],
    ['a closure day before it', '2027-01-12', ['2027-01-11'], '2027-01-08T17:00:00.000Z'],
  ])('%s', (_, date, closures, expected) => {
    expect(researchDeadline({ date }, area(closures)).toISOString()).toBe(expected);
  });

  it('is written in words for the messages people read', () => {
    expect(deadlineInWords(new Date('2027-06-14T16:00:00Z'))).toBe('17:00 on Monday 14 June 2027');
  });
});
