/**
 * The area dashboard (issue #13, item 2) measures an area's volume of MARAC cases against the
 * women aged 16 or over who live there (SafeLives expect 40 cases a year per 10,000): an area
 * setting, empty until the coordinator enters it.
 */
export const areaPopulation = `
ALTER TABLE area
  ADD COLUMN adult_women integer CHECK (adult_women BETWEEN 1000 AND 10000000);
`;
