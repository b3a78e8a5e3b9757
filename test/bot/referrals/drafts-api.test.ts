import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from './fixtures.js';

const now = () => new Date('2026-12-01T09:00:00Z');
const DANA = 'dana.whitcombe@police.example'; // police core rep
const PRIYA = 'priya.ellingham@childrens.example'; // children's social care core rep
const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';

describe('draft referrals through the API', () => {
  let app: TestApp;
  let northbrook: string;
  let police: string;
  let dana: Awaited<ReturnType<typeof signIn>>;
  const send = (method: string, route: string, body: unknown) =>
    dana(route, { method, body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await startApp({ now, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const areas = await app.db.query<{ id: string; name: string }>('SELECT id, name FROM area');
    northbrook = areas.rows.find((a) => a.name.startsWith('Northbrook'))!.id;
    const agencies = await app.db.query<{ id: string; name: string }>(
      'SELECT id, name FROM agency',
    );
    police = agencies.rows.find((a) => a.name === 'Riverside Police')!.id;
    dana = await signIn(app, DANA);
  });
  afterAll(() => app.stop());

  it('saves a draft with only the area, reopens it, and completes it on submission', async () => {
    const created = await send('POST', '/api/referrals', {
      form: { areaId: northbrook },
      submit: false,
    });
    expect(created.status).toBe(201);
    const receipt = (await created.json()) as any;
    expect(receipt).toMatchObject({ status: 'draft', likelyDuplicate: false, warnings: [] });

    const partial = {
      areaId: northbrook,
      victim: { name: 'Tamsin Okonkwo-Reyes', address: { line1: '3 Gullet Lane' } },
      perpetrators: [{ name: 'Bram Eastleigh' }],
      consent: { victimAware: null },
    };
    const updated = await send('PUT', `/api/referrals/${receipt.id}`, {
      form: partial,
      submit: false,
    });
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as any).reference).toBe(receipt.reference);

    const reopened = (await (await dana(`/api/referrals/${receipt.id}`)).json()) as any;
    expect(reopened.draft).toMatchObject(partial);
    expect(reopened.summary).toMatchObject({ status: 'draft', referrerAgencyId: null });
    const stored = await app.db.query<{ form: string }>('SELECT form FROM referral WHERE id = $1', [
      receipt.id,
    ]);
    expect(stored.rows[0]!.form).not.toContain('Tamsin');

    const incomplete = await send('PUT', `/api/referrals/${receipt.id}`, {
      form: partial,
      submit: true,
    });
    expect(incomplete.status).toBe(400);

    const complete = referralForm({ areaId: northbrook, referrerAgencyId: police });
    const submitted = await send('PUT', `/api/referrals/${receipt.id}`, {
      form: complete,
      submit: true,
    });
    expect(submitted.status).toBe(200);
    expect(await submitted.json()).toMatchObject({
      status: 'submitted',
      reference: receipt.reference,
    });
  });

  it.each([
    ['victim aware', (f: any) => ({ ...f, consent: {} }), 'consent.victimAware'],
    ['consent', (f: any) => ({ ...f, consent: { victimAware: true } }), 'consent.consented'],
    [
      'relationship to the victim',
      (f: any) => ({
        ...f,
        perpetrators: [{ ...f.perpetrators[0], relationshipToVictim: undefined }],
      }),
      'perpetrators.0.relationshipToVictim',
    ],
    [
      'MAPPA level',
      (f: any) => ({ ...f, perpetrators: [{ ...f.perpetrators[0], mappaLevel: undefined }] }),
      'perpetrators.0.mappaLevel',
    ],
  ])(
    'refuses a submission with %s unanswered, and saves it as a draft',
    async (_name, change, path) => {
      const form = change(referralForm({ areaId: northbrook, referrerAgencyId: police }));
      const refused = await send('POST', '/api/referrals', { form, submit: true });
      expect(refused.status).toBe(400);
      const details = ((await refused.json()) as any).error.details as { path: string }[];
      expect(details.map((d) => d.path.replace(/^body\.form\./, ''))).toContain(path);
      const draft = await send('POST', '/api/referrals', { form, submit: false });
      expect(draft.status).toBe(201);
    },
  );

  it('runs no duplicate check on a draft and files no match terms for it', async () => {
    const form = referralForm({ areaId: northbrook, referrerAgencyId: police });
    expect((await send('POST', '/api/referrals', { form, submit: true })).status).toBe(201);
    const priya = await signIn(app, PRIYA);
    const draft = await priya('/api/referrals', {
      method: 'POST',
      body: JSON.stringify({ form: { areaId: northbrook, victim: form.victim }, submit: false }),
    });
    const receipt = (await draft.json()) as any;
    expect(receipt).toMatchObject({ status: 'draft', likelyDuplicate: false, warnings: [] });
    const terms = await app.db.query('SELECT 1 FROM victim_term WHERE referral_id = $1', [
      receipt.id,
    ]);
    const candidates = await app.db.query(
      'SELECT 1 FROM duplicate_candidate WHERE referral_id = $1',
      [receipt.id],
    );
    expect([terms.rows.length, candidates.rows.length]).toEqual([0, 0]);
  });

  it('keeps a draft to its referrer, and refuses text over a limit without cutting it', async () => {
    const created = (await (
      await send('POST', '/api/referrals', { form: { areaId: northbrook }, submit: false })
    ).json()) as any;
    const coordinator = await signIn(app, COORDINATOR);
    expect((await coordinator(`/api/referrals/${created.id}`)).status).toBe(404);
    const queue = (await (await coordinator(`/api/areas/${northbrook}/referrals`)).json()) as any[];
    expect(queue.some((q) => q.id === created.id)).toBe(false);
    const tooLong = await send('PUT', `/api/referrals/${created.id}`, {
      form: { areaId: northbrook, victim: { name: 'A'.repeat(121) } },
      submit: false,
    });
    expect(tooLong.status).toBe(400);
  });
});
