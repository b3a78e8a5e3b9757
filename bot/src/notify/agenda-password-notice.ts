import { longDate, versionLabel, type AgendaHeading } from '../documents/agenda-document.js';
import { agendaSubject } from '../mail/agenda-mail-text.js';

/**
 * The Teams message that gives a rep the password of their password-protected agenda. It is the
 * other channel: the password never travels with the e-mail, so whoever holds one without the
 * other holds nothing. It takes only the agenda's heading, never its cases: a chat message shows
 * on lock screens and in notifications, so it names the area, the date and the version, and no
 * person or case.
 */
export function agendaPasswordNotice(input: {
  heading: AgendaHeading;
  /** The area's MARAC mailbox, which sends the e-mail. */
  mailbox: string;
  password: string;
}): string {
  const { heading, mailbox, password } = input;
  return [
    `The password for your copy of the ${heading.areaName} MARAC agenda for ${longDate(heading.meetingDate)}, ${versionLabel(heading)}, is:`,
    password,
    `It opens the PDF attached to the e-mail from ${mailbox} with the subject "${agendaSubject(heading)}". Type it exactly as shown.`,
    'Keep it to yourself: do not forward it or send it by e-mail. The agenda is OFFICIAL-SENSITIVE.',
  ].join('\n\n');
}
