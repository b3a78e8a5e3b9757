import { randomUUID } from 'node:crypto';
import { createSeries } from '#core/scheduling/create-series.js';
import { upsertPerson } from '../../../bot/src/store/sql-people.js';
import { reposOver } from '../../../bot/src/store/unit-of-work.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

/**
 * Every route of the OpenAPI description against every role, on records the caller may see and
 * on records of an area they hold no role in. The expectations are written out here, not read
 * from the code, so a route that loosens its policy fails this test.
 */
type Caller =
  | 'coordinator'
  | 'chair'
  | 'repCore'
  | 'repDeputy'
  | 'idva'
  | 'observer'
  | 'admin'
  | 'otherArea'
  | 'anonymous';
const members: Caller[] = [
  'coordinator',
  'chair',
  'repCore',
  'repDeputy',
  'idva',
  'observer',
  'admin',
];
const coordinating: Caller[] = ['coordinator', 'admin'];

const emails: Record<Exclude<Caller, 'anonymous'>, string> = {
  coordinator: 'rosalind.marsh@riverside-partnership.example',
  chair: 'inspector.amos.kettering@police.example',
  repCore: 'dana.whitcombe@police.example',
  repDeputy: 'idris.penhallow@police.example',
  idva: 'lowri.blackwood@idva.example',
  observer: 'ottilie.sandberg@riverside-partnership.example',
  admin: 'tobias.fenwick@riverside-partnership.example',
  otherArea: 'wilfred.ashdown@westholm.example',
};

