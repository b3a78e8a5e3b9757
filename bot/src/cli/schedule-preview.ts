import { previewView } from '#core/scheduling/preview-view.js';
import { parseArgs } from 'node:util';
import { isLocalDate, weekdayName, weekdays, type LocalDate } from '#core/shared/local-date.js';
import {
  defaultProtocol,
  protocolSchema,
  regions,
  type Cadence,
  type MeetingProtocol,
} from '#core/meetings/protocol.js';
import { WorkingCalendar } from '#core/calendar/working-days.js';
import { londonDateOf, londonTimeOf } from '#core/calendar/london-time.js';
import { planMeetings, type MeetingPlan } from '#core/meetings/schedule.js';

/**
 * `schedule-preview`: shows a coordinator (or a test) the meetings and deadlines a protocol would
 * give, before a series is created. Pure: arguments in, exit code and text out, so the dispatcher
 * owns the process and tests need no child process.
 */
export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

// prettier-ignore
const stringFlags = [
  'cadence', 'weekday', 'nth', 'day-of-month', 'start', 'time', 'count', 'region', 'referral-days',
  'agenda-days', 'minutes-working-days', 'action-plan-hours', 'duration', 'bank-holiday-rule',
  'closures',
] as const;
type Flag = (typeof stringFlags)[number];
const options = {
  ...Object.fromEntries(stringFlags.map((flag) => [flag, { type: 'string' as const }])),
  json: { type: 'boolean' as const },
};
const DATE = 'a real date YYYY-MM-DD';

/** A bad command line: reported as one line naming the flag, exit code 2. */
class UsageError extends Error {}

/** Reads and checks one flag at a time; every failure names the flag and what it expects. */
class Flags {
  constructor(private readonly values: Partial<Record<Flag, string>>) {}

  fail(flag: Flag, expected: string, got?: string): never {
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
    throw new UsageError(`--${flag}: expected ${expected}${shown}`);
  }

  text(flag: Flag, expected: string, required: boolean): string | undefined {
    const value = this.values[flag];
    return value === undefined && required ? this.fail(flag, expected) : value;
  }

  oneOf<T extends string>(flag: Flag, allowed: readonly T[], required = true): T | undefined {
    const expected = `one of ${allowed.join(', ')}`;
    const value = this.text(flag, expected, required);
    if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(flag, expected, value);
  }

  whole(flag: Flag, min: number, max: number, required = false): number | undefined {
    const expected = `a whole number from ${min} to ${max}`;
    const value = this.text(flag, expected, required);
    if (value === undefined) return undefined;
    const n = /^\d{1,4}$/.test(value) ? Number(value) : NaN;
    return n >= min && n <= max ? n : this.fail(flag, expected, value);
  }

  date(flag: Flag, value: string): LocalDate {
    return isLocalDate(value) ? value : this.fail(flag, DATE, value);
  }

  notWith(flag: Flag, reason: string): void {
    if (this.values[flag] !== undefined) throw new UsageError(`--${flag}: ${reason}`);
  }
}

function readCadence(flags: Flags): Cadence {
  const kind = flags.oneOf('cadence', ['fortnightly', 'monthly'])!;
  if (kind === 'fortnightly') {
    flags.notWith('nth', 'only applies to --cadence monthly');
    flags.notWith('day-of-month', 'only applies to --cadence monthly');
    return { kind, weekday: flags.oneOf('weekday', weekdays)! };
  }
  const dayOfMonth = flags.whole('day-of-month', 1, 28);
  if (dayOfMonth !== undefined) {
    flags.notWith('weekday', 'cannot be combined with --day-of-month');
    flags.notWith('nth', 'cannot be combined with --day-of-month');
    return { kind: 'monthly-day', dayOfMonth };
  }
  const weekday = flags.oneOf('weekday', weekdays)!;
  const nth = flags.oneOf('nth', ['1', '2', '3', '4', 'last'])!;
  return { kind, weekday, nth: nth === 'last' ? 'last' : (Number(nth) as 1 | 2 | 3 | 4) };
}

