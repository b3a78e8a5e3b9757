import {
  APP_ID_URI,
  CLIENT_ID,
  FakeEntra,
  HEALTH_TENANT,
  POLICE_TENANT,
  STRANGER_TENANT,
} from '../../support/fake-entra.js';
import { startApp, type TestApp } from '../../support/start-app.js';
import { postActivity, teamsMessage } from '../../support/teams-activity.js';

// The API with Entra ID sign-in on, against a loopback key set; users are demo people.
const DANA = 'dana.whitcombe@police.example';
const DANA_OID = '6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d9e';

describe('API sign-in with Entra ID tokens', () => {
  let entra: FakeEntra;
  let app: TestApp;
  const me = (token: string) =>
    fetch(`${app.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    entra = await FakeEntra.start();
    app = await startApp({
      env: {
        ENTRA_ALLOWED_TENANTS: `${POLICE_TENANT},${HEALTH_TENANT}`,
        ENTRA_CLIENT_ID: CLIENT_ID,
        ENTRA_APP_ID_URI: APP_ID_URI,
        ENTRA_AUTHORITY_HOST: entra.authorityHost,
      },
    });
  });
  afterAll(async () => {
    await app.stop();
    await entra.close();
  });

  it('tells the tab which app and scope to ask a token for, and that there is no dev sign-in', async () => {
    const response = await fetch(`${app.url}/api/client-config`);
    expect(await response.json()).toEqual({
      entra: { clientId: CLIENT_ID, scope: `${APP_ID_URI}/access_as_user` },
      devSignIn: true,
    });
  });

  it('maps a valid token to the demo person by sign-in name, then by tenant and object id', async () => {
    const token = await entra.sign({
      preferred_username: DANA,
      oid: DANA_OID,
      name: 'Dana Whitcombe',
    });
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: DANA });
    const bound = await app.db.query<{ tenant_id: string; object_id: string }>(
      'SELECT tenant_id, object_id FROM person WHERE object_id = $1',
      [DANA_OID],
    );
    expect(bound.rows[0]).toEqual({ tenant_id: POLICE_TENANT, object_id: DANA_OID });
    // Same object id, another sign-in name: still Dana (the binding, not the name, decides).
    const renamed = await entra.sign({
      preferred_username: 'd.whitcombe@police.example',
      oid: DANA_OID,
    });
    expect(((await (await me(renamed)).json()) as { email: string }).email).toBe(DANA);
  });

  it.each([
    [
      'forged (foreign key)',
      () => entra.sign({ preferred_username: DANA, oid: DANA_OID }, { foreignKey: true }),
    ],
    [
      'expired',
      () =>
        entra.sign({
          preferred_username: DANA,
          oid: DANA_OID,
          exp: Math.floor(Date.now() / 1000) - 3600,
        }),
    ],
    [
      'wrong audience',
      () => entra.sign({ preferred_username: DANA, oid: DANA_OID, aud: 'api://other.example/app' }),
    ],
    [
      'tenant not allowed',
      () => entra.sign({ preferred_username: DANA }, { tenant: STRANGER_TENANT }),
    ],
    [
      'missing scope',
      () => entra.sign({ preferred_username: DANA, oid: DANA_OID, scp: 'User.Read' }),
    ],
  ])('refuses a %s token with 401', async (_label, make) => {
    expect((await me(await make())).status).toBe(401);
  });

  it('answers 403 with advice for a valid token of someone the MARAC does not know', async () => {
    const token = await entra.sign(
      { preferred_username: 'visitor@health.example', oid: '11111111-2222-4333-8444-555555555555' },
      { tenant: HEALTH_TENANT },
    );
    const response = await me(token);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /coordinator/,
    );
  });

  it('signs in a rep of an agency in a second allowed tenant with her own tenant token', async () => {
    // The supported model: one multi-tenant app registration, each agency tenant's admin
    // consents, and ENTRA_ALLOWED_TENANTS names the tenants. Anjali Storey (health) signs in
    // with a token her tenant issued; the key set comes from her tenant's own endpoint.
    const oid = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
    const token = await entra.sign(
      { preferred_username: 'anjali.storey@health.example', oid, name: 'Anjali Storey' },
      { tenant: HEALTH_TENANT },
    );
    const response = await me(token);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: 'anjali.storey@health.example' });
    expect(entra.fetchCount(HEALTH_TENANT)).toBeGreaterThanOrEqual(1);
    const bound = await app.db.query<{ tenant_id: string }>(
      'SELECT tenant_id FROM person WHERE object_id = $1',
      [oid],
    );
    expect(bound.rows).toEqual([{ tenant_id: HEALTH_TENANT }]);
    // What her agency owes reads with the same token.
    const research = await fetch(`${app.url}/api/research/mine`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(research.status).toBe(200);
  });

  it('refuses a token from a tenant not on the list before any key is fetched', async () => {
    const before = entra.totalFetches();
    const token = await entra.sign(
      {
        preferred_username: 'visitor@stranger.example',
        oid: '44444444-5555-4666-8777-888888888888',
      },
      { tenant: STRANGER_TENANT },
    );
    const response = await me(token);
    expect(response.status).toBe(401);
    expect(entra.fetchCount(STRANGER_TENANT)).toBe(0);
    expect(entra.totalFetches()).toBe(before);
  });

  it('the bot answers the allowed tenants only: another organisation that installs the app gets nothing', async () => {
    const say = async (tenantId: string) => {
      const from = { id: `29:${tenantId}`, aadObjectId: '55555555-6666-4777-8888-999999999999' };
      const answer = await postActivity(app.url, teamsMessage('help', { from, tenantId }));
      return { status: answer.status, body: answer.body as { activities: unknown[] } };
    };
    const health = await say(HEALTH_TENANT);
    expect(health.status).toBe(200);
    expect(health.body.activities.length).toBeGreaterThan(0);
    const stranger = await say(STRANGER_TENANT);
    expect(stranger.status).toBe(200);
    expect(stranger.body.activities).toEqual([]);
  });

  it('does not let another tenant claim a person already bound', async () => {
    const token = await entra.sign(
      { preferred_username: DANA, oid: '99999999-8888-4777-8666-555555555555' },
      { tenant: HEALTH_TENANT },
    );
    expect((await me(token)).status).toBe(403);
  });
});
