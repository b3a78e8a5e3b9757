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
import {
  agendaDeliveryDetails,
  agendaVersion,
  type AgendaDeliveryDetails,
} from '../store/sql-agenda-copies.js';
import type { LeasedDelivery } from '../store/sql-deliveries.js';

/** Where a `link` notice points: the meeting's agenda in the tab, behind sign-in. */
export const agendaUrl = (publicUrl: string, meetingId: string): string =>
  `${publicUrl}/agenda?meeting=${encodeURIComponent(meetingId)}`;

const headingOf = (details: AgendaDeliveryDetails) => ({
  areaName: details.area.name,
  meetingDate: details.meeting.date,
  startsAt: londonTimeOf(details.meeting.startsAt),
  version: details.version,
  confidentialityStatement: defaultConfidentialityStatement,
});

/**
 * Builds one recipient's copy of an agenda version when the worker is about to send it: the
 * document from the stored version, then the message in the mode fixed when it was published
 * (S/MIME to the rep's certificate, the password PDF, Purview, or a notice with a link).
 */
export function agendaMailBuilder(deps: {
  db: Db;
  crypto: AppCrypto;
  publicUrl: string;
  /** The benchmark counts the renderings and can turn the cache off; the app takes the defaults. */
  render?: (document: AgendaDocument) => Promise<Buffer>;
  cache?: boolean;
}) {
  const render = deps.render ?? renderAgendaPdf;
  const rendered = new RenderedAgendas({ render });
  return async (leased: LeasedDelivery): Promise<OutgoingMail> => {
    const details = await agendaDeliveryDetails(deps.db, deps.crypto, leased.id);
    if (!details) throw new UndeliverableError('not an agenda delivery');
    if (details.mode === 'smime' && !details.certificatePem) {
      throw new UndeliverableError(
        "no certificate for this rep: upload it in the agency's delivery settings, then resend",
      );
    }
    // The version is loaded, decrypted and rendered once for all its copies.
    const load = async (): Promise<AgendaDocument> => {
      const version = await agendaVersion(deps.db, deps.crypto, details.versionId);
      return { ...headingOf(details), changes: version.changes, agenda: version.agenda };
    };
    // A link notice names the meeting and version only: it needs neither the cases nor the PDF,
    // so it can leave while the first copies that carry the agenda are still being rendered.
    const { document, pdf } =
      details.mode === 'link'
        ? {
            document: { ...headingOf(details), changes: [], agenda: { sections: [] } },
            pdf: undefined,
          }
        : deps.cache === false
          ? await load().then(async (d) => ({ document: d, pdf: await render(d) }))
          : await rendered.rendered(details.versionId, load);
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
