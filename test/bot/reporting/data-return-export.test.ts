import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { CSV_HEADER } from '#core/reporting/data-return-csv.js';
import { prepareDataReturn, runDataReturn } from '../../../bot/src/cli/data-return.js';
import { readCsv } from '../../support/csv.js';
import {
  ADMIN,
  CHAIR,
  COORDINATOR,
  quarterNameWords,
  startQuarterApp,
  type QuarterApp,
} from '../../support/data-return-app.js';
import {
  EXPECTED_Q1,
  expectedQ1Rows,
  type ExpectedRow,
} from '../../support/data-return-quarter.js';
import { signIn } from '../../support/start-app.js';

/*
 * The data return's downloads (issue #13): CSV and an Excel workbook from the API, on the
 * generated quarter (test/support/data-return-quarter.ts). Every figure is compared with the
 * answers written out by hand there, not with the app's own JSON; the workbook is read back by
 * read-excel-file and tested as a zip by Info-ZIP's unzip, two readers that are not the writer.
 */

let q: QuarterApp;
let files: string;

beforeAll(async () => {
  q = await startQuarterApp();
  files = await mkdtemp(path.join(tmpdir(), 'marac-return-'));
}, 240_000);
afterAll(async () => {
  await q.app.stop();
  await rm(files, { recursive: true, force: true });
});

const MEDIA = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/** The case references of a string of labels. */
const refs = (labels: string) => [...labels].map(q.refOf);
const RECORD_WORDS: Record<string, string> = {
  closed: 'Closed',
  'in-progress': 'Not closed',
  'not-started': 'No record of the meeting',
};

async function download(email: string, kind: 'csv' | 'xlsx', quarter = '2027-Q1') {
  const call = await signIn(q.app, email);
  return call(`/api/areas/${q.areaId}/data-return.${kind}?quarter=${quarter}`);
}

const lastAudit = async () =>
  (
    await q.app.db.query<{ action: string; record_id: string }>(
      `SELECT action, record_id FROM audit_log WHERE action LIKE 'data-return.%' ORDER BY id DESC LIMIT 1`,
    )
  ).rows[0];

const unzipTest = (file: string) =>
  new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile('unzip', ['-t', file], (error, stdout) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
    );
  });

function expectSent(response: Response, kind: 'csv' | 'xlsx') {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe(MEDIA[kind]);
  expect(response.headers.get('content-disposition')).toBe(
    `attachment; filename="marac-data-return-NBW-2027-Q1.${kind}"`,
  );
  expect(response.headers.get('cache-control')).toBe('no-store');
}

