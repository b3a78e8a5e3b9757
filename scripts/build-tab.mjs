// Builds the tab with Vite when its sources (or the API contract it imports) are newer than the
// last build. Used by `npm start` and by the test run's global setup.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);

export function buildTabIfStale() {
  const built = path.join(root, 'tab', 'dist', 'index.html');
  const inputs = [
    'tab/src',
    'tab/index.html',
    'tab/vite.config.ts',
    'core/contracts',
    'core/meetings',
  ].map((p) => path.join(root, p));
  const sources = Math.max(
    ...inputs.map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('Building the tab...');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Always a production build: under jest NODE_ENV is 'test', which would give React's dev build.
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (result.status !== 0) throw new Error(`The tab build failed (exit ${result.status}).`);
}

if (import.meta.url === `file://${process.argv[1]}`) buildTabIfStale();
