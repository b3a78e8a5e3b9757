import type { ActionReminderSettings } from '../contracts/chasing-api.js';
import type { UnitOfWork } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';

/** When the area's action owners are reminded (2 working days before, 72 hours, weekly until set). */
export function readActionReminderSettings(
  deps: { uow: UnitOfWork },
  input: { areaId: string },
): Promise<ActionReminderSettings> {
  return deps.uow.run(async (repos) => {
    if (!(await repos.areas.get(input.areaId)))
      throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    return repos.actionChasing.settings(input.areaId);
  });
}

/**
 * Sets when the area's action owners are reminded, as its protocol says. Reminders already raised
 * stay raised; the next sweep counts by the new settings. Audited (numbers only).
 */
export function setActionReminderSettings(
  deps: { uow: UnitOfWork },
  input: { areaId: string; settings: ActionReminderSettings },
): Promise<ActionReminderSettings> {
  return deps.uow.run(async (repos) => {
    if (!(await repos.areas.get(input.areaId)))
      throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    await repos.actionChasing.setSettings(input.areaId, input.settings);
    await repos.audit.record('area.action-reminder-settings', 'area', input.areaId);
    return repos.actionChasing.settings(input.areaId);
  });
}
