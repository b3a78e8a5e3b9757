import type { StoredResearchStatus } from '#core/contracts/research.js';
import {
  isUnanswered,
  nextStatus,
  shownStatus,
  type ResearchEvent,
} from '#core/research/research-status.js';

describe('research state machine', () => {
  it.each<[StoredResearchStatus, ResearchEvent, StoredResearchStatus | null]>([
    ['not-sent', 'prompt-sent', 'sent'],
    ['sent', 'prompt-seen', 'seen'],
    ['not-sent', 'prompt-seen', 'not-sent'],
    ['draft', 'prompt-seen', 'draft'],
    ['submitted', 'prompt-sent', 'submitted'],
    ['not-sent', 'save-draft', 'draft'],
    ['sent', 'save-draft', 'draft'],
    ['seen', 'save-draft', 'draft'],
    ['draft', 'save-draft', 'draft'],
    ['nothing-known', 'save-draft', 'draft'],
    ['submitted', 'save-draft', null],
    ['not-sent', 'submit', 'submitted'],
    ['seen', 'submit', 'submitted'],
    ['draft', 'submit', 'submitted'],
    ['nothing-known', 'submit', 'submitted'],
    ['submitted', 'submit', 'submitted'],
    ['not-sent', 'nothing-known', 'nothing-known'],
    ['sent', 'nothing-known', 'nothing-known'],
    ['seen', 'nothing-known', 'nothing-known'],
    ['draft', 'nothing-known', null],
    ['submitted', 'nothing-known', null],
    ['nothing-known', 'nothing-known', null],
  ])('%s --%s--> %s', (from, event, to) => {
    expect(nextStatus(from, event)).toBe(to);
  });

  it.each<[StoredResearchStatus | undefined, boolean]>([
    [undefined, true],
    ['not-sent', true],
    ['sent', true],
    ['seen', true],
    ['draft', false],
    ['submitted', false],
    ['nothing-known', false],
  ])('%s counts as unanswered: %s', (status, unanswered) => {
    expect(isUnanswered(status)).toBe(unanswered);
  });
});

describe('how a cell reads', () => {
  const deadline = new Date('2027-03-29T16:00:00Z');
  const before = new Date('2027-03-29T15:59:00Z');
  const after = new Date('2027-03-29T16:01:00Z');

  it.each<[string, StoredResearchStatus | null, Date | null, Date, string]>([
    ['no row before the deadline', null, null, before, 'not-sent'],
    ['no row after it', null, null, after, 'late'],
    ['sent, after it', 'sent', null, after, 'late'],
    ['seen, before it', 'seen', null, before, 'seen'],
    ['a draft, after it', 'draft', null, after, 'late'],
    ['submitted in time, read after it', 'submitted', before, after, 'submitted'],
    ['submitted after it', 'submitted', after, after, 'late'],
    ['nothing known in time', 'nothing-known', before, after, 'nothing-known'],
  ])('%s', (_, status, submittedAt, now, shown) => {
    const cell = status === null ? null : { status, submittedAt };
    expect(shownStatus(cell, deadline, now)).toBe(shown);
  });
});
