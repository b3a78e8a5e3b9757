import fc from 'fast-check';
import { z } from 'zod';
import * as actionContract from '#core/contracts/action-api.js';
import * as agendaContract from '#core/contracts/agenda-api.js';
import * as chasingContract from '#core/contracts/chasing-api.js';
import * as retentionContract from '#core/contracts/retention-api.js';
import * as contract from '#core/contracts/api.js';
import * as dashboardContract from '#core/contracts/dashboard-api.js';
import * as documentContract from '#core/contracts/document-api.js';
import * as meetingContract from '#core/contracts/meeting-api.js';
import * as recodeContract from '#core/contracts/recode-api.js';
import * as referralContract from '#core/contracts/referral.js';
import * as researchContract from '#core/contracts/research-api.js';
import * as subjectAccessContract from '#core/contracts/subject-access-api.js';
import { referralForm } from '../referrals/fixtures.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/**
 * Thousands of malformed requests at every route of the OpenAPI description, as the coordinator
 * (the caller allowed the most): never a 5xx, and not one row written or changed (but for the
 * audit of refused requests).
 */
let app: TestApp;
let call: (path: string, init?: RequestInit) => Promise<Response>;
let routes: { method: string; path: string; hasBody: boolean }[];
let ids: Record<string, string>;

async function fingerprint(): Promise<string> {
  await app.services.drainOutbox(); // jobs of the setup's own referral are sent first
  const tables = await app.db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('audit_log', 'refused_request')
      ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const sum = await app.db.query<{ n: number; digest: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table_name} t`,
    );
    parts.push(`${table_name}:${sum.rows[0]!.n}:${sum.rows[0]!.digest}`);
  }
  return parts.join('\n');
}

const wrongValues = fc.oneof(
  fc.constantFrom(
    null,
    true,
    -1,
    1e308,
    '',
    ' ',
    '2026-02-30',
    'x'.repeat(5000),
    [],
    {},
    { $gt: '' },
  ),
  fc.anything({ maxDepth: 2 }),
);

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin'),
  fc.string({ minLength: 1, maxLength: 12 }),
);

/** An action as the meeting agrees it (the ids need not exist: every body here is refused). */
const meetingAction = {
  ownerAgencyId: '00000000-0000-4000-8000-000000000001',
  ownerPerson: null,
  what: 'Flag the address',
  dueDate: '2027-06-01',
  dueTime: '10:00',
  risk: 'Further harm',
  urgent: null,
};

const validBodies: Record<string, unknown> = {
  'put /api/areas/{areaId}/protocol': null, // filled in from the area
  'post /api/areas/{areaId}/series': { firstDate: '2027-01-04' },
  'put /api/areas/{areaId}/agencies/{agencyId}/reps': {
    coreRep: { name: 'Corinne Achterberg', email: 'corinne.achterberg@haven.example' },
    deputyRep: null,
  },
  'post /api/meetings/{meetingId}/move': { date: '2027-01-06', reason: 'Room booked' },
  'post /api/meetings/{meetingId}/cancel': { reason: 'Chair unavailable' },
  'post /api/referrals/{referralId}/move': {
    meetingId: '00000000-0000-4000-8000-000000000001',
    reason: 'Needs the housing rep',
  },
  'post /api/schedule/preview': {
    cadence: { kind: 'fortnightly', weekday: 'tuesday' },
    start: '2027-01-04',
    count: 2,
  },
  'post /api/dev/sign-in': { email: 'rosalind.marsh@riverside-partnership.example' },
  'post /api/referrals': null, // filled in once the area is known
  'put /api/referrals/{referralId}': null,
  'post /api/referrals/{referralId}/accept': { confirmOverCapacity: false },
  'post /api/referrals/{referralId}/decision': {
    decision: 'needs-information',
    note: 'Please add the school.',
  },
  'post /api/referrals/{referralId}/duplicates/{candidateId}': { decision: 'dismissed' },
  'post /api/referrals/{referralId}/mappa-link': { note: 'MAPPA coordinator informed.' },
  'post /api/areas/{areaId}/meetings': { date: '2027-01-07', reason: 'Meetings full' },
  'put /api/areas/{areaId}/agencies/{agencyId}/delivery': { mode: 'password' },
  'put /api/meetings/{meetingId}/agencies/{agencyId}/core-rep-absent': { absent: true },
  'put /api/meetings/{meetingId}/agencies': {
    agencyIds: ['00000000-0000-4000-8000-000000000001'],
    chairIds: [],
    idvaIds: [],
  },
  'put /api/meetings/{meetingId}/agenda/order': { order: [] },
  'post /api/meetings/{meetingId}/agenda/late-cases': {
    referralId: '00000000-0000-4000-8000-000000000001',
    reason: 'Urgent: a further incident',
  },
  'post /api/meetings/{meetingId}/agenda/publish': {},
  'post /api/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend': {},
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/chase': {},
  'put /api/areas/{areaId}/risk-settings': {
    questionSet: 'safelives-24',
    mediumThreshold: 10,
    highThreshold: 14,
    escalationIncidents: 3,
    escalationWindowMonths: 12,
  },
  'put /api/areas/{areaId}/research-settings': {
    sharing: 'at-meeting',
    deputies: 'when-core-absent',
    reminderDays: [3, 1],
  },
  'put /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}': {
    response: { currentInvolvement: 'Known since 2024' },
  },
  'post /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}/submit': {
    response: { knownToAgency: 'no', recordsFlagged: false },
  },
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known': {
    referralIds: ['00000000-0000-4000-8000-000000000001'],
  },
  'post /api/meetings/{meetingId}/research/{referralId}/open': {},
  'put /api/areas/{areaId}/meeting-settings': { caseTargetMinutes: 12 },
  'put /api/areas/{areaId}/action-reminder-settings': {
    daysBefore: 2,
    shortNoticeHours: 72,
    overdueEveryDays: 7,
  },
  'put /api/areas/{areaId}/population': { adultWomen: 84_500 },
  'put /api/areas/{areaId}/retention': { retentionMonths: 72 },
  'put /api/meetings/{meetingId}/attendance/{personId}': {
    attendance: 'present',
    infoSentInAdvance: false,
    version: 1,
  },
  'post /api/meetings/{meetingId}/observers': { personId: '00000000-0000-4000-8000-000000000001' },
  'post /api/meetings/{meetingId}/confidentiality': { confirm: true },
  'put /api/meetings/{meetingId}/run/current': { referralId: null },
  'post /api/meetings/{meetingId}/run/close': {},
  'post /api/meetings/{meetingId}/run/cases/{referralId}/defer': { reason: 'Out of time' },
  'put /api/meetings/{meetingId}/run/cases/{referralId}/notes': {
    facts: 'Two callouts',
    opinion: 'Rising',
    riskSummary: 'High',
    version: 0,
  },
  'post /api/meetings/{meetingId}/run/cases/{referralId}/actions': meetingAction,
  'put /api/meetings/{meetingId}/run/actions/{actionId}': { ...meetingAction, version: 1 },
  'put /api/meetings/{meetingId}/run/review/{actionId}': {
    outcome: 'not-done',
    reason: 'agency-did-not-act',
    version: 1,
  },
  'post /api/actions/{actionId}/update': {
    outcome: 'update',
    dueDate: '2027-06-01',
    dueTime: '10:00',
    reason: 'Waiting for the housing officer',
    version: 1,
  },
  'put /api/meetings/{meetingId}/minutes': {
    action: 'save',
    version: 1,
    sections: [{ key: 'attendance', text: 'Present: the chair' }],
  },
  'post /api/meetings/{meetingId}/minutes/circulate': { version: 1 },
  'post /api/meetings/{meetingId}/action-plan/resend': {
    agencyId: '00000000-0000-4000-8000-000000000001',
  },
  'post /api/meetings/{meetingId}/minutes/resend': {
    agencyId: '00000000-0000-4000-8000-000000000001',
  },
  'post /api/areas/{areaId}/subject-access': {
    person: { name: 'Amelia Hart-Lowe', dateOfBirth: '1990-04-03', postcode: 'NB4 7QX' },
  },
  'put /api/referrals/{referralId}/equality': { ethnicity: 'asian-indian' },
};

// The schemas only keep a generated body that happens to be valid (a null deputy, say) out of the run.
const schemas: Record<string, z.ZodType> = {
  'put /api/areas/{areaId}/protocol': contract.updateProtocolBody,
  'post /api/areas/{areaId}/series': contract.createSeriesBody,
  'put /api/areas/{areaId}/agencies/{agencyId}/reps': contract.updateRepsBody,
  'post /api/meetings/{meetingId}/move': contract.moveMeetingBody,
  'post /api/meetings/{meetingId}/cancel': contract.cancelMeetingBody,
  'post /api/referrals/{referralId}/move': contract.moveReferralBody,
  'post /api/schedule/preview': contract.schedulePreviewBody,
  'post /api/dev/sign-in': contract.devSignInBody,
  'post /api/referrals': referralContract.submitReferralBody,
  'put /api/referrals/{referralId}': referralContract.submitReferralBody,
  'post /api/referrals/{referralId}/accept': referralContract.acceptReferralBody,
  'post /api/referrals/{referralId}/decision': referralContract.referralDecisionBody,
  'post /api/referrals/{referralId}/duplicates/{candidateId}':
    referralContract.duplicateDecisionBody,
  'post /api/referrals/{referralId}/mappa-link': referralContract.mappaLinkBody,
  'put /api/areas/{areaId}/risk-settings': referralContract.riskSettingsBody,
  'post /api/areas/{areaId}/meetings': contract.addExtraMeetingBody,
  'put /api/areas/{areaId}/agencies/{agencyId}/delivery': agendaContract.updateDeliveryBody,
  'put /api/meetings/{meetingId}/agencies': agendaContract.updateMeetingAgenciesBody,
  'put /api/meetings/{meetingId}/agenda/order': agendaContract.agendaOrderBody,
  'post /api/meetings/{meetingId}/agenda/late-cases': agendaContract.lateCaseBody,
  'post /api/meetings/{meetingId}/agenda/publish': z.strictObject({}),
  'post /api/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend': z.strictObject({}),
  'put /api/areas/{areaId}/research-settings': researchContract.researchSettingsSchema,
  'put /api/meetings/{meetingId}/agencies/{agencyId}/core-rep-absent':
    researchContract.coreRepAbsentBody,
  'put /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}':
    researchContract.researchDraftBody,
  'post /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}/submit':
    researchContract.researchSubmitBody,
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known':
    researchContract.nothingKnownBody,
  'post /api/meetings/{meetingId}/research/{referralId}/open': z.strictObject({}),
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/chase': z.strictObject({}),
  'put /api/areas/{areaId}/meeting-settings': meetingContract.meetingSettingsSchema,
  'put /api/areas/{areaId}/action-reminder-settings': chasingContract.actionReminderSettingsSchema,
  'put /api/areas/{areaId}/population': dashboardContract.areaPopulationSchema,
  'put /api/areas/{areaId}/retention': retentionContract.retentionSettingsSchema,
  'put /api/meetings/{meetingId}/attendance/{personId}': meetingContract.attendanceBody,
  'post /api/meetings/{meetingId}/observers': meetingContract.addObserverBody,
  'post /api/meetings/{meetingId}/confidentiality': meetingContract.confirmStatementBody,
  'put /api/meetings/{meetingId}/run/current': meetingContract.currentCaseBody,
  'post /api/meetings/{meetingId}/run/close': z.strictObject({}),
  'post /api/meetings/{meetingId}/run/cases/{referralId}/defer': meetingContract.deferBody,
  'put /api/meetings/{meetingId}/run/cases/{referralId}/notes': meetingContract.caseNotesBody,
  'post /api/meetings/{meetingId}/run/cases/{referralId}/actions': meetingContract.actionBody,
  'put /api/meetings/{meetingId}/run/actions/{actionId}': meetingContract.updateActionBody,
  'put /api/meetings/{meetingId}/run/review/{actionId}': meetingContract.reviewBody,
  'post /api/actions/{actionId}/update': actionContract.actionOutcomeBody,
  'put /api/meetings/{meetingId}/minutes': documentContract.minutesBody,
  'post /api/meetings/{meetingId}/minutes/circulate': documentContract.circulateBody,
  'post /api/meetings/{meetingId}/action-plan/resend': documentContract.resendCopyBody,
  'post /api/meetings/{meetingId}/minutes/resend': documentContract.resendCopyBody,
  'post /api/areas/{areaId}/subject-access': subjectAccessContract.subjectAccessBody,
  'put /api/referrals/{referralId}/equality': recodeContract.recodeBody,
};

/** A body that cannot be valid: wholly random, a valid one with an unknown key, or a field made wrong. */
function malformed(valid: Record<string, unknown>, schema: z.ZodType) {
  const keys = Object.keys(valid);
  return (
    fc
      .oneof(
        fc
          .anything({ maxDepth: 3 })
          .filter(
            (v) =>
              typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length > 0,
          ),
        extraKey
          .filter((k) => !keys.includes(k))
          .map((k) =>
            // Parsed, so that `__proto__` is an own key as it would be in a request.
            JSON.parse(
              keys.length === 0
                ? `{${JSON.stringify(k)}: 1}`
                : `{${JSON.stringify(k)}: 1, ${JSON.stringify(valid).slice(1)}`,
            ),
          ),
        // An empty body has no field to make wrong.
        keys.length === 0
          ? fc.constant(null)
          : fc.tuple(fc.constantFrom(...keys), wrongValues).map(([k, v]) => ({ ...valid, [k]: v })),
      )
      // Judge what is sent: JSON drops undefined (and an absent body reads as {}).
      .filter(
        (body) => body !== undefined && !schema.safeParse(JSON.parse(JSON.stringify(body))).success,
      )
  );
}

beforeAll(async () => {
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  call = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
  const area = await app.db.query<{ id: string; protocol: unknown }>(
    `SELECT id, protocol FROM area WHERE name = 'Northbrook and Wellfield'`,
  );
  validBodies['put /api/areas/{areaId}/protocol'] = area.rows[0]!.protocol;
  const agency = await app.db.query<{ agency_id: string }>(
    'SELECT agency_id FROM area_agency WHERE area_id = $1 LIMIT 1',
    [area.rows[0]!.id],
  );
  const meeting = await app.db.query<{ id: string }>(
    'SELECT id FROM meeting WHERE area_id = $1 ORDER BY date LIMIT 1',
    [area.rows[0]!.id],
  );
  const referral = {
    form: referralForm({ areaId: area.rows[0]!.id, referrerAgencyId: agency.rows[0]!.agency_id }),
    submit: true,
  };
  validBodies['post /api/referrals'] = referral;
  validBodies['put /api/referrals/{referralId}'] = referral;
  const made = (await (
    await call('/api/referrals', { method: 'POST', body: JSON.stringify(referral) })
  ).json()) as { id: string };
  ids = {
    areaId: area.rows[0]!.id,
    agencyId: agency.rows[0]!.agency_id,
    meetingId: meeting.rows[0]!.id,
    referralId: made.id,
    candidateId: made.id,
    questionSetId: 'safelives-24',
    deliveryId: '1',
    personId: '00000000-0000-4000-8000-000000000001',
    actionId: '00000000-0000-4000-8000-000000000001',
  };
  const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  routes = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method, path, hasBody: Boolean(op.requestBody) })),
  );
}, 180_000);
afterAll(() => app.stop());

const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name]!);

it('answers every malformed body with a 4xx that explains itself, and writes nothing', async () => {
  const before = await fingerprint();
  let sent = 0;
  for (const route of routes.filter((r) => r.hasBody)) {
    const key = `${route.method} ${route.path}`;
    const valid = validBodies[key] as Record<string, unknown>;
    expect([key, valid, schemas[key]].every(Boolean)).toBe(true); // a new route with a body needs both here
    expect(schemas[key]!.safeParse(valid).success).toBe(true);
    await fc.assert(
      fc.asyncProperty(malformed(valid, schemas[key]!), async (body) => {
        const response = await call(fill(route.path), {
          method: route.method.toUpperCase(),
          body: JSON.stringify(body),
        });
        sent += 1;
        const answer = (await response.json()) as { error?: { message?: string } };
        return (
          response.status >= 400 &&
          response.status < 500 &&
          typeof answer.error?.message === 'string'
        );
      }),
      { numRuns: 60 },
    );
  }
  expect(sent).toBeGreaterThanOrEqual(2000);
  expect(await fingerprint()).toBe(before);
}, 300_000);

it('answers malformed ids and query strings with a 4xx and writes nothing', async () => {
  const before = await fingerprint();
  const junk = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom('..', '%00', '00000000-0000-0000-0000-000000000000', "' OR 1=1 --"),
  );
  for (const route of routes.filter((r) => r.path.includes('{') || r.method === 'get')) {
    await fc.assert(
      fc.asyncProperty(junk, junk, async (id, query) => {
        const path = route.path.replace(/\{\w+\}/g, encodeURIComponent(id) || 'x');
        const response = await call(
          `${path}?from=${encodeURIComponent(query)}&${encodeURIComponent(query)}=1`,
          {
            method: route.method.toUpperCase(),
            ...(route.hasBody ? { body: '{}' } : {}),
          },
        );
        return response.status < 500;
      }),
      { numRuns: 30 },
    );
  }
  expect(await fingerprint()).toBe(before);
}, 300_000);
