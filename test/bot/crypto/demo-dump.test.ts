import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { demoAgencies, demoStaff } from '../../../bot/src/demo/demo-data.js';
import { signIn, startApp } from '../../support/start-app.js';

const REASON = 'Chair Quentin Abernathy-Lyle is on leave';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('what a dump of the database shows', () => {
  const people = [
    ...demoAgencies.flatMap((a) => [a.core, a.deputy]),
    ...demoStaff.map((s) => s.person),
  ];
  const secrets = [...people.flatMap((p) => [p.name, p.email]), REASON];

  it('holds no demo name, email or free text in plain text, in rows or on disk', async () => {
    const app = await startApp();
    const api = await signIn(app, 'rosalind.marsh@riverside-partnership.example');
    const areas = (await (await api('/api/areas')).json()) as { id: string; name: string }[];
    const northbrook = areas.find((a) => a.name === 'Northbrook and Wellfield')!;
    const [meeting] = (await (await api(`/api/areas/${northbrook.id}/meetings`)).json()) as {
      id: string;
    }[];
    expect(
      (
        await api(`/api/meetings/${meeting!.id}/cancel`, {
          method: 'POST',
          body: JSON.stringify({ reason: REASON }),
        })
      ).status,
    ).toBe(200);

    // Every row of every table, as text: what a pg_dump of the data would hold.
    const tables = await app.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    let dump = '';
    for (const { table_name } of tables.rows) {
      const rows = await app.db.query<{ row: string }>(
        `SELECT t::text AS row FROM ${table_name} t`,
      );
      dump += rows.rows.map((r) => r.row).join('\n');
    }
    expect(dump).toContain('Riverside Police'); // the search works: agency names are not personal data
    for (const secret of secrets) expect(dump).not.toContain(secret);

    await app.close();
    const disk = filesUnder(path.join(app.dataDir, 'pgdata'));
    const bytes = Buffer.concat(disk.map((f) => readFileSync(f)));
    expect(bytes.includes(Buffer.from('Riverside Police'))).toBe(true);
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret))).toBe(false);
    rmSync(app.dataDir, { recursive: true, force: true });
  });
});
