import { NOTHING_KNOWN_RESPONSE } from '../contracts/research.js';
import { auditedWrite, openResearch, requireCaseOnMeeting } from './research-access.js';
import type { ResearchAuthor, ResearchDeps } from './research-deps.js';
import { isUnanswered } from './research-status.js';

export interface NothingKnownResult {
  /** Cases now recorded as not known to the agency. */
  marked: string[];
  /** Cases the agency had already answered or started (a draft is never overwritten). */
  kept: string[];
}

/**
 * "Nothing known", in one action: every case of the meeting the agency has not answered (or
 * those of `referralIds`, the cases a rep chose) is recorded, case by case, as not known to
 * the agency. Drafts and answers are left as they are. A case named that is not on the
 * meeting is refused, and nothing is written.
 */
export async function markNothingKnown(
  deps: ResearchDeps,
  input: ResearchAuthor & { meetingId: string; referralIds?: readonly string[] },
): Promise<NothingKnownResult> {
  return auditedWrite(deps, 'research.nothing-known', input.meetingId, () =>
    deps.uow.run(async (repos) => {
      const now = deps.clock.now();
      const open = await openResearch(repos, input, now);
      for (const referralId of input.referralIds ?? []) requireCaseOnMeeting(open, referralId);
      const chosen = input.referralIds ? new Set(input.referralIds) : null;
      const cells = await repos.research.statuses(input.meetingId, input.agencyId);
      const result: NothingKnownResult = { marked: [], kept: [] };
      for (const referralId of open.caseIds) {
        if (chosen && !chosen.has(referralId)) continue;
        const cell = cells.find((c) => c.referralId === referralId);
        if (!isUnanswered(cell?.status)) {
          result.kept.push(referralId);
          continue;
        }
        const id = cell?.id ?? deps.ids.newId();
        await repos.research.save({
          id,
          meetingId: input.meetingId,
          referralId,
          agencyId: input.agencyId,
          status: 'nothing-known',
          response: { ...NOTHING_KNOWN_RESPONSE },
          submittedBy: input.personId,
          submittedAt: now,
          updatedBy: input.personId,
          updatedAt: now,
        });
        await repos.audit.record('research.nothing-known', 'research', id);
        result.marked.push(referralId);
      }
      return result;
    }),
  );
}
