import type { ResearchSharing } from '../contracts/research.js';
import { DomainError } from '../shared/errors.js';
import type { ResearchDeps } from './research-deps.js';

/**
 * Sets how much of each agency's research others read before the meeting, as the area's
 * information sharing protocol says. The route lets only the area's coordinator call it; the
 * change is audited (the setting is a code, not personal data).
 */
export async function setResearchSharing(
  deps: ResearchDeps,
  input: { areaId: string; sharing: ResearchSharing },
): Promise<ResearchSharing> {
  return deps.uow.run(async (repos) => {
    if (!(await repos.areas.get(input.areaId)))
      throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    await repos.research.setSharing(input.areaId, input.sharing);
    await repos.audit.record(`area.research-sharing.${input.sharing}`, 'area', input.areaId);
    return input.sharing;
  });
}
