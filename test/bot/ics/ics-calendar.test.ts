import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IcsCalendar } from '../../../bot/src/ics/ics-calendar.js';
import { GENERIC, UID, spec } from './ics-fixtures.js';
import { expand, propertyNames, readCalendar } from './ics-reader.js';

let root: string;
let dir: string;
let calendar: IcsCalendar;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'marac-ics-'));
  dir = join(root, 'outbox', 'calendar');
  calendar = new IcsCalendar({ dir, now: () => new Date('2026-03-01T12:00:00Z') });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('IcsCalendar.createSeries', () => {
  it('writes one RFC 5545 file for the series and returns its UID with no join link', async () => {
    const created = await calendar.createSeries(spec());

    expect(created).toEqual({ calendarRef: UID, joinUrl: null });
    expect(await readdir(dir)).toEqual(['series-series-7f3a-0.ics']);
    const { text, method, vevents } = await readCalendar(dir, 'series-series-7f3a-0.ics');
    expect(method).toBe('REQUEST');
    expect(vevents).toHaveLength(1);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('describes Europe/London with GMT and BST rules', async () => {
    await calendar.createSeries(spec());
    const { root: vcalendar } = await readCalendar(dir, 'series-series-7f3a-0.ics');

    const zone = vcalendar.getFirstSubcomponent('vtimezone')!;
    expect(zone.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const rule = (name: string) => zone.getFirstSubcomponent(name)!;
    expect(rule('standard').getFirstPropertyValue('tzname')).toBe('GMT');
    expect(rule('daylight').getFirstPropertyValue('tzname')).toBe('BST');
    expect(String(rule('standard').getFirstPropertyValue('rrule'))).toBe(
      'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
    );
    expect(String(rule('daylight').getFirstPropertyValue('rrule'))).toBe(
      'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    );
  });

  it('expands fortnightly across the start of BST: 10:00 in London throughout, an hour earlier in UTC', async () => {
    await calendar.createSeries(spec());
    const { vevents } = await readCalendar(dir, 'series-series-7f3a-0.ics');

    expect(vevents[0]!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/London');
    expect(expand(vevents[0]!).map(({ local, utc }) => [local, utc])).toEqual([
      ['2026-03-16T10:00:00', '2026-03-16T10:00:00.000Z'],
      ['2026-03-30T10:00:00', '2026-03-30T09:00:00.000Z'],
      ['2026-04-13T10:00:00', '2026-04-13T09:00:00.000Z'],
      ['2026-04-27T10:00:00', '2026-04-27T09:00:00.000Z'],
      ['2026-05-11T10:00:00', '2026-05-11T09:00:00.000Z'],
      ['2026-05-25T10:00:00', '2026-05-25T09:00:00.000Z'],
    ]);
  });

  it.each([
    [
      { kind: 'monthly', weekday: 'tuesday', nth: 2 },
      '2026-09-08',
      'FREQ=MONTHLY;BYDAY=2TU;UNTIL=20261231T235959Z',
      [
        '2026-09-08T09:00:00.000Z',
        '2026-10-13T09:00:00.000Z',
        '2026-11-10T10:00:00.000Z',
        '2026-12-08T10:00:00.000Z',
      ],
    ],
    [
      { kind: 'monthly', weekday: 'friday', nth: 'last' },
      '2026-09-25',
      'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T235959Z',
      [
        '2026-09-25T09:00:00.000Z',
        '2026-10-30T10:00:00.000Z',
        '2026-11-27T10:00:00.000Z',
        '2026-12-25T10:00:00.000Z',
      ],
    ],
    [
      { kind: 'monthly-day', dayOfMonth: 15 },
      '2026-09-15',
      'FREQ=MONTHLY;BYMONTHDAY=15;UNTIL=20261231T235959Z',
      [
        '2026-09-15T09:00:00.000Z',
        '2026-10-15T09:00:00.000Z',
        '2026-11-15T10:00:00.000Z',
        '2026-12-15T10:00:00.000Z',
      ],
    ],
  ] as const)('expands %j across the end of BST', async (cadence, firstDate, rrule, utc) => {
    await calendar.createSeries(spec({ cadence, firstDate, until: '2026-12-31' }));
    const { vevents } = await readCalendar(dir, 'series-series-7f3a-0.ics');

    expect(String(vevents[0]!.getFirstPropertyValue('rrule'))).toBe(rrule);
    const occurrences = expand(vevents[0]!);
    expect(occurrences.map((o) => o.utc)).toEqual(utc);
    expect(occurrences.every((o) => o.local.endsWith('T10:00:00'))).toBe(true);
  });

  it('carries no text beyond the subject, the generic body and the invitation itself', async () => {
    await calendar.createSeries(spec());
    const [master] = (await readCalendar(dir, 'series-series-7f3a-0.ics')).vevents;

    expect(propertyNames(master!).sort()).toEqual(
      [
        'attendee',
        'attendee',
        'class',
        'description',
        'dtend',
        'dtstamp',
        'dtstart',
        'organizer',
        'rrule',
        'sequence',
        'status',
        'summary',
        'transp',
        'uid',
      ].sort(),
    );
    expect(master!.getFirstPropertyValue('summary')).toBe('MARAC - Northshire');
    expect(master!.getFirstPropertyValue('description')).toBe(GENERIC);
    expect(master!.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(master!.getFirstPropertyValue('uid')).toBe(UID);
    expect(master!.getFirstPropertyValue('organizer')).toBe(
      'mailto:marac.northshire@example.gov.uk',
    );
    expect(
      master!
        .getAllProperties('attendee')
        .map((p) => ({ email: p.getFirstValue(), ...p.toJSON()[1] })),
    ).toEqual([
      {
        email: 'mailto:alex.example@police.example.org',
        cn: 'Alex Example',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
      {
        email: 'mailto:sam.sample@idva.example.org',
        cn: 'Sam Sample',
        role: 'REQ-PARTICIPANT',
        partstat: 'NEEDS-ACTION',
        rsvp: 'TRUE',
      },
    ]);
  });

  it('folds a long attendee name at 75 octets and the name round-trips, commas and accents included', async () => {
    const name =
      'Siân Ó Briain-Llewellyn, Named Safeguarding Lead for Adults & Children (Northshire Community Health)';
    await calendar.createSeries(
      spec({
        attendees: [{ name, email: 'sian.obriain@health.example.org' }],
        subject: 'MARAC - Northshire; East, West',
      }),
    );
    const { text, vevents } = await readCalendar(dir, 'series-series-7f3a-0.ics');

    const physical = text.split('\r\n');
    const attendeeLines = physical.slice(physical.findIndex((l) => l.startsWith('ATTENDEE')));
    expect(attendeeLines[1]).toMatch(/^ \S/);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\uFFFD');
    }
    expect(vevents[0]!.getFirstProperty('attendee')!.getParameter('cn')).toBe(name);
    expect(vevents[0]!.getFirstPropertyValue('summary')).toBe('MARAC - Northshire; East, West');
  });

  it('leaves no temporary files behind', async () => {
    await calendar.createSeries(spec());
    await calendar.updateSeries(UID, spec({ sequence: 1 }));

    expect((await readdir(dir)).sort()).toEqual([
      'series-series-7f3a-0.ics',
      'series-series-7f3a-1.ics',
    ]);
  });
});
