import type { NotifyJob } from '#core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { longDate } from '../documents/agenda-document.js';
import { documentSubject } from '../mail/document-message.js';
import { documentCopyDetails } from '../store/sql-document-copies.js';
import type { TeamsNotifier } from './teams-notifier.js';

/**
 * Sends one rep of an agency the password of the agency's copy of an action plan or minutes, by
 * the bot: never in the mail that carries the file. The message names the area, the date and the
 * kind of document, and no person or case. A rep the bot cannot reach is an error, so the job is
 * tried again rather than the password being lost.
 */
export async function sendDocumentPassword(
  deps: { db: Db; crypto: AppCrypto; notifier: TeamsNotifier },
  job: Extract<NotifyJob, { kind: 'notify.document-password' }>,
): Promise<void> {
  const details = await documentCopyDetails(deps.db, deps.crypto, job.deliveryId);
  if (!details?.password) return;
  const heading = {
    kind: details.document.kind,
    areaName: details.area.name,
    meetingDate: details.meeting.date,
    number: details.document.number,
  };
  const thing = heading.kind === 'action-plan' ? 'action plan' : 'minutes';
  const text = [
    `The password for your agency's copy of the ${heading.areaName} MARAC ${thing} for ${longDate(heading.meetingDate)} is:`,
    details.password,
    `It opens the PDF attached to the e-mail from ${details.area.mailbox} with the subject "${documentSubject(heading)}". Type it exactly as shown.`,
    'Keep it to yourself: do not forward it or send it by e-mail. The document is OFFICIAL-SENSITIVE.',
  ].join('\n\n');
  if (!(await deps.notifier.send(job.personId, text))) {
    throw new Error(
      'the rep has not talked to the MARAC bot yet, so the password cannot reach them',
    );
  }
}
