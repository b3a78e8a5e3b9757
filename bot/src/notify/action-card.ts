import { randomUUID } from 'node:crypto';
import { CHILDRENS_AGENCY_KIND, isIncomplete } from '#core/actions/owned-action-view.js';
import { CHILDRENS_FEEDBACK_DAYS } from '#core/contracts/action-api.js';
import type { NotifyJob, UnitOfWork } from '#core/ports/store.js';
import { deadlineInWords } from '#core/research/research-deadline.js';
import { addDays } from '#core/shared/local-date.js';
import { actionRestCard, type ActionRestView } from '../cards/action-cards.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { rememberedConversation } from './bot-notifier.js';
import type { TeamsNotifier } from './teams-notifier.js';

type ActionCardJob = Extract<NotifyJob, { kind: 'notify.action-card' }>;

export interface ActionCardDeps {
  db: Db;
  crypto: AppCrypto;
  uow: UnitOfWork;
  notifier: TeamsNotifier;
}

/**
 * The Teams ids (as the per-user refresh names them) of the agency's core rep and deputy who
 * have a chat with the bot. Read outside any transaction (PGlite has one connection).
 */
export async function repTeamsIds(
  deps: Pick<ActionCardDeps, 'db' | 'crypto'>,
  personIds: readonly string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const personId of personIds) {
    const teamsId = (await rememberedConversation(deps.db, deps.crypto, personId))?.user?.id;
    if (teamsId) ids.push(teamsId);
  }
  return ids;
}

/**
 * Sends one action's card to one rep of its owner agency, built now from the store: nothing for
 * an action finished meanwhile, or to someone no longer the agency's core rep or deputy. A rep
 * the bot cannot reach finds the action in the tab's "My actions" instead (not an error).
 */
export async function sendActionCard(deps: ActionCardDeps, job: ActionCardJob): Promise<void> {
  const loaded = await deps.uow.run(async (repos) => {
    const action = await repos.meetingActions.get(job.actionId);
    if (!action || !isIncomplete(action.status)) return null;
    const reps = await repos.actionUpdates.repIds(action.areaId, action.ownerAgencyId);
    if (!reps.includes(job.personId)) return null;
    const meeting = await repos.meetings.get(action.meetingId);
    const runCase = (await repos.meetingRun.cases(action.meetingId)).find(
      (c) => c.referralId === action.referralId,
    );
    const siblings = (await repos.meetingActions.forMeeting(action.meetingId, action.referralId))
      .filter((a) => a.ownerAgencyId === action.ownerAgencyId)
      .map((a) => a.id);
    const agency = (await repos.areas.agencies(action.areaId)).find(
      (a) => a.id === action.ownerAgencyId,
    );
    return { action, reps, meeting, runCase, siblings, agency };
  });
  if (!loaded?.meeting) return;
  const { action, reps, meeting, runCase, siblings, agency } = loaded;
  const view: ActionRestView = {
    actionId: action.id,
    reference: runCase?.reference ?? 'case',
    meetingDate: meeting.date,
    dueAt: action.dueAt,
    index: siblings.indexOf(action.id) + 1,
    count: siblings.length,
    feedbackBy:
      agency?.kind === CHILDRENS_AGENCY_KIND
        ? addDays(meeting.date, CHILDRENS_FEEDBACK_DAYS)
        : null,
    refreshUserIds: await repTeamsIds(deps, reps),
    op: randomUUID(),
  };
  const summary = `A MARAC action for your agency: case ${view.reference}, due by ${deadlineInWords(action.dueAt)}.`;
  try {
    await deps.notifier.sendCard(job.personId, { card: actionRestCard(view), summary });
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 403 || status === 404) return; // no chat: the tab has it
    throw error;
  }
}
