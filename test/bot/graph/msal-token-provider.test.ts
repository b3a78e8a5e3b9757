import { GraphCalendar } from '../../../bot/src/graph/graph-calendar.js';
import { GraphClient } from '../../../bot/src/graph/graph-client.js';
import { GraphError } from '../../../bot/src/graph/graph-error.js';
import {
  MsalTokenProvider,
  msalConfiguration,
} from '../../../bot/src/graph/msal-token-provider.js';
import { FakeGraph } from '../../support/fake-graph.js';
import { seriesSpec } from './series-fixtures.js';

const TENANT = '0a1b2c3d-0000-4000-8000-000000000001';
const CLIENT = '9f8e7d6c-0000-4000-8000-000000000002';

let fake: FakeGraph;

beforeEach(async () => {
  fake = await FakeGraph.start();
});

afterEach(async () => {
  await fake.stop();
});

function provider(): MsalTokenProvider {
  return new MsalTokenProvider({
    tenantId: TENANT,
    clientId: CLIENT,
    credential: { clientSecret: 'not-a-real-secret' },
    tokenEndpoint: fake.tokenEndpoint(TENANT),
  });
}

describe('MsalTokenProvider', () => {
  it('gets an app-only Graph token by client credentials from the loopback token endpoint, once', async () => {
    const tokens = provider();

    expect(await tokens.getToken()).toBe('fake-access-token');
    expect(await tokens.getToken()).toBe('fake-access-token');

    expect(fake.tokenRequests).toHaveLength(1);
    const [request] = fake.tokenRequests;
    expect(request).toMatchObject({ method: 'POST', rawPath: `/${TENANT}/oauth2/v2.0/token` });
    expect(request!.body).toMatchObject({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      scope: 'https://graph.microsoft.com/.default',
      client_secret: 'not-a-real-secret',
    });
    // No instance discovery or OpenID configuration requests: the metadata was given.
    expect(fake.requests).toHaveLength(1);
  });

  it('feeds the Graph client, whose requests carry the token', async () => {
    const calendar = new GraphCalendar(
      new GraphClient({ tokens: provider(), baseUrl: fake.graphUrl }),
    );

    await calendar.createSeries(seriesSpec());

    expect(fake.graphRequests[0]!.headers.authorization).toBe('Bearer fake-access-token');
  });

  it('turns a refused token request into a coded error that does not quote the secret', async () => {
    fake.failTokenWith(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.');

    const error = await provider()
      .getToken()
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ status: 401, code: 'AuthenticationFailed:invalid_client' });
    expect((error as Error).message).not.toContain('not-a-real-secret');
  });

  it('configures a certificate credential and the public authority by default', () => {
    const config = msalConfiguration({
      tenantId: TENANT,
      clientId: CLIENT,
      credential: {
        certificate: { thumbprintSha256: 'ab12', privateKey: '-----BEGIN PRIVATE KEY-----\n...' },
      },
    });

    expect(config.auth).toEqual({
      clientId: CLIENT,
      authority: `https://login.microsoftonline.com/${TENANT}`,
      clientCertificate: {
        thumbprintSha256: 'ab12',
        privateKey: '-----BEGIN PRIVATE KEY-----\n...',
      },
    });
  });
});