function readProtocol(flags: Flags): MeetingProtocol {
  const cadence = readCadence(flags);
  const startTime = flags.text('time', 'a 24-hour time HH:MM', true)!;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime))
    flags.fail('time', 'a 24-hour time HH:MM', startTime);
  const d = defaultProtocol;
  const protocol: MeetingProtocol = {
    ...d,
    cadence,
    startTime,
    region: flags.oneOf('region', regions, false) ?? d.region,
    referralDeadlineDays: flags.whole('referral-days', 1, 60) ?? d.referralDeadlineDays,
    agendaCirculationDays: flags.whole('agenda-days', 1, 60) ?? d.agendaCirculationDays,
    minutesWorkingDays: flags.whole('minutes-working-days', 1, 30) ?? d.minutesWorkingDays,
    actionPlanHours: flags.whole('action-plan-hours', 1, 240) ?? d.actionPlanHours,
    durationMinutes: flags.whole('duration', 30, 480) ?? d.durationMinutes,
    bankHolidayRule:
      flags.oneOf('bank-holiday-rule', ['next-working-day', 'skip'] as const, false) ??
      d.bankHolidayRule,
  };
  // The flags mirror the schema's bounds; parsing again keeps the two from drifting apart silently.
  return protocolSchema.parse(protocol);
}

/** Turns parseArgs' multi-sentence errors into the one-line, flag-first form the CLI promises. */
function usageFromParseError(error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`${flag}: unknown flag`);
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(
      `${/'([^']*)'/.exec(message)?.[1] ?? 'argument'}: unexpected argument; values follow a flag`,
    );
  }
  if (/argument missing|ambiguous/.test(message))
    return new UsageError(`${flag}: expected a value`);
  if (/does not take an argument/.test(message)) return new UsageError(`${flag}: takes no value`);
  return new UsageError(message.split('\n')[0] ?? 'bad arguments');
}

interface Request {
  protocol: MeetingProtocol;
  start: LocalDate;
  count: number;
  closures: LocalDate[];
  json: boolean;
}

function parse(argv: string[]): { json: boolean; flags: Flags } {
  try {
    const parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    const { json, ...values } = parsed.values;
    return { json: json === true, flags: new Flags(values as Partial<Record<Flag, string>>) };
  } catch (error) {
    throw usageFromParseError(error);
  }
}

function readRequest(argv: string[]): Request {
  const { json, flags } = parse(argv);
  const protocol = readProtocol(flags);
  const start = flags.date('start', flags.text('start', DATE, true)!);
  const count = flags.whole('count', 1, 500, true)!;
  const list = flags.text('closures', 'dates YYYY-MM-DD separated by commas', false);
  const closures =
    list === undefined ? [] : list.split(',').map((d) => flags.date('closures', d.trim()));
  return { protocol, start, count, closures, json };
}

/**
 * Runs `schedule-preview` on the arguments after the command name. Exit 0 with the plan on
 * stdout; exit 2 with one line on stderr naming the bad flag.
 */
export function schedulePreview(argv: string[]): CliResult {
  let request: Request;
  try {
    request = readRequest(argv);
  } catch (error) {
    if (error instanceof UsageError)
      return { exitCode: 2, stdout: '', stderr: `${error.message}\n` };
    throw error;
  }
  const cal = new WorkingCalendar({ region: request.protocol.region, closures: request.closures });
  const { protocol, start, count } = request;
  const plan = planMeetings({ protocol, start, count, cal });
  const stdout = request.json ? renderJson(plan) : renderTable(plan, cal);
  return { exitCode: 0, stdout, stderr: '' };
}

/** The JSON contract: exactly these keys, in this order, one object per meeting in date order. */
function renderJson(plan: MeetingPlan): string {
  const rows = plan.meetings.map(previewView);
  return `${JSON.stringify(rows, null, 2)}\n`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Mon 6 Apr 2026`: the weekday matters to a coordinator more than the ISO form. */
function showDate(d: LocalDate): string {
  const day = weekdayName(d);
  const label = day.charAt(0).toUpperCase() + day.slice(1, 3);
  return `${label} ${Number(d.slice(8))} ${months[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

function why(d: LocalDate, cal: WorkingCalendar): string {
  return cal.holidayName(d) ?? weekdayName(d).replace(/^./, (c) => c.toUpperCase());
}

function renderTable(plan: MeetingPlan, cal: WorkingCalendar): string {
  // prettier-ignore
  const header = ['Meeting', 'Time', 'Referrals by', 'Agenda out', 'Action plan by', 'Minutes by', 'Note'];
  const rows = plan.meetings.map((m) => {
    const due = m.deadlines.actionPlanDue;
    return [
      showDate(m.date),
      londonTimeOf(m.startsAt),
      showDate(m.deadlines.referralDeadline),
      showDate(m.deadlines.agendaCirculation),
      `${showDate(londonDateOf(due))} ${londonTimeOf(due)}`,
      showDate(m.deadlines.minutesDue),
      m.movedFrom === null ? '' : `moved from ${showDate(m.movedFrom)} (${why(m.movedFrom, cal)})`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const lines = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  for (const d of plan.skipped) lines.push(`Skipped ${showDate(d)} (${why(d, cal)})`);
  return `${lines.join('\n')}\n`;
}
