import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { verifyAuditChain } from '../../../bot/src/audit/verify.js';
import { createAuthenticate } from '../../../bot/src/auth/authenticate.js';
import type { EntraIdentity } from '../../../bot/src/auth/entra/entra-verifier.js';
import {
  prepareSetupArea,
  runSetupArea,
  type CommandOutput,
} from '../../../bot/src/cli/setup-area.js';
import type { AppCrypto } from '../../../bot/src/crypto/app-crypto.js';
import type { Db } from '../../../bot/src/db/db.js';
import { migrate } from '../../../bot/src/db/migrate.js';
import { sqlAreas } from '../../../bot/src/store/sql-areas.js';
import { backends, testCrypto } from '../../support/backends.js';
import { maracBinInOwnFolder } from '../../support/marac-bin.js';

/**
 * `npx marac setup-area`: the example file the README points at sets up an area whose
 * coordinator can sign in; nobody's name or address is stored in clear, printed or audited; and
 * a second run, a dry run and every bad file leave the store exactly as it was.
 */

const EXAMPLE = path.resolve('infra/area.example.json');
type AreaFile = {
  partnership: { name: string; region: string };
  area: Record<string, unknown>;
  agencies: {
    name: string;
    kind: string;
    core: { name: string; email: string };
    deputy?: { name: string; email: string };
  }[];
  staff: { name: string; email: string; roles: string[] }[];
};
const example = (): AreaFile => JSON.parse(readFileSync(EXAMPLE, 'utf8')) as AreaFile;

/** An invented tenant's person signing in as `username`. */
const entraIdentity = (username: string): EntraIdentity => ({
  tenantId: 'dddddddd-4444-4444-8444-dddddddddddd',
  objectId: 'eeeeeeee-5555-4555-8555-eeeeeeeeeeee',
  username,
  name: null,
});

/** Every person of a file, as the words that must never appear in clear. */
function personalWords(file: AreaFile): string[] {
  const people = [
    ...file.agencies.flatMap((a) => [a.core, ...(a.deputy ? [a.deputy] : [])]),
    ...file.staff,
  ];
  // Full names hold a space and addresses an @, neither of which base64url ciphertext can.
  return people.flatMap((p) => [p.name, p.email, p.email.toUpperCase()]);
}

/** Every row of every table, for counting and for searching for clear text. */
async function dump(db: Db): Promise<Record<string, unknown[]>> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const rows: Record<string, unknown[]> = {};
  for (const { table_name } of tables.rows)
    rows[table_name] = (await db.query(`SELECT * FROM "${table_name}"`)).rows;
  return rows;
}

const countRows = async (db: Db) =>
  Object.fromEntries(Object.entries(await dump(db)).map(([t, rows]) => [t, rows.length]));

function expectNoPersonalData(text: string, file: AreaFile) {
  for (const word of personalWords(file)) expect(text).not.toContain(word);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'marac-setup-area-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fileWith(file: unknown, name = 'area.json'): string {
  const target = path.join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(target, typeof file === 'string' ? file : JSON.stringify(file, null, 2));
  return target;
}

interface Store {
  db: Db;
  crypto: AppCrypto;
}

/** A fresh store for each test (`each`), or one for a block whose tests write nothing. */
function useStore(open: () => Promise<Db>, per: 'each' | 'all'): Store {
  const store = {} as Store;
  (per === 'each' ? beforeEach : beforeAll)(async () => {
    store.db = await open();
    await migrate(store.db); // the server's fresh schema; nothing to do on the PGlite copy
    store.crypto = await testCrypto(store.db);
  });
  (per === 'each' ? afterEach : afterAll)(() => store.db.close());
  return store;
}

/** The command as the CLI runs it, on a test store. */
function commandOn(store: Store) {
  const run = async (args: string[]): Promise<CommandOutput> => {
    const request = await prepareSetupArea(args);
    return 'exitCode' in request ? request : runSetupArea(store.db, store.crypto, request);
  };
  const setUp = async (file: string, ...flags: string[]) => {
    const result = await run(['--file', file, '--json', ...flags]);
    return { ...result, json: JSON.parse(result.stdout) as Record<string, any> };
  };
  return { run, setUp };
}

