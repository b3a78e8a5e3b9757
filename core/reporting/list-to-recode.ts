import { EQUALITY_FIELDS } from '../contracts/equality.js';
import type { RecodeItem, RecodeList } from '../contracts/recode-api.js';
import type { UnitOfWork } from '../ports/store.js';
import { DomainError } from '../shared/errors.js';

export interface RecodeDeps {
  uow: UnitOfWork;
}

/**
 * What the coordinator has to recode in the area (issue #13): each referral (any state but a
 * draft, heard or not: a case heard next quarter is counted then) whose ethnicity or sexuality
 * is words that name no category, with the words. Words that name one exactly ("White British")
 * already count as it, and a field left empty is "not known": neither is listed. Reading it
 * decrypts the area's referrals, so it is audited as a read of the area's case data.
 */
export async function listToRecode(
  deps: RecodeDeps,
  input: { areaId: string },
): Promise<RecodeList> {
  return deps.uow.run(async (repos) => {
    const area = await repos.areas.get(input.areaId);
    if (!area) throw new DomainError('AREA_NOT_FOUND', 'There is no such MARAC area.');
    const items: RecodeItem[] = [];
    for (const referral of await repos.referrals.equalityOf(area.id)) {
      for (const field of EQUALITY_FIELDS) {
        const words = referral.asWritten[field];
        if (referral[field] !== null || words === undefined) continue;
        items.push({
          referralId: referral.id,
          reference: referral.reference,
          referredOn: referral.referredOn,
          field,
          asWritten: words,
        });
      }
    }
    await repos.audit.record('referral.recode-list.read', 'area', area.id);
    return { areaId: area.id, areaName: area.name, items };
  });
}
