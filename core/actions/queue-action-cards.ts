import type { Repos } from '../ports/store.js';
import { isIncomplete } from './owned-action-view.js';

/** The outbox key of one action's card to one rep: queued once, however often this runs. */
export const actionCardKey = (actionId: string, personId: string): string =>
  `action-card:${actionId}:${personId}`;

/**
 * In the caller's transaction (the meeting's close): one outbox job per incomplete action of
 * the meeting and per core rep or deputy of its owner agency, each the card of that action in
 * their chat with the bot. Ids only in the jobs; the card is built when it is sent. Returns how
 * many jobs were queued.
 */
export async function queueActionCards(repos: Repos, meetingId: string): Promise<number> {
  let queued = 0;
  const actions = (await repos.meetingActions.forMeeting(meetingId)).filter((a) =>
    isIncomplete(a.status),
  );
  for (const action of actions) {
    for (const personId of await repos.actionUpdates.repIds(action.areaId, action.ownerAgencyId)) {
      await repos.outbox.enqueue(
        { kind: 'notify.action-card', actionId: action.id, personId },
        actionCardKey(action.id, personId),
      );
      queued += 1;
    }
  }
  return queued;
}
