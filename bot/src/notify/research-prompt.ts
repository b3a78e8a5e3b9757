import { randomUUID } from 'node:crypto';
import type { NotifyJob, Repos, UnitOfWork } from '#core/ports/store.js';
import { promptRecipients } from '#core/research/prompt-recipients.js';
import { deadlineInWords, researchDeadline } from '#core/research/research-deadline.js';
import { dateInWords } from '#core/shared/date-words.js';
import { researchCasePromptCard, researchPickerCard } from '../cards/research-prompt-cards.js';
import { cardStatus, type ResearchPromptView } from '../cards/research-types.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import type { TeamsAppInstaller } from '../graph/graph-teams-apps.js';
import { decryptPerson, type PersonRow } from '../store/sql-people.js';
import { caseReferences } from '../store/sql-research.js';
import { rememberedConversation } from './bot-notifier.js';
import type { TeamsNotifier } from './teams-notifier.js';

type PromptJob = Extract<NotifyJob, { kind: 'notify.research-prompt' }>;

export interface ResearchPromptDeps {
  db: Db;
  crypto: AppCrypto;
  uow: UnitOfWork;
  notifier: TeamsNotifier;
  now: () => Date;
  /** Graph mode with the app's catalog id; null locally, where a link by mail is the fallback. */
  installer: TeamsAppInstaller | null;
}

/**
 * After installing the app for a rep, the job looks for their new chat this many times (the
 * outbox waits `CHAT_WAIT_SECONDS` between), then mails a link to the tab instead.
 */
export const CHAT_WAITS = 3;
export const CHAT_WAIT_SECONDS = 20;

/** The rep has no chat with the bot yet; the app was installed for them: look again soon. */
export class WaitingForChatError extends Error {
  readonly retryAfterSeconds = CHAT_WAIT_SECONDS;
  constructor() {
    super('the app was installed for the rep; waiting for Teams to open their chat with the bot');
    this.name = 'WaitingForChatError';
  }
}

interface Prompt {
  view: ResearchPromptView;
  /** The cases this message is about: one, or every case of the picker. */
  about: string[];
  summary: string;
}

/**
 * Sends one research prompt message to one rep: built now from the store (statuses as they
 * are, cases still on the meeting), so a prompt that waited behind Teams' limits is not stale.
 * Nothing is sent once the deadline has passed, for a cancelled meeting, or to someone who is no
 * longer a prompted rep of the agency. A rep the bot cannot reach gets the app installed for
 * them (graph mode), and after a few looks for their chat, a mail with a link to the tab.
 */
export async function sendResearchPrompt(
  deps: ResearchPromptDeps,
  job: PromptJob,
  attempt: number,
): Promise<void> {
  const loaded = await deps.uow.run((repos) => loadPrompt(deps, repos, job));
  if (!loaded) return;
  const { view, about, summary } = await promptOf(deps, job, loaded);
  const card = job.referralId
    ? researchCasePromptCard(
        view,
        view.cases.findIndex((c) => c.caseId === job.referralId),
      )
    : researchPickerCard(view);
  if (await reached(deps, job.personId, { card, summary })) {
    await deps.uow.run((repos) =>
      repos.research.recordPromptSent({
        meetingId: job.meetingId,
        agencyId: job.agencyId,
        referralIds: about,
        at: deps.now(),
      }),
    );
    return;
  }
  if (deps.installer && attempt <= CHAT_WAITS && (await installed(deps, job.personId)))
    throw new WaitingForChatError();
  await deps.uow.run((repos) =>
    repos.outbox.enqueue(
      {
        kind: 'notify.research-link',
        meetingId: job.meetingId,
        agencyId: job.agencyId,
        personId: job.personId,
      },
      `research-link:${job.meetingId}:${job.agencyId}:${job.personId}`,
    ),
  );
}

/**
 * Whether the card reached the rep's chat. A chat Teams refuses for good (403: the rep blocked
 * or removed the bot; 404: the conversation is gone) is no chat: the rep is asked another way.
 * Anything else (a 429, a 5xx) is thrown for the outbox to try again.
 */