// Who may call each route on a record of their own area ('public' needs no sign-in; 'signed-in'
// is anyone known; a list is the roles allowed in the record's area; `hidden` lists members who are
// told 404 rather than 403, because the rule is about the record (a referral they may not read).
type Rule = 'public' | 'signed-in' | Caller[] | { allow: Caller[]; hidden: Caller[] };
const referring: Caller[] = ['coordinator', 'chair', 'repCore', 'repDeputy', 'idva', 'admin'];
const onMeeting: Caller[] = ['coordinator', 'chair', 'repCore', 'repDeputy', 'idva'];
const offMeeting: Caller[] = ['observer', 'admin'];
const expected: Record<string, Rule> = {
  'get /api/me': 'signed-in',
  'get /api/areas': 'signed-in',
  'get /api/areas/{areaId}': members,
  'put /api/areas/{areaId}/protocol': coordinating,
  'post /api/areas/{areaId}/series': coordinating,
  'get /api/areas/{areaId}/meetings': members,
  'post /api/areas/{areaId}/meetings': coordinating,
  'get /api/areas/{areaId}/agencies': members,
  'put /api/areas/{areaId}/agencies/{agencyId}/reps': coordinating,
  'get /api/meetings/{meetingId}': members,
  'post /api/meetings/{meetingId}/move': coordinating,
  'post /api/meetings/{meetingId}/cancel': coordinating,
  'get /api/meetings/{meetingId}/cases': coordinating,
  'post /api/referrals/{referralId}/move': coordinating,
  'post /api/schedule/preview': 'signed-in',
  'get /api/client-config': 'public',
  'get /api/question-sets/{questionSetId}': 'signed-in',
  'get /api/areas/{areaId}/risk-settings': members,
  'put /api/areas/{areaId}/risk-settings': coordinating,
  'post /api/referrals': referring,
  // Only its referrer may change a referral (here accepted already, so 409 for them).
  'put /api/referrals/{referralId}': {
    allow: ['repCore'],
    hidden: ['coordinator', 'chair', 'repDeputy', 'idva', 'admin'],
  },
  'get /api/referrals/mine': 'signed-in',
  'get /api/areas/{areaId}/referrals': coordinating,
  // Accepted onto a meeting: the chair, the IDVA and reps of agencies on its list may read it.
  'get /api/referrals/{referralId}': { allow: referring, hidden: ['observer'] },
  'post /api/referrals/{referralId}/accept': coordinating,
  'post /api/referrals/{referralId}/decision': coordinating,
  'post /api/referrals/{referralId}/duplicates/{candidateId}': coordinating,
  'post /api/referrals/{referralId}/mappa-link': coordinating,
  'get /api/areas/{areaId}/match-notices': coordinating,
  'put /api/areas/{areaId}/agencies/{agencyId}/delivery': coordinating,
  'get /api/meetings/{meetingId}/agencies': coordinating,
  'put /api/meetings/{meetingId}/agencies': coordinating,
  // Those on the meeting (every agency, chair and IDVA of the area by default) read the agenda.
  'get /api/meetings/{meetingId}/agenda': referring,
  'put /api/meetings/{meetingId}/agenda/order': coordinating,
  'post /api/meetings/{meetingId}/agenda/late-cases': coordinating,
  'post /api/meetings/{meetingId}/agenda/publish': coordinating,
  'get /api/meetings/{meetingId}/agenda/deliveries': coordinating,
  'post /api/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend': coordinating,
  'get /api/areas/{areaId}/agenda-warnings': coordinating,
  'get /api/areas/{areaId}/research-settings': coordinating,
  'put /api/areas/{areaId}/research-settings': ['coordinator'],
  'put /api/meetings/{meetingId}/agencies/{agencyId}/core-rep-absent': ['coordinator'],
  // Those on the meeting see its research (statuses; words only as the area's setting allows).
  'get /api/meetings/{meetingId}/research': referring,
  'get /api/meetings/{meetingId}/research/{referralId}': referring,
  // An agency's own form and writes: its core rep and deputy only (the police, here).
  'get /api/meetings/{meetingId}/research/agencies/{agencyId}': ['repCore', 'repDeputy'],
  'get /api/research/mine': 'signed-in',
  'put /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}': [
    'repCore',
    'repDeputy',
  ],
  'post /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}/submit': [
    'repCore',
    'repDeputy',
  ],
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known': [
    'repCore',
    'repDeputy',
  ],
  'post /api/meetings/{meetingId}/research/{referralId}/open': ['chair'],
  // The coordinator runs the meeting's research; an admin keeps the system, not the meeting.
  'post /api/meetings/{meetingId}/research/agencies/{agencyId}/chase': ['coordinator'],
  // The meeting itself (issue #10): everyone on it (by default every agency, chair and IDVA of the
  // area, and its coordinators) confirms and follows; the observer and admin are on no meeting
  // until listed, so they are told it does not exist. The chair runs it; the chair or a
  // coordinator records anyone's attendance (a rep only their own: here the chair's line, 403).
  'get /api/areas/{areaId}/meeting-settings': coordinating,
  'put /api/areas/{areaId}/meeting-settings': ['coordinator'],
  'get /api/meetings/run/mine': 'signed-in',
  'get /api/meetings/{meetingId}/run': { allow: onMeeting, hidden: offMeeting },
  // Before the chair's moves below: the chair confirms the statement first (routes run in this order).
  'post /api/meetings/{meetingId}/confidentiality': { allow: onMeeting, hidden: offMeeting },
  'put /api/meetings/{meetingId}/attendance/{personId}': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'get /api/meetings/{meetingId}/observers': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'post /api/meetings/{meetingId}/observers': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'put /api/meetings/{meetingId}/run/current': { allow: ['chair'], hidden: offMeeting },
  // What the meeting records (before the chair's deferral below moves the case away): everyone
  // on it reads a case once confirmed; the chair or a coordinator writes notes, actions and the
  // review (the coordinator first, before the meeting starts: 409 in words, not a refusal).
  'get /api/meetings/{meetingId}/run/cases/{referralId}': { allow: onMeeting, hidden: offMeeting },
  'put /api/meetings/{meetingId}/run/cases/{referralId}/notes': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'post /api/meetings/{meetingId}/run/cases/{referralId}/actions': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'put /api/meetings/{meetingId}/run/actions/{actionId}': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'put /api/meetings/{meetingId}/run/review/{actionId}': {
    allow: ['coordinator', 'chair'],
    hidden: offMeeting,
  },
  'post /api/meetings/{meetingId}/run/cases/{referralId}/defer': {
    allow: ['chair'],
    hidden: offMeeting,
  },
  'post /api/meetings/{meetingId}/run/close': { allow: ['chair'], hidden: offMeeting },
  // Its live events: anyone with a seat, confirmed or not (the events carry ids only).
  'get /api/meetings/{meetingId}/run/events': { allow: onMeeting, hidden: offMeeting },
  // Chasing after the meeting (issue #11): the coordinator who chases and the chair who answers
  // for the actions; not an admin (the system, not the meetings), nor reps (My actions).
  'get /api/areas/{areaId}/actions/overdue': ['coordinator', 'chair'],
  'get /api/areas/{areaId}/cases/twelve-months': ['coordinator', 'chair'],
  'get /api/areas/{areaId}/action-reminder-settings': coordinating,
  'put /api/areas/{areaId}/action-reminder-settings': ['coordinator'],
  // The dashboard (issue #13): counts only, for the coordinator, the chair who reports to the
  // board and an admin; the population it is measured against, set by the coordinator or admin.
  'get /api/areas/{areaId}/dashboard': ['coordinator', 'chair', 'admin'],
  'put /api/areas/{areaId}/population': coordinating,
  // How long the area keeps case records (issue #13): the coordinator who works to the
  // information sharing agreement, and an admin who keeps the system.
  'get /api/areas/{areaId}/retention': coordinating,
  'put /api/areas/{areaId}/retention': coordinating,
  // Action owners after the meeting (issue #11): the owner agency's core rep and deputy (the
  // police's action here), or the coordinator on its behalf; anyone else is told there is none.
  'get /api/actions/mine': 'signed-in',
  'post /api/actions/{actionId}/update': {
    allow: ['coordinator', 'repCore', 'repDeputy'],
    hidden: ['chair', 'idva', 'observer', 'admin'],
  },
  'get /api/actions/{actionId}/case-note': {
    allow: ['coordinator', 'repCore', 'repDeputy'],
    hidden: ['chair', 'idva', 'observer', 'admin'],
  },
  // After the meeting (issue #11): the plan for those who hold it (a rep: their agency's part),
  // the minutes for the chair and coordinators (a rep: once circulated), written by a coordinator. The meeting here is
  // not closed: the allowed are told so in words (409), the others refused first.
  'get /api/meetings/{meetingId}/action-plan': {
    allow: ['coordinator', 'chair', 'repCore', 'repDeputy'],
    hidden: offMeeting,
  },
  'get /api/meetings/{meetingId}/minutes': {
    allow: ['coordinator', 'chair', 'repCore', 'repDeputy'],
    hidden: offMeeting,
  },
  'put /api/meetings/{meetingId}/minutes': { allow: ['coordinator'], hidden: offMeeting },
  'post /api/meetings/{meetingId}/minutes/circulate': {
    allow: ['coordinator'],
    hidden: offMeeting,
  },
  'post /api/meetings/{meetingId}/action-plan/resend': {
    allow: ['coordinator'],
    hidden: offMeeting,
  },
  'post /api/meetings/{meetingId}/minutes/resend': { allow: ['coordinator'], hidden: offMeeting },
  // The SafeLives data return (issue #13): the coordinator who makes it and an admin who keeps the
  // system (the admin gets the counts without the case references behind them).
  'get /api/areas/{areaId}/data-return': coordinating,
  // Its downloads: the same callers (the admin's files without the references).
  'get /api/areas/{areaId}/data-return.csv': coordinating,
  'get /api/areas/{areaId}/data-return.xlsx': coordinating,
  // Recoding ethnicity and sexuality written in words (issue #13): the coordinator only, who
  // answers for the return; the list shows the words, which the counts-only readers never see.
  'get /api/areas/{areaId}/recode': ['coordinator'],
  // The referral here has no words to recode: the coordinator is told so in words (409).
  'put /api/referrals/{referralId}/equality': ['coordinator'],
  // Subject access (issue #13): everything held about one person is the coordinator's to
  // produce; not an admin (the system, not the cases), nor anyone who sits on meetings.
  'post /api/areas/{areaId}/subject-access': ['coordinator'],
  'get /api/dev/users': 'public',
  'post /api/dev/sign-in': 'public',
};

