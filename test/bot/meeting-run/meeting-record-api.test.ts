import { randomUUID } from 'node:crypto';
import type { CaseNotes, MeetingAction, RunCaseDetail } from '#core/contracts/meeting-api.js';
import {
  errorOf,
  json,
  meetingUnderWay,
  post,
  put,
  SECRET,
  type MeetingFixture,
} from './record-fixture.js';

/**
 * What the meeting records case by case, through the REST API on the real server (PGlite): the
 * case read (audited, only after the statement), notes and actions with version checks (the
 * second writer told, the first's words kept), SMART refusals in words, forged ids refused and
 * audited, corrections after close, and live events that carry ids only.
 */
let f: MeetingFixture;
let base: string;

const count = async (sql: string, params: unknown[] = []) =>
  (await f.app.db.query<{ n: number }>(sql, params)).rows[0]!.n;
const audits = (action: string, recordId?: string) =>
  count(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1
        AND ($2::text IS NULL OR record_id = $2)`,
    [action, recordId ?? null],
  );

/** An action due three days after the meeting at 10:00 London time, owned by the police. */
const action = (overrides: Record<string, unknown> = {}) => ({
  ownerAgencyId: f.police,
  ownerPerson: 'PC Hollis Brandreth',
  what: 'Flag the address for an urgent response',
  dueDate: f.day(3),
  dueTime: '10:00',
  risk: 'Further assault at the home address',
  urgent: null,
  ...overrides,
});

beforeAll(async () => {
  f = await meetingUnderWay();
  base = `/api/meetings/${f.meetingId}/run`;
}, 180_000);
afterAll(() => f.app.stop());

describe('reading one case in the meeting', () => {
  it('gives a confirmed attendee the summary, notes and actions, and audits each view', async () => {
    const before = await audits('meeting.case-viewed', f.withChildren);
    const detail = await json<RunCaseDetail>(f.as.idva(`${base}/cases/${f.withChildren}`));
    expect(detail.case).toMatchObject({ referralId: f.withChildren, hasChildren: true });
    expect(detail.summary.children.map((c) => c.name)).toEqual([
      'Wren Calloway Ash',
      'Wren Calloway Birch',
    ]);
    expect(detail.notes).toMatchObject({ facts: '', version: 0 });
    await json(f.as.police(`${base}/cases/${f.withChildren}`));
    expect(await audits('meeting.case-viewed', f.withChildren)).toBe(before + 2);
  });

  it('shows no case to someone on the meeting who has not confirmed the statement', async () => {
    const refusals = await audits('meeting.case-viewed.refused');
    const answer = await errorOf(f.as.childrens(`${base}/cases/${f.withChildren}`));
    expect(answer).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(answer.message).toMatch(/Confirm the confidentiality statement/);
    expect(await audits('meeting.case-viewed.refused')).toBe(refusals + 1);
    expect(await audits('meeting.case-viewed', f.withChildren)).toBeGreaterThan(0);
  });

  it('refuses, and audits, a case of another meeting and a person not on this one', async () => {
    const refusals = await audits('meeting.case-viewed.refused');
    expect(await errorOf(f.as.chair(`${base}/cases/${f.otherMeetingCase}`))).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(await errorOf(f.as.admin(`${base}/cases/${f.withChildren}`))).toMatchObject({
      status: 404,
      code: 'MEETING_NOT_FOUND',
    });
    expect(await audits('meeting.case-viewed.refused')).toBe(refusals + 2);
    expect(await audits('meeting.case-viewed', f.otherMeetingCase)).toBe(0);
  });
});

describe('research at the meeting', () => {
  const setSharing = (sharing: string) =>
    json(
      f.as.coordinator(
        `/api/areas/${f.areaId}/research-settings`,
        put({ sharing, deputies: 'always', reminderDays: [3, 1] }),
      ),
    );
  const read = (who: 'observer' | 'chair' | 'childrens' | 'police') =>
    json<RunCaseDetail>(f.as[who](`${base}/cases/${f.withChildren}`));

  it.each(['before-meeting', 'at-meeting', 'status-only'])(
    'gives an observer none of it under %s, and says why in words',
    async (sharing) => {
      await setSharing(sharing);
      const raw = await (await f.as.observer(`${base}/cases/${f.withChildren}`)).text();
      expect(raw).not.toContain(SECRET);
      const seen = JSON.parse(raw) as RunCaseDetail;
      expect(seen.research).toEqual([]);
      expect(seen.researchWithheld).toMatch(/Observers do not read/);
    },
  );

  it('opens sealed at-meeting research to the chair once the case is opened', async () => {
    await setSharing('at-meeting');
    const sealed = await read('chair');
    const police = sealed.research.find((r) => r.agencyId === f.police)!;
    expect(police).toMatchObject({ status: 'submitted', text: null });
    expect(sealed.researchWithheld).toMatch(/opens when the chair opens the case/);
    const open = f.as.chair(
      `/api/meetings/${f.meetingId}/research/${f.withChildren}/open`,
      post({}),
    );
    expect((await open).status).toBe(204);
    const opened = await read('chair');
    expect(opened.researchWithheld).toBeNull();
    expect(opened.research.find((r) => r.agencyId === f.police)!.text).toEqual(
      expect.arrayContaining([
        { label: 'Current involvement', value: `${SECRET}: conditions until March` },
        { label: 'Child 2: involvement', value: 'Seen at one callout' },
      ]),
    );
  });

  it('gives a rep their own agency words, and the chair none under status-only', async () => {
    await setSharing('status-only');
    expect(JSON.stringify(await read('police'))).toContain(SECRET);
    const chair = await read('chair');
    expect(JSON.stringify(chair)).not.toContain(SECRET);
    expect(chair.researchWithheld).toMatch(/shares the status of research only/);
  });
});

describe('notes', () => {
  const notesAt = (referralId: string) => `${base}/cases/${referralId}/notes`;
  const notes = (version: number, facts: string) => ({
    facts,
    opinion: 'The police think the risk is rising',
    riskSummary: 'Serious harm likely within weeks',
    version,
  });

  it('keeps the first of two writers from one version, and tells the second who saved', async () => {
    const first = await json<CaseNotes>(
      f.as.chair(notesAt(f.adult), put(notes(0, 'Called police twice in November'))),
    );
    expect(first).toMatchObject({ version: 1, updatedBy: 'Inspector Amos Kettering' });
    const second = await errorOf(
      f.as.coordinator(notesAt(f.adult), put(notes(0, 'Nothing reported'))),
    );
    expect(second).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(second.message).toMatch(/^Inspector Amos Kettering saved these notes at \d\d:\d\d on /);
    const stored = await json<RunCaseDetail>(f.as.idva(`${base}/cases/${f.adult}`));
    expect(stored.notes.facts).toBe('Called police twice in November');
    expect(await audits('meeting.notes.refused')).toBe(1);
  });

  it('lets only the chair or coordinator write them, and not for another meeting', async () => {
    const ownCase = await errorOf(f.as.police(notesAt(f.adult), put(notes(1, 'x'))));
    expect(ownCase.status).toBe(403);
    const forged = await errorOf(f.as.chair(notesAt(f.otherMeetingCase), put(notes(0, 'x'))));
    expect(forged).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('refuses a correction reason while the meeting runs', async () => {
    const answer = await errorOf(
      f.as.chair(notesAt(f.adult), put({ ...notes(1, 'x'), correctionReason: 'Typo' })),
    );
    expect(answer).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(answer.message).toMatch(/still running/);
  });
});

describe('actions', () => {
  const actionsAt = (referralId: string) => `${base}/cases/${referralId}/actions`;

  it('records a SMART action once per Idempotency-Key, in London time', async () => {
    const key = randomUUID();
    const made = await f.as.chair(actionsAt(f.adult), post(action(), key));
    expect(made.status).toBe(201);
    const saved = (await made.json()) as MeetingAction;
    expect(saved).toMatchObject({
      ownerAgencyName: expect.any(String),
      dueDate: f.day(3),
      dueTime: '10:00',
      // The meeting is in winter: London is on GMT.
      dueAt: `${f.day(3)}T10:00:00.000Z`,
      status: 'open',
      version: 1,
    });
    const again = await f.as.chair(actionsAt(f.adult), post(action(), key));
    expect(((await again.json()) as MeetingAction).id).toBe(saved.id);
    expect(await count('SELECT count(*)::int AS n FROM meeting_action')).toBe(1);
    const stored = await f.app.db.query<{ body: string }>('SELECT body FROM meeting_action');
    expect(stored.rows[0]!.body).not.toContain('Hollis');
  });

  it.each([
    ['what', () => ({ what: '' })],
    ['risk', () => ({ risk: '   ' })],
    ['dueDate', () => ({ dueDate: f.day(-1) })],
    ['ownerAgencyId', () => ({ ownerAgencyId: randomUUID() })],
  ])('refuses a bad %s, naming the field', async (field, change) => {
    const answer = await errorOf(
      f.as.chair(actionsAt(f.adult), post(action(change()), randomUUID())),
    );
    expect(answer).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    // A schema's paths start at the body; a use case's are the field's own name.
    expect(answer.fields.map((path) => path.replace(/^body\./, ''))).toContain(field);
    expect(answer.message).not.toMatch(/This answer/);
  });

  it('refuses an urgent child safeguarding action due after 24 hours', async () => {
    const late = await errorOf(
      f.as.chair(
        actionsAt(f.withChildren),
        post(action({ urgent: 'childrens-services-referral', dueDate: f.day(2) }), randomUUID()),
      ),
    );
    expect(late).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(late.message).toMatch(/within 24 hours/);
    const dueToday = await f.as.chair(
      actionsAt(f.withChildren),
      post(
        action({
          urgent: 'strategy-discussion',
          dueDate: f.day(0),
          dueTime: '17:00',
        }),
        randomUUID(),
      ),
    );
    expect(dueToday.status).toBe(201);
  });

  it('keeps the first of two changes from one version, and audits the refusal', async () => {
    const made = await json<MeetingAction>(
      f.as.coordinator(
        actionsAt(f.adult),
        post(action({ what: 'Refer to housing' }), randomUUID()),
      ),
    );
    const change = (what: string) => put({ ...action({ what }), version: made.version });
    const first = await json<MeetingAction>(
      f.as.chair(`${base}/actions/${made.id}`, change('Refer to housing today')),
    );
    expect(first.version).toBe(2);
    const refusals = await audits('meeting.action.refused');
    const second = await errorOf(
      f.as.coordinator(`${base}/actions/${made.id}`, change('Refer to housing next week')),
    );
    expect(second).toMatchObject({ status: 409, code: 'VERSION_CONFLICT' });
    expect(second.message).toMatch(/^Inspector Amos Kettering saved this action at /);
    const detail = await json<RunCaseDetail>(f.as.chair(`${base}/cases/${f.adult}`));
    expect(detail.actions.find((a) => a.id === made.id)).toMatchObject({
      what: 'Refer to housing today',
      version: 2,
    });
    expect(await audits('meeting.action.refused')).toBe(refusals + 1);
  });
});

describe('live events', () => {
  it('carry ids and kinds only, never the words typed', async () => {
    const events = await f.app.db.query<{ kind: string; ids: Record<string, string> }>(
      `SELECT kind, ids FROM live_event WHERE topic = $1 ORDER BY seq`,
      [`meeting:${f.meetingId}`],
    );
    const kinds = new Set(events.rows.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['case.notes', 'case.action']));
    const text = JSON.stringify(events.rows);
    for (const typed of ['Called police', 'housing', 'Hollis', 'Wren', SECRET]) {
      expect(text).not.toContain(typed);
    }
    for (const e of events.rows) {
      expect(
        Object.keys(e.ids).every((k) => ['meetingId', 'referralId', 'actionId'].includes(k)),
      ).toBe(true);
    }
  });
});
