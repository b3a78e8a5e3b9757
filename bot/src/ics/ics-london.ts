import { LONDON } from '#core/meetings/protocol.js';

/** Every MARAC in England, Wales, Scotland and Northern Ireland keeps London time. */
export const LONDON_TZID = LONDON;

/**
 * Europe/London as a VTIMEZONE, so that a client without a zone database of its own still
 * places the meetings right: BST from 01:00 UTC on the last Sunday of March (01:00 local), GMT
 * from 01:00 UTC on the last Sunday of October (02:00 local, BST). The rules have held since 1996.
 */
export const LONDON_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${LONDON_TZID}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];