/** Routes whose query is required: without it every caller would be told 400 before the policy. */
const queries: Record<string, string> = {
  'get /api/areas/{areaId}/data-return': '?quarter=2027-Q1',
  'get /api/areas/{areaId}/data-return.csv': '?quarter=2027-Q1',
  'get /api/areas/{areaId}/data-return.xlsx': '?quarter=2027-Q1',
};

interface Target {
  areaId: string;
  /** The agency whose research the rep callers give (the police in the demo area). */
  researchAgencyId: string;
  members: { agencyIds: string[]; chairIds: string[]; idvaIds: string[] };
  agencyId: string;
  meetingId: string;
  protocol: unknown;
  referralId: string;
  candidateId: string;
  duplicateId: string;
  /** The chair's and an IDVA's person ids (an attendance line; a person who is no observer). */
  chairPersonId: string;
  idvaPersonId: string;
}

let app: TestApp;
let own: Target;
let foreign: Target;
let routes: string[];

async function target(areaName: string): Promise<Target> {
  const area = await app.db.query<{ id: string; protocol: unknown }>(
    'SELECT id, protocol FROM area WHERE name = $1',
    [areaName],
  );
  const areaId = area.rows[0]!.id;
  const agency = await app.db.query<{ agency_id: string }>(
    `SELECT aa.agency_id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id WHERE aa.area_id = $1 AND g.name = 'Haven Refuge'`,
    [areaId],
  );
  const police = await app.db.query<{ agency_id: string }>(
    `SELECT aa.agency_id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id WHERE aa.area_id = $1 AND g.kind = 'police'`,
    [areaId],
  );
  const meeting = await app.db.query<{ id: string }>(
    'SELECT id FROM meeting WHERE area_id = $1 ORDER BY date LIMIT 1',
    [areaId],
  );
  const referrals = await app.db.query<{ id: string; status: string }>(
    'SELECT id, status FROM referral WHERE area_id = $1 ORDER BY created_at',
    [areaId],
  );
  const [accepted, duplicate] = referrals.rows;
  const all = async (sql: string) =>
    (await app.db.query<{ id: string }>(sql, [areaId])).rows.map((r) => r.id);
  return {
    areaId,
    // Everyone of the area, so that setting the list changes no one's access in this test.
    members: {
      agencyIds: await all('SELECT agency_id AS id FROM area_agency WHERE area_id = $1'),
      chairIds: await all(
        `SELECT person_id AS id FROM area_role WHERE area_id = $1 AND role = 'chair'`,
      ),
      idvaIds: await all(
        `SELECT person_id AS id FROM area_role WHERE area_id = $1 AND role = 'idva'`,
      ),
    },
    agencyId: agency.rows[0]!.agency_id,
    researchAgencyId: police.rows[0]?.agency_id ?? agency.rows[0]!.agency_id,
    meetingId: meeting.rows[0]!.id,
    protocol: area.rows[0]!.protocol,
    referralId: accepted!.id,
    candidateId: accepted!.id,
    duplicateId: duplicate!.id,
    chairPersonId: (
      await all(
        `SELECT person_id AS id FROM area_role WHERE area_id = $1 AND role IN ('chair', 'coordinator') ORDER BY role`,
      )
    )[0]!,
    idvaPersonId: (
      await all(
        `SELECT person_id AS id FROM area_role WHERE area_id = $1 AND role IN ('idva', 'coordinator') ORDER BY role DESC`,
      )
    )[0]!,
  };
}

