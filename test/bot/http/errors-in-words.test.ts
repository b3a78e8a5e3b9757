import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

/**
 * What a person reads when a request is refused: the field in words and what to do, never a
 * library's text, a path like victim.address.postcode, or (on a 4xx) a correlation id. And what
 * a careless or hostile client gets for a body that cannot be read: our JSON, never a stack page.
 */
let app: TestApp;
let call: (path: string, init?: RequestInit) => Promise<Response>;
let areaId: string;
let agencyId: string;

type ApiError = {
  error: {
    code: string;
    message: string;
    details?: { path: string; message: string }[];
    correlationId?: string;
  };
};

const LIBRARY_TEXT =
  /Too small|Too big|Invalid|expected|received|>=|<=|\bUUID\b|[a-z]+\.[a-z]+\.[a-z]+/;

beforeAll(async () => {
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  call = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  areaId = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`,
    )
  ).rows[0]!.id;
  agencyId = (
    await app.db.query<{ id: string }>(
      'SELECT agency_id AS id FROM area_agency WHERE area_id = $1 LIMIT 1',
      [areaId],
    )
  ).rows[0]!.id;
}, 120_000);
afterAll(() => app.stop());

async function refused(response: Response, status = 400): Promise<ApiError['error']> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const { error } = (await response.json()) as ApiError;
  expect(error.correlationId).toBeUndefined();
  expect(error.message).not.toMatch(LIBRARY_TEXT);
  for (const detail of error.details ?? []) expect(detail.message).not.toMatch(LIBRARY_TEXT);
  return error;
}

const submit = (change: (form: ReturnType<typeof referralForm>) => void) => {
  const form = referralForm({ areaId, referrerAgencyId: agencyId });
  change(form);
  return call('/api/referrals', { method: 'POST', body: JSON.stringify({ form, submit: true }) });
};

describe('the referral form', () => {
  it.each([
    [
      'a postcode that is not a UK one',
      (f: any) => (f.victim.address.postcode = 'ABCDEFG'),
      'body.form.victim.address.postcode',
      "Victim's postcode: use a UK postcode such as NB4 7QX.",
    ],
    [
      'a name of only spaces and invisible characters',
      (f: any) => (f.victim.name = ' \u200b\u00ad '),
      'body.form.victim.name',
      /^Victim's name: use letters/,
    ],
    [
      'an empty name',
      (f: any) => (f.perpetrators[0].name = '   '),
      'body.form.perpetrators.0.name',
      'Name of person causing harm 1: enter a value.',
    ],
    [
      'a phone number that is not one',
      (f: any) => (f.referrerPhone = 'call me maybe'),
      'body.form.referrerPhone',
      /^Your phone number: use a UK phone number such as 01632 960001/,
    ],
    [
      'text over its limit',
      (f: any) => (f.reasonsForReferral = 'x'.repeat(4001)),
      'body.form.reasonsForReferral',
      'Reasons for referral: use 4,000 characters or fewer.',
    ],
    [
      'an unanswered choice',
      (f: any) => delete f.victim.gender,
      'body.form.victim.gender',
      "Victim's gender: choose an answer.",
    ],
    [
      'an area that is not an id',
      (f: any) => (f.referrerAgencyId = 'nope'),
      'body.form.referrerAgencyId',
      'Your agency: choose one from the list.',
    ],
  ])('refuses %s, naming the field in words', async (_what, change, path, message) => {
    const error = await refused(await submit(change));
    expect(error.details![0]!.path).toBe(path);
    expect(error.details![0]!.message).toMatch(message);
    expect(error.message).toMatch(message);
  });

  it('accepts UK and international phone numbers and postcodes in any case', async () => {
    const response = await submit((f: any) => {
      f.referrerPhone = '+33 1 23 45 67 89';
      f.victim.phone = '(01632) 960-001';
      f.victim.address.postcode = 'nb47qx';
    });
    expect(response.status).toBe(201);
  });

  it.each([
    [
      "victim's",
      (f: any) => (f.victim.dateOfBirth = '1899-12-31'),
      'victim.dateOfBirth',
      /^Victim's date of birth: enter a date after 1900/,
    ],
    [
      "victim's",
      (f: any) => (f.victim.dateOfBirth = '2030-01-01'),
      'victim.dateOfBirth',
      /^Victim's date of birth: enter a date in the past/,
    ],
    [
      "victim's",
      (f: any) => (f.victim.dateOfBirth = '2012-01-01'),
      'victim.dateOfBirth',
      /^Victim's date of birth: the victim is under 16/,
    ],
    [
      "child's",
      (f: any) => {
        f.children = [
          {
            name: 'Fictional Child',
            dateOfBirth: '2001-01-01',
            relationshipToVictim: 'son',
            relationshipToPerpetrator: 'son',
            livesInHousehold: true,
          },
        ];
        f.childrensServicesReferralMade = true;
      },
      'children.0.dateOfBirth',
      /^Child 1's date of birth: enter the date of a child under 18/,
    ],
  ])('bounds a %s date of birth, and stores nothing', async (_who, change, path, message) => {
    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
    const error = await refused(await submit(change));
    expect(error.details).toContainEqual({ path, message: expect.stringMatching(message) });
    const after = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });
});

describe('meeting dates', () => {
  it('refuses an extra meeting dated 9999-12-31, stores nothing, and the meeting list still works', async () => {
    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting');
    const error = await refused(
      await call(`/api/areas/${areaId}/meetings`, {
        method: 'POST',
        body: JSON.stringify({ date: '9999-12-31', reason: 'Meetings full' }),
      }),
    );
    expect(error.details).toEqual([
      {
        path: 'date',
        message:
          'Meeting date: choose a date within two years from today, on or before 1 December 2028.',
      },
    ]);
    const after = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    expect((await call(`/api/areas/${areaId}/meetings`)).status).toBe(200);
  });

  it('refuses a move more than two years ahead', async () => {
    const meeting = (
      await app.db.query<{ id: string }>(
        'SELECT id FROM meeting WHERE area_id = $1 ORDER BY date LIMIT 1',
        [areaId],
      )
    ).rows[0]!.id;
    const error = await refused(
      await call(`/api/meetings/${meeting}/move`, {
        method: 'POST',
        body: JSON.stringify({ date: '2029-01-02', reason: 'Room booked' }),
      }),
    );
    expect(error.details![0]!.message).toMatch(/^Meeting date: choose a date within two years/);
  });
});

describe('agency delivery modes', () => {
  it('keeps a use case’s message that already names its field, on the field’s path', async () => {
    const error = await refused(
      await call(`/api/areas/${areaId}/agencies/${agencyId}/delivery`, {
        method: 'PUT',
        body: JSON.stringify({ mode: 'smime', certificatePem: 'not a certificate' }),
      }),
    );
    expect(error.details).toHaveLength(1);
    expect(error.details![0]!.path).toBe('body.certificatePem');
    expect(error.details![0]!.message).toMatch(/^Certificate: this is not a certificate\./);
  });
});

/** Sends raw bytes with the headers given, as a client that lies about its body would. */
function raw(path: string, headers: Record<string, string>, body: Buffer) {
  const url = new URL(`${app.url}${path}`);
  return new Promise<{ status: number; type: string; text: string }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () =>
          resolve({ status: res.statusCode!, type: String(res.headers['content-type']), text }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('bodies that cannot be read', () => {
  const json = Buffer.from(
    JSON.stringify({ email: 'rosalind.marsh@riverside-partnership.example' }),
  );
  it.each([
    ['gzip with a body that is not gzip', 'gzip', json],
    ['br', 'br', json],
    ['an unknown encoding', 'x-squash', json],
    ['deflate with a gzip body cut short', 'deflate', gzipSync(json).subarray(0, 8)],
  ])('answers Content-Encoding %s with our JSON 400', async (_what, encoding, body) => {
    const answer = await raw(
      '/api/dev/sign-in',
      {
        'content-type': 'application/json',
        'content-encoding': encoding,
        'content-length': String(body.length),
      },
      body,
    );
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/^application\/json/);
    const { error } = JSON.parse(answer.text) as ApiError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).not.toMatch(/<|at |node_modules|zlib|Error/);
  });

  it('still reads a body that is really gzip', async () => {
    const body = gzipSync(json);
    const answer = await raw(
      '/api/dev/sign-in',
      {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'content-length': String(body.length),
      },
      body,
    );
    expect(answer.status).toBe(200);
  });

  it.each([
    ['malformed JSON', '{"email":'],
    ['a body too large', JSON.stringify({ email: 'x'.repeat(200_000) })],
  ])('answers %s in our JSON shape', async (_what, body) => {
    const answer = await raw(
      '/api/dev/sign-in',
      { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      Buffer.from(body),
    );
    expect([400, 413]).toContain(answer.status);
    expect((JSON.parse(answer.text) as ApiError).error.message).toMatch(/^The request body/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a %s key at any depth with a 400',
    async (key) => {
      const form = referralForm({ areaId, referrerAgencyId: agencyId }) as any;
      const nested = `{"form":${JSON.stringify(form).replace('"name":', `"name":"x","deep":{"${key}":{"polluted":true}},"x":`)},"submit":false}`;
      const error = await refused(await call('/api/referrals', { method: 'POST', body: nested }));
      expect(error.message).toMatch(new RegExp(`"${key}", which is never allowed`));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
