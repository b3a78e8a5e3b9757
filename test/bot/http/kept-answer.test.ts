import { keptAnswer, keptJson } from '../../../bot/src/http/route.js';

it('serialises a kept answer once, and leaves every other answer to Express', () => {
  let serialised = 0;
  const view = keptAnswer({
    seq: 7,
    cases: [{ reference: 'MARAC-0001' }],
    toJSON() {
      serialised += 1;
      return { seq: this.seq, cases: this.cases };
    },
  });
  expect(Object.isFrozen(view)).toBe(true);
  expect(keptJson(view)).toBe('{"seq":7,"cases":[{"reference":"MARAC-0001"}]}');
  expect(keptJson(view)).toBe('{"seq":7,"cases":[{"reference":"MARAC-0001"}]}');
  expect(serialised).toBe(1);
  expect(keptJson({ seq: 7 })).toBeUndefined();
  expect(keptJson(null)).toBeUndefined();
  expect(keptJson('text')).toBeUndefined();
});