/** In the area: one referral accepted onto a meeting, and a likely duplicate of it from another agency. */
async function addReferrals(
  areaName: string,
  coordinatorEmail: string,
  agencies: [string, string],
): Promise<void> {
  const areaId = (
    await app.db.query<{ id: string }>('SELECT id FROM area WHERE name = $1', [areaName])
  ).rows[0]!.id;
  const agencyIds = await app.db.query<{ id: string; name: string }>('SELECT id, name FROM agency');
  const idOf = (name: string) => agencyIds.rows.find((a) => a.name === name)!.id;
  const first = await signIn(
    app,
    agencies[0] === 'Haven Refuge' ? coordinatorEmail : emails.repCore,
  );
  const made = await first('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({
      form: referralForm({ areaId, referrerAgencyId: idOf(agencies[0]) }),
      submit: true,
    }),
  });
  const { id } = (await made.json()) as { id: string };
  const coordinator = await signIn(app, coordinatorEmail);
  expect(
    (await coordinator(`/api/referrals/${id}/accept`, { method: 'POST', body: '{}' })).status,
  ).toBe(200);
  const second = await coordinator('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({
      form: referralForm({ areaId, referrerAgencyId: idOf(agencies[1]) }),
      submit: true,
    }),
  });
  expect(second.status).toBe(201);
}

