import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { answers, referralForm } from './fixtures.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const DANA = 'dana.whitcombe@police.example'; // police core rep
const PRIYA = 'priya.ellingham@childrens.example'; // children's social care core rep
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';

describe('referrals through the API', () => {
  let app: TestApp;
  let area: { northbrook: string; eastmere: string };
  let agency: Record<string, string>;
  const post = (api: Awaited<ReturnType<typeof signIn>>, route: string, body: unknown) =>
    api(route, { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const areas = await app.db.query<{ id: string; name: string }>('SELECT id, name FROM area');
    area = {
      northbrook: areas.rows.find((a) => a.name.startsWith('Northbrook'))!.id,
      eastmere: areas.rows.find((a) => a.name === 'Eastmere')!.id,
    };
    const agencies = await app.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM agency',
    );
    agency = Object.fromEntries(agencies.rows.map((a) => [a.name, a.id]));
  });
  afterAll(() => app.stop());

  it('takes a high-risk referral, and tells a second agency only that a likely duplicate exists', async () => {
    const dana = await signIn(app, DANA);
    const first = await post(dana, '/api/referrals', {
      form: referralForm({
        areaId: area.northbrook,
        referrerAgencyId: agency['Riverside Police']!,
      }),
      submit: true,
    });
    expect(first.status).toBe(201);
    const receipt = (await first.json()) as any;
    expect(receipt).toMatchObject({
      status: 'submitted',
      likelyDuplicate: false,
      risk: { score: 15, band: 'high', criteriaMet: ['visible-high-risk'] },
    });
    expect(receipt.reference).toMatch(/^[A-Z]{2,8}-2026-\d{4}$/);

    const priya = await signIn(app, PRIYA);
    const second = await post(priya, '/api/referrals', {
      form: referralForm({
        areaId: area.northbrook,
        referrerAgencyId: agency["Children's Social Care"]!,
        victim: {
          ...referralForm({ areaId: '', referrerAgencyId: '' }).victim,
          name: 'amelia HART',
          dateOfBirth: '1990-03-04',
          address: null,
        },
      }),
      submit: true,
    });
    expect(second.status).toBe(201);
    const duplicate = (await second.json()) as any;
    expect(duplicate.likelyDuplicate).toBe(true);
    expect(duplicate.warnings.join(' ')).toMatch(/contact your MARAC coordinator/);
    // Nothing of the first referral reaches the second referrer.
    expect(JSON.stringify(duplicate)).not.toContain(receipt.reference);
    expect(JSON.stringify(duplicate)).not.toContain(receipt.id);

    const coordinator = await signIn(app, COORDINATOR);
    const queue = (await (
      await coordinator(`/api/areas/${area.northbrook}/referrals`)
    ).json()) as any[];
    expect(queue.find((q) => q.id === duplicate.id).openDuplicates).toBe(1);
    const detail = (await (await coordinator(`/api/referrals/${duplicate.id}`)).json()) as any;
    expect(detail.candidates).toEqual([
      expect.objectContaining({ referralId: receipt.id, decision: 'open' }),
    ]);
    expect(detail.candidates[0].confidence).toBeGreaterThanOrEqual(0.7);
    // The referrer of the second cannot open the first.
    expect((await priya(`/api/referrals/${receipt.id}`)).status).toBe(404);
  });

  it('accepts onto the next meeting in time, and tells the referrer in Teams without personal data', async () => {
    const coordinator = await signIn(app, COORDINATOR);
    const queue = (await (
      await coordinator(`/api/areas/${area.northbrook}/referrals`)
    ).json()) as any[];
    const first = queue.find((q) => q.openDuplicates === 0 && q.status === 'submitted');
    const accepted = (await (
      await post(coordinator, `/api/referrals/${first.id}/accept`, {})
    ).json()) as any;
    // Northbrook meets fortnightly on Tuesdays from 1 Dec 2026: the 1 Dec referral deadline (23 Nov)
    // has passed, so the next meeting in time is Tue 15 Dec (deadline Mon 7 Dec).
    expect(accepted).toMatchObject({
      kind: 'accepted',
      meetingDate: '2026-12-15',
      overCapacity: false,
    });
    const teams = path.join(app.dataDir, 'outbox', 'teams');
    const texts = readdirSync(teams).map(
      (f) => (JSON.parse(readFileSync(path.join(teams, f), 'utf8')) as { text: string }).text,
    );
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/is accepted for the MARAC on Tue 15 Dec 2026/),
      ]),
    );
    for (const text of texts) expect(text).not.toMatch(/Amelia|Hart|Threlkeld/);
  });

  it('marks a referral in another area within 12 months as a repeat, linked to the earlier case', async () => {
    const dana = await signIn(app, DANA);
    const response = await post(dana, '/api/referrals', {
      form: referralForm({ areaId: area.eastmere, referrerAgencyId: agency['Riverside Police']! }),
      submit: true,
    });
    const receipt = (await response.json()) as any;
    expect(receipt.error).toBeUndefined();
    // The referrer is never told the victim was heard before (security review); the coordinator is.
    expect(receipt.risk.criteriaMet).toEqual(['visible-high-risk']);
    const queue = (await (
      await (
        await signIn(app, COORDINATOR)
      )(`/api/areas/${area.eastmere}/referrals`)
    ).json()) as any[];
    expect(queue.find((q) => q.id === receipt.id)).toMatchObject({
      isRepeat: true,
      criteria: expect.arrayContaining(['visible-high-risk', 'repeat']),
    });
    const cases = await app.db.query<{ case_id: string; is_repeat: boolean; area_id: string }>(
      'SELECT case_id, is_repeat, area_id FROM referral ORDER BY created_at',
    );
    const latest = cases.rows.at(-1)!;
    expect(latest).toMatchObject({ is_repeat: true, area_id: area.eastmere });
    expect(cases.rows[0]!.case_id).toBe(latest.case_id);
  });

  it('keeps a referral below every criterion as a draft with the reason, and names missing answers', async () => {
    const dana = await signIn(app, DANA);
    const draft = await post(dana, '/api/referrals', {
      form: referralForm({
        areaId: area.northbrook,
        referrerAgencyId: agency['Riverside Police']!,
        victim: {
          ...referralForm({ areaId: '', referrerAgencyId: '' }).victim,
          name: 'Sorcha Pendleby',
          dateOfBirth: '1985-07-21',
        },
        riskAssessment: {
          kind: 'dash',
          questionSet: 'safelives-24',
          answers: answers(13),
          completedOn: '2026-11-30',
        },
      }),
      submit: false,
    });
    expect(draft.status).toBe(201);
    expect(await draft.json()).toMatchObject({
      status: 'draft',
      risk: {
        band: 'medium',
        criteriaMet: [],
        shortfall: expect.stringMatching(/Score 13 of 24 is below 14/),
      },
    });

    const before = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
    const partial = answers(15);
    delete partial.q5;
    const refused = await post(dana, '/api/referrals', {
      form: referralForm({
        areaId: area.northbrook,
        referrerAgencyId: agency['Riverside Police']!,
        riskAssessment: {
          kind: 'dash',
          questionSet: 'safelives-24',
          answers: partial,
          completedOn: '2026-11-30',
        },
      }),
      submit: true,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'riskAssessment.answers.q5' })]),
    );
    const after = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral');
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it("asks for confirmation of a children's services referral when children live in the household", async () => {
    const dana = await signIn(app, DANA);
    const child = {
      name: 'Pip Hart-Lowe',
      dateOfBirth: '2019-06-02',
      relationshipToVictim: 'son',
      relationshipToPerpetrator: 'son',
      livesInHousehold: true,
    };
    const form = referralForm({
      areaId: area.northbrook,
      referrerAgencyId: agency['Riverside Police']!,
      children: [child],
    });
    const refused = await post(dana, '/api/referrals', { form, submit: true });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/childrensServicesReferralMade/);
    const ok = await post(dana, '/api/referrals', {
      form: { ...form, childrensServicesReferralMade: true },
      submit: true,
    });
    expect(ok.status).toBe(201);
  });
});
