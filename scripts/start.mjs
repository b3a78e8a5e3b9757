// `npm start`: build the tab if needed, then run the app in local mode (PGlite, demo data,
// outbox files). The server runs from source through tsx: no separate compile step.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildTabIfStale } from './build-tab.mjs';

const root = path.resolve(import.meta.dirname, '..');
try {
  buildTabIfStale();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bot', 'src', 'server.ts')], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