/** A third area whose only member is its own coordinator: its records are foreign to everyone else. */
async function addWestholm(): Promise<void> {
  const { crypto } = app.services;
  await app.db.transaction(async (tx) => {
    const partnership = await tx.query<{ id: string; protocol: unknown }>(
      'SELECT partnership_id AS id, protocol FROM area LIMIT 1',
    );
    const { id: partnershipId, protocol } = partnership.rows[0]!;
    const areaId = randomUUID();
    await tx.query(
      'INSERT INTO area (id, partnership_id, name, code, mailbox, protocol) VALUES ($1, $2, $3, $4, $5, $6)',
      [
        areaId,
        partnershipId,
        'Westholm',
        'WHM',
        'marac.westholm@riverside-partnership.example',
        JSON.stringify(protocol),
      ],
    );
    const personId = await upsertPerson(tx, crypto, partnershipId, {
      name: 'Wilfred Ashdown',
      email: emails.otherArea,
    });
    await tx.query(
      `INSERT INTO area_role (area_id, person_id, role) VALUES ($1, $2, 'coordinator')`,
      [areaId, personId],
    );
    await tx.query(
      `INSERT INTO area_agency (area_id, agency_id, core_rep_id, deputy_rep_id)
       SELECT $1, agency_id, core_rep_id, deputy_rep_id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
        WHERE g.name = 'Haven Refuge' LIMIT 1`,
      [areaId],
    );
  });
  const areaId = (await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name = 'Westholm'`))
    .rows[0]!.id;
  await createSeries(app.services, { areaId, firstDate: '2026-12-01' });
}

const riskSettings = {
  questionSet: 'safelives-24',
  mediumThreshold: 10,
  highThreshold: 14,
  escalationIncidents: 3,
  escalationWindowMonths: 12,
};

/** An action the chair may agree at the meeting, owned by the police. */
const meetingAction = {
  ownerAgencyId: '',
  ownerPerson: null,
  what: 'Flag the address',
  dueDate: '2027-06-01',
  dueTime: '10:00',
  risk: 'Further harm',
  urgent: null,
};

/**
 * The action a route names: for the review and the owners' routes, one agreed at an earlier
 * meeting of the area (seeded below); otherwise the first agreed at this meeting (the chair's,
 * once they have recorded one).
 */
async function actionFor(template: string, meetingId: string): Promise<string> {
  const found = await app.db.query<{ id: string }>(
    template.includes('/review/') || template.startsWith('/api/actions/')
      ? `SELECT a.id FROM meeting_action a JOIN meeting m ON m.id = a.meeting_id
          WHERE a.area_id = (SELECT area_id FROM meeting WHERE id = $1)
            AND m.starts_at < (SELECT starts_at FROM meeting WHERE id = $1)`
      : 'SELECT id FROM meeting_action WHERE meeting_id = $1 ORDER BY created_at LIMIT 1',
    [meetingId],
  );
  return found.rows[0]?.id ?? randomUUID();
}

/** A meeting of the area before all others, with one action still open: the review's. */
async function earlierMeetingWithAction(t: Target): Promise<void> {
  const meetingId = randomUUID();
  await app.db.query(
    `INSERT INTO meeting (id, area_id, pattern_date, date, start_time, starts_at, ends_at, status)
     SELECT $1, area_id, date - 14, date - 14, start_time, starts_at - interval '14 days',
            ends_at - interval '14 days', 'scheduled'
       FROM meeting WHERE id = $2`,
    [meetingId, t.meetingId],
  );
  const { case_id: caseId } = (
    await app.db.query<{ case_id: string }>('SELECT case_id FROM referral WHERE id = $1', [
      t.referralId,
    ])
  ).rows[0]!;
  const at = new Date('2026-11-17T10:00:00Z');
  await app.db.transaction((tx) =>
    reposOver(tx, app.services.crypto).meetingActions.insert({
      id: randomUUID(),
      meetingId,
      referralId: t.referralId,
      caseId,
      areaId: t.areaId,
      ownerAgencyId: t.researchAgencyId,
      ownerPerson: null,
      what: 'Visit the address',
      risk: 'Further harm',
      dueAt: new Date('2026-11-24T10:00:00Z'),
      urgent: null,
      status: 'open',
      createdBy: null,
      createdAt: at,
      updatedBy: null,
      updatedAt: at,
      version: 1,
    }),
  );
}

async function requestFor(route: string, t: Target): Promise<{ path: string; init: RequestInit }> {
  const [method, template] = route.split(' ') as [string, string];
  const referralId = route.includes('{candidateId}') ? t.duplicateId : t.referralId;
  // Research and the meeting's run are about the case on its meeting now (earlier routes may
  // have moved it).
  const research = template.includes('/research');
  const onItsMeeting = research || /\/(run|attendance|observers|confidentiality)/.test(template);
  const meetingId = onItsMeeting
    ? (
        await app.db.query<{ meeting_id: string }>(
          'SELECT meeting_id FROM referral WHERE id = $1',
          [t.referralId],
        )
      ).rows[0]!.meeting_id
    : t.meetingId;
  const path = template
    .replace('{areaId}', t.areaId)
    .replace('{agencyId}', research ? t.researchAgencyId : t.agencyId)
    .replace('{meetingId}', meetingId)
    .replace('{referralId}', referralId)
    .replace('{candidateId}', t.candidateId)
    .replace('{personId}', t.chairPersonId)
    .replace('{actionId}', await actionFor(template, meetingId))
    .replace('{deliveryId}', '1')
    .replace('{questionSetId}', 'safelives-24');
  const bodies: Record<string, unknown> = {
    'put /api/areas/{areaId}/protocol': t.protocol,
    'post /api/areas/{areaId}/series': { firstDate: '2027-01-04' },
    'put /api/areas/{areaId}/agencies/{agencyId}/reps': {
      coreRep: { name: 'Corinne Achterberg', email: 'corinne.achterberg@haven.example' },
      deputyRep: { name: 'Jonah Velasquez', email: 'jonah.velasquez@haven.example' },
    },
    'post /api/meetings/{meetingId}/move': { date: '2027-01-06', reason: 'Room booked' },
    'post /api/meetings/{meetingId}/cancel': { reason: 'Chair unavailable' },
    'post /api/referrals/{referralId}/move': { meetingId: t.meetingId, reason: 'Room booked' },
    'post /api/schedule/preview': {
      cadence: { kind: 'fortnightly', weekday: 'tuesday' },
      start: '2027-01-04',
      count: 2,
    },
    'post /api/dev/sign-in': { email: emails.chair },
    'post /api/referrals': {
      form: referralForm({ areaId: t.areaId, referrerAgencyId: t.agencyId }),
      submit: false,
    },
    'put /api/referrals/{referralId}': {
      form: referralForm({ areaId: t.areaId, referrerAgencyId: t.agencyId }),
      submit: false,
    },
    'post /api/referrals/{referralId}/accept': {},
    'post /api/areas/{areaId}/meetings': { date: '2027-01-07', reason: 'Meetings full' },
    'put /api/areas/{areaId}/risk-settings': riskSettings,
    'post /api/referrals/{referralId}/decision': {
      decision: 'needs-information',
      note: 'Please add the school.',
    },
    'post /api/referrals/{referralId}/duplicates/{candidateId}': { decision: 'dismissed' },
    'post /api/referrals/{referralId}/mappa-link': { note: 'MAPPA coordinator informed.' },
    'put /api/areas/{areaId}/agencies/{agencyId}/delivery': { mode: 'link' },
    'put /api/meetings/{meetingId}/agencies': t.members,
    'put /api/meetings/{meetingId}/agenda/order': { order: [] },
    'post /api/meetings/{meetingId}/agenda/late-cases': {
      referralId: t.referralId,
      reason: 'Urgent: a further incident',
    },
    'post /api/meetings/{meetingId}/agenda/publish': {},
    'post /api/meetings/{meetingId}/agenda/deliveries/{deliveryId}/resend': {},
    'put /api/meetings/{meetingId}/agencies/{agencyId}/core-rep-absent': { absent: false },
    'put /api/areas/{areaId}/research-settings': {
      sharing: 'status-only',
      deputies: 'always',
      reminderDays: [3, 1],
    },
    'put /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}': {
      response: { currentInvolvement: 'Known since 2024' },
    },
    'post /api/meetings/{meetingId}/research/{referralId}/agencies/{agencyId}/submit': {
      response: { knownToAgency: 'no', recordsFlagged: false },
    },
    'post /api/meetings/{meetingId}/research/agencies/{agencyId}/nothing-known': {},
    'post /api/meetings/{meetingId}/research/{referralId}/open': {},
    'post /api/meetings/{meetingId}/research/agencies/{agencyId}/chase': {},
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
    // An IDVA is on the meeting already: listing them as an observer is refused in words (409).
    'post /api/meetings/{meetingId}/observers': { personId: t.idvaPersonId },
    'post /api/meetings/{meetingId}/confidentiality': { confirm: true },
    'put /api/meetings/{meetingId}/run/current': { referralId: null },
    'put /api/meetings/{meetingId}/run/cases/{referralId}/notes': {
      facts: 'Two callouts',
      opinion: '',
      riskSummary: '',
      version: 0,
    },
    'post /api/meetings/{meetingId}/run/cases/{referralId}/actions': meetingAction,
    'put /api/meetings/{meetingId}/run/actions/{actionId}': { ...meetingAction, version: 1 },
    'put /api/meetings/{meetingId}/run/review/{actionId}': { outcome: 'done', version: 1 },
    'post /api/meetings/{meetingId}/run/cases/{referralId}/defer': { reason: 'Out of time' },
    'post /api/meetings/{meetingId}/run/close': {},
    'post /api/actions/{actionId}/update': {
      outcome: 'update',
      dueDate: '2027-06-01',
      dueTime: '10:00',
      reason: 'Waiting for a reply',
      version: 1,
    },
    'put /api/meetings/{meetingId}/minutes': { action: 'approve', version: 1 },
    'post /api/meetings/{meetingId}/minutes/circulate': { version: 1 },
    'post /api/meetings/{meetingId}/action-plan/resend': { agencyId: t.agencyId },
    'post /api/meetings/{meetingId}/minutes/resend': { agencyId: t.agencyId },
    'put /api/referrals/{referralId}/equality': { ethnicity: 'asian-indian' },
    'post /api/areas/{areaId}/subject-access': {
      person: { name: 'Amelia Hart-Lowe', dateOfBirth: '1990-04-03', postcode: 'NB4 7QX' },
    },
  };
  const body = bodies[route];
  return {
    path: `${path}${queries[route] ?? ''}`,
    init: { method: method.toUpperCase(), ...(body ? { body: JSON.stringify(body) } : {}) },
  };
}

beforeAll(async () => {
  // The rate limit is tested on its own; here it must not turn an answer into a 429.
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  await addWestholm();
  await addReferrals('Northbrook and Wellfield', emails.coordinator, [
    'Riverside Police',
    'Haven Refuge',
  ]);
  await addReferrals('Westholm', emails.otherArea, ['Haven Refuge', 'Haven Refuge']);
  own = await target('Northbrook and Wellfield');
  foreign = await target('Westholm');
  meetingAction.ownerAgencyId = own.researchAgencyId;
  await earlierMeetingWithAction(own);
  const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
    paths: Record<string, object>;
  };
  routes = Object.entries(document.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => `${m} ${p}`),
  );
}, 180_000);
afterAll(() => app.stop());

it('has an expectation for every route in the OpenAPI description, and no other', () => {
  expect([...routes].sort()).toEqual(Object.keys(expected).sort());
});

const callers: Caller[] = [...members, 'otherArea', 'anonymous'];

describe.each(callers)('as %s', (caller) => {
  let call: (path: string, init: RequestInit) => Promise<Response>;
  beforeAll(async () => {
    if (caller === 'anonymous') {
      call = (path, init) =>
        fetch(`${app.url}${path}`, { ...init, headers: { 'content-type': 'application/json' } });
    } else {
      call = await signIn(app, emails[caller]);
    }
  });

  it.each(Object.keys(expected))('%s answers exactly as allowed', async (route) => {
    const rule = expected[route]!;
    const { path, init } = await requestFor(route, own);
    const response = await call(path, init);
    const status = response.status;
    await response.body?.cancel(); // a stream of live events stays open until the client leaves
    expect(status).toBeLessThan(500);
    if (rule === 'public') return expect([401, 403]).not.toContain(status);
    if (caller === 'anonymous') return expect(status).toBe(401);
    if (rule === 'signed-in') return expect([401, 403, 404]).not.toContain(status);
    if (caller === 'otherArea') return expect(status).toBe(404); // not a member: not even told it exists
    const allowed = Array.isArray(rule) ? rule : rule.allow;
    if (allowed.includes(caller)) return expect([401, 403, 404]).not.toContain(status);
    expect(status).toBe(!Array.isArray(rule) && rule.hidden.includes(caller) ? 404 : 403);
  });

  const recordRoutes = Object.keys(expected).filter((r) =>
    /\{(areaId|agencyId|meetingId|referralId|personId|actionId)\}/.test(r),
  );
  it.each(recordRoutes)('%s on a foreign record answers 404 (or 401)', async (route) => {
    if (caller === 'otherArea') return; // Westholm is their own area
    const { path, init } = await requestFor(route, foreign);
    const response = await call(path, init);
    await response.body?.cancel();
    expect(response.status).toBe(caller === 'anonymous' ? 401 : 404);
  });
});
