import { escapeText, foldLine, paramValue } from '../../../bot/src/ics/ics-text.js';

const unfold = (folded: string) => folded.replace(/\r\n /g, '');

describe('foldLine', () => {
  it.each([
    ['ASCII', `DESCRIPTION:${'a'.repeat(200)}`],
    ['two-octet characters', `DESCRIPTION:${'é'.repeat(120)}`],
    ['three-octet characters', `SUMMARY:${'€'.repeat(90)}`],
    ['four-octet characters', `SUMMARY:x${'😀'.repeat(60)}`],
  ])('keeps %s within 75 octets a line, never splitting a character', (_, line) => {
    const folded = foldLine(line);

    for (const physical of folded.split('\r\n')) {
      const bytes = Buffer.from(physical, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(bytes.toString('utf8')).toBe(physical);
    }
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((l) => l.startsWith(' ')),
    ).toBe(true);
    expect(unfold(folded)).toBe(line);
  });

  it('leaves a line of exactly 75 octets alone', () => {
    const line = `X:${'a'.repeat(73)}`;
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}b`)).toBe(`${line}\r\n b`);
  });
});

describe('escaping', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it.each([
    ['Alex Example', 'Alex Example'],
    ['Example, Alex', '"Example, Alex"'],
    ['Alex "AJ" Example', "Alex 'AJ' Example"],
    ['Alex\r\nExample', 'AlexExample'],
  ])('writes the CN %j as %s', (name, expected) => {
    expect(paramValue(name)).toBe(expected);
  });
});
