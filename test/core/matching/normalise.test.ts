import { nameTokens, normaliseDateOfBirth, normalisePostcode } from '#core/matching/normalise.js';

describe('nameTokens', () => {
  it.each([
    ['Amelia Hart-Lowe', ['amelia', 'hart', 'lowe', 'hartlowe']],
    ['  AMELIA   hart - lowe ', ['amelia', 'hart', 'lowe', 'hartlowe']],
    ['Amelia Hart–Lowe', ['amelia', 'hart', 'lowe', 'hartlowe']],
    ['Mrs. Zoë Ellison', ['zoe', 'ellison']],
    ['Dr Mx Miss Ms Mr Jonas', ['jonas']],
    ["Siobhán O'Néill", ['siobhan', 'oneill']],
    ['Søren Łukasz Straße', ['soren', 'lukasz', 'strasse']],
    ['Ellison, Zoe (known as Zee)', ['ellison', 'zoe', 'known', 'as', 'zee']],
    ['', []],
    ['  -  ', []],
  ])('%j gives %j', (name, tokens) => {
    expect(nameTokens(name)).toEqual(tokens);
  });

  it('keeps a title-like word that is part of a hyphenated name', () => {
    expect(nameTokens('Ann Dr-Smith')).toEqual(['ann', 'dr', 'smith', 'drsmith']);
  });
});

describe('normaliseDateOfBirth', () => {
  it.each([
    ['1990-04-03', { date: '1990-04-03', transposed: '1990-03-04' }],
    ['03/04/1990', { date: '1990-04-03', transposed: '1990-03-04' }],
    ['3.4.1990', { date: '1990-04-03', transposed: '1990-03-04' }],
    ['03-04-1990', { date: '1990-04-03', transposed: '1990-03-04' }],
    [' 25/12/2001 ', { date: '2001-12-25', transposed: null }],
    ['05/05/1985', { date: '1985-05-05', transposed: null }],
    ['29/02/2000', { date: '2000-02-29', transposed: null }],
    ['02/12/2010', { date: '2010-12-02', transposed: '2010-02-12' }],
  ])('%j gives %j', (dob, expected) => {
    expect(normaliseDateOfBirth(dob)).toEqual(expected);
  });

  it.each([
    ['31/02/1990'],
    ['29/02/2001'],
    ['13/13/1990'],
    ['03/04/90'],
    ['1990/04/03'],
    ['yesterday'],
    [''],
    [null],
    [undefined],
  ])('%j is not a date of birth', (dob) => {
    expect(normaliseDateOfBirth(dob)).toBeNull();
  });

  it('gives the same pair for a date and its transposition', () => {
    const a = normaliseDateOfBirth('03/04/1990')!;
    const b = normaliseDateOfBirth('04/03/1990')!;
    expect(new Set([a.date, a.transposed])).toEqual(new Set([b.transposed, b.date]));
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['SW1A 1AA', 'SW1A1AA', 'SW1A'],
    ['sw1a1aa', 'SW1A1AA', 'SW1A'],
    [' ne1  4xf ', 'NE14XF', 'NE1'],
    ['M1 1AE', 'M11AE', 'M1'],
    ['B33 8TH', 'B338TH', 'B33'],
    ['CR2 6XH', 'CR26XH', 'CR2'],
    ['DN55 1PT', 'DN551PT', 'DN55'],
    ['W1A 0AX', 'W1A0AX', 'W1A'],
    ['EC1A 1BB', 'EC1A1BB', 'EC1A'],
    ['GIR 0AA', 'GIR0AA', 'GIR'],
  ])('%j is %s (outward %s)', (pc, postcode, outward) => {
    expect(normalisePostcode(pc)).toEqual({ postcode, outward });
  });

  it.each([
    [''],
    ['   '],
    [null],
    [undefined],
    ['SW1A'],
    ['12345'],
    ['SW1A 1A'],
    ['ZZZ9 9ZZ'],
    ['SW1A 1AA X'],
  ])('%j is absent or not a UK postcode', (pc) => {
    expect(normalisePostcode(pc)).toBeNull();
  });
});
