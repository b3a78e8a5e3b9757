import type { SeriesSpec } from '#core/ports/calendar.js';
import type { FakeInstance } from '../../support/fake-graph.js';

/** Invented people and an invented area only. */
export const MAILBOX = 'marac.northshire@example.gov.uk';
export const ENCODED_MAILBOX = 'marac.northshire%40example.gov.uk';

export function seriesSpec(overrides: Partial<SeriesSpec> = {}): SeriesSpec {
  return {
    seriesId: 'series-7f3a',
    mailbox: MAILBOX,
    subject: 'MARAC - Northshire',
    cadence: { kind: 'fortnightly', weekday: 'monday' },
    firstDate: '2026-03-16',
    until: '2026-07-27',
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

export const graphAttendees = [
  {
    emailAddress: { address: 'alex.example@police.example.org', name: 'Alex Example' },
    type: 'required',
  },
  {
    emailAddress: { address: 'sam.sample@idva.example.org', name: 'Sam Sample' },
    type: 'required',
  },
];

export const genericHtmlBody = {
  contentType: 'html',
  content:
    '<p>MARAC meeting. Agenda and papers are sent separately and securely. Do not forward this invitation.</p>',
};

export const eventsPath = `/v1.0/users/${ENCODED_MAILBOX}/events`;
export const london = (dateTime: string) => ({ dateTime, timeZone: 'GMT Standard Time' });

export function occurrence(id: string, utcStart: string): FakeInstance {
  return {
    id,
    type: 'occurrence',
    originalStart: `${utcStart}Z`,
    start: { dateTime: `${utcStart}.0000000`, timeZone: 'UTC' },
  };
}
