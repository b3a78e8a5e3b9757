import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { DataReturn } from '#core/contracts/data-return-api.js';
import { CSV_HEADER } from '#core/reporting/data-return-csv.js';
import {
  prepareDataReturn,
  runDataReturn,
  type CommandOutput,
} from '../../../bot/src/cli/data-return.js';
import { readCsv } from '../../support/csv.js';
import {
  ADMIN,
  CHAIR,
  COORDINATOR,
  quarterNameWords,
  startQuarterApp,
} from '../../support/data-return-app.js';
import {
  CASES,
  EXPECTED_Q1,
  expectedQ1Figures,
  heardAt,
} from '../../support/data-return-quarter.js';
import { storeLegacyWords } from '../../support/legacy-words.js';
import { signIn, type TestApp } from '../../support/start-app.js';

/*
 * The SafeLives data return of the generated quarter (test/support/data-return-quarter.ts) on the
 * real app (set up by test/support/data-return-app.ts), read over the API, from the command line
 * in the process, and once through bin/marac.mjs.
 */

let app: TestApp;
let areaId: string;
let meetingIds: Map<string, string>;
let referrals: Map<string, { id: string; reference: string; caseId: string }>;
let refOf: (label: string) => string;

const ok = async <T>(answer: Promise<Response>): Promise<T> => {
  const response = await answer;
  if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};

beforeAll(async () => {
  ({ app, areaId, meetingIds, referrals, refOf } = await startQuarterApp());
}, 240_000);
afterAll(() => app.stop());

const expectNoNames = (text: string) => {
  for (const word of quarterNameWords()) expect(text).not.toContain(word);
};

it('finds the second referral of the same victim a repeat, and no other', async () => {
  const { rows } = await app.db.query<{ id: string; is_repeat: boolean }>(
    'SELECT id, is_repeat FROM referral WHERE area_id = $1',
    [areaId],
  );
  const repeats = rows.filter((r) => r.is_repeat).map((r) => r.id);
  expect(repeats).toEqual([referrals.get('E')!.id]);
  // The cases' referrals are where the meeting records left them: D heard at its second meeting.
  for (const c of CASES) {
    const { rows: on } = await app.db.query<{ meeting_id: string }>(
      'SELECT meeting_id FROM referral WHERE id = $1',
      [referrals.get(c.label)!.id],
    );
    expect(on[0]!.meeting_id).toBe(meetingIds.get(heardAt(c) ?? c.meeting));
  }
});

