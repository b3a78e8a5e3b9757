import {
  ETHNIC_GROUPS,
  SEXUAL_ORIENTATIONS,
  ethnicGroupSchema,
  sexualOrientationSchema,
} from '#core/contracts/equality.js';
import {
  ethnicGroupOf,
  isBame,
  isLgbOrientation,
  sexualOrientationOf,
} from '#core/reporting/recode.js';

describe('ethnicity as a category of the return', () => {
  it.each([
    ['white-british', 'white-british'],
    ['White British', 'white-british'],
    ['White: English, Welsh, Scottish, Northern Irish or British', 'white-british'],
    ['  white:  irish ', 'white-irish'],
    ['WHITE - IRISH', 'white-irish'],
    ['Gypsy or Irish Traveller', 'white-gypsy-irish-traveller'],
    ['Asian or Asian British: Pakistani', 'asian-pakistani'],
    ['Asian or Asian British - Pakistani', 'asian-pakistani'],
    ['Black or Black British: Caribbean', 'black-caribbean'],
    ['Other ethnic group: Arab', 'other-arab'],
    ['Arab', 'other-arab'],
    ['Prefer not to say', 'prefers-not-to-say'],
    ['not-known', 'not-known'],
    ['Unknown', 'not-known'],
  ])('%j is %s', (stored, id) => {
    expect(ethnicGroupOf(stored)).toEqual({ kind: 'category', id });
  });

  it.each([undefined, null, '', '   '])('nothing recorded (%j) is not known', (stored) => {
    expect(ethnicGroupOf(stored)).toEqual({ kind: 'category', id: 'not-known' });
  });

  // Free text that names no category exactly is left for the coordinator, never guessed.
  it.each([
    'Indian',
    'Pakistani',
    'mixed race',
    'British',
    'White',
    'Asian',
    'BME',
    'Polish',
    'Black',
  ])('%j is not recoded', (stored) => {
    expect(ethnicGroupOf(stored)).toEqual({ kind: 'not-recoded' });
  });

  it('reads every category by its id and by its label', () => {
    for (const group of ETHNIC_GROUPS) {
      expect(ethnicGroupOf(group.id)).toEqual({ kind: 'category', id: group.id });
      expect(ethnicGroupOf(group.label)).toEqual({ kind: 'category', id: group.id });
    }
    expect(ethnicGroupSchema.options).toHaveLength(21);
  });

  it.each([
    ['white-british', false],
    ['white-irish', false],
    ['white-other', false],
    ['white-gypsy-irish-traveller', true],
    ['white-roma', true],
    ['mixed-white-asian', true],
    ['asian-chinese', true],
    ['black-african', true],
    ['other-arab', true],
    ['other-any', true],
    ['not-known', null],
    ['prefers-not-to-say', null],
  ] as const)('%s is Black, Asian or minority ethnic: %j', (group, expected) => {
    expect(isBame(group)).toBe(expected);
  });
});

describe('sexuality as a category of the return', () => {
  it.each([
    ['Heterosexual', 'heterosexual'],
    ['Straight or heterosexual', 'heterosexual'],
    ['gay or lesbian', 'gay-or-lesbian'],
    ['Bisexual', 'bisexual'],
    ['Other', 'other'],
    ['Prefers not to say', 'prefers-not-to-say'],
    ['', 'not-known'],
  ])('%j is %s', (stored, id) => {
    expect(sexualOrientationOf(stored)).toEqual({ kind: 'category', id });
  });

  it.each(['straight', 'gay', 'lesbian', 'bi', 'queer', 'pansexual', 'LGBT'])(
    '%j is not recoded',
    (stored) => {
      expect(sexualOrientationOf(stored)).toEqual({ kind: 'not-recoded' });
    },
  );

  it('reads every category by its id and its label, and knows which are LGB+', () => {
    for (const o of SEXUAL_ORIENTATIONS) {
      expect(sexualOrientationOf(o.label)).toEqual({ kind: 'category', id: o.id });
    }
    expect(sexualOrientationSchema.options.map((o) => [o, isLgbOrientation(o)])).toEqual([
      ['heterosexual', false],
      ['gay-or-lesbian', true],
      ['bisexual', true],
      ['other', true],
      ['not-known', null],
      ['prefers-not-to-say', null],
    ]);
  });
});
