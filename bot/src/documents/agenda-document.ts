import {
  agendaVersionLabel,
  type Agenda,
  type AgendaCase,
  type AgendaPerson,
} from '#core/agendas/agenda.js';
import type { LocalDate } from '#core/shared/local-date.js';

/** One version of a meeting's agenda as a document: the same content for the PDF and the HTML. */
export interface AgendaDocument {
  areaName: string;
  meetingDate: LocalDate;
  /** Local time in Europe/London, "10:00". */
  startsAt: string;
  /** 1 for the agenda first published; 2, 3... for each addendum. */
  version: number;
  /** For an addendum: one sentence per change since the version before. */
  changes: readonly string[];
  confidentialityStatement: string;
  agenda: Agenda;
}

/**
 * What names one version of an agenda and nothing of its content: all that a subject line or a
 * chat message may carry.
 */
export type AgendaHeading = Pick<AgendaDocument, 'areaName' | 'meetingDate' | 'version'>;

export const documentTitle = (d: Omit<AgendaHeading, 'version'>): string =>
  `MARAC agenda - ${d.areaName} - ${longDate(d.meetingDate)}`;

export const versionLabel = (d: Pick<AgendaHeading, 'version'>): string =>
  agendaVersionLabel(d.version);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "12 April 1991": dates in full, as British readers expect, never ambiguous 04/12. */
export function longDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const bandWords = { high: 'High', medium: 'Medium', standard: 'Standard' } as const;

function person(p: AgendaPerson): string {
  const known = p.otherNames.length > 0 ? ` (also known as ${p.otherNames.join(', ')})` : '';
  const born = p.dateOfBirth ? `, born ${longDate(p.dateOfBirth)}` : ', date of birth not known';
  return `${p.name}${known}${born}`;
}

/** A case line as label and value rows, in the order agencies research them. */
export function caseRows(line: AgendaCase): [string, string][] {
  const rows: [string, string][] = [
    [
      'Victim',
      `${person(line.victim)}${line.victim.address ? `; ${line.victim.address}` : '; address not known'}`,
    ],
    [
      line.perpetrators.length > 1 ? 'Perpetrators' : 'Perpetrator',
      line.perpetrators.map(person).join('\n') || 'Not known',
    ],
    [
      'Children',
      line.children.length === 0
        ? 'None known'
        : line.children.map((c) => `${person(c)}${c.school ? `; ${c.school}` : ''}`).join('\n'),
    ],
    ['Referring agency', line.referringAgency],
    ['Reason', line.reason],
    [
      'Risk level',
      `${bandWords[line.risk.band]}${line.risk.score === null ? ` (${line.risk.checklist})` : ` - score ${line.risk.score} on the ${line.risk.checklist}`}`,
    ],
    ['Repeat', line.isRepeat ? 'Yes: referred within the last 12 months' : 'No'],
    ['MAPPA', line.mappaLead ? 'Managed at MAPPA level 2 or 3: MAPPA leads' : 'No MAPPA lead'],
    ['Known risks', line.knownRisks],
  ];
  if (line.lateReason) rows.push(['Added late', line.lateReason]);
  return rows;
}
