import fc from 'fast-check';
import { csvField } from '#core/reporting/data-return-csv.js';
import { readCsv } from '../../support/csv.js';

/** The CSV writer's quoting (RFC 4180), read back by the tests' own reader. */
describe('CSV fields', () => {
  it.each([
    ['Riverside Police', 'Riverside Police'],
    ["Children's Social Care", "Children's Social Care"],
    ['Health, acute', '"Health, acute"'],
    ['The "Haven" refuge', '"The ""Haven"" refuge"'],
    ['two\r\nlines', '"two\r\nlines"'],
    ['one\nline', '"one\nline"'],
    ['', ''],
    // A spreadsheet would run these as formulas: an apostrophe first keeps them text.
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['+44 1632', "'+44 1632"],
    ['@agency', "'@agency"],
  ])('%j is written %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('reads back every record of any text exactly, a formula\u2019s first character guarded', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ' ', ',', '"', '\r', '\n', 'é', "'") });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (records) => {
          const csv = records.map((r) => `${r.map(csvField).join(',')}\r\n`).join('');
          // A field starting with CR (or =, +, -, @, tab) comes back with the apostrophe before it.
          const guarded = records.map((r) => r.map((f) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f)));
          expect(readCsv(csv)).toEqual(guarded);
        },
      ),
      { numRuns: 300 },
    );
  });
});
