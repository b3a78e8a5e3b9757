import type { SchedulingDeps } from '../scheduling/deps.js';
import { londonToday } from '../scheduling/area-calendar.js';
import { DomainError } from '../shared/errors.js';
import { agendaVersionLabel } from './agenda.js';
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
  input: { meetingId: string; publishedBy: string | null },
): Promise<PublishedAgenda> {
  const today = londonToday(deps.clock.now());
  return deps.uow.run(async (repos) => {
    const { meeting, area } = await openAgendaMeeting(repos, input.meetingId, today);
    const draft = await draftAgenda(repos, meeting, area);
    const versions = await repos.agendas.versions(meeting.id, area.id);
    const changes = pendingChanges(draft, versions);
    if (changes !== null && changes.length === 0) {
      throw new DomainError(
        'CONFLICT',
        `Nothing has changed since ${agendaVersionLabel(versions.length)} was published, so there is no addendum to send.`,
      );
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
    const recipients = await repos.agendas.recipients(meeting.id, area.id);
    const rows = await repos.agendas.enqueueDeliveries({
      versionId,
      mailbox: area.mailbox,
      recipients,
    });
    for (const row of rows) {
      if (row.recipient.mode !== 'password') continue;
      await repos.outbox.enqueue(
        { kind: 'notify.agenda-password', deliveryId: row.id },
        `agenda-password:${row.id}`,
      );
    }
    await repos.audit.record(
      version === 1 ? 'agenda.publish' : 'agenda.addendum',
      'meeting',
      meeting.id,
    );
    return { versionId, version, label: agendaVersionLabel(version), recipients: rows.length };
  });
}
