import { signIn, startApp, type TestApp } from '../../support/start-app.js';
import { referralForm } from '../referrals/fixtures.js';

/**
 * Findings of the security review (issue 7, section 7): what a referrer can learn of a victim
 * heard before, who may refer for which agency, and what is audited.
 */
let app: TestApp;
let areaId: string;
let police: string;
let haven: string;
let coordinator: (path: string, init?: RequestInit) => Promise<Response>;
let rep: (path: string, init?: RequestInit) => Promise<Response>;
let repId: string;

const COORDINATOR = 'rosalind.marsh@riverside-partnership.example';
const REP = 'dana.whitcombe@police.example'; // core rep of Riverside Police

const agencyNamed = async (name: string) =>
  (
    await app.db.query<{ id: string }>(
      `SELECT aa.agency_id AS id FROM area_agency aa JOIN agency g ON g.id = aa.agency_id
        WHERE aa.area_id = $1 AND g.name = $2`,
      [areaId, name],
    )
  ).rows[0]!.id;

const audited = async (action: string, recordId?: string) =>
  (
    await app.db.query<{ actor_id: string | null; record_id: string | null }>(
      `SELECT actor_id, record_id FROM audit_log WHERE action = $1 ${recordId ? 'AND record_id = $2' : ''} ORDER BY id`,
      recordId ? [action, recordId] : [action],
    )
  ).rows;

function form(victimName: string, agencyId: string) {
  const f = referralForm({ areaId, referrerAgencyId: agencyId });
  f.victim = { ...f.victim, name: victimName, dateOfBirth: '1988-07-14' };
  return f;
}

const refer = (
  as: typeof rep,
  victimName: string,
  agencyId: string,
  submit = true,
): Promise<Response> =>
  as('/api/referrals', {
    method: 'POST',
    body: JSON.stringify({ form: form(victimName, agencyId), submit }),
  });

beforeAll(async () => {
  app = await startApp({
    now: () => new Date('2026-12-01T09:00:00Z'),
    env: { RATE_LIMIT_PER_MINUTE: '100000' },
  });
  areaId = (
    await app.db.query<{ id: string }>(
      `SELECT id FROM area WHERE name = 'Northbrook and Wellfield'`,
    )
  ).rows[0]!.id;
  police = await agencyNamed('Riverside Police');
  haven = await agencyNamed('Haven Refuge');
  coordinator = await signIn(app, COORDINATOR);
  rep = await signIn(app, REP);
  repId = ((await (await rep('/api/me')).json()) as { id: string }).id;
}, 120_000);
afterAll(() => app.stop());

describe('who may refer for which agency', () => {
  it('lets a rep refer for the agency they represent', async () => {
    expect((await refer(rep, 'Odessa Quarrington', police)).status).toBe(201);
  });

  it('refuses a rep referring for another agency, naming the field in words', async () => {
    const response = await refer(rep, 'Odessa Quarrington', haven);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { message: string; details: { path: string; message: string }[] };
    };
    expect(error.details).toEqual([
      { path: 'form.referrerAgencyId', message: 'Your agency: choose an agency you represent.' },
    ]);
    expect(error.message).toMatch(/only for an agency you represent/);
  });

  it("lets the coordinator refer on an agency's behalf, recorded as such", async () => {
    const response = await refer(coordinator, 'Peregrine Oakhurst', haven);
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const coordinatorId = ((await (await coordinator('/api/me')).json()) as { id: string }).id;
    expect(await audited('referral.on-behalf', id)).toEqual([
      { actor_id: coordinatorId, record_id: id },
    ]);
  });
});

