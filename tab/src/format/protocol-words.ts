import type { Area } from '#core/contracts/api.js';
import { formatDuration, plural } from './dates.js';

type MeetingProtocol = Area['protocol'];
type Cadence = MeetingProtocol['cadence'];

/** An area's protocol in the words a coordinator would use in the operating protocol. */
const ordinals = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', last: 'last' } as const;

export const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export function dayOfMonthWords(day: number): string {
  const teen = day % 100 >= 11 && day % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[day % 10];
  return `${day}${suffix ?? 'th'}`;
}

export function cadenceWords(cadence: Cadence): string {
  switch (cadence.kind) {
    case 'fortnightly':
      return `Fortnightly on ${capitalise(cadence.weekday)}s`;
    case 'monthly':
      return `Monthly on the ${ordinals[cadence.nth]} ${capitalise(cadence.weekday)}`;
    case 'monthly-day':
      return `Monthly on the ${dayOfMonthWords(cadence.dayOfMonth)}`;
  }
}

export const bankHolidayWords: Record<MeetingProtocol['bankHolidayRule'], string> = {
  'next-working-day': 'move to next working day',
  skip: 'skip the meeting',
};

export const regionWords: Record<MeetingProtocol['region'], string> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
};

/** "Fortnightly on Tuesdays, 10:00, 3 hours; referrals 8 days before, ..." */
export function protocolSummary(p: MeetingProtocol): string {
  return [
    `${cadenceWords(p.cadence)}, ${p.startTime}, ${formatDuration(p.durationMinutes)}`,
    `referrals ${plural(p.referralDeadlineDays, 'day')} before, agenda ${plural(p.agendaCirculationDays, 'day')} before`,
    `action plan within ${plural(p.actionPlanHours, 'hour')}`,
    `minutes within ${plural(p.minutesWorkingDays, 'working day')}`,
    `bank holidays: ${bankHolidayWords[p.bankHolidayRule]}`,
  ].join('; ');
}

/** The settings the one-line summary leaves out. */
export function protocolDetails(p: MeetingProtocol): string {
  return [
    `Children's services tasks within ${plural(p.actionTaskHours, 'hour')}`,
    `repeat referrals within ${plural(p.repeatWindowMonths, 'month')}`,
    `up to ${plural(p.caseCapacity, 'case')} a meeting`,
    `bank holidays of ${regionWords[p.region]}`,
  ].join('; ');
}
