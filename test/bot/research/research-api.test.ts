import { randomUUID } from 'node:crypto';
import type {
  AgencyResearch,
  CaseResearch,
  MyResearch,
  ResearchMatrix,
  ResearchSettings,
} from '#core/contracts/research-api.js';
import type { ResearchDraft } from '#core/contracts/research.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

/**
 * Research through the REST API on the real server: a rep's form, drafts, submissions and
 * "nothing known"; refusals in words, audited, with nothing written; and the area's sharing
 * setting enforced on every research route, found by searching each answer for a phrase only
 * one agency typed. Every name here is invented.
 */
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const CHAIR = 'inspector.amos.kettering@police.example';
const POLICE_CORE = 'dana.whitcombe@police.example';
const POLICE_DEPUTY = 'idris.penhallow@police.example';
const CHILDRENS_CORE = 'priya.ellingham@childrens.example';
const IDVA = 'lowri.blackwood@idva.example';

/** What only the police typed: it must never reach anyone the sharing setting keeps it from. */
const SECRET = 'Quillfeather bail notes';

type Call = (route: string, init?: RequestInit) => Promise<Response>;

let app: TestApp;
let now = new Date('2026-12-01T09:00:00Z');
let as: Record<'coordinator' | 'chair' | 'police' | 'deputy' | 'childrens' | 'idva', Call>;
let areaId: string;
let meetingId: string;
let startsAt: Date;
let withChildren: string;
let adult: string;
let otherMeetingCase: string;
let police: string;
let childrens: string;

const json = async <T>(response: Response | Promise<Response>): Promise<T> => {
  const answer = await response;
  if (!answer.ok) throw new Error(`${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as T;
};
const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });
const post = (body: unknown, key?: string): RequestInit => ({
  method: 'POST',
  body: JSON.stringify(body),
  ...(key ? { headers: { 'idempotency-key': key } } : {}),
});
const cell = (referralId: string, agencyId = police) =>
  `/api/meetings/${meetingId}/research/${referralId}/agencies/${agencyId}`;

const count = async (sql: string, params: unknown[] = []) =>
  (await app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
/**
 * Research rows with something a rep did: the prompts' own marks (`sent`, `seen`), which the
 * prompt worker writes as it sends, are not a write by the caller.
 */
const researchRows = () =>
  count(`SELECT count(*)::int AS n FROM research WHERE status NOT IN ('sent', 'seen')`);
const audits = (action: string) =>
  count('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [action]);
const researchOf = async (referralId: string, agencyId: string) =>
  (
    await app.db.query<{ status: string; updated_at: Date }>(
      'SELECT status, updated_at FROM research WHERE referral_id = $1 AND agency_id = $2',
      [referralId, agencyId],
    )
  ).rows[0] ?? null;

const policeAnswer: ResearchDraft = {
  knownToAgency: 'yes',
  currentInvolvement: `${SECRET}: conditions until March`,
  historicalInvolvement: 'Two callouts in 2025',
  children: [{ involvement: 'none' }, { involvement: 'Seen at one callout' }],
  recordsFlagged: true,
};

async function setSharing(sharing: ResearchSettings['sharing']) {
  const settings = { sharing, deputies: 'always', reminderDays: [3, 1] };
  expect(
    await json<ResearchSettings>(
      as.coordinator(`/api/areas/${areaId}/research-settings`, put(settings)),
    ),
  ).toEqual(settings);
}

/** Every research route's answer for one caller, as text, to search for the phrase. */
async function everything(call: Call, agencyIds: string[]): Promise<string> {
  const routes = [
    `/api/meetings/${meetingId}/research`,
    `/api/meetings/${meetingId}/research/${withChildren}`,
    `/api/meetings/${meetingId}/research/${adult}`,
    '/api/research/mine',
    ...agencyIds.map((a) => `/api/meetings/${meetingId}/research/agencies/${a}`),
  ];
  const answers = await Promise.all(routes.map(async (r) => (await call(r)).text()));
  return answers.join('\n');
}

async function acceptedReferral(children: number): Promise<string> {
  const form = referralForm({
    areaId,
    referrerAgencyId: police,
    children: Array.from({ length: children }, (_, i) => ({
      name: `Wren Calloway ${['Ash', 'Birch', 'Cedar'][i]}`,
      dateOfBirth: `201${i + 5}-03-02`,
      relationshipToVictim: 'son',
      relationshipToPerpetrator: 'son',
      livesInHousehold: true,
    })),
    childrensServicesReferralMade: children > 0 ? true : null,
  });
  const { id } = await json<{ id: string }>(
    as.coordinator('/api/referrals', post({ form, submit: true })),
  );
  await json(as.coordinator(`/api/referrals/${id}/accept`, post({})));
  return id;
}

/** Moves the clock, and signs everyone in again (a token lasts hours, not days). */
async function signInAll() {
  as = {
    coordinator: await signIn(app, COORDINATOR),
    chair: await signIn(app, CHAIR),
    police: await signIn(app, POLICE_CORE),
    deputy: await signIn(app, POLICE_DEPUTY),
    childrens: await signIn(app, CHILDRENS_CORE),
    idva: await signIn(app, IDVA),
  };
}
async function moveClock(to: Date) {
  now = to;
  await signInAll();
}

beforeAll(async () => {
  app = await startApp({ now: () => now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await signInAll();
  areaId = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`,
    )
  ).rows[0]!.id;
  const agency = async (kind: string) =>
    (
      await app.db.query<{ id: string }>(
        `SELECT g.id FROM agency g JOIN area_agency aa ON aa.agency_id = g.id
          WHERE aa.area_id = $1 AND g.kind = $2`,
        [areaId, kind],
      )
    ).rows[0]!.id;
  police = await agency('police');
  childrens = await agency('childrens-social-care');
  withChildren = await acceptedReferral(2);
  adult = await acceptedReferral(0);
  otherMeetingCase = await acceptedReferral(0);
  const meeting = await app.db.query<{ meeting_id: string; starts_at: Date }>(
    `SELECT r.meeting_id, m.starts_at FROM referral r JOIN meeting m ON m.id = r.meeting_id
      WHERE r.id = $1`,
    [withChildren],
  );
  meetingId = meeting.rows[0]!.meeting_id;
  startsAt = new Date(meeting.rows[0]!.starts_at);
  const later = await app.db.query<{ id: string }>(
    `SELECT id FROM meeting WHERE area_id = $1 AND date > (SELECT date FROM meeting WHERE id = $2)
      AND status <> 'cancelled' ORDER BY date LIMIT 1`,
    [areaId, meetingId],
  );
  await json(
    as.coordinator(
      `/api/referrals/${otherMeetingCase}/move`,
      post({ meetingId: later.rows[0]!.id, reason: 'Room booked' }),
    ),
  );
  expect((await as.coordinator(`/api/meetings/${meetingId}/agenda/publish`, post({}))).status).toBe(
    201,
  );
}, 180_000);
afterAll(() => app.stop());

