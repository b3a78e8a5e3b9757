import { agendaVersionLabel } from '#core/agendas/agenda.js';
import type { NotifyJob } from '#core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { longDate } from '../documents/agenda-document.js';
import { coordinatorIds } from '../store/record-area.js';
import { agendaDeliveryDetails } from '../store/sql-agenda-copies.js';
import { documentCopyDetails } from '../store/sql-document-copies.js';
import { agendaPasswordNotice } from './agenda-password-notice.js';
import type { TeamsNotifier } from './teams-notifier.js';

type Deps = { db: Db; crypto: AppCrypto; notifier: TeamsNotifier };

/**
 * Sends a rep the password of their copy of an agenda, by the bot: never in the mail that
 * carries the file. A rep the bot cannot reach is an error, so the job is tried again (and the
 * coordinator sees it failing) rather than the password being lost.
 */
export async function sendAgendaPassword(
  deps: Deps,
  job: Extract<NotifyJob, { kind: 'notify.agenda-password' }>,
): Promise<void> {
  const details = await agendaDeliveryDetails(deps.db, deps.crypto, job.deliveryId);
  if (!details?.password) return;
  const text = agendaPasswordNotice({
    heading: {
      areaName: details.area.name,
      meetingDate: details.meeting.date,
      version: details.version,
    },
    mailbox: details.area.mailbox,
    password: details.password,
  });
  if (!(await deps.notifier.send(details.recipient.personId, text))) {
    throw new Error(
      'the rep has not talked to the MARAC bot yet, so the password cannot reach them',
    );
  }
}

/** Tells the area's coordinators that a copy of an agenda could not be delivered: the date only. */
export async function notifyDeliveryDead(
  deps: Deps,
  job: Extract<NotifyJob, { kind: 'notify.delivery-dead' }>,
): Promise<void> {
  const details = await agendaDeliveryDetails(deps.db, deps.crypto, job.deliveryId);
  if (!details) return notifyDocumentDead(deps, job.deliveryId);
  const text =
    `The MARAC agenda for ${longDate(details.meeting.date)} (${agendaVersionLabel(details.version)}) ` +
    'could not be delivered to one of its recipients. Open the meeting\u2019s agenda in the MARAC app to see why and send it again.';
  for (const personId of await coordinatorIds(deps.db, details.area.id))
    await deps.notifier.send(personId, text);
}

/** Passes a deadline warning (meeting and dates only) to each of the area's coordinators. */
export async function notifyAgendaWarning(
  deps: Pick<Deps, 'db' | 'notifier'>,
  job: Extract<NotifyJob, { kind: 'notify.agenda-warning' }>,
): Promise<void> {
  for (const personId of await coordinatorIds(deps.db, job.areaId))
    await deps.notifier.send(personId, job.text);
}

/** The same for an agency's copy of an action plan or minutes (issue #11): the date only. */
async function notifyDocumentDead(deps: Deps, deliveryId: string): Promise<void> {
  const copy = await documentCopyDetails(deps.db, deps.crypto, deliveryId);
  if (!copy) return;
  const what = copy.document.kind === 'action-plan' ? 'action plan' : 'minutes';
  const text =
    `The MARAC ${what} for ${longDate(copy.meeting.date)} could not be delivered to one of the agencies. ` +
    'Open the meeting in the MARAC app to see why, and send it another way if it cannot be put right.';
  for (const personId of await coordinatorIds(deps.db, copy.area.id))
    await deps.notifier.send(personId, text);
}
