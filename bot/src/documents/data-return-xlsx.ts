import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/node';
import type { DataReturn, Figure, PersonFigure } from '#core/contracts/data-return-api.js';
import {
  deferredRow,
  figureRows,
  RECORD_WORDS,
  toRecodeRows,
  type FigureRow,
} from '#core/contracts/data-return-rows.js';

/*
 * The data return as an Excel workbook (issue #13), written by `write-excel-file` (Office Open
 * XML in a zip, by fflate): a sheet of the quarter's totals, with the area, the quarter, its
 * dates and the warnings at the top, and a sheet of the meetings, a row per figure of each.
 * Counts are numbers and dates are dates, so the sheet can be summed and sorted; the figures'
 * words are those of the command line and the tab (core/contracts/data-return-rows.ts). The
 * case references go in columns of their own, and only when the answer has them (the
 * coordinator's): an admin's workbook has no such column. Text is never a formula: the library
 * writes every string as a string, so a typed agency name cannot run in Excel.
 */

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SHEET_NAMES = { totals: 'Quarter totals', meetings: 'Meetings' } as const;

export const FIGURE_COLUMNS = ['Figure', 'Count', 'Not known', 'Not recoded'] as const;
export const REFERENCE_COLUMNS = ['Cases', 'Cases not known', 'Cases not recoded'] as const;

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const dateCell = (date: string): Cell => ({
  value: new Date(`${date}T00:00:00Z`),
  type: Date,
  format: 'dd/mm/yyyy',
});
const refs = (figure: Figure | undefined) => (figure?.references ?? []).join(' ');

/** Whether the answer carries the drill-down (the coordinator's). */
const withReferences = (answer: DataReturn) => answer.total.casesHeard.references !== undefined;

function figureCells(row: FigureRow, references: boolean): Cell[] {
  const value: Figure | PersonFigure = row.value;
  const person = 'notKnown' in value ? value : null;
  const cells: Cell[] = [
    row.label.trim(),
    value.count,
    person ? person.notKnown.count : null,
    person?.notRecoded ? person.notRecoded.count : null,
  ];
  if (references)
    cells.push(refs(value), person ? refs(person.notKnown) : '', refs(person?.notRecoded));
  return cells;
}

function header(before: readonly string[], references: boolean): Row {
  return [...before, ...FIGURE_COLUMNS, ...(references ? REFERENCE_COLUMNS : [])].map(bold);
}

const areaName = (answer: DataReturn) =>
  `${answer.area.name}${answer.area.code ? ` (${answer.area.code})` : ''}`;

function totalsSheet(answer: DataReturn, references: boolean): Sheet<Buffer> {
  const warnings: Row[] =
    answer.warnings.length === 0
      ? [['Warnings', 'None: the record of every meeting of the quarter is closed.']]
      : answer.warnings.map((w) => [bold('Warning'), w]);
  const data: Row[] = [
    [{ value: 'SafeLives MARAC data return', fontWeight: 'bold', fontSize: 14 }],
    ['Area', areaName(answer)],
    ['Quarter', answer.quarter],
    ['From', dateCell(answer.from)],
    ['To', dateCell(answer.to)],
    ['Meetings', answer.meetings.length],
    ...warnings,
    ...(references
      ? []
      : [
          [
            'Cases',
            "The case references behind each figure are given to the area's coordinator only.",
          ],
        ]),
    [],
    header([], references),
    ...[...figureRows(answer.total), ...toRecodeRows(answer.toRecode)].map((r) =>
      figureCells(r, references),
    ),
  ];
  const widths = [42, 12, 12, 12, ...(references ? [60, 30, 30] : [])];
  return { sheet: SHEET_NAMES.totals, data, columns: widths.map((width) => ({ width })) };
}

function meetingsSheet(answer: DataReturn, references: boolean): Sheet<Buffer> {
  const data: Row[] = [
    [bold(`The meetings of ${answer.quarter}: ${areaName(answer)}`)],
    [],
    header(['Meeting date', 'Start time', 'Record'], references),
  ];
  for (const meeting of answer.meetings) {
    const scope: Cell[] = [dateCell(meeting.date), meeting.startTime, RECORD_WORDS[meeting.record]];
    for (const row of [...figureRows(meeting.figures), deferredRow(meeting.deferred)])
      data.push([...scope, ...figureCells(row, references)]);
  }
  if (answer.meetings.length === 0) data.push(['No meeting of the area falls in this quarter.']);
  const widths = [14, 10, 24, 42, 12, 12, 12, ...(references ? [60, 30, 30] : [])];
  return { sheet: SHEET_NAMES.meetings, data, columns: widths.map((width) => ({ width })) };
}

/** The whole return as an .xlsx workbook. */
export function dataReturnXlsx(answer: DataReturn): Promise<Buffer> {
  const references = withReferences(answer);
  return writeXlsxFile([
    totalsSheet(answer, references),
    meetingsSheet(answer, references),
  ]).toBuffer();
}
