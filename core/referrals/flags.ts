import type { z } from 'zod';
import type { mappaLevelSchema } from '../contracts/referral.js';
import type { Criterion } from './criteria.js';
import type { RiskBand } from './score-dash.js';

/**
 * Flags a referral raises beside its criteria: who leads on the perpetrator, and whether
 * children's services must already have been told.
 */
export type MappaLevel = z.infer<typeof mappaLevelSchema>;

export const MAPPA_LEAD_MESSAGE =
  'A perpetrator is managed at MAPPA level 2 or 3: the MAPPA meeting takes the lead, as it is ' +
  'statutory. The MARAC coordinator will liaise with the MAPPA coordinator.';

export const CHILDRENS_SERVICES_MESSAGE =
  "Children live in the household of a high-risk case. Refer to children's services now, not at " +
  'the meeting, and confirm here that the referral has been made. MARAC does not replace child ' +
  'safeguarding procedures.';

/**
 * True when any perpetrator is managed at MAPPA level 2 or 3: multi-agency management there is
 * statutory, so the MAPPA meeting leads. Level 1 is single-agency management and does not.
 * "Not known" does not flag; the form warns instead, so someone asks probation or the police.
 */
export function mappaLead(perpetrators: readonly { mappaLevel: MappaLevel }[]): boolean {
  return perpetrators.some((p) => p.mappaLevel === '2' || p.mappaLevel === '3');
}

/**
 * True when a referral going to MARAC has a child living in the household. Every case MARAC
 * hears is treated as high risk, whether it qualified on the score, professional judgement,
 * escalation or repeat, and high-risk cases with children go to children's services straight
 * away rather than wait for the meeting (DOMAIN.md). A high band alone also asks, so a case
 * whose criteria are not yet worked out is not let through.
 */
export function needsChildrensServicesConfirmation(
  risk: { band: RiskBand; criteriaMet: readonly Criterion[] },
  children: readonly { livesInHousehold: boolean }[],
): boolean {
  const goesToMarac = risk.band === 'high' || risk.criteriaMet.length > 0;
  return goesToMarac && children.some((child) => child.livesInHousehold);
}
