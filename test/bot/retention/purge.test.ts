import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditVerifyCommand } from '../../../bot/src/audit/audit-verify-command.js';
import { purgeCommand } from '../../../bot/src/cli/purge-command.js';
import { openAppCrypto, type AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { FieldRef } from '../../../bot/src/crypto/field-format.js';
import type { Db } from '../../../bot/src/db/db.js';
import { openPgliteDb } from '../../../bot/src/db/pglite-db.js';
import type { PurgeReport } from '../../../bot/src/jobs/purge.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { json, post, put, type Call } from '../meeting-run/record-fixture.js';
import { referralForm } from '../referrals/fixtures.js';

/*
 * Issue #13's acceptance for erasure: after `purge`, no erased case can be read from the
 * database, from a file-level copy of the embedded database taken before the purge, or from the
 * audit log, and the audit chain still verifies.
 *
 * Two cases of the demo area, both heard at one meeting (agenda published, research, notes, an
 * action, the action plan and minutes written at the close), in an area keeping records 12
 * months after the last MARAC. Case B is referred again and heard at a later meeting, so it falls
 * due a quarter later than case A. A copy of the database is taken, then the purge runs in the
 * quarter after A's: A and the first meeting's records go, and so does their retention key.
 * Every name here is invented.
 */

const A = {
  victim: 'Marisol Pennacott',
  perpetrator: 'Corvin Ashgrove',
  street: '7 Heronsgate Close',
  child: 'Wren Calloway',
  reasons: 'Threats made at the Saltmarsh allotments',
  research: 'Quillfeather bail notes',
  notes: 'Kestrel Lane callout',
  action: 'Fit a panic alarm at the Heronsgate flat',
};
const B = { victim: 'Bryony Quillan', notes: 'Tamarisk Road visit' };
const A_WORDS = Object.values(A);

let clock = new Date('2026-12-01T09:00:00Z');
const now = () => clock;
let app: TestApp;
let dataDir: string;
let backupDir: string;
let areaId: string;
let ids: {
  caseA: string;
  caseB: string;
  referralsA: string[];
  referralsB: string[];
  actionA: string;
  meeting1: string;
};
/** Ciphertexts of case A and of the first meeting's records, as stored before the purge. */
let sealedA: string[];
let periodBefore: string;
let messageIdsMeeting1: string[];
let db: Db;
let crypto: AppCrypto;

const as: Record<string, Call> = {};
const EMAILS = {
  coordinator: 'rosalind.marsh@riverside-partnership.example',
  chair: 'inspector.amos.kettering@police.example',
  police: 'dana.whitcombe@police.example',
};
const signInAll = async () => {
  for (const [who, email] of Object.entries(EMAILS)) as[who] = await signIn(app, email);
};
const one = async <T>(q: Db, sql: string, params: unknown[] = []) =>
  (await q.query<T>(sql, params)).rows[0]!;

function form(areaId: string, police: string, victim: 'A' | 'B', completedOn: string) {
  const base = referralForm({ areaId, referrerAgencyId: police });
  if (victim === 'B') {
    return {
      ...base,
      victim: {
        ...base.victim,
        name: B.victim,
        dateOfBirth: '1991-07-21',
        address: { line1: '3 Larch Yard', town: 'Wellfield', postcode: 'NB6 1LP' },
      },
      riskAssessment: { ...base.riskAssessment, completedOn },
    };
  }
  return {
    ...base,
    victim: {
      ...base.victim,
      name: A.victim,
      dateOfBirth: '1984-02-11',
      address: { line1: A.street, town: 'Northbrook', postcode: 'NB2 5TR' },
    },
    perpetrators: [{ ...base.perpetrators[0]!, name: A.perpetrator }],
    children: ['Ash', 'Birch'].map((n, i) => ({
      name: `${A.child} ${n}`,
      dateOfBirth: `201${i + 5}-03-02`,
      relationshipToVictim: 'son',
      relationshipToPerpetrator: 'son',
      livesInHousehold: true,
    })),
    childrensServicesReferralMade: true,
    reasonsForReferral: A.reasons,
    riskAssessment: { ...base.riskAssessment, completedOn },
  };
}

/** Every row of every table as text, as a pg_dump would hold it (`except` left out). */
async function dump(q: Db, except: string[] = []): Promise<string> {
  const tables = await q.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  let text = '';
  for (const { table_name } of tables.rows) {
    if (except.includes(table_name)) continue;
    const rows = await q.query<{ row: string }>(
      `SELECT t::text AS row FROM ${table_name} t ORDER BY t::text`,
    );
    text += `\n== ${table_name}\n${rows.rows.map((r) => r.row).join('\n')}`;
  }
  return text;
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
const keyFiles = () => readdirSync(path.join(dataDir, 'keys', 'retention')).sort();
const mailDir = () => path.join(dataDir, 'outbox', 'mail');
const emlOf = (messageId: string) =>
  path.join(mailDir(), `${messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_')}.eml`);

async function purge(args: string[]): Promise<PurgeReport> {
  const out = await purgeCommand({ db, crypto, now, mailOutboxDir: mailDir() }, [
    ...args,
    '--json',
  ]);
  expect(out.exitCode).toBe(0);
  return JSON.parse(out.stdout) as PurgeReport;
}

beforeAll(async () => {
  app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  dataDir = app.dataDir;
  try {
    await setUp();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
}, 300_000);

async function setUp() {
  await signInAll();
  areaId = (
    await one<{ id: string }>(app.db, `SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`)
  ).id;
  const police = (
    await one<{ id: string }>(
      app.db,
      `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
        WHERE aa.area_id = $1 AND g.kind = 'police'`,
      [areaId],
    )
  ).id;
  // The area's information sharing agreement: records kept 12 months after the last MARAC.
  expect(
    await json(as.coordinator!(`/api/areas/${areaId}/retention`, put({ retentionMonths: 12 }))),
  ).toEqual({ retentionMonths: 12 });
  // The police take agendas through Purview: the copy in the local outbox holds the agenda.
  await json(
    as.coordinator!(`/api/areas/${areaId}/agencies/${police}/delivery`, put({ mode: 'purview' })),
  );

  const refer = async (victim: 'A' | 'B', completedOn: string) => {
    const { id } = await json<{ id: string }>(
      as.coordinator!(
        '/api/referrals',
        post({ form: form(areaId, police, victim, completedOn), submit: true }, randomUUID()),
      ),
    );
    await json(as.coordinator!(`/api/referrals/${id}/accept`, post({}, randomUUID())));
    return id;
  };
  const referralA = await refer('A', '2026-11-30');
  const referralB = await refer('B', '2026-11-30');
  const meeting1 = (
    await one<{ meeting_id: string }>(app.db, 'SELECT meeting_id FROM referral WHERE id = $1', [
      referralA,
    ])
  ).meeting_id;
  await json(as.coordinator!(`/api/meetings/${meeting1}/agenda/publish`, post({}, randomUUID())));
  await json(
    as.police!(
      `/api/meetings/${meeting1}/research/${referralA}/agencies/${police}/submit`,
      post(
        {
          response: {
            knownToAgency: 'yes',
            currentInvolvement: A.research,
            historicalInvolvement: 'Two callouts in 2025',
            professionalOpinion: 'Escalating, in our view',
            children: [{ involvement: 'none' }, { involvement: 'Seen at one callout' }],
            recordsFlagged: true,
          },
        },
        randomUUID(),
      ),
    ),
  );
  await app.services.drainDeliveries();

  // The meeting: both cases heard, notes and an action on A, then the close.
  const startsAt = (
    await one<{ starts_at: Date }>(app.db, 'SELECT starts_at FROM meeting WHERE id = $1', [
      meeting1,
    ])
  ).starts_at;
  clock = new Date(new Date(startsAt).getTime() + 5 * 60_000);
  await signInAll();
  const run = `/api/meetings/${meeting1}/run`;
  await json(as.chair!(`/api/meetings/${meeting1}/confidentiality`, post({ confirm: true })));
  await json(as.chair!(`${run}/current`, put({ referralId: referralA })));
  await json(
    as.chair!(
      `${run}/cases/${referralA}/notes`,
      put({ facts: A.notes, opinion: '', riskSummary: 'High', version: 0 }),
    ),
  );
  const action = await json<{ id: string }>(
    as.chair!(
      `${run}/cases/${referralA}/actions`,
      post(
        {
          ownerAgencyId: police,
          ownerPerson: null,
          what: A.action,
          dueDate: '2027-01-05',
          dueTime: '10:00',
          risk: 'Further threats',
          urgent: null,
        },
        randomUUID(),
      ),
    ),
  );
  await json(as.chair!(`${run}/current`, put({ referralId: referralB })));
  await json(
    as.chair!(
      `${run}/cases/${referralB}/notes`,
      put({ facts: B.notes, opinion: '', riskSummary: 'High', version: 0 }),
    ),
  );
  await json(as.chair!(`${run}/close`, post({})));
  await app.services.drainDeliveries();

  const caseOf = async (referralId: string) =>
    (
      await one<{ case_id: string }>(app.db, 'SELECT case_id FROM referral WHERE id = $1', [
        referralId,
      ])
    ).case_id;
  const caseA = await caseOf(referralA);
  const caseB = await caseOf(referralB);
  const periodOf = async (owner: string) =>
    (await one<{ period: string }>(app.db, 'SELECT period FROM data_key WHERE owner = $1', [owner]))
      .period;
  periodBefore = await periodOf(`case:${caseB}`);

  // B is referred again three months later (a repeat: the same case) and heard at a later meeting.
  clock = new Date('2027-03-01T09:00:00Z');
  await signInAll();
  const repeat = await refer('B', '2027-02-27');
  expect(await caseOf(repeat)).toBe(caseB);
  ids = {
    caseA,
    caseB,
    referralsA: [referralA],
    referralsB: [referralB, repeat],
    actionA: action.id,
    meeting1,
  };

  // What case A and the first meeting left in the store, sealed.
  const sealed = await app.db.query<{ value: string }>(
    `SELECT form AS value FROM referral WHERE case_id = $1
     UNION ALL SELECT response FROM research WHERE case_id = $1 AND response IS NOT NULL
     UNION ALL SELECT notes FROM meeting_case WHERE case_id = $1 AND notes IS NOT NULL
     UNION ALL SELECT body FROM meeting_action WHERE case_id = $1
     UNION ALL SELECT content FROM agenda_version WHERE meeting_id = $2
     UNION ALL SELECT content FROM meeting_document WHERE meeting_id = $2`,
    [caseA, meeting1],
  );
  sealedA = sealed.rows.map((r) => r.value);
  expect(sealedA.length).toBeGreaterThanOrEqual(7); // referral, research, notes, action, agenda, plan, minutes
  messageIdsMeeting1 = (
    await app.db.query<{ message_id: string }>(
      `SELECT d.message_id FROM mail_delivery d
        WHERE d.subject_id IN (SELECT id FROM agenda_version WHERE meeting_id = $1
                               UNION SELECT id FROM meeting_document WHERE meeting_id = $1)`,
      [meeting1],
    )
  ).rows.map((r) => r.message_id);

  // A backup: the embedded database's files, copied while the app is stopped (not the keys).
  await app.close();
  backupDir = mkdtempSync(path.join(tmpdir(), 'marac-backup-'));
  cpSync(path.join(dataDir, 'pgdata'), path.join(backupDir, 'pgdata'), { recursive: true });
  db = await openPgliteDb(path.join(dataDir, 'pgdata'));
  crypto = await openAppCrypto(db, { dataDir, keyVault: null }, now);
}

afterAll(async () => {
  await db?.close();
  for (const dir of [dataDir, backupDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const periodQ = (year: number, q: number) => `${areaId}-${year}-q${q}`;

describe('before the purge', () => {
  it('files each case under the quarter it falls due in, and moves one heard again', async () => {
    // Heard in December 2026, kept 12 months: due in the last quarter of 2027.
    expect(periodBefore).toBe(periodQ(2027, 4));
    const rows = await db.query<{ owner: string; period: string }>(
      'SELECT owner, period FROM data_key WHERE owner = ANY($1::text[])',
      [[`case:${ids.caseA}`, `case:${ids.caseB}`, `meeting:${ids.meeting1}`]],
    );
    const periods = Object.fromEntries(rows.rows.map((r) => [r.owner, r.period]));
    expect(periods).toEqual({
      [`case:${ids.caseA}`]: periodQ(2027, 4),
      // Heard again in March 2027: re-wrapped under the first quarter of 2028's key.
      [`case:${ids.caseB}`]: periodQ(2028, 1),
      [`meeting:${ids.meeting1}`]: periodQ(2027, 4),
    });
    expect(keyFiles()).toEqual(
      expect.arrayContaining([`${periodQ(2027, 4)}.json`, `${periodQ(2028, 1)}.json`]),
    );
    // The Purview copies in the local outbox carry the agenda unencrypted (Exchange would encrypt).
    const copies = messageIdsMeeting1.map(emlOf).filter((f) => existsSync(f));
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.some((f) => /^x-marac-protect:/im.test(readFileSync(f, 'latin1')))).toBe(true);
  });

  it('changes nothing in a dry run, and lists what would go by id, never by name', async () => {
    clock = new Date('2028-01-15T09:00:00Z');
    const before = await dump(db);
    const filesBefore = keyFiles();
    const report = await purge(['--dry-run']);
    expect(report.dryRun).toBe(true);
    expect(report.cases.map((c) => c.caseId)).toEqual([ids.caseA]);
    expect(report.meetings.map((m) => m.meetingId)).toEqual([ids.meeting1]);
    expect(report.keys).toEqual(
      expect.arrayContaining([{ period: periodQ(2027, 4), state: 'due', until: null }]),
    );
    expect(report.keys.map((k) => k.period)).not.toContain(periodQ(2028, 1));
    for (const word of [...A_WORDS, B.victim]) expect(JSON.stringify(report)).not.toContain(word);
    expect(await dump(db)).toBe(before);
    expect(keyFiles()).toEqual(filesBefore);
    const text = await purgeCommand({ db, crypto, now, mailOutboxDir: mailDir() }, ['--dry-run']);
    expect(text.stdout).toMatch(/^Dry run on 2028-01-15: nothing was changed\./);
    expect(text.stdout).toContain(`case ${ids.caseA}`);
  });
});

describe('the purge', () => {
  let report: PurgeReport;
  beforeAll(async () => {
    clock = new Date('2028-01-15T09:00:00Z');
    report = await purge([]);
  });

  it('erases the case past keeping and the first meeting’s records, and destroys their key', () => {
    expect(report.cases.map((c) => c.caseId)).toEqual([ids.caseA]);
    expect(report.meetings.map((m) => m.meetingId)).toEqual([ids.meeting1]);
    expect(report.keys).toContainEqual({
      period: periodQ(2027, 4),
      state: 'destroyed',
      until: null,
    });
    expect(report.counts).toMatchObject({ cases: 1, referrals: 1, meetings: 1 });
    expect(keyFiles()).not.toContain(`${periodQ(2027, 4)}.json`);
    expect(keyFiles()).toContain(`${periodQ(2028, 1)}.json`);
    // Idempotency answers' day keys of December 2026 and March 2027 are gone too.
    expect(keyFiles().filter((f) => f.startsWith('transient-'))).toEqual([]);
  });

  it('(a) leaves no row of the erased case, and none of its ciphertext, in the database', async () => {
    const live = await dump(db, ['audit_log']);
    for (const id of [ids.caseA, ...ids.referralsA, ids.actionA]) expect(live).not.toContain(id);
    for (const value of sealedA) expect(live).not.toContain(value);
    const keys = await db.query('SELECT 1 FROM data_key WHERE owner = ANY($1::text[])', [
      [`case:${ids.caseA}`, `meeting:${ids.meeting1}`],
    ]);
    expect(keys.rows).toHaveLength(0);
    for (const table of [
      'agenda_version',
      'meeting_document',
      'agenda_late_case',
      'agenda_order',
    ]) {
      const left = await one<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM ${table} WHERE meeting_id = $1`,
        [ids.meeting1],
      );
      expect(left.n).toBe(0);
    }
    // The kept case is all there, and still reads.
    expect(live).toContain(ids.caseB);
    for (const id of ids.referralsB) {
      const row = await one<{ form: string }>(db, 'SELECT form FROM referral WHERE id = $1', [id]);
      const ref: FieldRef = {
        keyOwner: `case:${ids.caseB}`,
        table: 'referral',
        column: 'form',
        rowId: id,
      };
      expect(await crypto.cipher.decrypt(ref, row.form)).toContain(B.victim);
    }
    // The local outbox's copies of the first meeting's agenda and documents are gone.
    for (const id of messageIdsMeeting1) expect(existsSync(emlOf(id))).toBe(false);
  });

  it('(b) leaves a copy taken before the purge unreadable for the erased case, not the kept one', async () => {
    const backup = await openPgliteDb(path.join(backupDir, 'pgdata'));
    try {
      // The copy still holds the erased case's rows and wrapped data key...
      const referral = await one<{ form: string }>(
        backup,
        'SELECT form FROM referral WHERE id = $1',
        [ids.referralsA[0]],
      );
      expect(
        (
          await one<{ n: number }>(
            backup,
            'SELECT count(*)::int AS n FROM data_key WHERE owner = $1',
            [`case:${ids.caseA}`],
          )
        ).n,
      ).toBe(1);
      // ...but opened with every key there is now, nothing of it decrypts.
      const keys = await openAppCrypto(backup, { dataDir, keyVault: null }, now);
      const refA = (
        table: string,
        column: string,
        rowId: string,
        owner = `case:${ids.caseA}`,
      ): FieldRef => ({
        keyOwner: owner,
        table,
        column,
        rowId,
      });
      await expect(
        keys.cipher.decrypt(refA('referral', 'form', ids.referralsA[0]!), referral.form),
      ).rejects.toMatchObject({ code: 'RETENTION_KEY_DESTROYED' });
      const fields = await backup.query<{
        owner: string;
        tbl: string;
        col: string;
        row_id: string;
        value: string;
      }>(
        `SELECT 'case:' || case_id AS owner, 'research' AS tbl, 'response' AS col, id::text AS row_id, response AS value
           FROM research WHERE case_id = $1 AND response IS NOT NULL
         UNION ALL SELECT 'case:' || case_id, 'meeting_case', 'notes', meeting_id || ':' || referral_id, notes
           FROM meeting_case WHERE case_id = $1 AND notes IS NOT NULL
         UNION ALL SELECT 'case:' || case_id, 'meeting_action', 'body', id::text, body
           FROM meeting_action WHERE case_id = $1
         UNION ALL SELECT 'meeting:' || meeting_id, 'agenda_version', 'content', id::text, content
           FROM agenda_version WHERE meeting_id = $2
         UNION ALL SELECT 'meeting:' || meeting_id, 'meeting_document', 'content', id::text, content
           FROM meeting_document WHERE meeting_id = $2`,
        [ids.caseA, ids.meeting1],
      );
      expect(fields.rows.length).toBeGreaterThanOrEqual(6);
      for (const f of fields.rows) {
        await expect(
          keys.cipher.decrypt(refA(f.tbl, f.col, f.row_id, f.owner), f.value),
        ).rejects.toMatchObject({ code: 'RETENTION_KEY_DESTROYED' });
      }
      // The idempotency answers kept in the copy (research, minutes...) do not open either.
      const answers = await backup.query<{
        caller_id: string;
        id: string;
        created_at: Date;
        response: string;
      }>(
        'SELECT caller_id, id, created_at, response FROM idempotency_key WHERE response IS NOT NULL',
      );
      expect(answers.rows.length).toBeGreaterThan(0);
      for (const a of answers.rows) {
        const day = new Date(a.created_at).toISOString().slice(0, 10);
        await expect(
          keys.cipher.decrypt(
            {
              keyOwner: `idempotency:${a.caller_id}:${day}`,
              table: 'idempotency_key',
              column: 'response',
              rowId: a.id,
            },
            a.response,
          ),
        ).rejects.toMatchObject({ code: 'RETENTION_KEY_DESTROYED' });
      }
      // The kept case, heard again before the copy was taken, reads from it.
      const formB = await one<{ form: string }>(backup, 'SELECT form FROM referral WHERE id = $1', [
        ids.referralsB[0],
      ]);
      expect(
        await keys.cipher.decrypt(
          {
            keyOwner: `case:${ids.caseB}`,
            table: 'referral',
            column: 'form',
            rowId: ids.referralsB[0]!,
          },
          formB.form,
        ),
      ).toContain(B.victim);
    } finally {
      await backup.close();
    }
    // And no file of the copy holds any of it in clear.
    const bytes = Buffer.concat(
      filesUnder(path.join(backupDir, 'pgdata')).map((f) => readFileSync(f)),
    );
    expect(bytes.includes(Buffer.from('Northbrook and Wellfield'))).toBe(true); // the search works
    for (const word of A_WORDS) expect(bytes.includes(Buffer.from(word))).toBe(false);
  });

  it('(c) audits each erasure by id and code, holds nothing of the case, and the chain verifies', async () => {
    const audit = await db.query<{ action: string; record_type: string; record_id: string }>(
      'SELECT action, record_type, record_id FROM audit_log ORDER BY id',
    );
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { action: 'case.erased', record_type: 'case', record_id: ids.caseA },
        { action: 'meeting.records-erased', record_type: 'meeting', record_id: ids.meeting1 },
        {
          action: 'retention.key-destroyed',
          record_type: 'retention-period',
          record_id: periodQ(2027, 4),
        },
        { action: 'retention.purge', record_type: 'day', record_id: '2028-01-15' },
        { action: 'area.retention-settings', record_type: 'area', record_id: areaId },
      ]),
    );
    const text = (await dump(db)).split('\n== ').find((t) => t.startsWith('audit_log'))!;
    for (const word of [...A_WORDS, B.victim]) expect(text).not.toContain(word);
    const verified = await auditVerifyCommand(db, dataDir, ['--json']);
    expect(verified.exitCode).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, firstBadEntry: null });
  });
});

describe('after the quarter of the case heard again', () => {
  it('erases it then, destroys its key, and a further purge finds nothing to do', async () => {
    clock = new Date('2028-04-02T09:00:00Z');
    const report = await purge([]);
    expect(report.cases.map((c) => c.caseId)).toEqual([ids.caseB]);
    expect(report.keys).toContainEqual({
      period: periodQ(2028, 1),
      state: 'destroyed',
      until: null,
    });
    expect(keyFiles()).not.toContain(`${periodQ(2028, 1)}.json`);
    const left = await one<{ n: number }>(
      db,
      'SELECT count(*)::int AS n FROM referral WHERE case_id = ANY($1::uuid[])',
      [[ids.caseA, ids.caseB]],
    );
    expect(left.n).toBe(0);
    const again = await purge([]);
    expect(again.counts).toMatchObject({ cases: 0, meetings: 0, refiled: 0 });
    expect(again.keys).toEqual([]);
    const verified = await auditVerifyCommand(db, dataDir, ['--json']);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  });
});
