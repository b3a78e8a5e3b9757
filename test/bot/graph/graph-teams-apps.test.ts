import { GraphClient } from '../../../bot/src/graph/graph-client.js';
import { GraphTeamsApps } from '../../../bot/src/graph/graph-teams-apps.js';
import { FakeGraph } from '../../support/fake-graph.js';

const CATALOG_ID = '3f0c2a7e-5b1d-4c8e-9a6f-2d4b7e1c9a05';
const USER = '7d3c1b2a-0000-4000-8000-000000000009';

let fake: FakeGraph;
let apps: GraphTeamsApps;

beforeEach(async () => {
  fake = await FakeGraph.start();
  const client = new GraphClient({
    tokens: { getToken: async () => fake.accessToken },
    baseUrl: fake.graphUrl,
  });
  apps = new GraphTeamsApps(client, CATALOG_ID);
});
afterEach(() => fake.stop());

it('installs the app for a person by the catalog id, and takes "already installed" as done', async () => {
  await apps.installFor(USER);
  await apps.installFor(USER); // Graph answers 409 Conflict: nothing more to do
  expect([...(fake.installedApps.get(USER) ?? [])]).toEqual([CATALOG_ID]);
  const posts = fake.requests.filter((r) => r.path.endsWith('/teamwork/installedApps'));
  expect(posts).toHaveLength(2);
  expect(posts[0]!.path).toBe(`/v1.0/users/${USER}/teamwork/installedApps`);
  expect(posts[0]!.body).toEqual({
    'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${CATALOG_ID}`,
  });
});

it('passes on any other refusal (no permission), so the job says why', async () => {
  fake.failNext(403, 'Forbidden');
  await expect(apps.installFor(USER)).rejects.toMatchObject({ status: 403 });
});
