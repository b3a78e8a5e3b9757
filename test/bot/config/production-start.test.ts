import { spawnSync } from 'node:child_process';

// The real entry point, as an operator would start it: it must refuse, and say why.
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bot/src/server.ts'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('starting in production', () => {
  it('refuses without Entra ID configuration and names the keys', () => {
    const run = start({ NODE_ENV: 'production', MARAC_DEV_SIGN_IN: 'false' });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(
      /ENTRA_ALLOWED_TENANTS, ENTRA_CLIENT_ID, ENTRA_APP_ID_URI: required with NODE_ENV=production/,
    );
  });

  it('refuses while the development sign-in is enabled', () => {
    const run = start({ NODE_ENV: 'production' });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(
      /MARAC_DEV_SIGN_IN: the development sign-in cannot run with NODE_ENV=production/,
    );
  });
});