describe('a rep giving research', () => {
  it('lists the meeting under the rep and opens their form with who each case is about', async () => {
    const mine = await json<MyResearch>(as.police('/api/research/mine'));
    const item = mine.items.find((i) => i.meetingId === meetingId && i.agencyId === police)!;
    expect(item).toMatchObject({ open: true, cases: 2, answered: 0 });
    const form = await json<AgencyResearch>(
      as.deputy(`/api/meetings/${meetingId}/research/agencies/${police}`),
    );
    expect(form.cases.map((c) => c.referralId)).toEqual([withChildren, adult]);
    expect(form.cases[0]!.subjects.children.map((c) => c.name)).toEqual([
      'Wren Calloway Ash',
      'Wren Calloway Birch',
    ]);
    expect(form.cases[0]!.subjects.victim.address).toBe('14 Larkspur Row, Northbrook, NB4 7QX');
    expect(form.cases.every((c) => c.response === null && c.status === 'not-sent')).toBe(true);
  });

  it('saves a draft, submits, and submits an edit again', async () => {
    const draft = await json<{ status: string; submittedBy: string | null }>(
      as.police(cell(withChildren), put({ response: { currentInvolvement: SECRET } })),
    );
    expect(draft).toMatchObject({ status: 'draft', submittedBy: null });
    const submitted = await json<{ status: string; submittedBy: string }>(
      as.police(`${cell(withChildren)}/submit`, post({ response: policeAnswer }, randomUUID())),
    );
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'Dana Whitcombe' });
    const edit = { ...policeAnswer, historicalInvolvement: 'Three callouts in 2025' };
    const again = await as.deputy(`${cell(withChildren)}/submit`, post({ response: edit }));
    expect(again.status).toBe(200);
    const form = await json<AgencyResearch>(
      as.police(`/api/meetings/${meetingId}/research/agencies/${police}`),
    );
    expect(form.cases[0]!.response?.historicalInvolvement).toBe('Three callouts in 2025');
    expect(form.cases[0]!.lastChange?.by).toBe('Idris Penhallow');
    // A submitted answer is changed by submitting again, not by slipping back to a draft.
    expect((await as.police(cell(withChildren), put({ response: edit }))).status).toBe(409);
  });

  it('refuses a submission with a missing answer, naming the field in words', async () => {
    const before = await researchRows();
    const answer = await as.police(
      `${cell(adult)}/submit`,
      post({ response: { knownToAgency: 'yes', children: [{ involvement: 'x' }, {}] } }),
    );
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { details: { message: string }[] } };
    const messages = error.details.map((d) => d.message);
    expect(messages).toContain('Current involvement: enter what your records show, or "none".');
    expect(messages).toContain(
      'Your agency\'s involvement with child 2: enter what your records show about this child, or "none".',
    );
    expect(messages).toContain(
      'Whether your records are flagged as a MARAC case: choose yes or no.',
    );
    expect(await researchRows()).toBe(before);
  });

  it('refuses text over its limit with the limit named, never cut', async () => {
    const long = 'a'.repeat(4001);
    const answer = await as.police(cell(adult), put({ response: { currentInvolvement: long } }));
    expect(answer.status).toBe(400);
    expect(JSON.stringify(await answer.json())).toContain(
      'Current involvement: use 4,000 characters or fewer.',
    );
    // Nothing written: no row, or only the prompt worker's mark that the prompt went out.
    expect((await researchOf(adult, police))?.status ?? 'none').toMatch(/^(none|sent|seen)$/);
  });

  it('records nothing known for chosen cases, then for all, keeping a draft', async () => {
    await json(
      as.childrens(
        cell(withChildren, childrens),
        put({ response: { currentInvolvement: 'Allocated worker' } }),
      ),
    );
    const nothing = `/api/meetings/${meetingId}/research/agencies/${childrens}/nothing-known`;
    expect(
      await json(as.childrens(nothing, post({ referralIds: [withChildren] }, randomUUID()))),
    ).toEqual({ marked: [], kept: [withChildren] });
    expect(await json(as.childrens(nothing, post({}, randomUUID())))).toEqual({
      marked: [adult],
      kept: [withChildren],
    });
    expect((await researchOf(withChildren, childrens))!.status).toBe('draft');
    expect((await researchOf(adult, childrens))!.status).toBe('nothing-known');
  });

  it('counts what each agency answered; a meeting without a published agenda is not listed', async () => {
    const mine = async (call: Call) =>
      (await json<MyResearch>(call('/api/research/mine'))).items.map((i) => [
        i.meetingId,
        i.agencyId,
        i.cases,
        i.answered,
      ]);
    expect(await mine(as.childrens)).toEqual([[meetingId, childrens, 2, 1]]);
    expect(await mine(as.deputy)).toEqual([[meetingId, police, 2, 1]]);
    expect(await mine(as.coordinator)).toEqual([]);
  });
});

