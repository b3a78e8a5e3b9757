// `npm start`: build the tab if needed, then run the app in local mode (PGlite, demo data,
// outbox files). The server runs from source through tsx: no separate compile step.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildTabIfStale } from './build-tab.mjs';

const root = path.resolve(import.meta.dirname, '..');
try {
  if (process.env.MARAC_SKIP_TAB_BUILD !== '1') buildTabIfStale();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
// The IPC channel tells the server when this process is gone, however it went: the server then
// stops cleanly on its own instead of running on with nobody to stop it.
const server = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'bot', 'src', 'server.ts')],
  {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  },
);
// SIGTERM or SIGINT to this process stops the server cleanly: it finishes what it is doing and
// writes the audit checkpoint; this process waits for it. `npm start` runs this under `sh -c`,
// and a SIGTERM to npm ends that shell without passing the signal on, so a parent that goes away
// is taken as a SIGTERM too.
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop('SIGTERM'), 250).unref();
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
