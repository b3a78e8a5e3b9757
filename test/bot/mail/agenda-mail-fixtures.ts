import { casesInOrder } from '#core/agendas/agenda.js';
import { buildAgenda } from '#core/agendas/build-agenda.js';
import { defaultConfidentialityStatement } from '#core/agendas/confidentiality.js';
import { longDate, type AgendaDocument } from '../../../bot/src/documents/agenda-document.js';
import { agendaCase } from '../../core/agendas/agenda-fixtures.js';

/* An addendum about invented people, and every detail of theirs that must stay out of sight. */

export const agendaDocument: AgendaDocument = {
  areaName: 'Northbrook',
  meetingDate: '2026-12-08',
  startsAt: '10:00',
  version: 2,
  changes: ['Case CB-2026-0002 added after the referral deadline: incident on Saturday.'],
  confidentialityStatement: defaultConfidentialityStatement,
  agenda: buildAgenda({
    cases: [
      agendaCase('CB-2026-0001', 0, {
        victim: {
          name: 'Harriet Quillfeather',
          otherNames: ['Hattie Quill'],
          dateOfBirth: '1990-03-14',
          address: '17 Wrenfield Close, Calderbank CB9 2XY',
        },
        perpetrators: [
          { name: 'Gideon Vantreight', otherNames: ['Gid Vance'], dateOfBirth: '1986-11-02' },
        ],
        children: [
          {
            name: 'Posy Quillfeather',
            otherNames: [],
            dateOfBirth: '2018-05-21',
            school: 'St Aldhelm Primary School',
          },
          {
            name: 'Bram Vantreight',
            otherNames: [],
            dateOfBirth: '2020-01-09',
            school: 'Little Acorns Nursery',
          },
        ],
      }),
      agendaCase('CB-2026-0002', 0, {
        victim: {
          name: '\u0141ucja Adebayo-Kerrigan',
          otherNames: [],
          dateOfBirth: '1979-07-30',
          address: 'Flat 3, 88 Tannery Road, Calderbank CB2 5LT',
        },
        perpetrators: [{ name: 'Marek Zielinski-Hart', otherNames: [], dateOfBirth: null }],
        lateReason: 'Incident on Saturday; police ask for the next MARAC.',
      }),
    ],
  }),
};

/**
 * Everything in the fixture that identifies a person or a case: names and other names, dates of
 * birth written both ways, addresses and their postcodes, schools, and the case references.
 */
export const personalDetails: readonly string[] = casesInOrder(agendaDocument.agenda).flatMap(
  (line) => {
    const people = [line.victim, ...line.perpetrators, ...line.children];
    return [
      line.reference,
      ...people.flatMap((p) => [p.name, ...p.name.split(' ').slice(1), ...p.otherNames]),
      ...people.flatMap((p) => (p.dateOfBirth ? [p.dateOfBirth, longDate(p.dateOfBirth)] : [])),
      ...(line.victim.address ? [line.victim.address, line.victim.address.slice(-7)] : []),
      ...line.children.flatMap((c) => (c.school ? [c.school] : [])),
    ];
  },
);

/** Fails naming the first detail found in `text`. */
export function expectNoPersonalDetails(text: string, where: string): void {
  const found = personalDetails.filter((detail) => text.includes(detail));
  expect({ where, found }).toEqual({ where, found: [] });
}
