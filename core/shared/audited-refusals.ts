import type { UnitOfWork } from '../ports/store.js';
import { isDomainError, type ErrorCode } from './errors.js';

/**
 * Runs a write on a meeting; a refusal whose code is one of `refusals` rolls the write back
 * (the work's own transaction) and is audited as `<action>.refused` against the meeting in a
 * transaction of its own, ids only. Anything else is thrown on unaudited.
 */
export async function auditingRefusals<T>(
  uow: UnitOfWork,
  refusals: ReadonlySet<ErrorCode>,
  audit: { action: string; meetingId: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error) && refusals.has(error.code)) {
      await uow.run((repos) =>
        repos.audit.record(`${audit.action}.refused`, 'meeting', audit.meetingId),
      );
    }
    throw error;
  }
}
