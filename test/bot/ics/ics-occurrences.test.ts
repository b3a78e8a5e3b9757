import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IcsCalendar } from '../../../bot/src/ics/ics-calendar.js';
import { GENERIC, UID, spec } from './ics-fixtures.js';
import { expand, readCalendar } from './ics-reader.js';

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

describe('IcsCalendar occurrences', () => {
  const cancelled = { kind: 'cancelled', originalDate: '2026-04-13' } as const;
  const moved = {
    kind: 'moved',
    originalDate: '2026-04-27',
    newDate: '2026-04-28',
    startTime: '14:00',
  } as const;

  it('cancels an occurrence: a METHOD:CANCEL file for it, then EXDATE in the re-issued series', async () => {
    await calendar.createSeries(spec());
    await calendar.cancelOccurrence(
      UID,
      spec({ sequence: 1, exceptions: [cancelled] }),
      cancelled,
      'This meeting is cancelled.',
    );
    await calendar.updateSeries(UID, spec({ sequence: 2, exceptions: [cancelled] }));

    expect((await readdir(dir)).sort()).toEqual([
      'cancel-series-7f3a-2026-04-13-1.ics',
      'series-series-7f3a-0.ics',
      'series-series-7f3a-2.ics',
    ]);
    const cancel = await readCalendar(dir, 'cancel-series-7f3a-2026-04-13-1.ics');
    expect(cancel.method).toBe('CANCEL');
    expect(cancel.vevents).toHaveLength(1);
    const event = cancel.vevents[0]!;
    expect(event.getFirstPropertyValue('uid')).toBe(UID);
    expect(event.getFirstProperty('recurrence-id')!.getParameter('tzid')).toBe('Europe/London');
    expect(String(event.getFirstPropertyValue('recurrence-id'))).toBe('2026-04-13T10:00:00');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    expect(event.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(event.getFirstPropertyValue('comment')).toBe('This meeting is cancelled.');

    const reissued = await readCalendar(dir, 'series-series-7f3a-2.ics');
    expect(String(reissued.vevents[0]!.getFirstPropertyValue('exdate'))).toBe(
      '2026-04-13T10:00:00',
    );
    expect(expand(reissued.vevents[0]!).map((o) => o.local)).not.toContain('2026-04-13T10:00:00');
    expect(expand(reissued.vevents[0]!)).toHaveLength(5);
  });

  it('moves an occurrence: its override parses and the expansion shows the new time', async () => {
    await calendar.createSeries(spec());
    await calendar.moveOccurrence(UID, spec({ sequence: 1, exceptions: [moved] }), moved);

    const move = await readCalendar(dir, 'move-series-7f3a-2026-04-27-1.ics');
    expect(move.method).toBe('REQUEST');
    expect(move.vevents).toHaveLength(1);
    const override = move.vevents[0]!;
    expect(override.getFirstPropertyValue('uid')).toBe(UID);
    expect(String(override.getFirstPropertyValue('recurrence-id'))).toBe('2026-04-27T10:00:00');
    expect(override.getFirstPropertyValue('class')).toBe('PRIVATE');
    expect(override.getFirstPropertyValue('description')).toBe(GENERIC);

    const master = (await readCalendar(dir, 'series-series-7f3a-0.ics')).vevents[0]!;
    const occurrences = expand(master, [override]);
    expect(occurrences).toContainEqual({
      due: '2026-04-27T10:00:00',
      local: '2026-04-28T14:00:00',
      utc: '2026-04-28T13:00:00.000Z',
    });
    expect(occurrences).toHaveLength(6);
  });

  it('re-issues a series with its overrides and EXDATEs, one file per item', async () => {
    await calendar.updateSeries(UID, spec({ sequence: 3, exceptions: [cancelled, moved] }));

    expect(await readdir(dir)).toEqual(['series-series-7f3a-3.ics']);
    const { vevents } = await readCalendar(dir, 'series-series-7f3a-3.ics');
    expect(vevents).toHaveLength(2);
    expect(vevents.map((v) => Number(v.getFirstPropertyValue('sequence')))).toEqual([3, 3]);
    expect(expand(vevents[0]!, vevents.slice(1)).map((o) => o.local)).toEqual([
      '2026-03-16T10:00:00',
      '2026-03-30T10:00:00',
      '2026-04-28T14:00:00',
      '2026-05-11T10:00:00',
      '2026-05-25T10:00:00',
    ]);
  });
});
