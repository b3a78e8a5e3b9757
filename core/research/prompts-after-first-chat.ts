import type { Clock, Repos, UnitOfWork } from '../ports/store.js';
import { casesInOrder } from '../agendas/agenda.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { promptRecipients } from './prompt-recipients.js';
import { researchDeadline } from './research-deadline.js';
import { CARD_PER_CASE_UP_TO, queueResearchPrompts } from './research-prompts.js';

/** The key suffix of the prompts sent again when a rep first talks to the bot. */
export const AFTER_FIRST_CHAT = 'after-first-chat';

/**
 * A rep has just started their one-to-one chat with the bot (their first message, or the app
 * installed for them): the research prompts of every published meeting they are prompted for,
 * whose research is still open, are queued again for their chat. Before, the bot could not reach them: the prompt went as a link by mail (or, in
 * local mode, only to the outbox file). Once per rep and message (outbox keys); a prompt still
 * waiting to be sent (Teams opening the chat of an app just installed) is left to go as it is.
 */
export async function queuePromptsAfterFirstChat(
  deps: { uow: UnitOfWork; clock: Clock },
  personId: string,
  cardPerCaseUpTo = CARD_PER_CASE_UP_TO,
): Promise<number> {
  const now = deps.clock.now();
  const areas = await deps.uow.run((repos) => repos.areas.list());
  let queued = 0;
  for (const area of areas) {
    queued += await deps.uow.run(async (repos) => {
      const published = await repos.agendas.publishedMeetings(area.id);
      if (published.size === 0) return 0;
      const meetings = await repos.meetings.listForArea(area.id, { from: londonToday(now) });
      let n = 0;
      for (const meeting of meetings) {
        if (meeting.status === 'cancelled' || !published.has(meeting.id)) continue;
        if (now.getTime() > researchDeadline(meeting, area).getTime()) continue;
        n += await queueForMeeting(repos, meeting, area.id, personId, cardPerCaseUpTo);
      }
      return n;
    });
  }
  return queued;
}

async function queueForMeeting(
  repos: Repos,
  meeting: Parameters<typeof promptRecipients>[1],
  areaId: string,
  personId: string,
  cardPerCaseUpTo: number,
): Promise<number> {
  const reps = (await promptRecipients(repos, meeting)).filter((r) => r.personId === personId);
  if (reps.length === 0) return 0;
  const latest = (await repos.agendas.versions(meeting.id, areaId)).at(-1);
  if (!latest) return 0;
  const caseIds = casesInOrder(latest.agenda).map((c) => c.referralId);
  let queued = 0;
  for (const rep of reps) {
    // Every case of the agenda, as at publication (the same message keys): the card says which
    // the agency has answered already.
    queued += await queueResearchPrompts(repos, meeting, {
      caseIds,
      cardPerCaseUpTo,
      recipients: [rep],
      again: AFTER_FIRST_CHAT,
    });
  }
  return queued;
}
