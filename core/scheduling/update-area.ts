import type { MeetingProtocol } from '../meetings/protocol.js';
import type { AgencyRecord, AreaRecord, Rep } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';
import type { SchedulingDeps } from './deps.js';

// Settings that shape the Outlook series itself. Changing them under a live series would leave
// reps' calendars and the app disagreeing, so the coordinator moves or cancels meetings instead.
const seriesShaping = [
  'cadence',
  'startTime',
  'durationMinutes',
  'region',
  'bankHolidayRule',
] as const;

/** Changes an area's protocol. Deadline settings apply at once to every coming meeting. */
export async function updateProtocol(
  deps: SchedulingDeps,
  input: { areaId: string; protocol: MeetingProtocol },
): Promise<AreaRecord> {
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const series = await repos.series.forArea(area.id);
    if (series) {
      const changed = seriesShaping.filter(
        (key) => JSON.stringify(area.protocol[key]) !== JSON.stringify(input.protocol[key]),
      );
      if (changed.length > 0) {
        throw new DomainError(
          'CONFLICT',
          'This area already has an Outlook series, so its pattern, time, length, region and bank-holiday rule are fixed. Move or cancel single meetings instead.',
          changed.map((key) => ({
            path: `protocol.${key}`,
            message: 'fixed while a series exists',
          })),
        );
      }
    }
    await repos.areas.updateProtocol(area.id, input.protocol);
    // Deputies in or out changes who is invited: the series goes out again to the new list.
    if (
      series &&
      (area.protocol.inviteDeputies !== false) !== (input.protocol.inviteDeputies !== false)
    ) {
      const sequence = await repos.series.nextSequence(series.id);
      await repos.outbox.enqueue(
        { kind: 'calendar.update-series', seriesId: series.id, sequence },
        `update-series:${series.id}:${sequence}`,
      );
    }
    await repos.audit.record('area.protocol.update', 'area', area.id);
    return { ...area, protocol: input.protocol };
  });
}

/** Names an agency's core rep and deputy; the series invitation follows them. */
export async function updateAgencyReps(
  deps: SchedulingDeps,
  input: { areaId: string; agencyId: string; coreRep: Rep; deputyRep: Rep | null },
): Promise<AgencyRecord> {
  if (
    input.deputyRep &&
    input.deputyRep.email.toLowerCase() === input.coreRep.email.toLowerCase()
  ) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'The deputy must be a different person from the core rep.',
      [{ path: 'deputyRep.email', message: 'must differ from coreRep.email' }],
    );
  }
  return deps.uow.run(async (repos) => {
    const agency = await repos.areas.setReps(
      input.areaId,
      input.agencyId,
      input.coreRep,
      input.deputyRep,
    );
    if (!agency) throw new DomainError('NOT_FOUND', 'This agency does not sit on this MARAC area.');
    const series = await repos.series.forArea(input.areaId);
    if (series) {
      const sequence = await repos.series.nextSequence(series.id);
      await repos.outbox.enqueue(
        { kind: 'calendar.update-series', seriesId: series.id, sequence },
        `update-series:${series.id}:${sequence}`,
      );
    }
    await repos.audit.record('area.reps.update', 'agency', input.agencyId);
    return agency;
  });
}
