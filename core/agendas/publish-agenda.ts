import type { AgendaRecipient } from '../ports/agendas.js';
import type { Repos } from '../ports/store.js';
import type { SchedulingDeps } from '../scheduling/deps.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { CARD_PER_CASE_UP_TO, queueResearchPrompts } from '../research/research-prompts.js';
import { agendaVersionLabel, casesInOrder } from './agenda.js';
import { openAgendaMeeting } from './agenda-meeting.js';
import { draftAgenda } from './meeting-agenda.js';
import { pendingChanges } from './agenda-view.js';

export interface PublishedAgenda {
  versionId: string;
  version: number;
  label: string;
  recipients: number;
}

/**
 * Publishes a meeting's agenda, or a numbered addendum saying what changed since the version
 * before: the version and one delivery row per recipient (each rep of each agency on the
 * meeting's list, in their agency's mode) are written in one transaction, so the workers send
 * each exactly once, and a password copy's password goes to its rep by the bot.
 */
export async function publishAgenda(
  deps: SchedulingDeps,
  input: {
    meetingId: string;
    publishedBy: string | null;
    /** Research prompts: a card per case up to this many cases, else one with a picker. */
    cardPerCaseUpTo?: number;
  },
): Promise<PublishedAgenda> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const { meeting, area } = await openAgendaMeeting(repos, input.meetingId, today);
    const draft = await draftAgenda(repos, meeting, area);
    const versions = await repos.agendas.versions(meeting.id, area.id);
    const changes = pendingChanges(draft, versions);
    const recipients = await repos.agendas.recipients(meeting.id, area.id);
    const latest = versions[versions.length - 1];
    if (latest && changes !== null && changes.length === 0) {
      // Nothing changed in the agenda, but the list may have: an agency added to the meeting, or
      // a new rep, gets the version already out (those who have it get nothing more).
      const rows = await repos.agendas.enqueueDeliveries({
        versionId: latest.id,
        mailbox: area.mailbox,
        recipients,
      });
      if (rows.length === 0) {
        throw new DomainError(
          'CONFLICT',
          `Nothing has changed since ${agendaVersionLabel(latest.version)} was published, and everyone on the meeting has been sent it.`,
        );
      }
      await passwordsByBot(repos, rows);
      await queueResearchPrompts(repos, meeting, {
        caseIds: casesInOrder(draft).map((c) => c.referralId),
        cardPerCaseUpTo: input.cardPerCaseUpTo ?? CARD_PER_CASE_UP_TO,
      });
      await repos.audit.record('agenda.send-to-new', 'meeting', meeting.id);
      return {
        versionId: latest.id,
        version: latest.version,
        label: agendaVersionLabel(latest.version),
        recipients: rows.length,
      };
    }
    const version = versions.length + 1;
    const versionId = deps.ids.newId();
    await repos.agendas.insertVersion(
      {
        id: versionId,
        meetingId: meeting.id,
        version,
        agenda: draft,
        changes: changes ?? [],
        publishedAt: deps.clock.now(),
        publishedBy: input.publishedBy,
      },
      area.id,
    );
    const rows = await repos.agendas.enqueueDeliveries({
      versionId,
      mailbox: area.mailbox,
      recipients,
    });
    await passwordsByBot(repos, rows);
    // Publishing starts the research: each prompted rep gets the cases (new ones, on an addendum).
    await queueResearchPrompts(repos, meeting, {
      caseIds: casesInOrder(draft).map((c) => c.referralId),
      cardPerCaseUpTo: input.cardPerCaseUpTo ?? CARD_PER_CASE_UP_TO,
    });
    await repos.audit.record(
      version === 1 ? 'agenda.publish' : 'agenda.addendum',
      'meeting',
      meeting.id,
    );
    return { versionId, version, label: agendaVersionLabel(version), recipients: rows.length };
  });
}

/** A password copy's password goes to its rep by the bot, never with the mail. */
async function passwordsByBot(
  repos: Repos,
  rows: readonly { id: string; recipient: AgendaRecipient }[],
): Promise<void> {
  for (const row of rows) {
    if (row.recipient.mode !== 'password') continue;
    await repos.outbox.enqueue(
      { kind: 'notify.agenda-password', deliveryId: row.id },
      `agenda-password:${row.id}`,
    );
  }
}