describe('what a referrer learns of a victim heard before', () => {
  const VICTIM = 'Marisol Fairweather';
  let repeatId: string;

  beforeAll(async () => {
    // Heard before: a referral for the victim, accepted onto a meeting.
    const first = (await (await refer(coordinator, VICTIM, haven)).json()) as { id: string };
    const accepted = await coordinator(`/api/referrals/${first.id}/accept`, {
      method: 'POST',
      body: '{}',
    });
    expect(accepted.status).toBe(200);
  });

  it('says nothing of a match on a draft, and records no notice', async () => {
    const before = (await audited('referral.match-notice')).length;
    const response = await refer(rep, VICTIM, police, false);
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as { likelyDuplicate: boolean; warnings: string[] };
    expect(receipt.likelyDuplicate).toBe(false);
    expect(receipt.warnings.join(' ')).not.toMatch(/already|before|duplicate|match/i);
    expect(await audited('referral.match-notice')).toHaveLength(before);
  });

  it('tells of a likely match on submission, but never that the victim was heard before', async () => {
    const response = await refer(rep, VICTIM, police);
    expect(response.status).toBe(201);
    const receipt = (await response.json()) as {
      id: string;
      likelyDuplicate: boolean;
      risk: { criteriaMet: string[] };
    };
    repeatId = receipt.id;
    expect(receipt.likelyDuplicate).toBe(true);
    expect(receipt.risk.criteriaMet).not.toContain('repeat');
    // The coordinator sees it as a repeat with a candidate.
    const queue = (await (await coordinator(`/api/areas/${areaId}/referrals`)).json()) as {
      id: string;
      isRepeat?: boolean;
      criteria: string[];
      openDuplicates?: number;
    }[];
    const item = queue.find((q) => q.id === repeatId)!;
    expect(item.isRepeat).toBe(true);
    expect(item.openDuplicates).toBeGreaterThan(0);
  });

  it('keeps "My referrals" and the referral itself free of repeats and candidate counts', async () => {
    const mine = (await (await rep('/api/referrals/mine')).json()) as Record<string, unknown>[];
    expect(mine.length).toBeGreaterThan(0);
    for (const item of mine) {
      expect(item).not.toHaveProperty('isRepeat');
      expect(item).not.toHaveProperty('openDuplicates');
      expect(JSON.stringify(item)).not.toMatch(/repeat/i);
    }
    const detail = (await (await rep(`/api/referrals/${repeatId}`)).json()) as {
      summary: Record<string, unknown>;
      candidates: unknown[];
    };
    expect(detail.summary).not.toHaveProperty('isRepeat');
    expect(detail.summary).not.toHaveProperty('openDuplicates');
    expect(detail.candidates).toEqual([]);
  });

  it('lists each notice for the coordinator: who was told, about which referral, when', async () => {
    const notices = (await (await coordinator(`/api/areas/${areaId}/match-notices`)).json()) as {
      referralId: string;
      toldPersonId: string;
      toldName: string;
      at: string;
    }[];
    expect(notices).toContainEqual({
      referralId: repeatId,
      reference: expect.stringMatching(/^[A-Z]+-2026-\d+$/),
      toldPersonId: repId,
      toldName: 'Dana Whitcombe',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect((await rep(`/api/areas/${areaId}/match-notices`)).status).toBe(403);
  });
});

describe('audit', () => {
  it('records every read of the queue and of "My referrals"', async () => {
    const queueReads = (await audited('referral.queue.read', areaId)).length;
    const mineReads = (await audited('referral.mine.read', repId)).length;
    await coordinator(`/api/areas/${areaId}/referrals`);
    await rep('/api/referrals/mine');
    expect(await audited('referral.queue.read', areaId)).toHaveLength(queueReads + 1);
    expect(await audited('referral.mine.read', repId)).toHaveLength(mineReads + 1);
  });

  it('records refused requests once per caller, kind and minute, with a count', async () => {
    const tallied = async () =>
      (
        await app.db.query<{ count: number }>(
          `SELECT count FROM refused_request WHERE caller = $1 AND action = 'api.get.areas.areaid.match-notices'`,
          [repId],
        )
      ).rows.map((r) => r.count);
    const before = (await audited('api.get.areas.areaid.match-notices')).length;
    const counted = (await tallied())[0] ?? 0;
    for (let i = 0; i < 25; i += 1) {
      expect((await rep(`/api/areas/${areaId}/match-notices`)).status).toBe(403);
    }
    const rows = await audited('api.get.areas.areaid.match-notices');
    expect(rows.length - before).toBeLessThanOrEqual(1);
    expect(rows.at(-1)).toEqual({ actor_id: repId, record_id: areaId });
    // All in the same minute of the app's (fixed) clock: one row, counting every refusal.
    expect(await tallied()).toEqual([counted + 25]);
  });
});
