import { checkLiveEvent } from '#core/ports/live.js';

const MEETING = 'meeting:7d0b6a5e-3f2c-4c1e-9a55-0f7e5c1d2b3a';

describe('a live event carries ids and a kind, nothing else', () => {
  it.each([
    [MEETING, 'case-opened', { meetingId: 'm1', caseId: '3f2c4c1e-9a55' }],
    ['area:42', 'agenda.published', {}],
    [MEETING, 'note-saved', { noteId: 'note_1:2' }],
  ])('accepts %s %s %j', (topic, kind, ids) => {
    expect(() => checkLiveEvent(topic, { kind, ids })).not.toThrow();
  });

  it.each([
    ['Jo Bloggs', 'case-opened', {}, 'topic'],
    ['meeting:', 'case-opened', {}, 'topic'],
    [MEETING, 'Case opened', {}, 'kind'],
    [MEETING, 'case opened for Jo', {}, 'kind'],
    [MEETING, 'note-saved', { victim: 'Jo Bloggs' }, 'ids'],
    [MEETING, 'note-saved', { 'case id': 'c1' }, 'ids'],
    [MEETING, 'note-saved', { dob: '01/02/1990' }, 'ids'],
    [MEETING, 'note-saved', { caseId: 'x'.repeat(65) }, 'ids'],
    [
      MEETING,
      'note-saved',
      Object.fromEntries([...Array(17).keys()].map((i) => [`id${i}`, 'x'])),
      'ids',
    ],
  ])('refuses %s %s %j', (topic, kind, ids, what) => {
    expect(() => checkLiveEvent(topic, { kind, ids: ids as Record<string, string> })).toThrow(what);
  });
});
