import type { DataReturn, Figure, PersonFigure } from '#core/contracts/data-return-api.js';
import { dateInWords } from '#core/shared/date-words.js';
import {
  deferredRow,
  figureRows,
  notKnownOf,
  notRecodedOf,
} from '#core/contracts/data-return-rows.js';

/**
 * The data return as a table for a terminal: a row per figure, a column for the quarter's total
 * and one for each meeting. Counts, agency names and (for recoding) case references: never a
 * person's name, since a terminal's output ends up in tickets and logs.
 */

const shortDate = (date: string) => {
  const [, day, month] = dateInWords(date, 'short').split(' ');
  return `${day} ${month}`;
};

type Cell = (value: Figure | PersonFigure) => number | null;

function table(answer: DataReturn): string[] {
  const totals = figureRows(answer.total);
  const perMeeting = answer.meetings.map(
    (m) => new Map(figureRows(m.figures).map((r) => [r.key, r.value])),
  );
  const header = ['Figure', 'Total', ...answer.meetings.map((m) => shortDate(m.date))];
  const lines: string[][] = [header];
  const add = (label: string, key: string, total: Figure | PersonFigure, cell: Cell) => {
    const value = (v: Figure | PersonFigure | undefined) => (v ? (cell(v) ?? 0) : 0);
    lines.push([label, String(value(total)), ...perMeeting.map((m) => String(value(m.get(key))))]);
  };
  for (const row of totals) {
    add(row.label, row.key, row.value, (v) => v.count);
    if (notKnownOf(row.value) !== null) add('    not known', row.key, row.value, notKnownOf);
    if (notRecodedOf(row.value) !== null) add('    not recoded', row.key, row.value, notRecodedOf);
  }
  const deferred = [
    deferredRow({ count: 0 }).label,
    '',
    ...answer.meetings.map((m) => String(m.deferred.count)),
  ];
  lines.push(deferred);
  const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  return lines.map((l) =>
    l
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The whole return in words and a table. */
export function dataReturnText(answer: DataReturn): string {
  const { area } = answer;
  const from = dateInWords(answer.from, 'long').replace(/^\S+ /, '');
  const to = dateInWords(answer.to, 'long').replace(/^\S+ /, '');
  const out = [
    `SafeLives MARAC data return: ${area.name}${area.code ? ` (${area.code})` : ''}, ${answer.quarter}, ${from} to ${to}`,
    `${answer.meetings.length} meeting${answer.meetings.length === 1 ? '' : 's'} in the quarter.`,
    '',
    ...(answer.meetings.length > 0
      ? table(answer)
      : ['No meeting of the area falls in this quarter.']),
  ];
  const recode = answer.toRecode;
  if (recode.ethnicity.count + recode.sexuality.count > 0) {
    out.push('', 'Free text to recode as a category (open each referral):');
    if (recode.ethnicity.count > 0)
      out.push(`  ethnicity: ${(recode.ethnicity.references ?? []).join(', ')}`);
    if (recode.sexuality.count > 0)
      out.push(`  sexuality: ${(recode.sexuality.references ?? []).join(', ')}`);
  }
  if (answer.warnings.length > 0)
    out.push('', 'Warnings:', ...answer.warnings.map((w) => `  ${w}`));
  out.push('', 'The case references behind each figure: --json (or --csv).');
  return `${out.join('\n')}\n`;
}
