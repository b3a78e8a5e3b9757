import {
  clockInWords,
  fieldInWords,
  londonMomentInWords,
} from '../../../bot/src/cards/research-words.js';

describe('the research deadline in words, in London time whatever the server’s zone', () => {
  it.each([
    ['2026-12-10T17:00:00Z', '5pm on Thursday 10 December 2026'],
    ['2026-06-04T16:00:00Z', '5pm on Thursday 4 June 2026'], // British Summer Time
    ['2026-03-29T00:30:00Z', '12:30am on Sunday 29 March 2026'], // before the clocks go forward
    ['2026-03-29T11:00:00Z', 'midday on Sunday 29 March 2026'], // after: BST
    ['2026-10-25T00:30:00Z', '1:30am on Sunday 25 October 2026'], // the first 1:30, BST
    ['2026-10-25T01:30:00Z', '1:30am on Sunday 25 October 2026'], // the second, GMT
    ['2026-12-02T00:00:00Z', 'midnight at the end of Tuesday 1 December 2026'],
    ['2026-07-01T23:00:00Z', 'midnight at the end of Wednesday 1 July 2026'], // BST midnight
  ])('%s is %s', (instant, words) => {
    expect(londonMomentInWords(new Date(instant))).toBe(words);
  });

  it.each([
    ['09:00', '9am'],
    ['09:05', '9:05am'],
    ['12:00', 'midday'],
    ['12:30', '12:30pm'],
    ['00:30', '12:30am'],
    ['17:45', '5:45pm'],
  ])('%s is %s', (clock, words) => {
    expect(clockInWords(clock)).toBe(words);
  });
});

describe('fields in words', () => {
  it.each([
    ['knownToAgency', 'Is this case known to your agency?'],
    ['professionalOpinion', 'Professional opinion'],
    ['withheldReason', 'Why the information was not shared'],
    [{ child: 0, part: 'involvement' }, 'Child 1: involvement'],
    [{ child: 11, part: 'contactArrangements' }, 'Child 12: contact arrangements'],
  ] as const)('%j is "%s"', (field, words) => {
    expect(fieldInWords(field)).toBe(words);
  });
});