describe('the area settings', () => {
  const settings = () => `/api/areas/${areaId}/research-settings`;

  it('reads the defaults: status only, deputies always, reminders 3 and 1 working days before', async () => {
    expect(await json<ResearchSettings>(as.coordinator(settings()))).toEqual({
      sharing: 'status-only',
      deputies: 'always',
      reminderDays: [3, 1],
    });
  });

  it('refuses bad settings, naming each in words', async () => {
    const messages = async (body: unknown) => {
      const answer = await as.coordinator(settings(), put(body));
      expect(answer.status).toBe(400);
      const { error } = (await answer.json()) as { error: { details: { message: string }[] } };
      return error.details.map((d) => d.message);
    };
    expect(
      await messages({ sharing: 'everyone', deputies: 'always', reminderDays: [3, 20] }),
    ).toEqual([
      'How much of each agency\u2019s research others read: choose one of the options.',
      'Reminder day 2: use 15 or less.',
    ]);
    expect(
      await messages({ sharing: 'at-meeting', deputies: 'always', reminderDays: [2, 2] }),
    ).toEqual(['Reminder days: give each day once.']);
    expect(await audits('area.research-settings')).toBe(0);
    expect((await as.chair(settings())).status).toBe(403);
    const valid = { sharing: 'before-meeting', deputies: 'always', reminderDays: [1] };
    expect((await as.police(settings(), put(valid))).status).toBe(403);
    expect(await audits('area.research-settings')).toBe(0);
  });
});

