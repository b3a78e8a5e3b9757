import { randomUUID } from 'node:crypto';
import { seedDemo } from '../../../bot/src/demo/seed-demo.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { migrations } from '../../../bot/src/db/migrations/index.js';
import {
  completeJob,
  failJob,
  leaseNext,
  pendingJobCount,
} from '../../../bot/src/store/sql-outbox.js';
import { reposOver, sqlUnitOfWork } from '../../../bot/src/store/unit-of-work.js';
import type { MeetingRecord } from '#core/ports/store.js';
import { backends, testCrypto } from '../../support/backends.js';
import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';

describe.each(backends({ migrated: false }))('store on $name', ({ open }) => {
  let db: Db;
  let crypto: AppCrypto;
  let areaId: string;
  const storeOver = (q: Parameters<typeof reposOver>[0] = db) => reposOver(q, crypto);

  beforeAll(async () => {
    db = await open();
    expect(await migrate(db)).toEqual(migrations.map((m) => m.id));
    crypto = await testCrypto(db);
    expect(await seedDemo(db, crypto)).toBe(true);
    areaId = (await storeOver().areas.list())[0]!.id;
  });
  afterAll(() => db.close());

  it('applies migrations once and seeds once', async () => {
    expect(await migrate(db)).toEqual([]);
    expect(await seedDemo(db, crypto)).toBe(false);
  });

  it('reads back areas with a valid protocol and twelve agencies with reps', async () => {
    const repos = storeOver();
    const areas = await repos.areas.list();
    expect(areas.map((a) => a.name)).toEqual(['Eastmere', 'Northbrook and Wellfield']);
    const agencies = await repos.areas.agencies(areaId);
    expect(agencies).toHaveLength(12);
    expect(agencies.every((a) => a.coreRep && a.deputyRep)).toBe(true);
    expect(await repos.areas.coreReps(areaId)).toHaveLength(12);
  });

  it('keeps a DATE as YYYY-MM-DD and an instant exact, whatever the zone', async () => {
    const repos = storeOver();
    const seriesId = randomUUID();
    await repos.series.insert({
      id: seriesId,
      areaId,
      firstDate: '2027-03-30',
      until: '2027-12-31',
      sequence: 0,
      calendarStatus: 'pending',
      calendarRef: null,
      joinUrl: null,
    });
    const meeting: MeetingRecord = {
      id: randomUUID(),
      areaId,
      seriesId,
      patternDate: '2027-03-30',
      date: '2027-03-30',
      startTime: '10:00',
      startsAt: new Date('2027-03-30T09:00:00Z'),
      endsAt: new Date('2027-03-30T12:00:00Z'),
      status: 'scheduled',
      movedFrom: null,
      changeReason: null,
    };
    await repos.meetings.insertMany([meeting]);
    expect(await repos.meetings.get(meeting.id)).toEqual(meeting);
    await repos.meetings.update({
      ...meeting,
      date: '2027-03-31',
      status: 'moved',
      movedFrom: '2027-03-30',
    });
    const listed = await repos.meetings.listForArea(areaId, {
      from: '2027-03-31',
      to: '2027-03-31',
    });
    expect(listed.map((m) => [m.date, m.movedFrom])).toEqual([['2027-03-31', '2027-03-30']]);
    expect(await repos.series.nextSequence(seriesId)).toBe(1);
    expect(await repos.series.nextSequence(seriesId)).toBe(2);
  });

  it('rolls back every write of a failed unit of work', async () => {
    const uow = sqlUnitOfWork(db, crypto);
    const before = (await storeOver().areas.get(areaId))!.protocol;
    await expect(
      uow.run(async (repos) => {
        await repos.areas.updateProtocol(areaId, { ...before, caseCapacity: 3 });
        await repos.outbox.enqueue(
          { kind: 'calendar.create-series', seriesId: randomUUID() },
          'rolled-back',
        );
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await storeOver().areas.get(areaId))!.protocol.caseCapacity).toBe(before.caseCapacity);
    const left = await db.query(`SELECT 1 FROM outbox WHERE idempotency_key = 'rolled-back'`);
    expect(left.rows).toHaveLength(0);
  });

  it('refuses a deputy who is also the core rep', async () => {
    const [agency] = await storeOver().areas.agencies(areaId);
    const same = { name: 'Quilla Dunmore', email: 'quilla.dunmore@police.example' };
    await expect(
      db.transaction((tx) => storeOver(tx).areas.setReps(areaId, agency!.id, same, same)),
    ).rejects.toThrow();
  });

  it('enqueues idempotently, leases in order, retries and completes', async () => {
    // The demo data's own series job is not part of this test.
    await db.query(`UPDATE outbox SET status = 'done'`);
    const outbox = storeOver().outbox;
    const seriesId = randomUUID();
    await outbox.enqueue({ kind: 'calendar.create-series', seriesId }, `k-${seriesId}`);
    await outbox.enqueue({ kind: 'calendar.create-series', seriesId }, `k-${seriesId}`);
    expect(await pendingJobCount(db)).toBe(1);
    const first = (await leaseNext(db, 60))!;
    expect(first.job).toEqual({ kind: 'calendar.create-series', seriesId });
    expect(await leaseNext(db, 60)).toBeNull(); // leased: nobody else takes it
    await failJob(db, first.id, 'GraphError 429', 0);
    const again = (await leaseNext(db, 60))!;
    expect([again.id, again.attempts]).toEqual([first.id, 2]);
    await completeJob(db, again.id);
    expect(await pendingJobCount(db)).toBe(0);
  });
});
