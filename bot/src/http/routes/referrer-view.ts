import type { QueueItemView } from '#core/contracts/referral.js';
import { DomainError } from '#core/shared/errors.js';
import { agenciesRepresented, type Principal } from '../../auth/people.js';
import type { Services } from '../services.js';
import { isCoordinating } from './referral-access.js';

/**
 * A referrer refers for an agency they represent. A coordinator or admin may refer on an
 * agency's behalf (a partner phoned it in); that is recorded as such. Returns whether it is.
 */
export async function checkReferringAgency(
  s: Services,
  principal: Principal,
  form: { areaId: string; referrerAgencyId?: string | null | undefined },
): Promise<{ onBehalf: boolean }> {
  // A draft may not name its agency yet; it is checked again once it does, and on submission.
  if (!form.referrerAgencyId) return { onBehalf: false };
  const own = await agenciesRepresented(s.db, principal.personId, form.areaId);
  if (own.includes(form.referrerAgencyId)) return { onBehalf: false };
  if (isCoordinating(principal, form.areaId)) return { onBehalf: true };
  throw new DomainError(
    'VALIDATION_FAILED',
    'You can refer only for an agency you represent. Choose your agency, or ask the MARAC coordinator to refer on its behalf.',
    [{ path: 'form.referrerAgencyId', message: 'choose an agency you represent' }],
  );
}

/**
 * What a referrer may see of their own referral's summary: never whether the victim was heard
 * before (the repeat criterion and flag) or how many possible duplicates the coordinator holds.
 * Telling them would let anyone who can refer test whether a person is known to MARAC.
 */
export function referrerView(item: QueueItemView): QueueItemView {
  const { isRepeat: _repeat, openDuplicates: _duplicates, ...rest } = item;
  return { ...rest, criteria: item.criteria.filter((c) => c !== 'repeat') };
}
