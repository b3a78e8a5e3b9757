import { maracBinInOwnFolder } from '../../support/marac-bin.js';

/*
 * `npx marac purge` as an operator runs it, on PGlite in a data folder of its own: the dry run,
 * the purge, and a bad option. What it erases is tested in test/bot/retention/purge.test.ts.
 */
describe('bin/marac.mjs purge', () => {
  const marac = maracBinInOwnFolder('marac-purge-bin-');

  it('runs dry, then for real, with nothing due in an empty store', async () => {
    const dry = await marac(['purge', '--dry-run', '--json']);
    expect(dry).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      cases: [],
      meetings: [],
      keys: [],
      counts: { cases: 0, meetings: 0 },
    });
    const real = await marac(['purge']);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/^Purge on \d{4}-\d{2}-\d{2}\.\nErased 0 case\(s\)/);
  }, 60_000);

  it('refuses an option it does not know, and lists itself in the help', async () => {
    const bad = await marac(['purge', '--force']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: npx marac purge [--dry-run] [--json]');
    const help = await marac(['help']);
    expect(help.stdout).toContain('purge              erase cases and meeting records');
  }, 60_000);
});
