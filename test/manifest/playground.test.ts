// .m365agentsplayground.yml: the Agents Playground's mock users must be exactly five (the
// playground refuses other counts) and must be the demo people, so local flows have their roles.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { demoAgencies } from '../../bot/src/demo/demo-data.js';

const text = readFileSync(path.resolve(__dirname, '..', '..', '.m365agentsplayground.yml'), 'utf8');

/** The lines of one top-level key's block (this file's YAML is plain enough to read by lines). */
function block(key: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === `${key}:`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && /^[A-Za-z]/.test(line));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

function field(lines: string[], name: string): string | undefined {
  return lines
    .map((line) => new RegExp(`^\\s*(?:- )?${name}: (.+)$`).exec(line)?.[1])
    .find(Boolean);
}

function users(): { id: string; name: string; email: string; upn: string }[] {
  const entries: string[][] = [];
  for (const line of block('users')) {
    if (/^\s*#/.test(line) || !line.trim()) continue;
    if (/^\s*- /.test(line)) entries.push([]);
    entries.at(-1)?.push(line);
  }
  return entries.map((lines) => ({
    id: field(lines, 'id')!,
    name: field(lines, 'name')!,
    email: field(lines, 'email')!,
    upn: field(lines, 'userPrincipleName')!,
  }));
}

const coreRep = (kind: string) => demoAgencies.find((a) => a.kind === kind)!.core;

describe('.m365agentsplayground.yml', () => {
  // The playground adds currentUser to `users` and needs the ids unique, with exactly five others:
  // core reps of five more agencies, so a newcomer can answer research as reps of six.
  it('lists exactly five other users, each the core rep of another demo agency', () => {
    const listed = users();
    expect(listed).toHaveLength(5);
    const agencyOf = (email: string) => demoAgencies.find((a) => a.core.email === email)?.kind;
    const kinds = listed.map((u) => agencyOf(u.email));
    expect(kinds.every(Boolean)).toBe(true);
    expect(new Set([...kinds, 'police']).size).toBe(6);
    for (const user of listed) {
      const rep = demoAgencies.find((a) => a.core.email === user.email)!.core;
      expect({ name: user.name, email: user.email }).toEqual({ name: rep.name, email: rep.email });
      expect(user.upn).toBe(user.email);
    }
    expect(new Set(listed.map((u) => u.id)).size).toBe(5);
  });

  it('signs the playground in as the police core rep, who refers cases, and not as a listed user', () => {
    const current = block('currentUser');
    expect(field(current, 'email')).toBe(coreRep('police').email);
    expect(users().map((u) => u.id)).not.toContain(field(current, 'id'));
  });
});
