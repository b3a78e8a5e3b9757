import { pageConfidentialityNote } from '#core/agendas/confidentiality.js';
import type { DeliveryMode } from '#core/contracts/agenda-api.js';
import { documentTitle, longDate, type AgendaHeading } from '../documents/agenda-document.js';

/*
 * The words of the agenda e-mail that anyone may see: its subject and its plain body. Both are
 * built from the agenda's heading alone (area, meeting date, version), never from its cases, so
 * no name, date of birth, address, school or case reference can reach them: subjects show in
 * every mail list, lock screen and notification, and outside S/MIME the plain body travels and
 * is indexed in clear.
 */

/** "MARAC agenda - Northbrook - 8 December 2026", and " - Addendum 1" for version 2 onwards. */
export function agendaSubject(heading: AgendaHeading): string {
  const title = documentTitle(heading);
  return heading.version > 1 ? `${title} - Addendum ${heading.version - 1}` : title;
}

export interface AgendaBodyInput {
  mode: DeliveryMode;
  heading: AgendaHeading;
  /** The rep's own name, for the greeting: a professional's name, not a case's. */
  repName: string;
  /** Link mode: where the tab opens the agenda (ids only, after sign-in). */
  agendaUrl: string;
}

/** The plain body for one rep: what has come, what to do with it in their mode, and the marking. */
export function agendaPlainBody(input: AgendaBodyInput): string {
  const { heading } = input;
  return [
    'OFFICIAL-SENSITIVE',
    `Dear ${oneLine(input.repName)},`,
    whatHasCome(heading),
    ...whatToDo(input),
    pageConfidentialityNote,
    'If this e-mail reached you by mistake, reply to tell the MARAC coordinator, then delete it.',
    `${heading.areaName} MARAC`,
  ].join('\n\n');
}

function whatHasCome(heading: AgendaHeading): string {
  const meeting = `the ${heading.areaName} MARAC on ${longDate(heading.meetingDate)}`;
  return heading.version === 1
    ? `The agenda for ${meeting} is ready.`
    : `Addendum ${heading.version - 1} to the agenda for ${meeting} is ready (version ${heading.version}). It starts with what has changed since the last version.`;
}

function whatToDo(input: AgendaBodyInput): string[] {
  switch (input.mode) {
    case 'smime':
      return [
        'This e-mail and the agenda attached to it are encrypted to your e-mail certificate. Open them in Outlook on a device that holds your certificate and its private key; Outlook decrypts them for you. If Outlook cannot open them, ask your IT service desk to install your certificate, or tell the MARAC coordinator.',
        'Do not forward this e-mail, and do not save the agenda anywhere others can open it.',
      ];
    case 'password':
      return [
        'The agenda is attached as a PDF protected by a password.',
        'The password comes to you in Teams, in a message from the MARAC bot. It is never sent by e-mail. If you cannot find it, open the chat with the MARAC bot in Teams, or ask the MARAC coordinator.',
        'Do not forward this e-mail or the password, and do not save the opened agenda anywhere others can open it.',
      ];
    case 'purview':
      return [
        'This e-mail and the agenda attached to it are protected by Microsoft Purview Message Encryption. Open them in Outlook signed in with your work account.',
        'Do not forward them, and do not save or print the agenda anywhere others can see it.',
      ];
    case 'link':
      return [
        'The agenda is not attached to this e-mail: it holds personal information, so it stays in the MARAC app.',
        `Open the agenda in the MARAC app in Teams, after signing in with your work account:\n${input.agendaUrl}`,
        'You will see the cases your agency is asked to research for this meeting.',
      ];
  }
}

/** A name typed elsewhere cannot add lines (or a forged paragraph) to the body. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
