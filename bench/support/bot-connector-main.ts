/**
 * Runs the loopback Bot Connector (test/support/fake-bot-connector.ts: Teams' limits, 429 with
 * Retry-After) in a process of its own, so that the app's work in the benchmark cannot delay the
 * moment a request is counted, as it could not delay Teams'. Its clock is the wall clock in
 * milliseconds (`performance.timeOrigin + performance.now()`), comparable with the benchmark's.
 * Sends `{ serviceUrl }` over IPC when it listens; answers `{ id, ask: 'stats' | 'activities' }`
 * with `{ id, result }`; stops when the IPC channel closes.
 */
import { FakeBotConnector } from '../../test/support/fake-bot-connector.js';

const connector = await FakeBotConnector.start(
  {},
  () => performance.timeOrigin + performance.now(),
);
const send = (message: unknown) => process.send!(message);

process.on('message', (message: { id: number; ask: 'stats' | 'activities' }) => {
  const result = message.ask === 'stats' ? connector.stats() : connector.activities();
  send({ id: message.id, result });
});
process.on('disconnect', () => void connector.stop().then(() => process.exit(0)));
send({ serviceUrl: connector.serviceUrl });
