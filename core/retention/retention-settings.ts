import type { RetentionSettings } from '../contracts/retention-api.js';
import type { UnitOfWork } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';

/** How long the area keeps case records after their last MARAC. */
export function readRetentionSettings(
  deps: { uow: UnitOfWork },
  input: { areaId: string },
): Promise<RetentionSettings> {
  return deps.uow.run(async (repos) => {
    if (!(await repos.areas.get(input.areaId)))
      throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    return repos.retention.settings(input.areaId);
  });
}

/**
 * Sets how long the area keeps case records after their last MARAC, as its information sharing
 * agreement says. Nothing is erased here: the next nightly purge files every record's key under
 * the quarter it now falls due in, then erases what is past keeping. Audited (numbers only).
 */
export function setRetentionSettings(
  deps: { uow: UnitOfWork },
  input: { areaId: string; settings: RetentionSettings },
): Promise<RetentionSettings> {
  return deps.uow.run(async (repos) => {
    if (!(await repos.areas.get(input.areaId)))
      throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    await repos.retention.setSettings(input.areaId, input.settings);
    await repos.audit.record('area.retention-settings', 'area', input.areaId);
    return repos.retention.settings(input.areaId);
  });
}