describe('GET /api/areas/{areaId}/data-return', () => {
  const path = () => `/api/areas/${areaId}/data-return`;

  it('gives the coordinator every figure of the quarter and of each meeting, with the cases behind each', async () => {
    const coordinator = await signIn(app, COORDINATOR);
    const answer = await ok<DataReturn>(coordinator(`${path()}?quarter=2027-Q1`));
    expect(answer.area).toEqual({ id: areaId, name: 'Northbrook and Wellfield', code: 'NBW' });
    expect(answer.total).toEqual(expectedQ1Figures(refOf));
    expect(answer.toRecode).toEqual({
      ethnicity: { count: 2, references: [refOf('D'), refOf('J')] },
      sexuality: { count: 1, references: [refOf('D')] },
    });
    const label = new Map([...referrals].map(([l, r]) => [r.reference, l]));
    const labels = (refs: string[] | undefined) => refs!.map((r) => label.get(r)).join('');
    expect(
      answer.meetings.map((m) => ({
        date: m.date,
        record: m.record,
        heard: labels(m.figures.casesHeard.references),
        deferred: labels(m.deferred.references),
      })),
    ).toEqual(EXPECTED_Q1.meetings);
    expect(answer.warnings).toHaveLength(2);
    expectNoNames(JSON.stringify(answer));
    const audit = await app.db.query<{ action: string; record_id: string }>(
      `SELECT action, record_id FROM audit_log WHERE action LIKE 'data-return.%' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({ action: 'data-return.read-cases', record_id: areaId });
  });

  it('counts the meeting at 00:30 BST on 1 April in the second quarter, with the victim 18 on its London date', async () => {
    const coordinator = await signIn(app, COORDINATOR);
    const q2 = await ok<DataReturn>(coordinator(`${path()}?quarter=2027-Q2`));
    expect(q2.meetings[0]).toMatchObject({
      date: '2027-04-01',
      startTime: '00:30',
      record: 'closed',
    });
    expect(q2.total.casesHeard.references).toEqual([refOf('N')]);
    expect(q2.total.victims.aged16To17.count).toBe(0);
    const q4 = await ok<DataReturn>(coordinator(`${path()}?quarter=2026-Q4`));
    expect(q4.total.casesHeard.references).toEqual([refOf('Z')]);
  });

  it('gives an admin the same counts without a single case reference, audited as such', async () => {
    const admin = await signIn(app, ADMIN);
    const answer = await ok<DataReturn>(admin(`${path()}?quarter=2027-Q1`));
    const text = JSON.stringify(answer);
    expect(text).not.toContain('NBW-');
    expect(text).not.toContain('references');
    expect(answer.total.casesHeard).toEqual({ count: 11 });
    expect(answer.total.victims.lgbt).toEqual({
      count: 4,
      notKnown: { count: 1 },
      notRecoded: { count: 1 },
    });
    const audit = await app.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'data-return.%' ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]!.action).toBe('data-return.read');
  });

  it.each([
    ['?quarter=2027-Q5', 'query.quarter'],
    ['?quarter=Q1-2027', 'query.quarter'],
    ['?quarter=1999-Q4', 'query.quarter'],
    ['', 'query.quarter'],
    ['?quarter=2027-Q1&area=NBW', 'query'],
  ])('refuses %j in words, naming the field', async (query, field) => {
    const coordinator = await signIn(app, COORDINATOR);
    const response = await coordinator(`${path()}${query}`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { message: string; details: { path: string; message: string }[] };
    };
    expect(error.details.map((d) => d.path)).toEqual([field]);
    if (field === 'query.quarter')
      expect(error.message).toMatch(/^Quarter: (use a quarter such as 2027-Q1|enter a value)/);
  });

  it('tells the chair no (403), and anyone about an unknown area that it does not exist (404)', async () => {
    const chair = await signIn(app, CHAIR);
    expect((await chair(`${path()}?quarter=2027-Q1`)).status).toBe(403);
    const coordinator = await signIn(app, COORDINATOR);
    const unknown = await coordinator(`/api/areas/${randomUUID()}/data-return?quarter=2027-Q1`);
    expect(unknown.status).toBe(404);
  });
});

describe('npx marac data-return', () => {
  const run = async (args: string[]): Promise<CommandOutput> => {
    const request = prepareDataReturn(args);
    return 'exitCode' in request ? request : runDataReturn(app.db, app.services.crypto, request);
  };

  it('prints the whole return as JSON, the same as the API gives the coordinator', async () => {
    const result = await run(['--area', 'NBW', '--quarter', '2027-Q1', '--json']);
    expect(result.exitCode).toBe(0);
    const printed = JSON.parse(result.stdout) as DataReturn;
    const api = await ok<DataReturn>(
      (await signIn(app, COORDINATOR))(`/api/areas/${areaId}/data-return?quarter=2027-Q1`),
    );
    expect(printed).toEqual(api);
    expect(printed.total).toEqual(expectedQ1Figures(refOf));
    expectNoNames(result.stdout);
  });

  it('prints one CSV row per figure of the quarter and of each meeting, read back with an RFC 4180 reader', async () => {
    const result = await run(['--area', 'NBW', '--quarter', '2027-Q1', '--csv']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = readCsv(result.stdout);
    expect(header).toEqual([...CSV_HEADER]);
    expect(rows.every((r) => r.length === CSV_HEADER.length)).toBe(true);
    const get = (scope: string, date: string, figure: string, detail = '') => {
      const found = rows.filter(
        (r) => r[0] === scope && r[1] === date && r[3] === figure && r[4] === detail,
      );
      expect(found).toHaveLength(1);
      const [, , record, , , count, notKnown, notRecoded, refs, knownRefs, recodedRefs] = found[0]!;
      const words = (s: string) => (s === '' ? [] : s.split(' '));
      return {
        record,
        count,
        notKnown,
        notRecoded,
        refs: words(refs!),
        knownRefs: words(knownRefs!),
        recodedRefs: words(recodedRefs!),
      };
    };
    const refs = (labels: string) => [...labels].map(refOf);
    const e = EXPECTED_Q1;
    expect(get('quarter', '', 'cases-heard')).toMatchObject({
      count: '11',
      notKnown: '',
      refs: refs(e.casesHeard),
    });
    expect(get('quarter', '', 'repeat-cases')).toMatchObject({ count: '1', refs: refs('E') });
    expect(get('quarter', '', 'children')).toMatchObject({
      count: '8',
      refs: refs(e.children.cases),
    });
    expect(get('quarter', '', 'referrals-police')).toMatchObject({
      count: '4',
      refs: refs(e.police),
    });
    expect(get('quarter', '', 'referrals-partners')).toMatchObject({
      count: '7',
      refs: refs(e.partners),
    });
    expect(get('quarter', '', 'referrals-by-kind', 'housing')).toMatchObject({
      count: '1',
      refs: refs('E'),
    });
    // An agency name with an apostrophe and no comma is written as it is.
    expect(get('quarter', '', 'referrals-by-agency', "Children's Social Care")).toMatchObject({
      count: '1',
      refs: refs('F'),
    });
    expect(get('quarter', '', 'victims-bame')).toEqual({
      record: '',
      count: '5',
      notKnown: '1',
      notRecoded: '2',
      refs: refs(e.bame.yes),
      knownRefs: refs(e.bame.notKnown),
      recodedRefs: refs(e.bame.notRecoded),
    });
    expect(get('quarter', '', 'victims-lgbt')).toMatchObject({
      count: '4',
      notKnown: '1',
      notRecoded: '1',
      refs: refs(e.lgbt.yes),
    });
    expect(get('quarter', '', 'victims-disabled')).toMatchObject({
      count: '3',
      notKnown: '2',
      notRecoded: '',
      refs: refs(e.disabled.yes),
    });
    expect(get('quarter', '', 'victims-male')).toMatchObject({
      count: '2',
      notKnown: '1',
      refs: refs(e.male.yes),
    });
    expect(get('quarter', '', 'victims-aged-16-17')).toMatchObject({
      count: '3',
      notKnown: '1',
      refs: refs(e.aged16To17.yes),
      knownRefs: refs('I'),
    });
    expect(get('quarter', '', 'perpetrators-aged-17-or-under')).toMatchObject({
      count: '2',
      notKnown: '1',
      refs: refs('CH'),
    });
    expect(get('quarter', '', 'to-recode', 'ethnicity')).toMatchObject({
      count: '2',
      refs: refs('DJ'),
    });
    for (const m of e.meetings) {
      expect(get('meeting', m.date, 'cases-heard')).toMatchObject({
        record: m.record,
        count: String(m.heard.length),
        refs: refs(m.heard),
      });
      expect(get('meeting', m.date, 'deferred')).toMatchObject({
        count: String(m.deferred.length),
        refs: refs(m.deferred),
      });
    }
    expectNoNames(result.stdout);
  });

  it('prints a readable table of the counts, and no name', async () => {
    const result = await run(['--area', 'NBW', '--quarter', '2027-Q1']);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(
      'SafeLives MARAC data return: Northbrook and Wellfield (NBW), 2027-Q1, 1 January 2027 to 31 March 2027',
    );
    const row = (label: string) =>
      lines
        .find((l) => l.startsWith(label))!
        .trim()
        .split(/\s{2,}/);
    expect(row('Figure')).toEqual([
      'Figure',
      'Total',
      '12 Jan',
      '26 Jan',
      '9 Feb',
      '23 Feb',
      '9 Mar',
      '23 Mar',
    ]);
    expect(row('Cases heard')).toEqual(['Cases heard', '11', '3', '3', '0', '3', '1', '1']);
    expect(row('  by kind: police')).toEqual([
      'by kind: police',
      '4',
      '1',
      '1',
      '0',
      '2',
      '0',
      '0',
    ]);
    expect(row('  by agency: Riverside Police')).toEqual([
      'by agency: Riverside Police',
      '4',
      '1',
      '1',
      '0',
      '2',
      '0',
      '0',
    ]);
    expect(row('  by kind: housing')).toEqual([
      'by kind: housing',
      '1',
      '0',
      '1',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(row('Victims aged 16 or 17')).toEqual([
      'Victims aged 16 or 17',
      '3',
      '1',
      '1',
      '0',
      '0',
      '0',
      '1',
    ]);
    expect(result.stdout).toContain(`ethnicity: ${refOf('D')}, ${refOf('J')}`);
    expectNoNames(result.stdout);
  });

  it.each([
    [
      ['--area', 'NBW', '--quarter', '2027-Q5'],
      /^--quarter: expected a quarter such as 2027-Q1 .*\(got "2027-Q5"\)/,
    ],
    [
      ['--area', 'XYZ', '--quarter', '2027-Q1'],
      /^--area: no area has the code XYZ; the areas are EAS, NBW/,
    ],
    [
      ['--area', 'nbw', '--quarter', '2027-Q1'],
      /^--area: expected an area code of 2 to 8 capital letters/,
    ],
    [['--quarter', '2027-Q1'], /^--area: give the area code/],
    [['--area', 'NBW'], /^--quarter: give a quarter/],
    [
      ['--area', 'NBW', '--quarter', '2027-Q1', '--json', '--csv'],
      /^--csv: give --json or --csv, not both/,
    ],
    [['--area', 'NBW', '--quarters', '2027-Q1'], /^--quarters: unknown option/],
  ])('%j exits 2 naming the flag', async (args, message) => {
    const result = await run(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  // The store is not opened for a bad command line, so the binary is run on that alone: the
  // wiring (the command's name, its exit code, its words on stderr) without a second store.
  it('runs as an operator runs it, through bin/marac.mjs, and a bad quarter exits 2', async () => {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          ['bin/marac.mjs', 'data-return', '--area', 'NBW', '--quarter', '2027-Q5', '--csv'],
          { env: { ...process.env, MARAC_DATA_DIR: app.dataDir } },
          (error, stdout, stderr) =>
            resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^--quarter: expected a quarter such as 2027-Q1/);
    expect(result.stderr).toContain('Usage: npx marac data-return --area <code>');
  }, 60_000);
});

/*
 * The coordinator's recode (issue #13): runs last, since it changes the figures the tests above
 * read. D's ethnicity and sexuality and J's ethnicity were written in words that name no category
 * (stored as data from before the change); K, not heard, gets words too (a referral waiting is
 * listed as well); N's words name a category exactly and C's are empty: neither is listed.
 */
describe('recoding ethnicity and sexuality written in words', () => {
  const REP = 'dana.whitcombe@police.example';
  const listPath = () => `/api/areas/${areaId}/recode`;
  const savePath = (label: string) => `/api/referrals/${referrals.get(label)!.id}/equality`;
  const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
  const item = (label: string, field: 'ethnicity' | 'sexuality', asWritten: string) => ({
    referralId: referrals.get(label)!.id,
    reference: refOf(label),
    referredOn: CASES.find((c) => c.label === label)!.referredOn,
    field,
    asWritten,
  });
  const auditOf = async (action: string) =>
    (
      await app.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM audit_log WHERE action = $1',
        [action],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    const legacy = (label: string, words: { ethnicity?: string; sexuality?: string }) =>
      storeLegacyWords(app.db, app.services.crypto, referrals.get(label)!.id, words);
    await legacy('K', { sexuality: 'gay' });
    await legacy('N', { ethnicity: 'White British' });
    await legacy('C', { sexuality: '' });
  });

  it('lists exactly the words that name no category, heard or not, oldest first', async () => {
    const coordinator = await signIn(app, COORDINATOR);
    const list = await ok<{ areaName: string; items: unknown[] }>(coordinator(listPath()));
    expect(list.areaName).toBe('Northbrook and Wellfield');
    expect(list.items).toEqual([
      item('D', 'ethnicity', 'mixed race'),
      item('D', 'sexuality', 'straight'),
      item('J', 'ethnicity', 'Indian'),
      item('K', 'sexuality', 'gay'),
    ]);
    const audit = await app.db.query<{ action: string; record_id: string }>(
      `SELECT action, record_id FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({ action: 'referral.recode-list.read', record_id: areaId });
  });

  it('refuses the chair, a rep and an admin (403), before anything is read or changed', async () => {
    for (const email of [CHAIR, REP, ADMIN]) {
      const call = await signIn(app, email);
      expect([email, (await call(listPath())).status]).toEqual([email, 403]);
      const refused = await call(savePath('J'), put({ ethnicity: 'asian-indian' }));
      expect([email, refused.status]).toEqual([email, 403]);
    }
    expect(await auditOf('referral.recode-ethnicity')).toBe(0);
  });

  it.each([
    [{}, 'body', /^The request: choose a category for the ethnicity or the sexuality\.$/],
    [
      { ethnicity: 'Indian' },
      'body.ethnicity',
      /^Victim's ethnicity: choose one of the listed ethnic groups, or Not known\.$/,
    ],
    [{ sexuality: null }, 'body.sexuality', /^Victim's sexuality: choose one of the listed/],
    [{ ethnicity: 'asian-indian', words: 'Indian' }, 'body', /remove the field "words"/],
  ])('refuses the body %j in words', async (body, path, message) => {
    const coordinator = await signIn(app, COORDINATOR);
    const response = await coordinator(savePath('J'), put(body));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { message: string; details: { path: string }[] };
    };
    expect(error.details.map((d) => d.path)).toEqual([path]);
    expect(error.message).toMatch(message);
  });

  it('refuses a category where the referral has one, or had no words, in words that name no category (409)', async () => {
    const coordinator = await signIn(app, COORDINATOR);
    for (const [label, body] of [
      ['N', { ethnicity: 'white-irish' }],
      ['C', { sexuality: 'bisexual' }],
      // One field refused refuses the whole: K's sexuality is not saved either.
      ['K', { ethnicity: 'black-caribbean', sexuality: 'gay-or-lesbian' }],
    ] as const) {
      const response = await coordinator(savePath(label), put(body));
      expect([label, response.status]).toEqual([label, 409]);
      expect(await response.text()).not.toMatch(/White|Irish|British|Black|Bisexual|gay/i);
    }
    expect(await auditOf('referral.recode-sexuality')).toBe(0);
  });

  it('recodes in one step, keeps the words as first written, and the return counts the category', async () => {
    const coordinator = await signIn(app, COORDINATOR);
    const d = await ok<unknown>(
      coordinator(savePath('D'), put({ ethnicity: 'mixed-other', sexuality: 'heterosexual' })),
    );
    expect(d).toEqual({
      referralId: referrals.get('D')!.id,
      reference: refOf('D'),
      ethnicity: { category: 'mixed-other', asWritten: 'mixed race' },
      sexuality: { category: 'heterosexual', asWritten: 'straight' },
    });
    await ok(coordinator(savePath('J'), put({ ethnicity: 'asian-indian' })));
    // Again, the same: nothing more written or audited.
    const audited = await auditOf('referral.recode-ethnicity');
    expect(audited).toBe(2);
    await ok(coordinator(savePath('J'), put({ ethnicity: 'asian-indian' })));
    expect(await auditOf('referral.recode-ethnicity')).toBe(2);
    expect(await auditOf('referral.recode-sexuality')).toBe(1);
    // Another category over a recoded one is refused.
    expect((await coordinator(savePath('J'), put({ ethnicity: 'asian-other' }))).status).toBe(409);
    // The audit holds the field, never the words or the category.
    const audit = await app.db.query<{ row: string }>(
      `SELECT row_to_json(a)::text AS row FROM audit_log a WHERE action LIKE 'referral.recode%'`,
    );
    expect(audit.rows.length).toBeGreaterThan(0);
    for (const { row } of audit.rows)
      expect(row).not.toMatch(/mixed|straight|Indian|heterosexual|asian/i);

    const detail = await ok<{ form: { victim: { ethnicity?: string } }; asWritten: unknown }>(
      coordinator(`/api/referrals/${referrals.get('D')!.id}`),
    );
    expect(detail.form.victim.ethnicity).toBe('mixed-other');
    expect(detail.asWritten).toEqual({ ethnicity: 'mixed race', sexuality: 'straight' });

    const left = await ok<{ items: unknown[] }>(coordinator(listPath()));
    expect(left.items).toEqual([item('K', 'sexuality', 'gay')]);

    const answer = await ok<DataReturn>(
      coordinator(`/api/areas/${areaId}/data-return?quarter=2027-Q1`),
    );
    expect(answer.toRecode).toEqual({
      ethnicity: { count: 0, references: [] },
      sexuality: { count: 0, references: [] },
    });
    const refs = (labels: string) => [...labels].map(refOf);
    // D (mixed) and J (Indian) now count as minority ethnic, in the order the cases were heard.
    expect(answer.total.victims.bame).toEqual({
      count: 7,
      references: refs('BCDGIJL'),
      notKnown: { count: 1, references: refs('F') },
      notRecoded: { count: 0, references: [] },
    });
    // D is heterosexual: not LGBT+.
    expect(answer.total.victims.lgbt).toMatchObject({
      count: 4,
      notRecoded: { count: 0, references: [] },
    });
  });
});
