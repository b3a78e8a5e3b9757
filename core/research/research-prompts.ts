import type { AgendaRecipient } from '../ports/agendas.js';
import type { MeetingRecord, Repos } from '../ports/store.js';
import { promptRecipients } from './prompt-recipients.js';

/**
 * Up to this many cases, each case has a prompt card of its own; more come as one card with a
 * case picker, so a meeting of 16 cases is one message in each rep's chat, not 16. An operator
 * may change it (`RESEARCH_CARD_PER_CASE_UP_TO`).
 */
export const CARD_PER_CASE_UP_TO = 3;

/**
 * The research prompts of a meeting, queued in the caller's transaction (the agenda's
 * publication): one message per case (or one picker) per prompted rep. Each has a key of its
 * own, so publishing again (an addendum, an agency added, a deputy now needed) queues only what
 * has not been queued before: a new case, a new rep, or a picker for a changed set of cases.
 *
 * The queue is ordered case by case across the reps, not rep by rep: Teams allows a few
 * messages a second per conversation and fifty per tenant, so sending the first case to every
 * rep before the second keeps each conversation well under its limit while the tenant's is used.
 */
export async function queueResearchPrompts(
  repos: Repos,
  meeting: Pick<MeetingRecord, 'id' | 'areaId'>,
  input: {
    /** The cases in agenda order. */
    caseIds: readonly string[];
    cardPerCaseUpTo: number;
    /** Only these reps (a deputy sent for now); default: everyone prompted. */
    recipients?: readonly AgendaRecipient[];
    /**
     * Sends again what went before under the plain keys, under keys with this suffix: the
     * prompts of a rep who starts their chat with the bot after publication (see
     * prompts-after-first-chat.ts). A message still waiting under its plain key is left to it.
     */
    again?: string;
  },
): Promise<number> {
  if (input.caseIds.length === 0) return 0;
  const recipients = input.recipients ?? (await promptRecipients(repos, meeting));
  const messages: { referralId: string | null; key: string }[] =
    input.caseIds.length <= input.cardPerCaseUpTo
      ? input.caseIds.map((id) => ({ referralId: id, key: id }))
      : [{ referralId: null, key: `picker:${caseSetKey(input.caseIds)}` }];
  let queued = 0;
  for (const message of messages) {
    for (const rep of recipients) {
      const key = `research-prompt:${meeting.id}:${rep.agencyId}:${rep.personId}:${message.key}`;
      if (input.again && (await repos.outbox.pending(key))) continue;
      await repos.outbox.enqueue(
        {
          kind: 'notify.research-prompt',
          meetingId: meeting.id,
          agencyId: rep.agencyId,
          personId: rep.personId,
          referralId: message.referralId,
          caseIds: [...input.caseIds],
        },
        input.again ? `${key}:${input.again}` : key,
      );
      queued += 1;
    }
  }
  return queued;
}

/**
 * A short key for a set of cases, whatever their order: a picker is sent again only when the
 * set changes (a late case), not when the coordinator reorders the agenda. FNV-1a over the
 * sorted ids; a collision would only hold back one picker of an addendum.
 */
function caseSetKey(caseIds: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const char of [...caseIds].sort().join(',')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${caseIds.length}-${hash.toString(16)}`;
}
