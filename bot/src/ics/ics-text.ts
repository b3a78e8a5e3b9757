import { parseLocalDate, type LocalDate } from '#core/shared/local-date.js';

/*
 * RFC 5545 content lines: text escaping (3.3.11), parameter values (3.1, 3.2), folding at 75
 * octets (3.1) and CRLF line ends.
 */

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value such as CN. Quoted when it holds `;`, `:` or `,`; a double quote cannot
 * appear even inside quotes, so it becomes an apostrophe, and control characters are dropped.
 */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/"/g, "'");
  return /[;:,]/.test(clean) ? `"${clean}"` : clean;
}

/**
 * Folds one content line so that no physical line exceeds 75 octets. Breaks fall between
 * characters, never inside a UTF-8 sequence; each continuation starts with one space, which
 * counts towards its 75.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** Joins content lines into an iCalendar object: each folded, each ended by CRLF. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** `YYYYMMDDTHHMMSSZ`, as DTSTAMP and UNTIL take it. */
export function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Local `YYYYMMDDTHHMMSS`, `minutesLater` after `time` on `date`, for a TZID-qualified value. */
export function localDateTime(date: LocalDate, time: string, minutesLater = 0): string {
  const { year, month, day } = parseLocalDate(date);
  const [hours, minutes] = time.split(':').map(Number);
  // Wall-clock arithmetic, read as if UTC, so that no zone offset creeps in.
  const wall = new Date(Date.UTC(year, month - 1, day, hours ?? 0, (minutes ?? 0) + minutesLater));
  return wall.toISOString().slice(0, 19).replace(/[-:]/g, '');
}
