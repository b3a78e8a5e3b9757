import { circulationOf, draftView } from '#core/agendas/agenda-view.js';
import { buildAgenda } from '#core/agendas/build-agenda.js';
import { area, meeting } from '../scheduling/fake-repos.js';

/**
 * The coordinator is warned from two working days before the agenda circulation date; here the
 * date falls between Christmas and the New Year, so bank holidays count (England and Wales 2026:
 * Christmas on Friday 25th, Boxing Day substituted to Monday 28th).
 */
describe('circulationOf', () => {
  const tuesday = meeting('m1', '2027-01-05');

  it.each([
    ['2026-12-22', 'open'],
    ['2026-12-23', 'near'], // two working days before Tue 29th: Thu 24th, then Wed 23rd
    ['2026-12-28', 'near'],
    ['2026-12-29', 'near'],
    ['2026-12-30', 'passed'],
  ])('on %s the agenda is %s', (today, state) => {
    expect(circulationOf(tuesday, area(), false, today)).toEqual({ due: '2026-12-29', state });
  });

  it('says published once a version is out, whatever the date', () => {
    expect(circulationOf(tuesday, area(), true, '2026-12-30').state).toBe('published');
  });
});

describe('draftView', () => {
  it('offers version 1 with no pending changes before the first publication', () => {
    const view = draftView({
      meeting: meeting('m1', '2027-01-05'),
      area: area(),
      draft: buildAgenda({ cases: [] }),
      versions: [],
      today: '2026-12-01',
    });
    expect(view).toMatchObject({
      kind: 'draft',
      version: 1,
      label: 'Version 1',
      pendingChanges: null,
    });
  });

  it('offers the next addendum with nothing pending when the draft equals the last version', () => {
    const agenda = buildAgenda({ cases: [] });
    const view = draftView({
      meeting: meeting('m1', '2027-01-05'),
      area: area(),
      draft: agenda,
      versions: [
        {
          id: 'v1',
          meetingId: 'm1',
          version: 1,
          agenda,
          changes: [],
          publishedAt: new Date(),
          publishedBy: null,
        },
      ],
      today: '2026-12-01',
    });
    expect(view).toMatchObject({ version: 2, label: 'Addendum 1 (version 2)', pendingChanges: [] });
  });
});
