import type { z } from 'zod';
import type { researchCellSchema } from '../contracts/research-api.js';
import type { ResearchStatusRecord } from '../ports/research.js';
import type { ResearchDeps } from './research-deps.js';

export type ResearchCell = z.infer<typeof researchCellSchema>;

/** A cell just written, as the API answers it: who submitted by name, times as ISO instants. */
export async function researchCellOf(
  deps: Pick<ResearchDeps, 'uow'>,
  record: ResearchStatusRecord,
): Promise<ResearchCell> {
  const by = record.submittedBy;
  const names = by ? await deps.uow.run((repos) => repos.research.personNames([by])) : null;
  return {
    referralId: record.referralId,
    agencyId: record.agencyId,
    status: record.status,
    submittedBy: by ? (names?.get(by) ?? 'A former rep') : null,
    submittedAt: record.submittedAt?.toISOString() ?? null,
  };
}
