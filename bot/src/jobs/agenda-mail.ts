import { londonTimeOf } from '#core/calendar/london-time.js';
import { defaultConfidentialityStatement } from '#core/agendas/confidentiality.js';
import { UndeliverableError } from '#core/agendas/deliver-mail.js';
import type { OutgoingMail } from '#core/ports/mail.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import type { AgendaDocument } from '../documents/agenda-document.js';
import { renderAgendaPdf } from '../documents/agenda-pdf.js';
import { RenderedAgendas } from '../documents/rendered-agendas.js';
import { buildAgendaMessage } from '../mail/agenda-message.js';
import { agendaDeliveryDetails } from '../store/sql-agendas.js';
import type { LeasedDelivery } from '../store/sql-deliveries.js';

/** Where a `link` notice points: the meeting's agenda in the tab, behind sign-in. */
export const agendaUrl = (publicUrl: string, meetingId: string): string =>
  `${publicUrl}/agenda?meeting=${encodeURIComponent(meetingId)}`;

/**
 * Builds one recipient's copy of an agenda version when the worker is about to send it: the
 * document from the stored version, then the message in the mode fixed when it was published
 * (S/MIME to the rep's certificate, the password PDF, Purview, or a notice with a link).
 */
export function agendaMailBuilder(deps: { db: Db; crypto: AppCrypto; publicUrl: string }) {
  const rendered = new RenderedAgendas({ render: renderAgendaPdf });
  return async (leased: LeasedDelivery): Promise<OutgoingMail> => {
    const details = await agendaDeliveryDetails(deps.db, deps.crypto, leased.id);
    if (!details) throw new UndeliverableError('not an agenda delivery');
    if (details.mode === 'smime' && !details.certificatePem) {
      throw new UndeliverableError(
        "no certificate for this rep: upload it in the agency's delivery settings, then resend",
      );
    }
    const document: AgendaDocument = {
      areaName: details.area.name,
      meetingDate: details.meeting.date,
      startsAt: londonTimeOf(details.meeting.startsAt),
      version: details.version.version,
      changes: details.version.changes,
      confidentialityStatement: defaultConfidentialityStatement,
      agenda: details.version.agenda,
    };
    const pdf =
      details.mode === 'link'
        ? undefined
        : await rendered.pdf(details.version.id, () => Promise.resolve(document));
    const built = await buildAgendaMessage({
      ...(pdf ? { pdf } : {}),
      mode: details.mode,
      from: details.area.mailbox,
      to: { name: details.recipient.name, email: details.recipient.email },
      messageId: leased.messageId,
      document,
      ...(details.certificatePem ? { certificatePem: details.certificatePem } : {}),
      ...(details.password ? { password: details.password } : {}),
      agendaUrl: agendaUrl(deps.publicUrl, details.meeting.id),
    });
    return { mailbox: leased.mailbox, messageId: leased.messageId, mime: built.mime };
  };
}