describe.each(backends())('npx marac setup-area on $name', ({ open }) => {
  const store = useStore(open, 'each');
  const { run, setUp } = commandOn(store);
  let db: Db;
  let crypto: AppCrypto;
  beforeEach(() => ({ db, crypto } = store));

  it('sets up the example area, whose coordinator then signs in as its coordinator', async () => {
    const { exitCode, json, stderr } = await setUp(EXAMPLE);
    expect({ exitCode, stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(json).toEqual({
      ok: true,
      dryRun: false,
      areaId: expect.any(String),
      partnershipId: expect.any(String),
      area: { name: 'Northbrook', code: 'NBK' },
      created: { partnership: true, agencies: 7, people: 15, roles: 5, reps: 11 },
      reused: { partnership: false, agencies: 0, people: 0 },
    });

    const coordinator = example().staff.find((s) => s.roles.includes('coordinator'))!;
    // Her first Entra sign-in finds her by her sign-in name, as the API's sign-in does.
    const signIn = createAuthenticate({
      db,
      crypto,
      entra: { verify: async () => entraIdentity(coordinator.email.toUpperCase()) },
      devSigningKey: null,
      now: () => new Date(),
    });
    const principal = await signIn('Bearer an-entra-access-token');
    expect(principal).toMatchObject({ name: coordinator.name, email: coordinator.email });
    expect(principal!.roles).toEqual([
      { areaId: json.areaId, areaName: 'Northbrook', role: 'coordinator' },
    ]);

    const areas = sqlAreas(db, crypto);
    const area = await areas.get(json.areaId as string);
    expect(area).toMatchObject({ mailbox: 'marac.northbrook@council.example' });
    expect(area!.protocol).toMatchObject({
      cadence: { kind: 'fortnightly', weekday: 'thursday' },
      startTime: '09:30',
      caseCapacity: 14,
      durationMinutes: 180, // the default, as the demo has it
      region: 'england-and-wales',
    });
    const agencies = await areas.agencies(json.areaId as string);
    const police = agencies.find((a) => a.kind === 'police')!;
    expect(police.coreRep).toEqual(example().agencies[0]!.core);
    expect(agencies.find((a) => a.kind === 'housing')!.deputyRep).toBeNull();
  });

  it('stores every name and address encrypted, and prints and audits none', async () => {
    const text = await run(['--file', EXAMPLE]);
    const json = await setUp(
      fileWith({ ...example(), area: { ...example().area, code: 'NBKB', name: 'Northbrook B' } }),
    );
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(/^The area "Northbrook" \(NBK\) is set up, id [0-9a-f-]{36}/);
    for (const out of [text, json]) expectNoPersonalData(out.stdout + out.stderr, example());

    const rows = await dump(db);
    expectNoPersonalData(JSON.stringify(rows), example());
    for (const person of rows.person as { name: string; email: string }[]) {
      expect(person.name).toMatch(/^enc:v1:/);
      expect(person.email).toMatch(/^enc:v1:/);
    }
    const audit = rows.audit_log as Record<string, unknown>[];
    expect(audit).toEqual([
      expect.objectContaining({ action: 'area.set-up', record_type: 'area', actor_id: null }),
      expect.objectContaining({ action: 'area.set-up', record_id: json.json.areaId }),
    ]);
    expect(await verifyAuditChain(db, { dataDir: null })).toMatchObject({ ok: true, entries: 2 });
  });

  it('refuses a second run of the same file and changes nothing', async () => {
    expect((await run(['--file', EXAMPLE])).exitCode).toBe(0);
    const before = await dump(db);
    const again = await run(['--file', EXAMPLE]);
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/^The area was not set up; nothing was changed:\n/);
    expect(again.stderr).toMatch(
      /area\.code: the area "Northbrook" \([0-9a-f-]{36}\) already has the code NBK/,
    );
    expect(await dump(db)).toEqual(before);
    // Under another partnership's name too: the code is the area's, whoever it belongs to.
    const renamed = { ...example(), partnership: { ...example().partnership, name: 'Typo' } };
    const { exitCode, json } = await setUp(fileWith(renamed));
    expect(exitCode).toBe(1);
    expect(json.problems).toEqual([expect.stringMatching(/^area\.code: /)]);
    expect(await dump(db)).toEqual(before);
  });

  it('adds a second area to the partnership, reusing its agencies and people by name and address', async () => {
    await setUp(EXAMPLE);
    const file = example();
    const second = {
      ...file,
      area: { name: 'Southbrook', code: 'SBK', mailbox: 'marac.southbrook@council.example' },
      agencies: [
        { ...file.agencies[0]!, name: 'NORTHBROOK POLICE' },
        {
          name: 'Southbrook Refuge',
          kind: 'specialist-da',
          core: { name: 'Ottoline Verity', email: 'ottoline.verity@southbrook-refuge.example' },
        },
      ],
      staff: [file.staff[0]!],
    };
    const { exitCode, json } = await setUp(fileWith(second));
    expect(exitCode).toBe(0);
    expect(json).toMatchObject({
      created: { partnership: false, agencies: 1, people: 1, roles: 1, reps: 3 },
      reused: { partnership: true, agencies: 1, people: 3 },
    });
    const area = await sqlAreas(db, crypto).get(json.areaId as string);
    // No protocol in the file: the defaults, fortnightly on Tuesdays like the demo's area.
    expect(area!.protocol).toMatchObject({
      cadence: { kind: 'fortnightly', weekday: 'tuesday' },
      startTime: '10:00',
    });
    expect((await countRows(db)).agency).toBe(8);

    const clash = {
      ...second,
      area: { ...second.area, name: 'Westbrook', code: 'WBK' },
      agencies: [{ ...second.agencies[1]!, kind: 'housing' }],
    };
    const refused = await setUp(fileWith(clash));
    expect(refused.exitCode).toBe(1);
    expect(refused.json.problems).toEqual([
      'agencies[0].kind: the partnership already has this agency, of the kind specialist-da; give that kind, or another name',
    ]);
  });

  it('--dry-run says what it would set up and writes nothing', async () => {
    const before = await countRows(db);
    const dry = await setUp(EXAMPLE, '--dry-run');
    expect(dry.exitCode).toBe(0);
    expect(dry.json).toMatchObject({
      ok: true,
      dryRun: true,
      areaId: null,
      partnershipId: null,
      created: { partnership: true, agencies: 7, people: 15, roles: 5, reps: 11 },
    });
    const text = await run(['--file', EXAMPLE, '--dry-run']);
    expect(text.stdout).toMatch(/^Dry run: nothing was written\./);
    expect(await countRows(db)).toEqual(before);
    // And a dry run over a store that already holds the area refuses as the real run would.
    await setUp(EXAMPLE);
    const refused = await run(['--file', EXAMPLE, '--dry-run']);
    expect(refused.exitCode).toBe(1);
  });
});

describe.each(backends())('npx marac setup-area refuses bad input on $name', ({ open }) => {
  // None of these writes anything, which each test checks: one store serves them all.
  const store = useStore(open, 'all');
  const { run, setUp } = commandOn(store);
  const counts = () => countRows(store.db);

  const withStaff = (staff: AreaFile['staff']) => ({ ...example(), staff });
  const badFiles: [string, () => unknown, RegExp][] = [
    [
      'no coordinator',
      () => withStaff(example().staff.filter((s) => !s.roles.includes('coordinator'))),
      /^ {2}staff: give at least one person the role "coordinator"/m,
    ],
    [
      'a bad email address',
      () => {
        const file = example();
        file.agencies[2]!.core.email = 'philippa.drummond at council';
        return file;
      },
      /^ {2}agencies\[2\]\.core\.email: enter an email address/m,
    ],
    [
      'an unknown field',
      () => ({ ...example(), agencies: [{ ...example().agencies[0], colour: 'blue' }] }),
      /^ {2}agencies\[0\]\.colour: remove it, or check its spelling: the file has no such field$/m,
    ],
    [
      'an unknown role',
      () => withStaff([{ ...example().staff[0]!, roles: ['coordinator', 'superuser'] }]),
      /^ {2}staff\[0\]\.roles\[1\]: choose one of: coordinator, chair, idva, observer, admin$/m,
    ],
    [
      'a missing field',
      () => ({ ...example(), area: { name: 'Northbrook', code: 'NBK' } }),
      /^ {2}area\.mailbox: add this field$/m,
    ],
    [
      'a deputy who is the core rep',
      () => {
        const file = example();
        file.agencies[0]!.deputy = { ...file.agencies[0]!.core };
        return file;
      },
      /^ {2}agencies\[0\]\.deputy\.email: give the deputy's own address/m,
    ],
    [
      'text that is not JSON',
      () => '{\n  "partnership": {\n    "name": "A" "region": "scotland"\n  }\n}',
      /^ {2}the file is not valid JSON at line 3, column 17: check the commas, quotes and brackets there$/m,
    ],
  ];

  it.each(badFiles)(
    'refuses %s with exit 2, naming the field, and writes nothing',
    async (_, make, says) => {
      const before = await counts();
      const file = make();
      const result = await run(['--file', fileWith(file)]);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/has \d+ problems? to put right; nothing was written:\n/);
      expect(result.stderr).toMatch(says);
      if (typeof file !== 'string') expectNoPersonalData(result.stderr, file as AreaFile);
      expect(await counts()).toEqual(before);
    },
  );

  it('lists every problem of a file at once, as JSON with --json', async () => {
    const file = example();
    file.agencies[1]!.kind = 'police-ish';
    file.staff[0]!.email = 'not an address';
    (file.area as Record<string, unknown>).code = 'nbk';
    const { exitCode, json } = await setUp(fileWith(file));
    expect(exitCode).toBe(2);
    expect(json.ok).toBe(false);
    expect(json.problems).toEqual([
      'area.code: use 2 to 8 capital letters, such as NBK',
      expect.stringMatching(/^agencies\[1\]\.kind: choose one of: police, idva, /),
      'staff[0].email: enter an email address, such as name@council.example',
    ]);
  });

  it('refuses a bad command line with exit 2', async () => {
    expect(await run([])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^--file: give the path/),
    });
    expect(await run(['--file', path.join(dir, 'missing.json')])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('--file: there is no such file; check the path'),
    });
    expect(await run(['--file', EXAMPLE, '--force'])).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/^--force: unknown option/),
    });
  });
});

describe('bin/marac.mjs setup-area', () => {
  const marac = maracBinInOwnFolder('marac-setup-area-bin-');

  it('sets up the example file once, and refuses it the second time', async () => {
    const first = await marac(['setup-area', '--file', EXAMPLE, '--json']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(first.stdout)).toMatchObject({ ok: true, area: { code: 'NBK' } });
    const second = await marac(['setup-area', '--file', EXAMPLE]);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('area.code: the area "Northbrook"');
    expectNoPersonalData(first.stdout + second.stdout + second.stderr, example());
  });
});
