import type { DataReturn, Figure, PersonFigure } from '../contracts/data-return-api.js';
import {
  deferredRow,
  figureRows,
  toRecodeRows,
  type FigureRow,
} from '../contracts/data-return-rows.js';

/*
 * The data return as CSV (RFC 4180), for the command line and the API's download alike: a
 * header, then one record per figure of the quarter and per figure of each meeting, CRLF after
 * every record. Hand-written rather than a package: the rules are four (quote a field holding a
 * comma, a quote, CR or LF; double each quote inside; CRLF between records; the same number of
 * fields in each), and the test reads the output back with its own parser.
 */

export const CSV_HEADER = [
  'scope',
  'meeting_date',
  'meeting_record',
  'figure',
  'detail',
  'count',
  'not_known',
  'not_recoded',
  'references',
  'not_known_references',
  'not_recoded_references',
] as const;

/**
 * A text that a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading
 * apostrophe, the usual defence: agency names are typed by people, and this file is opened in
 * Excel.
 */
const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvRecord = (fields: readonly string[]) => `${fields.map(csvField).join(',')}\r\n`;

const refs = (figure: Figure | undefined) => (figure?.references ?? []).join(' ');

function figureFields(value: Figure | PersonFigure): string[] {
  const person = 'notKnown' in value ? value : null;
  return [
    String(value.count),
    person ? String(person.notKnown.count) : '',
    person?.notRecoded ? String(person.notRecoded.count) : '',
    refs(value),
    person ? refs(person.notKnown) : '',
    person?.notRecoded ? refs(person.notRecoded) : '',
  ];
}

function records(scope: string[], rows: readonly FigureRow[]): string[] {
  return rows.map((r) => csvRecord([...scope, r.figure, r.detail, ...figureFields(r.value)]));
}

/** The whole return as one CSV document. */
export function dataReturnCsv(answer: DataReturn): string {
  const quarter = ['quarter', '', ''];
  const lines = [
    csvRecord(CSV_HEADER),
    ...records(quarter, figureRows(answer.total)),
    ...records(quarter, toRecodeRows(answer.toRecode)),
  ];
  for (const meeting of answer.meetings) {
    const scope = ['meeting', meeting.date, meeting.record];
    lines.push(...records(scope, [deferredRow(meeting.deferred), ...figureRows(meeting.figures)]));
  }
  return lines.join('');
}
