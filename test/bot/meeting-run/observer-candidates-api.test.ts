import type { ObserverCandidates } from '#core/contracts/meeting-api.js';
import {
  DEMO_PEOPLE,
  meetingWithCases,
  type MeetingFixture,
} from '../../support/meeting-fixture.js';
import { signIn, startApp, type TestApp } from '../../support/start-app.js';

/**
 * `GET /api/meetings/{meetingId}/observers`: the people the chair or a coordinator may list as
 * observers (the area's observers not on the meeting yet), for the tab's register. A rep on the
 * meeting may not ask; a person off it is told the meeting does not exist. Invented people only.
 */
let app: TestApp;
let fixture: MeetingFixture;
let route: string;

beforeAll(async () => {
  app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  fixture = await meetingWithCases(app, 1);
  route = `/api/meetings/${fixture.meetingId}/observers`;
}, 180_000);
afterAll(() => app.stop());

const candidates = async (email: string) => {
  const answer = await (await signIn(app, email))(route);
  expect(answer.status).toBe(200);
  return (await answer.json()) as ObserverCandidates;
};

it('offers the area’s observer until they are listed, to the chair and the coordinator', async () => {
  const before = await candidates(DEMO_PEOPLE.coordinator);
  expect(before.people.map((p) => p.name)).toEqual(['Ottilie Sandberg']);
  expect(await candidates(DEMO_PEOPLE.chair)).toEqual(before);

  const coordinator = await signIn(app, DEMO_PEOPLE.coordinator);
  const listed = await coordinator(route, {
    method: 'POST',
    body: JSON.stringify({ personId: before.people[0]!.personId }),
  });
  expect(listed.status).toBe(201);
  expect((await candidates(DEMO_PEOPLE.chair)).people).toEqual([]);
});

it.each([
  ['a rep on the meeting', DEMO_PEOPLE.policeCore, 403],
  ['the admin, on no meeting', DEMO_PEOPLE.admin, 404],
])('refuses %s', async (_who, email, status) => {
  const answer = await (await signIn(app, email))(route);
  expect(answer.status).toBe(status);
  const { error } = (await answer.json()) as { error: { message: string } };
  expect(error.message).toMatch(/^[A-Z].+\.$/);
});
