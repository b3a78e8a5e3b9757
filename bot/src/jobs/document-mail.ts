import { defaultConfidentialityStatement } from '#core/agendas/confidentiality.js';
import { agencyPart } from '#core/after-meeting/action-plan.js';
import { UndeliverableError } from '#core/agendas/deliver-mail.js';
import type { MinutesSection, PlanCase } from '#core/contracts/document-api.js';
import type { OutgoingMail } from '#core/ports/mail.js';
import type { AppCrypto } from '../crypto/app-crypto.js';
import type { Db } from '../db/db.js';
import type { MeetingDocument } from '../documents/meeting-document.js';
import { buildDocumentMessage } from '../mail/document-message.js';
import { documentCopyDetails, type DocumentCopyDetails } from '../store/sql-document-copies.js';
import type { LeasedDelivery } from '../store/sql-deliveries.js';

/** Where a `link` notice points: the meeting in the tab, behind sign-in (ids only). */
export const afterMeetingUrl = (publicUrl: string, meetingId: string): string =>
  `${publicUrl}/meeting/${encodeURIComponent(meetingId)}`;

/** The document as this agency receives it: the action plan cut to its cases; the minutes whole. */
export function agencyCopy(details: DocumentCopyDetails): MeetingDocument {
  const { document } = details;
  const heading = {
    areaName: details.area.name,
    meetingDate: details.meeting.date,
    number: document.number,
    confidentialityStatement: defaultConfidentialityStatement,
  };
  if (document.kind === 'action-plan') {
    const { cases } = document.content as { cases: PlanCase[] };
    return { ...heading, kind: 'action-plan', cases: agencyPart(cases, details.agencyId) };
  }
  const { sections } = document.content as { sections: MinutesSection[] };
  return { ...heading, kind: 'minutes', sections };
}

/**
 * Builds one agency's copy of an action plan or the minutes when the worker is about to send it:
 * one message to the agency's reps on the meeting, in the mode fixed when it was queued.
 */
export function documentMailBuilder(deps: { db: Db; crypto: AppCrypto; publicUrl: string }) {
  return async (leased: LeasedDelivery): Promise<OutgoingMail> => {
    const details = await documentCopyDetails(deps.db, deps.crypto, leased.id);
    if (!details) throw new UndeliverableError('not a meeting document delivery');
    if (details.reps.length === 0) {
      throw new UndeliverableError(
        'the agency has no representative to send it to: add its reps, then resend',
      );
    }
    if (details.mode === 'smime' && details.reps.some((r) => !r.certificatePem)) {
      throw new UndeliverableError(
        "no certificate for one of the agency's reps: upload it in the agency's delivery settings, then resend",
      );
    }
    const built = await buildDocumentMessage({
      mode: details.mode,
      from: details.area.mailbox,
      to: details.reps,
      messageId: leased.messageId,
      document: agencyCopy(details),
      ...(details.password ? { password: details.password } : {}),
      link: afterMeetingUrl(deps.publicUrl, details.meeting.id),
    });
    return { mailbox: leased.mailbox, messageId: leased.messageId, mime: built.mime };
  };
}