async function reached(
  deps: ResearchPromptDeps,
  personId: string,
  message: Parameters<TeamsNotifier['sendCard']>[1],
): Promise<boolean> {
  try {
    return await deps.notifier.sendCard(personId, message);
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status;
    if (status === 403 || status === 404) return false;
    throw error;
  }
}

/** What the store says now, read in one transaction (only through the repositories in it). */
async function loadPrompt(deps: ResearchPromptDeps, repos: Repos, job: PromptJob) {
  const meeting = await repos.meetings.get(job.meetingId);
  if (!meeting || meeting.status === 'cancelled') return null;
  const area = (await repos.areas.get(meeting.areaId))!;
  const dueAt = researchDeadline(meeting, area);
  if (deps.now().getTime() > dueAt.getTime()) return null;
  const prompted = (await promptRecipients(repos, meeting)).filter(
    (r) => r.agencyId === job.agencyId,
  );
  if (!prompted.some((r) => r.personId === job.personId)) return null;
  const onMeeting = new Set(await repos.meetings.caseIds(meeting.id));
  const caseIds = job.caseIds.filter((id) => onMeeting.has(id));
  if (job.referralId && !caseIds.includes(job.referralId)) return null;
  if (caseIds.length === 0) return null;
  const statuses = await repos.research.statuses(meeting.id, job.agencyId);
  return { meeting, dueAt, prompted, caseIds, statuses };
}

/**
 * The card's view: references and statuses, and the Teams ids of the agency's prompted reps
 * for its refresh. Read outside the transaction (PGlite has one connection: a query on the
 * database inside a transaction would wait for it for ever).
 */
async function promptOf(
  deps: ResearchPromptDeps,
  job: PromptJob,
  loaded: NonNullable<Awaited<ReturnType<typeof loadPrompt>>>,
): Promise<Prompt> {
  const { meeting, dueAt, prompted, caseIds, statuses } = loaded;
  const references = await caseReferences(deps.db, caseIds);
  const refreshUserIds: string[] = [];
  for (const rep of prompted) {
    const teamsId = (await rememberedConversation(deps.db, deps.crypto, rep.personId))?.user?.id;
    if (teamsId) refreshUserIds.push(teamsId);
  }
  const view: ResearchPromptView = {
    meetingId: meeting.id,
    agencyId: job.agencyId,
    meetingDate: meeting.date,
    dueAt,
    cases: caseIds.map((id) => ({
      caseId: id,
      reference: references.get(id) ?? 'case',
      status: cardStatus(statuses.find((s) => s.referralId === id)?.status),
    })),
    refreshUserIds,
    op: randomUUID(),
  };
  const count = `${caseIds.length} ${caseIds.length === 1 ? 'case' : 'cases'}`;
  const summary =
    `MARAC research for the meeting on ${dateInWords(meeting.date, 'long')}: ` +
    `${job.referralId ? 'a case' : count} to check, due by ${deadlineInWords(dueAt)}.`;
  return { view, about: job.referralId ? [job.referralId] : caseIds, summary };
}

/**
 * Installs the app for the rep (each look asks again: Graph answers 409 once it is there), by
 * their Entra object id, or their address as the user principal name if they have never signed
 * in. false when Graph cannot (no such user, no permission): the link by mail goes instead.
 */
async function installed(deps: ResearchPromptDeps, personId: string): Promise<boolean> {
  const found = await deps.db.query<PersonRow & { object_id: string | null }>(
    'SELECT id, partnership_id, name, email, object_id FROM person WHERE id = $1',
    [personId],
  );
  const row = found.rows[0];
  if (!row) return false;
  const user = row.object_id ?? (await decryptPerson(deps.db, deps.crypto, row)).email;
  try {
    await deps.installer!.installFor(user);
    return true;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 403 || status === 404) return false;
    throw error;
  }
}
