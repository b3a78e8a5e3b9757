import type { MailPort } from '#core/ports/mail.js';
import type { NotifyJob, UnitOfWork } from '#core/ports/store.js';
import { deadlineInWords, researchDeadline } from '#core/research/research-deadline.js';
import { dateInWords } from '#core/shared/date-words.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { composeMime } from '../mail/compose-mime.js';
import { decryptPerson, type PersonRow } from '../store/sql-people.js';

type LinkJob = Extract<NotifyJob, { kind: 'notify.research-link' }>;

/**
 * Our Message-ID for a rep's research link: made from the job's ids, so a try after a crash
 * asks Sent Items for the same message and never sends it twice.
 */
export function researchLinkMessageId(job: LinkJob, mailbox: string): string {
  const domain = mailbox.split('@')[1]?.toLowerCase();
  if (!domain || !/^[a-z0-9.-]+$/.test(domain)) throw new Error('The MARAC mailbox needs a domain');
  return `<marac.research.${job.meetingId}.${job.agencyId}.${job.personId}@${domain}>`;
}

/**
 * A rep the bot cannot reach in Teams is mailed a link to their agency's research in the tab,
 * from the area's MARAC mailbox; the agency's cells then read `sent`. The mail names the
 * meeting's date, the agency and the deadline: no case, no person (the subject and body are
 * seen in every mail list and notification).
 */
export async function sendResearchLink(
  deps: {
    db: Db;
    crypto: AppCrypto;
    uow: UnitOfWork;
    mail: MailPort;
    publicUrl: string;
    now: () => Date;
  },
  job: LinkJob,
  attempt: number,
): Promise<void> {
  const found = await deps.uow.run(async (repos) => {
    const meeting = await repos.meetings.get(job.meetingId);
    if (!meeting || meeting.status === 'cancelled') return null;
    const area = (await repos.areas.get(meeting.areaId))!;
    const agency = (await repos.areas.agencies(area.id)).find((a) => a.id === job.agencyId);
    return agency ? { meeting, area, agency } : null;
  });
  if (!found) return;
  const { meeting, area, agency } = found;
  const row = await deps.db.query<PersonRow>(
    'SELECT id, partnership_id, name, email FROM person WHERE id = $1',
    [job.personId],
  );
  if (!row.rows[0]) return;
  const rep = await decryptPerson(deps.db, deps.crypto, row.rows[0]);
  const messageId = researchLinkMessageId(job, area.mailbox);
  if (attempt > 1 && (await deps.mail.wasSent(area.mailbox, messageId))) return;
  const link = `${deps.publicUrl}/research?meeting=${encodeURIComponent(meeting.id)}`;
  const due = deadlineInWords(researchDeadline(meeting, area));
  const text = [
    `Research is requested from ${agency.name} for the MARAC meeting on ${dateInWords(meeting.date, 'long')}.`,
    '',
    `Please check each case on the agenda against your agency's records and answer by ${due} (UK time):`,
    link,
    '',
    'This message holds no case details: they are in the MARAC app after you sign in.',
    'Do not forward this message. Do not contact the victim.',
  ].join('\n');
  const mime = await composeMime({
    from: area.mailbox,
    to: [rep.email],
    subject: `MARAC research requested: meeting on ${dateInWords(meeting.date, 'short')}`,
    text,
    messageId,
  });
  await deps.mail.send({ mailbox: area.mailbox, messageId, mime });
  // The agency has been asked, by mail: its cells read `sent`, as after a prompt in Teams.
  await deps.uow.run(async (repos) =>
    repos.research.recordPromptSent({
      meetingId: meeting.id,
      agencyId: job.agencyId,
      referralIds: await repos.meetings.caseIds(meeting.id),
      at: deps.now(),
    }),
  );
}
