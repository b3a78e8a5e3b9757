// The order jest starts the suites in: the longest first, so that no long suite starts last and
// leaves the other worker idle. Jest's own timings of an earlier run here win; on a fresh clone,
// where it has none, the seconds of the latest whole run (test/suite-seconds.json, written by
// scripts/suite-seconds.mjs) stand in, and a suite not listed counts as a few seconds.
import Sequencer from '@jest/test-sequencer';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const measured = JSON.parse(readFileSync(path.join(here, 'suite-seconds.json'), 'utf8'));
const UNLISTED_MS = 3000;

export default class LongestFirst extends Sequencer {
  sort(tests) {
    const listed = (test) => measured[path.relative(root, test.path).split(path.sep).join('/')];
    const expected = (test) =>
      this.time(test) ?? (listed(test) ? listed(test) * 1000 : UNLISTED_MS);
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    return [...tests].sort((a, b) => failed(b) - failed(a) || expected(b) - expected(a));
  }
}
