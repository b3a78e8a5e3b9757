import type { SeriesSpec } from '#core/ports/calendar.js';

export const GENERIC =
  'MARAC meeting. Agenda and papers are sent separately and securely. Do not forward this invitation.';
export const UID = 'series-7f3a@marac.local';

/** Invented people and an invented area only. */
export function spec(overrides: Partial<SeriesSpec> = {}): SeriesSpec {
  return {
    seriesId: 'series-7f3a',
    mailbox: 'marac.northshire@example.gov.uk',
    subject: 'MARAC - Northshire',
    cadence: { kind: 'fortnightly', weekday: 'monday' },
    firstDate: '2026-03-16',
    until: '2026-05-31',
    startTime: '10:00',
    durationMinutes: 180,
    attendees: [
      { name: 'Alex Example', email: 'alex.example@police.example.org' },
      { name: 'Sam Sample', email: 'sam.sample@idva.example.org' },
    ],
    exceptions: [],
    sequence: 0,
    ...overrides,
  };
}
