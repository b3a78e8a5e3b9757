/**
 * Runs the loopback Outlook mail server in a process of its own, so that the app's work in the
 * benchmark (rendering, encrypting) cannot hold up its answers, as it could not hold up Graph's.
 * Prints `{"graphUrl": ...}` on one line when it listens; stops when its standard input closes.
 *
 *   node --import tsx bench/support/outlook-mail-server-main.ts --latency-ms 400 --rate 10 --burst 10
 */
import { parseArgs } from 'node:util';
import { OutlookMailServer } from './outlook-mail-server.js';

const { values } = parseArgs({
  options: {
    'latency-ms': { type: 'string', default: '400' },
    rate: { type: 'string', default: '10' },
    burst: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '4' },
    token: { type: 'string', default: 'loopback-token' },
  },
});

const server = await OutlookMailServer.start({
  latencyMs: Number(values['latency-ms']),
  ratePerSecond: Number(values.rate),
  burst: Number(values.burst),
  concurrency: Number(values.concurrency),
  accessToken: values.token,
});
process.stdout.write(`${JSON.stringify({ graphUrl: server.graphUrl })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void server.stop().then(() => process.exit(0)));
