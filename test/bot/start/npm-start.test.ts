import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port.js';

/**
 * `npm start` as a person runs it: the first line says where the app is, and a SIGTERM to the npm
 * process stops the server cleanly with the audit checkpoint written (npm runs the script under
 * `sh -c`, which does not pass the signal on, so this is the case that used to lose it).
 */
jest.setTimeout(240_000);

const until = async (what: () => boolean | Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await what()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
};

const healthy = (port: number) =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );

let dataDir: string;
let npm: ChildProcess | undefined;
afterAll(() => {
  if (npm?.exitCode === null) npm.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('starts with a readable first line and stops on SIGTERM with the audit checkpoint written', async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'marac-start-'));
  const port = await freePort();
  // Its own embedded store in a fresh folder: not the server CI points DATABASE_URL at, whose
  // public schema outlives a run and may be in use by another.
  const { NODE_ENV: _test, DATABASE_URL: _server, ...env } = process.env;
  npm = spawn('npm', ['start'], {
    cwd: path.resolve('.'),
    env: { ...env, MARAC_DATA_DIR: dataDir, PORT: String(port), MARAC_SKIP_TAB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  npm.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  expect(await until(() => healthy(port), 180_000)).toBe(true);
  expect(await until(() => /MARAC is ready/.test(out), 10_000)).toBe(true);
  // npm's own header ("> marac@0.1.0 start") comes first; then the app's first line.
  const appLines = out.split('\n').filter((line) => line.trim() && !line.startsWith('>'));
  expect(appLines[0]).toBe(`MARAC is ready on http://localhost:${port} - sign in as a demo user`);

  const stoppedAt = Date.now();
  const exited = new Promise<number | null>((resolve) =>
    npm!.once('exit', (code) => resolve(code)),
  );
  npm.kill('SIGTERM');
  await exited;
  const checkpoint = path.join(dataDir, 'audit', 'checkpoint.json');
  const written = () => {
    try {
      return statSync(checkpoint).mtimeMs >= stoppedAt - 1000;
    } catch {
      return false;
    }
  };
  expect(await until(written, 30_000)).toBe(true);
  const { at } = JSON.parse(readFileSync(checkpoint, 'utf8')) as { at: string };
  expect(Date.parse(at)).toBeGreaterThanOrEqual(stoppedAt - 1000);
  expect(await until(async () => !(await healthy(port)), 30_000)).toBe(true);
  // The server logs its last line after the checkpoint and after it stops listening, and npm has
  // gone by then, so the line is waited for rather than looked for at once (a busy outbox at the
  // signal, such as the demo's first mails, makes the stop take a moment).
  expect(await until(() => /INFO: stopped/.test(out), 30_000)).toBe(true);
});
