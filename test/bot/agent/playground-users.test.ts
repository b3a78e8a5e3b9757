/**
 * The Agents Playground's mock people (.m365agentsplayground.yml) and the local mapping of their
 * Entra object ids (PLAYGROUND_USERS) stay in step, and each is a core rep of a different demo
 * agency, so a newcomer can answer research as any of them.
 */
import { readFileSync } from 'node:fs';
import { PLAYGROUND_USERS } from '../../../bot/src/agent/teams-person.js';
import { demoAgencies } from '../../../bot/src/demo/demo-data.js';

const yml = readFileSync('.m365agentsplayground.yml', 'utf8');
/** Each mock person's object id and address, in the order of the file. */
const people = [
  ...yml.matchAll(/aadObjectId: (\S+)\n\s+givenName: .*\n\s+surname: .*\n\s+email: (\S+)/g),
].map((m) => ({ objectId: m[1]!, email: m[2]! }));

it('lists currentUser and exactly five users, each mapped to their address', () => {
  expect(yml.match(/^ {2}- id: /gm)).toHaveLength(5);
  expect(people).toHaveLength(6);
  expect(Object.fromEntries(people.map((p) => [p.objectId, p.email]))).toEqual(PLAYGROUND_USERS);
});

it('makes every mock person a core rep of a different demo agency', () => {
  const agencies = people.map((p) => demoAgencies.find((a) => a.core.email === p.email)?.name);
  expect(agencies.every(Boolean)).toBe(true);
  expect(new Set(agencies).size).toBe(6);
});