describe('forged requests', () => {
  it.each([
    ['another agency', () => cell(adult, childrens), 403],
    ['a case of another meeting', () => cell(otherMeetingCase), 404],
  ])('refuses %s, audited, nothing written', async (_what, path, status) => {
    const before = await researchRows();
    const refused = await audits('research.save-draft.refused');
    const answer = await as.police(path(), put({ response: { currentInvolvement: 'Forged' } }));
    expect(answer.status).toBe(status);
    expect(await researchRows()).toBe(before);
    expect(await audits('research.save-draft.refused')).toBe(refused + 1);
  });

  it('refuses an extra field in the body, audited, nothing written', async () => {
    const before = await researchRows();
    // Refusals are tallied per caller, route and minute; the first of each goes to the audit log.
    const tally = `SELECT coalesce(sum(count), 0)::int AS n FROM refused_request WHERE action LIKE '%.submit'`;
    const denied = await count(tally);
    const answer = await as.police(
      `${cell(adult)}/submit`,
      post({ response: { ...policeAnswer, children: [] }, agencyId: childrens }),
    );
    expect(answer.status).toBe(400);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toBe(
      'The request: remove the field "agencyId": the form has no such field.',
    );
    expect(await researchRows()).toBe(before);
    expect(await count(tally)).toBe(denied + 1);
  });

  it('does not find a case of another meeting under this one', async () => {
    const answer = await as.coordinator(`/api/meetings/${meetingId}/research/${otherMeetingCase}`);
    expect(answer.status).toBe(404);
  });

  it('refuses a nothing-known for a case of another meeting, writing nothing', async () => {
    const before = await researchRows();
    const answer = await as.police(
      `/api/meetings/${meetingId}/research/agencies/${police}/nothing-known`,
      post({ referralIds: [adult, otherMeetingCase] }),
    );
    expect(answer.status).toBe(404);
    expect(await researchRows()).toBe(before);
  });
});

describe('who reads what', () => {
  const others = () => [as.chair, as.coordinator, as.childrens, as.idva];

  it('status-only: no route gives another agency\u2019s words to anyone', async () => {
    await setSharing('status-only');
    for (const call of others()) expect(await everything(call, [childrens])).not.toContain(SECRET);
    expect(await everything(as.deputy, [police])).toContain(SECRET);
  });

  it('before-meeting: the coordinator and chair read submitted words, never a draft', async () => {
    await setSharing('before-meeting');
    await json(
      as.police(cell(adult), put({ response: { currentInvolvement: `${SECRET} draft` } })),
    );
    const reads = await audits('research.read');
    for (const call of [as.coordinator, as.chair]) {
      const text = await everything(call, []);
      expect(text).toContain(`${SECRET}: conditions`);
      expect(text).not.toContain(`${SECRET} draft`);
    }
    expect(await audits('research.read')).toBeGreaterThan(reads);
    const matrix = await json<ResearchMatrix>(
      as.coordinator(`/api/meetings/${meetingId}/research`),
    );
    expect(JSON.stringify(matrix)).not.toContain(SECRET);
    expect(matrix.mayChase).toBe(true);
    for (const call of [as.childrens, as.idva])
      expect(await everything(call, [childrens])).not.toContain(SECRET);
  });

  it('at-meeting: sealed until the chair opens the case, then readable', async () => {
    await setSharing('at-meeting');
    for (const call of others()) expect(await everything(call, [childrens])).not.toContain(SECRET);
    const open = `/api/meetings/${meetingId}/research/${withChildren}/open`;
    expect((await as.chair(open, post({}))).status).toBe(409); // not started yet
    await moveClock(startsAt);
    expect((await as.coordinator(open, post({}))).status).toBe(403);
    expect((await as.chair(open, post({}))).status).toBe(204);
    const coordinator = await json<CaseResearch>(
      as.coordinator(`/api/meetings/${meetingId}/research/${withChildren}`),
    );
    const policeResponse = coordinator.responses.find((r) => r.agencyId === police)!;
    expect(policeResponse.response?.currentInvolvement).toContain(SECRET);
    expect(coordinator.responses.find((r) => r.agencyId === childrens)!.response).toBeUndefined();
    expect(await everything(as.chair, [])).toContain(SECRET);
    // The matrix never carries words, opened or not.
    expect(
      await (await as.coordinator(`/api/meetings/${meetingId}/research`)).text(),
    ).not.toContain(SECRET);
    for (const call of [as.childrens, as.idva])
      expect(await everything(call, [childrens])).not.toContain(SECRET);
  });

  it('refuses writes once the deadline has passed, in words, audited, nothing written', async () => {
    const before = await researchRows();
    const refused = await audits('research.submit.refused');
    const answer = await as.police(`${cell(adult)}/submit`, post({ response: policeAnswer }));
    expect(answer.status).toBe(409);
    const { error } = (await answer.json()) as { error: { message: string } };
    expect(error.message).toMatch(
      /^The research deadline was 17:00 on .+: research for this meeting can no longer be saved or changed/,
    );
    expect(await researchRows()).toBe(before);
    expect(await audits('research.submit.refused')).toBe(refused + 1);
    const form = await json<AgencyResearch>(
      as.police(`/api/meetings/${meetingId}/research/agencies/${police}`),
    );
    expect(form.open).toBe(false);
  });
});
