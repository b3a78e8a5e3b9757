import { randomUUID } from 'node:crypto';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

/**
 * Every create route, sent the same Idempotency-Key twice in a row and twice at once: one record
 * each time (one audited write), and the second answer is the first one again.
 */
let app: TestApp;
let call: (path: string, init?: RequestInit) => Promise<Response>;
/** The police's core rep, who answers research. */
let rep: (path: string, init?: RequestInit) => Promise<Response>;
/** The chair, who defers a case at the meeting. */
let chair: (path: string, init?: RequestInit) => Promise<Response>;
/** A person with the observer role in the area. */
let observerId: string;
let policeId: string;
let areaId: string;
let agencyId: string;
let meetings: string[];
let victims = 0;

const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';

async function writes(action: string): Promise<number> {
  const found = await app.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND outcome = 'ok'`,
    [action],
  );
  return found.rows[0]!.n;
}

/** A referral of a victim of its own (so no two match), submitted, as the coordinator. */
async function submitted(overrides: Record<string, unknown> = {}): Promise<string> {
  victims += 1;
  const form = referralForm({ areaId, referrerAgencyId: agencyId, ...overrides });
  form.victim = {
    ...form.victim,
    name: `Victim Number${'x'.repeat(victims)}`,
    dateOfBirth: `19${60 + victims}-01-0${(victims % 9) + 1}`,
  };
  const made = await call('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({ form, submit: true }),
  });
  expect(made.status).toBe(201);
  return ((await made.json()) as { id: string }).id;
}

/** A pair: a referral and a later one for the same victim, which has the first as its candidate. */
async function duplicatePair(): Promise<{ referralId: string; candidateId: string }> {
  victims += 1;
  const form = referralForm({ areaId, referrerAgencyId: agencyId });
  form.victim = { ...form.victim, name: `Twin Person${'y'.repeat(victims)}` };
  const post = async () =>
    (
      (await (
        await call('/api/referrals', {
          method: 'POST',
          body: JSON.stringify({ form, submit: true }),
        })
      ).json()) as { id: string }
    ).id;
  const candidateId = await post();
  return { referralId: await post(), candidateId };
}

/** An area of its own with no series yet, run by the same coordinator. */
async function areaWithoutSeries(name: string, code: string): Promise<string> {
  const id = randomUUID();
  await app.db.query(
    `INSERT INTO area (id, partnership_id, name, code, mailbox, protocol)
     SELECT $1, partnership_id, $2, $3, mailbox, protocol FROM area WHERE id = $4`,
    [id, name, code, areaId],
  );
  await app.db.query(
    `INSERT INTO area_role (area_id, person_id, role) SELECT $1, person_id, role FROM area_role WHERE area_id = $2`,
    [id, areaId],
  );
  return id;
}

interface Case {
  action: string;
  /** Who sends it: the coordinator unless the route is a rep's or the chair's. */
  as?: 'rep' | 'chair';
  /** Makes a fresh target and returns the request for it. */
  request: (round: number) => Promise<{ path: string; body: unknown }>;
}

/** An action owned by the police, as the chair records it. */
const policeAction = () => ({
  ownerAgencyId: policeId,
  ownerPerson: null,
  what: 'Flag the address for an urgent response',
  dueDate: '2027-06-01',
  dueTime: '10:00',
  risk: 'Further harm at the home address',
  urgent: null,
});

/** The chair records the police action on a case of a running meeting; its id. */
async function recordedAction(meetingId: string, referralId: string): Promise<string> {
  const made = await chair(`/api/meetings/${meetingId}/run/cases/${referralId}/actions`, {
    method: 'POST',
    body: JSON.stringify(policeAction()),
  });
  expect(made.status).toBe(201);
  return ((await made.json()) as { id: string }).id;
}

const cases: Record<string, Case> = {
  'post /api/referrals': {
    action: 'referral.submit',
    request: async (round) => {
      const form = referralForm({ areaId, referrerAgencyId: agencyId });
      form.victim = { ...form.victim, name: `Unique Person${'z'.repeat(round + 1)}` };
      return { path: '/api/referrals', body: { form, submit: true } };
    },
  },
  'post /api/referrals/{referralId}/accept': {
    action: 'referral.accept',
    request: async () => ({ path: `/api/referrals/${await submitted()}/accept`, body: {} }),
  },
  'post /api/referrals/{referralId}/decision': {
    action: 'referral.needs-information',
    request: async () => ({
      path: `/api/referrals/${await submitted()}/decision`,
      body: { decision: 'needs-information', note: 'Please add the school.' },
    }),
  },
  'post /api/referrals/{referralId}/duplicates/{candidateId}': {
    action: 'referral.duplicate-dismissed',
    request: async () => {
      const { referralId, candidateId } = await duplicatePair();
      return {
        path: `/api/referrals/${referralId}/duplicates/${candidateId}`,
        body: { decision: 'dismissed' },
      };
    },
  },
  'post /api/referrals/{referralId}/mappa-link': {
    action: 'referral.mappa-link',
    request: async () => {
      const form = referralForm({ areaId, referrerAgencyId: agencyId });
      const id = await submitted({
        perpetrators: [{ ...form.perpetrators[0]!, mappaLevel: '2' }],
      });
      return { path: `/api/referrals/${id}/mappa-link`, body: { note: 'MAPPA coordinator told.' } };
    },
  },
  'post /api/referrals/{referralId}/move': {
    action: 'referral.move',
    request: async () => {
      const id = await submitted();
      expect(
        (await call(`/api/referrals/${id}/accept`, { method: 'POST', body: '{}' })).status,
      ).toBe(200);
      // The area's last meeting: no other case here cancels or moves it.
      const target = (
        await app.db.query<{ id: string }>(
          `SELECT id FROM meeting WHERE area_id = $1 AND status = 'scheduled' ORDER BY date DESC LIMIT 1`,
          [areaId],
        )
      ).rows[0]!.id;
      return {
        path: `/api/referrals/${id}/move`,
        body: { meetingId: target, reason: 'Room booked' },
      };
    },
  },
  'post /api/areas/{areaId}/meetings': {
    action: 'meeting.add-extra',
    request: async (round) => ({
      path: `/api/areas/${areaId}/meetings`,
      body: { date: ['2027-01-07', '2027-01-14'][round], reason: 'Meetings full' },
    }),
  },
  'post /api/areas/{areaId}/series': {
    action: 'series.create',
    request: async (round) => ({
      path: `/api/areas/${await areaWithoutSeries(`Testmere ${round}`, `TM${'ABC'[round]}`)}/series`,
      body: { firstDate: '2027-01-05' },
    }),
  },
  'post /api/meetings/{meetingId}/move': {
    action: 'meeting.move',
    request: async (round) => ({
      path: `/api/meetings/${meetings[round]}/move`,
      body: { date: ['2026-12-16', '2026-12-31'][round], reason: 'Room booked' },
    }),
  },
  'post /api/meetings/{meetingId}/cancel': {
    action: 'meeting.cancel',
    request: async (round) => ({
      path: `/api/meetings/${meetings[round + 2]}/cancel`,
      body: { reason: 'Chair unavailable' },
    }),
  },
  'post /api/meetings/{meetingId}/agenda/publish': {
    action: 'agenda.publish',
    request: async (round) => ({
      path: `/api/meetings/${meetings[round + 4]}/agenda/publish`,
      body: {},
    }),
  },
  'post /api/meetings/{meetingId}/agenda/late-cases': {
    action: 'agenda.late-case',
    request: async (round) => {
      const id = await submitted();
      expect(
        (await call(`/api/referrals/${id}/accept`, { method: 'POST', body: '{}' })).status,
      ).toBe(200);
      return {
        path: `/api/meetings/${meetings[round + 6]}/agenda/late-cases`,
        body: { referralId: id, reason: 'A further incident last night' },
      };
    },
  },
  'post /api/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend': {
    action: 'agenda.resend',
    request: async (round) => {
      // A published agenda with one delivery that could not be made.
      const meetingId = meetings[round + 8]!;
      expect(
        (await call(`/api/meetings/${meetingId}/agenda/publish`, { method: 'POST', body: '{}' }))
          .status,
      ).toBe(201);
      const dead = await app.db.query<{ id: string }>(
        `UPDATE mail_delivery SET status = 'dead', last_error = 'HTTP 400'
          WHERE id = (SELECT d.id FROM mail_delivery d JOIN agenda_version v ON v.id = d.subject_id
                       WHERE v.meeting_id = $1 ORDER BY d.id LIMIT 1)
          RETURNING id::text AS id`,
        [meetingId],
      );
      return {
        path: `/api/meetings/${meetingId}/agenda/deliveries/${dead.rows[0]!.id}/resend`,
        body: {},
      };
    },
  },
  'post /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}/submit': {
    action: 'research.submit',
    as: 'rep',
    request: async () => {
      const { meetingId, referralId } = await caseOnMeeting();
      return {
        path: `/api/meetings/${meetingId}/research/${referralId}/agencies/${policeId}/submit`,
        body: { response: { knownToAgency: 'no', recordsFlagged: false } },
      };
    },
  },
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known': {
    action: 'research.nothing-known',
    as: 'rep',
    request: async () => {
      const { meetingId, referralId } = await caseOnMeeting();
      return {
        path: `/api/meetings/${meetingId}/research/agencies/${policeId}/nothing-known`,
        body: { referralIds: [referralId] },
      };
    },
  },
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/chase': {
    action: 'research.chase',
    request: async (round) => {
      // Research starts when the agenda is published.
      const meetingId = meetings[round + 10]!;
      expect(
        (await call(`/api/meetings/${meetingId}/agenda/publish`, { method: 'POST', body: '{}' }))
          .status,
      ).toBe(201);
      return { path: `/api/meetings/${meetingId}/research/agencies/${agencyId}/chase`, body: {} };
    },
  },
  'post /api/meetings/{meetingId}/observers': {
    action: 'meeting.observer',
    request: async (round) => ({
      path: `/api/meetings/${meetings[round]}/observers`,
      body: { personId: observerId },
    }),
  },
  'post /api/meetings/{meetingId}/run/cases/{referralId}/defer': {
    action: 'meeting.defer',
    as: 'chair',
    request: async () => {
      const { meetingId, referralId } = await runningCase();
      return {
        path: `/api/meetings/${meetingId}/run/cases/${referralId}/defer`,
        body: { reason: 'The police report is not ready' },
      };
    },
  },
  'post /api/meetings/{meetingId}/run/cases/{referralId}/actions': {
    action: 'meeting.action-recorded',
    as: 'chair',
    request: async () => {
      const { meetingId, referralId } = await runningCase();
      return {
        path: `/api/meetings/${meetingId}/run/cases/${referralId}/actions`,
        body: policeAction(),
      };
    },
  },
  'post /api/actions/{actionId}/update': {
    action: 'action.update',
    as: 'rep',
    request: async () => {
      const { meetingId, referralId } = await runningCase();
      const id = await recordedAction(meetingId, referralId);
      return {
        path: `/api/actions/${id}/update`,
        body: {
          outcome: 'update',
          dueDate: '2027-06-08',
          dueTime: '10:00',
          reason: 'Waiting for the housing officer',
          version: 1,
        },
      };
    },
  },
  'post /api/meetings/{meetingId}/minutes/circulate': {
    action: 'minutes.circulate',
    request: async (round) => {
      const meetingId = await closedWithApprovedMinutes(meetings[10 + round]!);
      return { path: `/api/meetings/${meetingId}/minutes/circulate`, body: { version: 2 } };
    },
  },
  'post /api/meetings/{meetingId}/action-plan/resend': {
    action: 'action-plan.resend',
    request: (round) => withDeadCopy(meetings[12 + round]!, 'action-plan'),
  },
  'post /api/meetings/{meetingId}/minutes/resend': {
    action: 'minutes.resend',
    request: (round) => withDeadCopy(meetings[14 + round]!, 'minutes'),
  },
};

/**
 * A closed meeting whose action plan (one police action) or circulated minutes has a copy the
 * mailbox refused for good: what a resend needs.
 */
async function withDeadCopy(meetingId: string, kind: 'action-plan' | 'minutes') {
  await closedWithApprovedMinutes(meetingId, async (referralId) => {
    if (kind === 'action-plan') await recordedAction(meetingId, referralId);
  });
  if (kind === 'minutes') {
    const circulated = await send(
      `/api/meetings/${meetingId}/minutes/circulate`,
      { version: 2 },
      randomUUID(),
    );
    expect(circulated.status).toBe(200);
  }
  const copies = `FROM mail_delivery WHERE purpose = $2
      AND subject_id IN (SELECT id FROM meeting_document WHERE meeting_id = $1)`;
  // Once the delivery worker has done with the copies, the mailbox is taken to refuse them.
  for (let i = 0; i < 100; i += 1) {
    const waiting = await app.db.query(`SELECT 1 ${copies} AND status = 'queued'`, [
      meetingId,
      kind,
    ]);
    if (waiting.rows.length === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const dead = await app.db.query<{ agency_id: string }>(
    `UPDATE mail_delivery SET status = 'dead', last_error = 'HTTP 400 ErrorInvalidRecipients'
      WHERE id = (SELECT id ${copies} ORDER BY id LIMIT 1) RETURNING agency_id`,
    [meetingId, kind],
  );
  return {
    path: `/api/meetings/${meetingId}/${kind}/resend`,
    body: { agencyId: dead.rows[0]!.agency_id },
  };
}

/**
 * A meeting of its own, heard and closed by the chair, whose minutes' draft the coordinator has
 * approved (version 2): what circulation needs.
 */
async function closedWithApprovedMinutes(
  meetingId: string,
  beforeClose: (referralId: string) => Promise<void> = async () => undefined,
): Promise<string> {
  const { referralId } = await caseOnMeeting();
  expect(
    (
      await call(`/api/referrals/${referralId}/move`, {
        method: 'POST',
        body: JSON.stringify({ meetingId, reason: 'Room booked' }),
      })
    ).status,
  ).toBe(200);
  await runningCase({ meetingId, referralId });
  const sent = async (who: typeof call, path: string, method: string, body: unknown) => {
    const answer = await who(path, { method, body: JSON.stringify(body) });
    expect([path, answer.status]).toEqual([path, 200]);
  };
  // Heard (written straight into the store, as the run above): the chair may close.
  await beforeClose(referralId);
  await app.db.query(`UPDATE meeting_case SET state = 'heard' WHERE meeting_id = $1`, [meetingId]);
  await sent(chair, `/api/meetings/${meetingId}/run/close`, 'POST', {});
  await sent(call, `/api/meetings/${meetingId}/minutes`, 'PUT', { action: 'approve', version: 1 });
  return meetingId;
}

/**
 * A case on a meeting that is running, the chair confirmed: the run and its running order are
 * written straight into the store (the meeting is days ahead of this test's clock).
 */
async function runningCase(onMeeting?: {
  meetingId: string;
  referralId: string;
}): Promise<{ meetingId: string; referralId: string }> {
  const { meetingId, referralId } = onMeeting ?? (await caseOnMeeting());
  await app.db.query(
    `INSERT INTO meeting_run (meeting_id, state, started_at, version)
     VALUES ($1, 'in-progress', now(), 2) ON CONFLICT (meeting_id) DO NOTHING`,
    [meetingId],
  );
  await app.db.query(
    `INSERT INTO meeting_case (meeting_id, referral_id, case_id, position, reference, has_children, state)
     SELECT $1, id, case_id, 1, reference, false, 'waiting' FROM referral WHERE id = $2`,
    [meetingId, referralId],
  );
  const confirmed = await chair(`/api/meetings/${meetingId}/confidentiality`, {
    method: 'POST',
    body: JSON.stringify({ confirm: true }),
  });
  expect(confirmed.status).toBe(200);
  return { meetingId, referralId };
}

/** A case accepted onto its meeting, for the police rep to answer: its meeting and id. */
async function caseOnMeeting(): Promise<{ meetingId: string; referralId: string }> {
  const referralId = await submitted();
  expect(
    (await call(`/api/referrals/${referralId}/accept`, { method: 'POST', body: '{}' })).status,
  ).toBe(200);
  const found = await app.db.query<{ meeting_id: string }>(
    'SELECT meeting_id FROM referral WHERE id = $1',
    [referralId],
  );
  return { meetingId: found.rows[0]!.meeting_id, referralId };
}

const send = (path: string, body: unknown, key: string, as?: 'rep' | 'chair') =>
  (as === 'rep' ? rep : as === 'chair' ? chair : call)(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'idempotency-key': key },
  });

beforeAll(async () => {
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  call = await signIn(app, COORDINATOR);
  rep = await signIn(app, 'dana.whitcombe@police.example');
  chair = await signIn(app, 'inspector.amos.kettering@police.example');
  areaId = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`,
    )
  ).rows[0]!.id;
  agencyId = (
    await app.db.query<{ id: string }>(
      `SELECT aa.agency_id AS id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
        WHERE aa.area_id = $1 AND g.name = 'Haven Refuge'`,
      [areaId],
    )
  ).rows[0]!.id;
  policeId = (
    await app.db.query<{ id: string }>(
      `SELECT aa.agency_id AS id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
        WHERE aa.area_id = $1 AND g.kind = 'police'`,
      [areaId],
    )
  ).rows[0]!.id;
  observerId = (
    await app.db.query<{ id: string }>(
      `SELECT person_id AS id FROM area_role WHERE area_id = $1 AND role = 'observer'`,
      [areaId],
    )
  ).rows[0]!.id;
  meetings = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM meeting WHERE area_id = $1 AND status = 'scheduled' ORDER BY date LIMIT 16`,
      [areaId],
    )
  ).rows.map((r) => r.id);
}, 120_000);
afterAll(() => app.stop());

it('lists the Idempotency-Key header on every create route of the OpenAPI description', async () => {
  const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>>;
  };
  const withKey = Object.entries(document.paths).flatMap(([p, ops]) =>
    Object.entries(ops)
      .filter(([, op]) =>
        op.parameters.some((x) => x.name === 'Idempotency-Key' && x.in === 'header'),
      )
      .map(([m]) => `${m} ${p}`),
  );
  expect(withKey.sort()).toEqual(Object.keys(cases).sort());
});

describe.each(Object.keys(cases))('%s', (route) => {
  const { action, request, as } = cases[route]!;

  it('writes once for the same key sent twice, and answers the second with the first answer', async () => {
    const { path, body } = await request(0);
    const key = randomUUID();
    const before = await writes(action);
    const first = await send(path, body, key, as);
    expect(first.status).toBeLessThan(300);
    const firstBody: unknown = await first.json();
    const again = await send(path, body, key, as);
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect((await writes(action)) - before).toBe(1);
    // The same key for another body is refused, naming the header, and writes nothing.
    const other = await send(path, { ...(body as object), note: 'x' }, key, as);
    expect([400, 422]).toContain(other.status);
    expect((await writes(action)) - before).toBe(1);
  });

  it('writes once for the same key sent twice at once, and both get the same answer', async () => {
    const { path, body } = await request(1);
    const key = randomUUID();
    const before = await writes(action);
    const [a, b] = await Promise.all([send(path, body, key, as), send(path, body, key, as)]);
    expect(a.status).toBeLessThan(300);
    expect(b.status).toBe(a.status);
    expect(await b.json()).toEqual(await a.json());
    expect((await writes(action)) - before).toBe(1);
  });
});

it('refuses the same key with a different body with a 422 that says so', async () => {
  const { path, body } = await cases['post /api/areas/{areaId}/meetings']!.request(0);
  const key = randomUUID();
  const first = await send(path, { ...(body as object), date: '2027-01-21' }, key);
  expect(first.status).toBe(201);
  const other = await send(path, { ...(body as object), date: '2027-01-28' }, key);
  expect(other.status).toBe(422);
  const { error } = (await other.json()) as { error: { message: string; correlationId?: string } };
  expect(error.message).toMatch(/Idempotency-Key was already used for a different request/);
  expect(error.correlationId).toBeUndefined();
});

it('keeps no key for a failed request, so it can be retried with the same key', async () => {
  const key = randomUUID();
  const path = `/api/areas/${areaId}/meetings`;
  const past = await send(path, { date: '2026-11-02', reason: 'Meetings full' }, key);
  expect(past.status).toBe(400);
  const rows = await app.db.query('SELECT 1 FROM idempotency_key WHERE key = $1', [key]);
  expect(rows.rows).toHaveLength(0);
  const retried = await send(path, { date: '2027-02-04', reason: 'Meetings full' }, key);
  expect(retried.status).toBe(201);
});

it('refuses a key that is not a plain token', async () => {
  const response = await send(
    `/api/areas/${areaId}/meetings`,
    { date: '2027-02-11', reason: 'x' },
    'a b',
  );
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
    /^Idempotency-Key: use/,
  );
});

it('keeps the answer encrypted', async () => {
  const rows = await app.db.query<{ response: string }>(
    'SELECT response FROM idempotency_key WHERE response IS NOT NULL',
  );
  expect(rows.rows.length).toBeGreaterThan(0);
  for (const row of rows.rows) expect(row.response).toMatch(/^enc:v1:/);
});
