// The order jest starts the suites in: the longest first, so that no long suite starts last and
// leaves the other worker idle. Jest's own timings of an earlier run here win; on a fresh clone,
// where it has none, the seconds of the latest whole run (test/suite-seconds.json, written by
// scripts/suite-seconds.mjs) stand in, and a suite not listed counts as a few seconds.
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');
const measured = require('./suite-seconds.json');

const root = path.resolve(__dirname, '..');
const UNLISTED_MS = 3000;

class LongestFirst extends Sequencer {
  sort(tests) {
    const listed = (test) => measured[path.relative(root, test.path).split(path.sep).join('/')];
    const expected = (test) =>
      this.time(test) ?? (listed(test) ? listed(test) * 1000 : UNLISTED_MS);
    const failed = (test) => (this.hasFailed(test) ? 1 : 0);
    return [...tests].sort((a, b) => failed(b) - failed(a) || expected(b) - expected(a));
  }
}

module.exports = LongestFirst;
