import { pino } from 'pino';
import type { Db } from '../../../bot/src/db/db.js';
import { startNightlyPurge } from '../../../bot/src/jobs/nightly-purge.js';
import type { PurgeReport } from '../../../bot/src/jobs/purge.js';
import { openMigratedPglite } from '../../support/pglite-template.js';

/*
 * The nightly purge runs once a London day, from 02:00 London time (01:00 UTC in summer time),
 * on whichever instance claims the day first; a run that failed is tried again an hour later.
 */

const report = (cases: number): PurgeReport => ({
  dryRun: false,
  today: '2027-01-01',
  cases: [],
  meetings: [],
  keys: [],
  counts: {
    cases,
    referrals: cases,
    rows: 0,
    meetings: 0,
    documents: 0,
    outboxFiles: 0,
    refiled: 0,
    resealed: 0,
  },
});

describe('the nightly purge', () => {
  let db: Db;
  let clock: Date;
  const runs: string[] = [];
  let fail = false;
  const purge = async () => {
    runs.push(clock.toISOString());
    if (fail) throw new Error('Key Vault did not answer');
    return report(2);
  };
  const instance = () =>
    startNightlyPurge({
      db,
      now: () => clock,
      log: pino({ level: 'silent' }),
      purge,
      everyMs: 3_600_000,
    });

  beforeAll(async () => {
    db = await openMigratedPglite();
  });
  afterAll(() => db.close());
  beforeEach(() => {
    runs.length = 0;
    fail = false;
  });

  it.each([
    // Winter (GMT): 02:00 London is 02:00 UTC.
    ['2027-01-14T01:59:00Z', '2027-01-14T02:00:00Z'],
    // Summer (BST): 02:00 London is 01:00 UTC.
    ['2027-06-14T00:59:00Z', '2027-06-14T01:00:00Z'],
  ])(
    'waits until 02:00 London time (%s too early, %s on time), once a day on one instance',
    async (early, onTime) => {
      const a = instance();
      const b = instance();
      clock = new Date(early);
      expect(await a.tick()).toBe(false);
      clock = new Date(onTime);
      const [first, second] = await Promise.all([a.tick(), b.tick()]);
      expect([first, second].sort()).toEqual([false, true]);
      expect(runs).toEqual([onTime.replace('Z', '.000Z')]);
      clock = new Date(new Date(onTime).getTime() + 6 * 3_600_000);
      expect(await a.tick()).toBe(false);
      const day = await db.query<{ erased_cases: number; finished: boolean }>(
        'SELECT erased_cases, finished_at IS NOT NULL AS finished FROM purge_run WHERE day = $1',
        [onTime.slice(0, 10)],
      );
      expect(day.rows).toEqual([{ erased_cases: 2, finished: true }]);
      await a.stop();
      await b.stop();
    },
  );

  it('tries a failed night again an hour later, not sooner', async () => {
    const a = instance();
    fail = true;
    clock = new Date('2027-02-10T02:30:00Z');
    expect(await a.tick()).toBe(false);
    fail = false;
    clock = new Date('2027-02-10T03:00:00Z');
    expect(await a.tick()).toBe(false);
    clock = new Date('2027-02-10T03:31:00Z');
    expect(await a.tick()).toBe(true);
    expect(runs).toHaveLength(2);
    await a.stop();
  });
});
