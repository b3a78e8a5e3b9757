// Writes test/suite-seconds.json from the output of a whole `npm test` run (on standard input):
// the seconds each suite of 10 s or more took. The test sequencer (test/sequencer.mjs) starts
// those first on a fresh clone, where jest has no timings of its own yet.
//   npm test 2>&1 | tee /tmp/test.log; node scripts/suite-seconds.mjs < /tmp/test.log
import { readFileSync, writeFileSync } from 'node:fs';

const seconds = {};
for (const line of readFileSync(0, 'utf8').split('\n')) {
  const match = /^(?:PASS|FAIL) (test\/\S+) \(([\d.]+) s\)/.exec(line);
  if (match && Number(match[2]) >= 10) seconds[match[1]] = Math.round(Number(match[2]));
}
const sorted = Object.fromEntries(Object.entries(seconds).sort(([, a], [, b]) => b - a));
writeFileSync('test/suite-seconds.json', `${JSON.stringify(sorted, null, 2)}\n`);
console.log(
  `${Object.keys(sorted).length} suites of 10 s or more written to test/suite-seconds.json`,
);
