import { GraphClient } from '../../bot/src/graph/graph-client.js';
import { MsalTokenProvider } from '../../bot/src/graph/msal-token-provider.js';
import type { FakeGraph } from './fake-graph.js';

export const FAKE_TENANT = '7c1e4a52-3f7b-4f0e-9f51-6a2d1c0b9e11';

/** The app's own Graph client, with app-only tokens, pointed at a loopback Graph. */
export function graphClientFor(fake: FakeGraph): GraphClient {
  const tokens = new MsalTokenProvider({
    tenantId: FAKE_TENANT,
    clientId: '3f9b2c1d-0000-4000-8000-00000000c0de',
    credential: { clientSecret: 'not-a-real-secret' },
    tokenEndpoint: fake.tokenEndpoint(FAKE_TENANT),
  });
  return new GraphClient({ tokens, baseUrl: fake.graphUrl });
}
