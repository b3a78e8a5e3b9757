import { WorkingCalendar } from '../calendar/working-days.js';
import { londonDateOf } from '../calendar/london-time.js';
import type { AreaRecord } from '../ports/store.js';
import type { LocalDate } from '../shared/local-date.js';

/** The working-day calendar an area's deadlines are counted in. */
export function workingCalendarFor(
  area: Pick<AreaRecord, 'protocol' | 'closures'>,
): WorkingCalendar {
  return new WorkingCalendar({ region: area.protocol.region, closures: area.closures });
}

/** Today in Europe/London: a meeting "today" is today in England, whatever the server's zone. */
export function londonToday(now: Date): LocalDate {
  return londonDateOf(now);
}
