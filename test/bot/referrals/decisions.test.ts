import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from './fixtures.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const DANA = 'dana.whitcombe@police.example';
const PRIYA = 'priya.ellingham@childrens.example';
const LOWRI = 'lowri.blackwood@idva.example';

describe("the coordinator's decisions on referrals", () => {
  let app: TestApp;
  let areaId: string;
  let agency: Record<string, string>;
  let coordinator: Awaited<ReturnType<typeof signIn>>;
  const post = (api: typeof coordinator, route: string, body: unknown) =>
    api(route, { method: 'POST', body: JSON.stringify(body) });
  let victim = 0;
  /** A new high-risk referral for a new invented victim, submitted by the given referrer. */
  async function refer(email: string, agencyName: string): Promise<string> {
    victim += 1;
    const base = referralForm({ areaId, referrerAgencyId: agency[agencyName]! });
    const form = {
      ...base,
      victim: {
        ...base.victim,
        name: `Victim Number ${['One', 'Two', 'Three', 'Four', 'Five', 'Six'][victim]} Quillfeather`,
        dateOfBirth: `198${victim}-0${victim}-1${victim}`,
      },
    };
    const response = await post(await signIn(app, email), '/api/referrals', { form, submit: true });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    areaId = (
      await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name LIKE 'Northbrook%'`)
    ).rows[0]!.id;
    const agencies = await app.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM agency',
    );
    agency = Object.fromEntries(agencies.rows.map((a) => [a.name, a.id]));
    coordinator = await signIn(app, COORDINATOR);
  });
  afterAll(() => app.stop());

  it('offers the next meeting when the meeting is full, and accepts anyway when told', async () => {
    const area = (await (await coordinator(`/api/areas/${areaId}`)).json()) as {
      protocol: Record<string, unknown>;
    };
    const put = await coordinator(`/api/areas/${areaId}/protocol`, {
      method: 'PUT',
      body: JSON.stringify({ ...area.protocol, caseCapacity: 1 }),
    });
    expect(put.status).toBe(200);
    const first = await refer(DANA, 'Riverside Police');
    const second = await refer(DANA, 'Riverside Police');
    expect(
      await (await post(coordinator, `/api/referrals/${first}/accept`, {})).json(),
    ).toMatchObject({ kind: 'accepted', meetingDate: '2026-12-15' });
    const full = (await (
      await post(coordinator, `/api/referrals/${second}/accept`, {})
    ).json()) as any;
    expect(full).toMatchObject({
      kind: 'over-capacity',
      meetingDate: '2026-12-15',
      cases: 1,
      capacity: 1,
      nextMeeting: { date: '2026-12-29' },
    });
    const status = await app.db.query<{ status: string }>(
      'SELECT status FROM referral WHERE id = $1',
      [second],
    );
    expect(status.rows[0]!.status).toBe('submitted'); // nothing changed until the coordinator chose
    const anyway = await post(coordinator, `/api/referrals/${second}/accept`, {
      confirmOverCapacity: true,
    });
    expect(await anyway.json()).toMatchObject({
      kind: 'accepted',
      meetingDate: '2026-12-15',
      overCapacity: true,
    });
  });

  it('adds a late urgent referral to a meeting whose deadline has passed only with a reason', async () => {
    const id = await refer(DANA, 'Riverside Police');
    const today = await app.db.query<{ id: string }>(
      `SELECT id FROM meeting WHERE area_id = $1 AND date = '2026-12-01'`,
      [areaId],
    );
    const meetingId = today.rows[0]!.id;
    const refused = await post(coordinator, `/api/referrals/${id}/accept`, {
      meetingId,
      confirmOverCapacity: true,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/lateReason/);
    const late = await post(coordinator, `/api/referrals/${id}/accept`, {
      meetingId,
      lateReason: 'Serious incident overnight',
      confirmOverCapacity: true,
    });
    expect(await late.json()).toMatchObject({ kind: 'accepted', meetingDate: '2026-12-01' });
  });

  it('sends a referral back for information, and lets the referrer resubmit it', async () => {
    const id = await refer(DANA, 'Riverside Police');
    const back = await post(coordinator, `/api/referrals/${id}/decision`, {
      decision: 'needs-information',
      note: 'Please add the school of each child.',
    });
    expect(((await back.json()) as { status: string }).status).toBe('needs-information');
    const dana = await signIn(app, DANA);
    const detail = (await (await dana(`/api/referrals/${id}`)).json()) as {
      form: any;
      decisionNote: string;
    };
    expect(detail.decisionNote).toBe('Please add the school of each child.');
    const again = await dana(`/api/referrals/${id}`, {
      method: 'PUT',
      body: JSON.stringify({ form: detail.form, submit: true }),
    });
    expect(((await again.json()) as { status: string }).status).toBe('submitted');
  });

  it('shows an accepted case to a rep only while their agency is on the meeting list', async () => {
    const id = await refer(LOWRI, 'Riverside IDVA Service');
    const accepted = (await (
      await post(coordinator, `/api/referrals/${id}/accept`, { confirmOverCapacity: true })
    ).json()) as { meetingId: string };
    const priya = await signIn(app, PRIYA);
    expect((await priya(`/api/referrals/${id}`)).status).toBe(200); // no list set: the area's agencies
    await app.db.query('INSERT INTO meeting_agency (meeting_id, agency_id) VALUES ($1, $2)', [
      accepted.meetingId,
      agency['Riverside Police'],
    ]);
    expect((await priya(`/api/referrals/${id}`)).status).toBe(404);
    await app.db.query('INSERT INTO meeting_agency (meeting_id, agency_id) VALUES ($1, $2)', [
      accepted.meetingId,
      agency["Children's Social Care"],
    ]);
    expect((await priya(`/api/referrals/${id}`)).status).toBe(200);
  });

  it('records the MAPPA link only where a perpetrator is managed at level 2 or 3', async () => {
    const plain = await refer(DANA, 'Riverside Police');
    expect(
      (await post(coordinator, `/api/referrals/${plain}/mappa-link`, { note: 'Informed' })).status,
    ).toBe(409);
    victim += 1;
    const base = referralForm({ areaId, referrerAgencyId: agency['Riverside Police']! });
    const form = {
      ...base,
      victim: { ...base.victim, name: 'Ysolde Marchbank', dateOfBirth: '1979-10-02' },
      perpetrators: [
        { ...base.perpetrators[0]!, name: 'Corvin Ashgrove', mappaLevel: '2' as const },
      ],
    };
    const made = (await (
      await post(await signIn(app, DANA), '/api/referrals', { form, submit: true })
    ).json()) as any;
    expect(made.mappaLead).toBe(true);
    expect(made.warnings.join(' ')).toMatch(/MAPPA/);
    expect(
      (
        await post(coordinator, `/api/referrals/${made.id}/mappa-link`, {
          note: 'MAPPA coordinator informed; MAPPA leads.',
        })
      ).status,
    ).toBe(200);
  });

  it('lets the coordinator load the police 27-question checklist for an area, and refuses thresholds it cannot meet', async () => {
    const eastmere = (
      await app.db.query<{ id: string }>(`SELECT id FROM area WHERE name = 'Eastmere'`)
    ).rows[0]!.id;
    const settings = {
      questionSet: 'police-27',
      mediumThreshold: 10,
      highThreshold: 30,
      escalationIncidents: 3,
      escalationWindowMonths: 12,
    };
    const impossible = await coordinator(`/api/areas/${eastmere}/risk-settings`, {
      method: 'PUT',
      body: JSON.stringify(settings),
    });
    expect(impossible.status).toBe(400);
    expect(JSON.stringify(await impossible.json())).toMatch(/highThreshold/);
    const loaded = await coordinator(`/api/areas/${eastmere}/risk-settings`, {
      method: 'PUT',
      body: JSON.stringify({ ...settings, highThreshold: 14 }),
    });
    expect(await loaded.json()).toMatchObject({
      questionSet: 'police-27',
      highThreshold: 14,
      repeatWindowMonths: 12,
      capacityPerMeeting: 16,
    });
    const questions = (await (await coordinator('/api/question-sets/police-27')).json()) as {
      questions: { id: string }[];
    };
    expect(questions.questions).toHaveLength(27);
    const answers = Object.fromEntries(
      questions.questions.map((q, i) => [q.id, i < 14 ? 'yes' : 'no']),
    );
    const base = referralForm({ areaId: eastmere, referrerAgencyId: agency['Riverside Police']! });
    const form = {
      ...base,
      victim: { ...base.victim, name: 'Tamsin Orchardleigh', dateOfBirth: '1992-02-14' },
      riskAssessment: {
        kind: 'dash' as const,
        questionSet: 'police-27',
        answers,
        completedOn: '2026-11-30',
      },
    };
    const made = (await (
      await post(await signIn(app, DANA), '/api/referrals', { form, submit: true })
    ).json()) as any;
    expect(made.risk).toMatchObject({
      score: 14,
      band: 'high',
      criteriaMet: ['visible-high-risk'],
    });
  });

  it('adds an extra meeting when the next ones are full, with its own invitation, and accepts onto it', async () => {
    const id = await refer(DANA, 'Riverside Police');
    const full = (await (await post(coordinator, `/api/referrals/${id}/accept`, {})).json()) as any;
    expect(full.kind).toBe('over-capacity');
    const bankHoliday = await post(coordinator, `/api/areas/${areaId}/meetings`, {
      date: '2026-12-28',
      reason: 'Full',
    });
    expect(bankHoliday.status).toBe(422); // the Boxing Day substitute
    const extra = await post(coordinator, `/api/areas/${areaId}/meetings`, {
      date: '2026-12-17',
      startTime: '14:00',
      reason: 'Meetings full',
    });
    expect(extra.status).toBe(201);
    const meeting = (await extra.json()) as { id: string; startsAt: string };
    expect(meeting.startsAt).toBe('2026-12-17T14:00:00+00:00');
    const files = readdirSync(path.join(app.dataDir, 'outbox', 'calendar')).filter((f) =>
      f.startsWith('extra-'),
    );
    expect(files).toHaveLength(1);
    const ics = readFileSync(path.join(app.dataDir, 'outbox', 'calendar', files[0]!), 'utf8');
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:20261217T140000/);
    const event = ics.slice(ics.indexOf('BEGIN:VEVENT')); // the time zone block has RRULEs of its own
    expect(event).not.toMatch(/RRULE|Meetings full/);
    const accepted = await post(coordinator, `/api/referrals/${id}/accept`, {
      meetingId: meeting.id,
    });
    expect(await accepted.json()).toMatchObject({
      kind: 'accepted',
      meetingId: meeting.id,
      meetingDate: '2026-12-17',
    });
  });
});
