import type { Logger } from 'pino';
import { actionReminderText } from '#core/chasing/action-reminder-text.js';
import type { MailPort } from '#core/ports/mail.js';
import type { Clock, NotifyJob, UnitOfWork } from '#core/ports/store.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import { composeMime } from '../mail/compose-mime.js';
import { decryptPerson, type PersonRow } from '../store/sql-people.js';
import type { TeamsNotifier } from './teams-notifier.js';

type ReminderJob = Extract<NotifyJob, { kind: 'notify.action-reminder' }>;

export interface ActionReminderDeps {
  db: Db;
  crypto: AppCrypto;
  uow: UnitOfWork;
  clock: Clock;
  notifier: Pick<TeamsNotifier, 'send'>;
  mail: MailPort;
  publicUrl: string;
  log: Logger;
}

/**
 * What to send for a reminder job now, or null: checked again at send time, because a job may
 * wait in the outbox (retries, an app that was down) while the owner marks the action done or
 * ended, gives it a new due time, or the rep leaves the agency. Never a reminder after that.
 */
async function reminderNow(deps: ActionReminderDeps, job: ReminderJob) {
  return deps.uow.run(async (repos) => {
    const action = await repos.actionChasing.action(job.actionId);
    if (!action || (action.status !== 'open' && action.status !== 'ongoing')) return null;
    if (action.dueAt.toISOString() !== job.dueAt) return null;
    const reps = await repos.actionChasing.agencyReps(action.areaId, action.ownerAgencyId);
    if (!reps.includes(job.personId)) return null;
    const area = (await repos.areas.get(action.areaId))!;
    const words = actionReminderText({
      areaName: area.name,
      reference: action.reference,
      dueAt: action.dueAt,
      now: deps.clock.now(),
      link: `${deps.publicUrl}/actions`,
    });
    return { area, words };
  });
}

/**
 * Sends one rep their reminder in Teams by the bot; a rep the bot cannot reach is sent the same
 * words by mail instead (a job of its own, keyed, so a retry never mails twice).
 */
export async function sendActionReminder(
  deps: ActionReminderDeps,
  job: ReminderJob,
  attempt: number,
): Promise<void> {
  const ids = { actionId: job.actionId, personId: job.personId, reminder: job.reminder };
  const found = await reminderNow(deps, job);
  if (!found) {
    deps.log.debug(ids, 'action reminder not needed now');
    return;
  }
  if (job.by === 'mail') {
    await mailReminder(deps, job, found, attempt);
    return;
  }
  if (await deps.notifier.send(job.personId, found.words.text)) return;
  deps.log.debug(ids, 'action reminder: the rep has not talked to the bot; by mail instead');
  await deps.uow.run((repos) =>
    repos.outbox.enqueue(
      { ...job, by: 'mail' },
      `action-reminder-mail:${job.actionId}:${job.dueAt}:${job.reminder}:${job.personId}`,
    ),
  );
}

/** Our Message-ID for a reminder mail, from the job's ids: a retry looks up the same message. */
export function actionReminderMessageId(job: ReminderJob, mailbox: string): string {
  const domain = mailbox.split('@')[1]?.toLowerCase();
  if (!domain || !/^[a-z0-9.-]+$/.test(domain)) throw new Error('The MARAC mailbox needs a domain');
  const due = new Date(job.dueAt).getTime();
  return `<marac.action.${job.actionId}.${due}.${job.reminder}.${job.personId}@${domain}>`;
}

async function mailReminder(
  deps: ActionReminderDeps,
  job: ReminderJob,
  found: NonNullable<Awaited<ReturnType<typeof reminderNow>>>,
  attempt: number,
): Promise<void> {
  const row = await deps.db.query<PersonRow>(
    'SELECT id, partnership_id, name, email FROM person WHERE id = $1',
    [job.personId],
  );
  if (!row.rows[0]) return;
  const rep = await decryptPerson(deps.db, deps.crypto, row.rows[0]);
  const mailbox = found.area.mailbox;
  const messageId = actionReminderMessageId(job, mailbox);
  if (attempt > 1 && (await deps.mail.wasSent(mailbox, messageId))) return;
  const mime = await composeMime({
    from: mailbox,
    to: [rep.email],
    subject: found.words.subject,
    text: found.words.text,
    messageId,
  });
  await deps.mail.send({ mailbox, messageId, mime });
}
