import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acceptReferral } from '#core/referrals/decide-referral.js';
import { submitReferral } from '#core/referrals/submit-referral.js';
import type { ReferralForm } from '#core/contracts/referral.js';
import type { SentReferralRecord } from '#core/ports/referrals.js';
import { openAppCrypto, type AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { seedDemo } from '../../../bot/src/demo/seed-demo.js';
import { runPurge } from '../../../bot/src/jobs/purge.js';
import { resealMeetingRecords } from '../../../bot/src/store/legacy-seals.js';
import { areaRef, meetingRef } from '../../../bot/src/store/sql-agenda-copies.js';
import { sqlIdempotencyStore } from '../../../bot/src/store/sql-idempotency.js';
import { reposOver, sqlUnitOfWork } from '../../../bot/src/store/unit-of-work.js';
import { backends } from '../../support/backends.js';
import { referralForm } from '../referrals/fixtures.js';

/*
 * Retention in the store, on PGlite and on a PostgreSQL server: cases tied by a merge are filed
 * and erased together (a row sealed under the merged-away case's key outlives that case's own
 * due date), a meeting moved re-files its key, meeting records sealed by an older version under
 * the area's key are re-sealed under the meeting's, and idempotency answers sealed under the
 * caller's one key still replay. Every name here is invented.
 */

describe.each(backends({ migrated: false }))('retention on $name', ({ open }) => {
  let clock = new Date('2026-12-01T09:00:00Z');
  const now = () => clock;
  let db: Db;
  let crypto: AppCrypto;
  let keysDir: string;
  let areaId: string;
  let policeId: string;
  let coordinatorId: string;

  const one = async <T>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows[0]!;
  const periodOf = async (owner: string) =>
    (await one<{ period: string | null }>('SELECT period FROM data_key WHERE owner = $1', [owner]))
      .period;
  const deps = () => ({
    uow: sqlUnitOfWork(db, crypto),
    clock: { now },
    ids: { newId: randomUUID },
  });
  const purge = () =>
    runPurge(
      { db, crypto, now, mailOutboxDir: null, correlationId: 'test-purge' },
      { dryRun: false },
    );

  async function refer(name: string, accept: boolean) {
    const base = referralForm({ areaId, referrerAgencyId: policeId });
    const form = {
      ...base,
      victim: { ...base.victim, name, dateOfBirth: '1979-05-17', address: null },
      riskAssessment: { ...base.riskAssessment, completedOn: clock.toISOString().slice(0, 10) },
    } as ReferralForm;
    const { referral } = await submitReferral(deps(), {
      referrerPersonId: coordinatorId,
      form,
      submit: true,
    });
    if (accept) await acceptReferral(deps(), { referralId: referral.id });
    return await one<{ id: string; case_id: string; meeting_id: string | null }>(
      'SELECT id, case_id, meeting_id FROM referral WHERE id = $1',
      [referral.id],
    );
  }

  beforeAll(async () => {
    db = await open();
    await migrate(db);
    keysDir = mkdtempSync(path.join(tmpdir(), 'marac-retention-keys-'));
    crypto = await openAppCrypto(db, { dataDir: keysDir, keyVault: null }, now);
    await seedDemo(db, crypto, now);
    areaId = (
      await one<{ id: string }>(`SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`)
    ).id;
    policeId = (
      await one<{ id: string }>(
        `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
          WHERE aa.area_id = $1 AND g.kind = 'police'`,
        [areaId],
      )
    ).id;
    coordinatorId = (
      await one<{ person_id: string }>(
        `SELECT person_id FROM area_role WHERE area_id = $1 AND role = 'coordinator'`,
        [areaId],
      )
    ).person_id;
    await db.query('UPDATE area SET retention_months = 12 WHERE id = $1', [areaId]);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    rmSync(keysDir, { recursive: true, force: true });
  });

  it('files and erases a merged-away case with the case it was merged into', async () => {
    // X: referred in December 2026, never heard (due in the last quarter of 2027).
    const x = await refer('Petra Vancourt', false);
    expect(await periodOf(`case:${x.case_id}`)).toBe(`${areaId}-2027-q4`);
    // Y: referred in January 2027 and heard in February (due in the first quarter of 2028).
    clock = new Date('2027-01-20T09:00:00Z');
    const y = await refer('Odette Farrowby', true);
    expect(await periodOf(`case:${y.case_id}`)).toBe(`${areaId}-2028-q1`);
    // What X's referral gathered before it was merged stays under X's key (as research does).
    const rowId = `${y.meeting_id}:${x.id}`;
    const notesRef = {
      keyOwner: `case:${x.case_id}`,
      table: 'meeting_case',
      column: 'notes',
      rowId,
    };
    await db.transaction(async (tx) => {
      const notes = await crypto.cipher.encrypt(notesRef, 'Hollowmere refuge placement', tx);
      await tx.query(
        `INSERT INTO meeting_case (meeting_id, referral_id, case_id, position, reference, has_children, state, notes)
         SELECT $1, r.id, r.case_id, 9, r.reference, false, 'waiting', $3 FROM referral r WHERE r.id = $2`,
        [y.meeting_id, x.id, notes],
      );
    });
    // The merge moves X's referral to Y's case: both keys now go with Y's due date.
    await db.transaction(async (tx) => {
      const repos = reposOver(tx, crypto);
      const referral = (await repos.referrals.get(x.id)) as SentReferralRecord;
      await repos.referrals.update({ ...referral, status: 'merged', caseId: y.case_id });
    });
    expect(await periodOf(`case:${x.case_id}`)).toBe(`${areaId}-2028-q1`);

    clock = new Date('2028-01-10T09:00:00Z'); // after X's own due quarter, before Y's
    const early = await purge();
    expect(early.cases.map((c) => c.caseId)).not.toContain(x.case_id);
    const kept = await one<{ notes: string }>(
      'SELECT notes FROM meeting_case WHERE referral_id = $1',
      [x.id],
    );
    expect(await crypto.cipher.decrypt(notesRef, kept.notes)).toBe('Hollowmere refuge placement');
    expect(early.keys.map((k) => k.period)).toContain(`${areaId}-2027-q4`);

    clock = new Date('2028-04-05T09:00:00Z');
    const late = await purge();
    expect(late.cases.map((c) => c.caseId).sort()).toEqual([x.case_id, y.case_id].sort());
    const left = await one<{ n: number }>(
      `SELECT (SELECT count(*) FROM referral WHERE id = ANY($1::uuid[]))
            + (SELECT count(*) FROM meeting_case WHERE referral_id = ANY($1::uuid[]))
            + (SELECT count(*) FROM marac_case WHERE id = ANY($2::uuid[]))
            + (SELECT count(*) FROM data_key WHERE owner = ANY($3::text[])) AS n`,
      [
        [x.id, y.id],
        [x.case_id, y.case_id],
        [`case:${x.case_id}`, `case:${y.case_id}`],
      ],
    );
    expect(Number(left.n)).toBe(0);
    // Every instance drops what it keeps of the meeting's view: an event naming the meeting only.
    const events = await db.query<{ ids: Record<string, string> }>(
      `SELECT ids FROM live_event WHERE topic = $1 AND kind = 'records.erased'`,
      [`meeting:${y.meeting_id}`],
    );
    expect(events.rows).toEqual([{ ids: { meetingId: y.meeting_id } }]);
    expect(late.keys).toContainEqual({
      period: `${areaId}-2028-q1`,
      state: 'destroyed',
      until: null,
    });
    expect(readdirSync(path.join(keysDir, 'keys', 'retention'))).not.toContain(
      `${areaId}-2028-q1.json`,
    );
  });

  it('re-files a meeting’s key when it moves to another quarter', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    const meeting = await one<{ id: string; date: string }>(
      `SELECT id, to_char(date, 'YYYY-MM-DD') AS date FROM meeting
        WHERE area_id = $1 AND date BETWEEN '2027-03-01' AND '2027-03-20' ORDER BY date LIMIT 1`,
      [areaId],
    );
    await crypto.cipher.encrypt(
      meetingRef(meeting.id, 'agenda_version', 'content', randomUUID()),
      '{}',
    );
    expect(await periodOf(`meeting:${meeting.id}`)).toBe(`${areaId}-2028-q1`);
    await db.transaction(async (tx) => {
      const repos = reposOver(tx, crypto);
      const m = (await repos.meetings.get(meeting.id))!;
      await repos.meetings.update({ ...m, date: '2027-04-06', status: 'moved', movedFrom: m.date });
    });
    expect(await periodOf(`meeting:${meeting.id}`)).toBe(`${areaId}-2028-q2`);
  });

  it('re-seals a meeting record an older version sealed under the area’s key, once', async () => {
    const meetingId = (
      await one<{ id: string }>('SELECT id FROM meeting WHERE area_id = $1 ORDER BY date LIMIT 1', [
        areaId,
      ])
    ).id;
    const id = randomUUID();
    const legacy = (column: string, text: string) =>
      crypto.cipher.encrypt(areaRef(areaId, 'agenda_version', column, id), text);
    await db.query(
      `INSERT INTO agenda_version (id, meeting_id, version, content, changes, published_at)
       VALUES ($1, $2, 99, $3, $4, now())`,
      [
        id,
        meetingId,
        await legacy('content', '{"title":"Larkfield"}'),
        await legacy('changes', '[]'),
      ],
    );
    await db.query('UPDATE retention_state SET meeting_keys = false');
    expect(await resealMeetingRecords(db, crypto)).toBe(2);
    const row = await one<{ content: string }>('SELECT content FROM agenda_version WHERE id = $1', [
      id,
    ]);
    expect(
      await crypto.cipher.decrypt(
        meetingRef(meetingId, 'agenda_version', 'content', id),
        row.content,
      ),
    ).toBe('{"title":"Larkfield"}');
    expect(await resealMeetingRecords(db, crypto)).toBe(0);
    await db.query('DELETE FROM agenda_version WHERE id = $1', [id]);
  });

  it('replays an idempotency answer sealed under the day key, and one sealed before under the caller’s key', async () => {
    const store = sqlIdempotencyStore({ db, crypto, now });
    const scope = { callerId: coordinatorId, route: 'api.post.test', key: randomUUID() };
    const reserved = await store.reserve(scope, { a: 1 });
    expect(reserved.kind).toBe('new');
    const rowId = (reserved as { id: string }).id;
    await store.complete(scope, rowId, 201, { said: 'Ferncliffe' });
    const day = clock.toISOString().slice(0, 10);
    expect(await periodOf(`idempotency:${coordinatorId}:${day}`)).toBe(`transient-${day}`);
    expect(await store.reserve(scope, { a: 1 })).toEqual({
      kind: 'replay',
      status: 201,
      body: { said: 'Ferncliffe' },
    });
    const legacy = await crypto.cipher.encrypt(
      {
        keyOwner: `idempotency:${coordinatorId}`,
        table: 'idempotency_key',
        column: 'response',
        rowId,
      },
      JSON.stringify({ said: 'Old answer' }),
    );
    await db.query('UPDATE idempotency_key SET response = $2 WHERE id = $1', [rowId, legacy]);
    expect(await store.reserve(scope, { a: 1 })).toMatchObject({ body: { said: 'Old answer' } });
  });
});