describe('GET /api/areas/{areaId}/data-return.csv', () => {
  it("gives the coordinator every figure right, with the cases behind it, in the command line's rows", async () => {
    const response = await download(COORDINATOR, 'csv');
    expectSent(response, 'csv');
    expect(await lastAudit()).toEqual({
      action: 'data-return.export-csv-cases',
      record_id: q.areaId,
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    // A UTF-8 byte order mark, so that Excel reads the text as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const request = prepareDataReturn(['--area', 'NBW', '--quarter', '2027-Q1', '--csv']);
    if ('exitCode' in request) throw new Error(request.stderr);
    expect(text).toBe((await runDataReturn(q.app.db, q.app.services.crypto, request)).stdout);

    const [header, ...rows] = readCsv(text);
    expect(header).toEqual([...CSV_HEADER]);
    const row = (scope: string, date: string, figure: string, detail: string) => {
      const found = rows.filter(
        (r) => r[0] === scope && r[1] === date && r[3] === figure && r[4] === detail,
      );
      expect(found).toHaveLength(1);
      return found[0]!;
    };
    const words = (s: string) => (s === '' ? [] : s.split(' '));
    const wanted = expectedQ1Rows();
    for (const w of wanted) {
      const r = row('quarter', '', w.figure, w.detail);
      expect({ figure: w.figure, detail: w.detail, fields: r.slice(5) }).toEqual({
        figure: w.figure,
        detail: w.detail,
        fields: [
          String(w.count),
          w.notKnown === null ? '' : String(w.notKnown),
          w.notRecoded === null ? '' : String(w.notRecoded),
          refs(w.cases).join(' '),
          refs(w.notKnownCases).join(' '),
          refs(w.notRecodedCases).join(' '),
        ],
      });
    }
    // No other row of the quarter: every figure it gives is one written out by hand.
    expect(rows.filter((r) => r[0] === 'quarter')).toHaveLength(wanted.length);
    for (const m of EXPECTED_Q1.meetings) {
      const heard = row('meeting', m.date, 'cases-heard', '');
      expect([heard[2], heard[5], words(heard[8]!)]).toEqual([
        m.record,
        String(m.heard.length),
        refs(m.heard),
      ]);
      const deferred = row('meeting', m.date, 'deferred', '');
      expect([deferred[5], words(deferred[8]!)]).toEqual([
        String(m.deferred.length),
        refs(m.deferred),
      ]);
    }
    expect(new Set(rows.filter((r) => r[0] === 'meeting').map((r) => r[1]))).toEqual(
      new Set(EXPECTED_Q1.meetings.map((m) => m.date)),
    );
    for (const word of quarterNameWords()) expect(text).not.toContain(word);
  });

  it('gives an admin the same counts without a single case reference, audited as such', async () => {
    const response = await download(ADMIN, 'csv');
    expectSent(response, 'csv');
    const text = (await response.text()).replace(/^\uFEFF/, '');
    expect(text).not.toContain('NBW-');
    const [, ...rows] = readCsv(text);
    for (const w of expectedQ1Rows()) {
      const r = rows.find((x) => x[0] === 'quarter' && x[3] === w.figure && x[4] === w.detail)!;
      expect(r.slice(5)).toEqual([
        String(w.count),
        w.notKnown === null ? '' : String(w.notKnown),
        w.notRecoded === null ? '' : String(w.notRecoded),
        '',
        '',
        '',
      ]);
    }
    expect((await lastAudit())!.action).toBe('data-return.export-csv');
  });
});

describe('GET /api/areas/{areaId}/data-return.xlsx', () => {
  const sheetsOf = async (response: Response, name: string) => {
    const bytes = Buffer.from(await response.arrayBuffer());
    const file = path.join(files, name);
    await writeFile(file, bytes);
    return { file, sheets: await readXlsxFile(bytes) };
  };
  type Cells = (string | number | boolean | Date | null)[];
  /** The rows below the header whose first cell is `first`, as objects by the header's words. */
  function table(data: Cells[], first: string) {
    const at = data.findIndex((r) => r[0] === first);
    expect(at).toBeGreaterThanOrEqual(0);
    const header = data[at]!.map(String);
    return {
      header,
      rows: data
        .slice(at + 1)
        .filter((r) => r.some((c) => c !== null))
        .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? null]))),
    };
  }
  const wantedCells = (w: ExpectedRow, references: boolean) => ({
    Figure: w.label,
    Count: w.count,
    'Not known': w.notKnown,
    'Not recoded': w.notRecoded,
    ...(references
      ? {
          Cases: refs(w.cases).join(' ') || null,
          'Cases not known': refs(w.notKnownCases).join(' ') || null,
          'Cases not recoded': refs(w.notRecodedCases).join(' ') || null,
        }
      : {}),
  });

  it('gives the coordinator a workbook that opens as a zip, every figure a number and right', async () => {
    const response = await download(COORDINATOR, 'xlsx');
    expectSent(response, 'xlsx');
    const { file, sheets } = await sheetsOf(response, 'coordinator.xlsx');
    const tested = await unzipTest(file);
    expect(tested.stdout).toContain('No errors detected');
    expect(tested.code).toBe(0);

    expect(sheets.map((s) => s.sheet)).toEqual(['Quarter totals', 'Meetings']);
    const totals = sheets[0]!.data as Cells[];
    expect(totals[0]![0]).toBe('SafeLives MARAC data return');
    const field = (name: string) => totals.find((r) => r[0] === name)?.[1];
    expect(field('Area')).toBe('Northbrook and Wellfield (NBW)');
    expect(field('Quarter')).toBe('2027-Q1');
    expect(field('From')).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(field('To')).toEqual(new Date('2027-03-31T00:00:00Z'));
    expect(field('Meetings')).toBe(6);
    const warnings = totals.filter((r) => r[0] === 'Warning').map((r) => r[1]);
    expect(warnings).toEqual([
      expect.stringMatching(/^The meeting on Tuesday 9 February 2027 has no record of being held/),
      expect.stringMatching(/^The meeting on Tuesday 9 March 2027 is not closed/),
    ]);

    const { header, rows } = table(totals, 'Figure');
    expect(header).toEqual([
      'Figure',
      'Count',
      'Not known',
      'Not recoded',
      'Cases',
      'Cases not known',
      'Cases not recoded',
    ]);
    expect(rows).toEqual(expectedQ1Rows().map((w) => wantedCells(w, true)));

    const meetings = table(sheets[1]!.data as Cells[], 'Meeting date');
    for (const m of EXPECTED_Q1.meetings) {
      const of = (figure: string) =>
        meetings.rows.find(
          (r) =>
            (r['Meeting date'] as Date).toISOString().slice(0, 10) === m.date &&
            r.Figure === figure,
        )!;
      expect(of('Cases heard')).toMatchObject({
        Record: RECORD_WORDS[m.record],
        Count: m.heard.length,
        Cases: refs(m.heard).join(' ') || null,
      });
      expect(of('Deferred to a later meeting (not counted)')).toMatchObject({
        Count: m.deferred.length,
        Cases: refs(m.deferred).join(' ') || null,
      });
    }
    const text = JSON.stringify(sheets);
    for (const word of quarterNameWords()) expect(text).not.toContain(word);
    expect(await lastAudit()).toEqual({
      action: 'data-return.export-xlsx-cases',
      record_id: q.areaId,
    });
  });

  it('gives an admin the counts with no column of case references', async () => {
    const response = await download(ADMIN, 'xlsx');
    expectSent(response, 'xlsx');
    const { file, sheets } = await sheetsOf(response, 'admin.xlsx');
    expect((await unzipTest(file)).code).toBe(0);
    expect(JSON.stringify(sheets)).not.toContain('NBW-');
    const { header, rows } = table(sheets[0]!.data as Cells[], 'Figure');
    expect(header).toEqual(['Figure', 'Count', 'Not known', 'Not recoded']);
    expect(rows).toEqual(expectedQ1Rows().map((w) => wantedCells(w, false)));
    expect(table(sheets[1]!.data as Cells[], 'Meeting date').header).not.toContain('Cases');
    expect((await lastAudit())!.action).toBe('data-return.export-xlsx');
  });
});

describe.each(['csv', 'xlsx'] as const)('the %s download refuses', (kind) => {
  it('the chair (403) in words, and audits the refusal', async () => {
    const response = await download(CHAIR, kind);
    expect(response.status).toBe(403);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toBe('Your role in this MARAC area does not allow this.');
    const denied = await q.app.db.query<{ action: string; outcome: string }>(
      `SELECT action, outcome FROM audit_log ORDER BY id DESC LIMIT 1`,
    );
    expect(denied.rows[0]).toEqual({
      action: `api.get.areas.areaid.data-return.${kind}`,
      outcome: 'denied',
    });
  });

  it('a quarter that is not one (400), naming the field in words', async () => {
    const response = await download(COORDINATOR, kind, '2027-Q5');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const { error } = (await response.json()) as {
      error: { message: string; details: { path: string }[] };
    };
    expect(error.message).toMatch(/^Quarter: use a quarter such as 2027-Q1/);
    expect(error.details.map((d) => d.path)).toEqual(['query.quarter']);
  });
});
