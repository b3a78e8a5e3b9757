import type { Criterion } from '#core/referrals/criteria.js';
import {
  CHILDRENS_SERVICES_MESSAGE,
  mappaLead,
  needsChildrensServicesConfirmation,
  type MappaLevel,
} from '#core/referrals/flags.js';
import type { RiskBand } from '#core/referrals/score-dash.js';

describe('mappaLead', () => {
  it.each<[MappaLevel[], boolean]>([
    [['none'], false],
    [['1'], false],
    [['2'], true],
    [['3'], true],
    [['not-known'], false],
    [['none', '3'], true],
    [['1', 'not-known'], false],
  ])('perpetrators at %j: MAPPA leads %s', (levels, expected) => {
    expect(mappaLead(levels.map((mappaLevel) => ({ mappaLevel })))).toBe(expected);
  });
});

describe('needsChildrensServicesConfirmation', () => {
  const home = { livesInHousehold: true };
  const away = { livesInHousehold: false };
  it.each<[RiskBand, Criterion[], { livesInHousehold: boolean }[], boolean]>([
    ['high', ['visible-high-risk'], [home], true],
    ['high', ['visible-high-risk'], [away], false],
    ['high', ['visible-high-risk'], [], false],
    ['standard', ['professional-judgement'], [away, home], true],
    ['medium', ['potential-escalation'], [home], true],
    ['standard', ['repeat'], [home], true],
    ['medium', [], [home], false],
    ['high', [], [home], true],
  ])('band %s, criteria %j, children %j: %s', (band, criteriaMet, children, expected) => {
    expect(needsChildrensServicesConfirmation({ band, criteriaMet }, children)).toBe(expected);
  });

  it("tells the referrer to refer to children's services now", () => {
    expect(CHILDRENS_SERVICES_MESSAGE).toMatch(/children's services now/);
  });
});
