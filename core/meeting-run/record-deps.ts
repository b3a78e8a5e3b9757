import type { Clock, IdGenerator, Repos, UnitOfWork } from '../ports/store.js';
import { DomainError, isDomainError } from '../shared/errors.js';

/** What the meeting record's use cases need: one transaction over the store, the time, new ids. */
export interface RecordDeps {
  uow: UnitOfWork;
  clock: Clock;
  ids: IdGenerator;
}

/** The live topic every participant of a meeting follows (ids only cross it). */
export const meetingTopic = (meetingId: string): string => `meeting:${meetingId}`;

const REFUSALS = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'MEETING_NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
]);

/**
 * Runs one read or write of the meeting's record in one transaction; a refusal (not on the
 * meeting, statement not confirmed, another meeting's case or action, a stale version) rolls it
 * back and is audited in a transaction of its own, by the meeting's id only.
 */
export async function auditedRecord<T>(
  deps: RecordDeps,
  action: string,
  meetingId: string,
  work: (repos: Repos) => Promise<T>,
): Promise<T> {
  try {
    return await deps.uow.run(work);
  } catch (error) {
    if (isDomainError(error) && REFUSALS.has(error.code)) {
      await deps.uow.run((repos) => repos.audit.record(`${action}.refused`, 'meeting', meetingId));
    }
    throw error;
  }
}

/** A case that is not on this meeting: the same answer whether it exists elsewhere or not. */
export const caseNotOnMeeting = (): DomainError =>
  new DomainError('NOT_FOUND', 'This case is not on this meeting\u2019s running order.');
