import type { ResearchSettings } from '../contracts/research-api.js';
import type { Repos } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import type { ResearchDeps } from './research-deps.js';

async function requireArea(repos: Repos, areaId: string): Promise<void> {
  if (!(await repos.areas.get(areaId)))
    throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
}

/** The area's research settings: sharing, when deputies are prompted, the reminder days. */
export function readResearchSettings(
  deps: Pick<ResearchDeps, 'uow'>,
  input: { areaId: string },
): Promise<ResearchSettings> {
  return deps.uow.run(async (repos) => {
    await requireArea(repos, input.areaId);
    return repos.research.settings(input.areaId);
  });
}

/**
 * Sets the area's research settings: how much of each agency's research others read before
 * the meeting (the area's information sharing protocol decides), whether deputies are prompted
 * with their core rep, and the working days on which reminders go. The route lets only the
 * area's coordinator call it; the change is audited (codes and numbers, never personal data).
 * Reminder days are kept latest first, so the settings read the same however they were sent.
 */
export function setResearchSettings(
  deps: Pick<ResearchDeps, 'uow'>,
  input: { areaId: string; settings: ResearchSettings },
): Promise<ResearchSettings> {
  return deps.uow.run(async (repos) => {
    await requireArea(repos, input.areaId);
    const settings: ResearchSettings = {
      ...input.settings,
      reminderDays: [...input.settings.reminderDays].sort((a, b) => b - a),
    };
    await repos.research.setSettings(input.areaId, settings);
    await repos.audit.record('area.research-settings', 'area', input.areaId);
    return repos.research.settings(input.areaId);
  });
}
