import { DomainError } from '../shared/errors.js';
import { findQuestionSet } from './question-sets.js';
import type { ReferralDeps } from './referral-deps.js';
import { settingsMisfit, type RiskSettings } from './risk-settings.js';

/**
 * Sets an area's referral rules: which checklist its referrers fill in (the SafeLives 24 or the
 * police 27), the band thresholds and the escalation count. Refuses settings the checklist cannot
 * meet, such as a high threshold above its number of questions. The repeat window and meeting
 * capacity live in the protocol, so there is one place for each.
 */
export async function updateRiskSettings(
  deps: ReferralDeps,
  input: {
    areaId: string;
    settings: Omit<RiskSettings, 'repeatWindowMonths' | 'capacityPerMeeting'>;
  },
): Promise<RiskSettings> {
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const set = findQuestionSet(input.settings.questionSet);
    if (!set) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `There is no checklist "${input.settings.questionSet}".`,
        [
          {
            path: 'questionSet',
            message: 'must be a loaded checklist, such as safelives-24 or police-27',
          },
        ],
      );
    }
    const settings: RiskSettings = {
      ...input.settings,
      repeatWindowMonths: area.protocol.repeatWindowMonths,
      capacityPerMeeting: area.protocol.caseCapacity,
    };
    const misfit = settingsMisfit(settings, set);
    if (misfit)
      throw new DomainError('VALIDATION_FAILED', misfit, [
        { path: 'highThreshold', message: misfit },
      ]);
    await repos.areas.updateRiskSettings(area.id, settings);
    await repos.audit.record('area.risk-settings.update', 'area', area.id);
    return settings;
  });
}
