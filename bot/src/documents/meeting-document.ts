import type { MinutesSection, PlanCase } from '#core/contracts/document-api.js';
import { actionLine } from '#core/after-meeting/minutes-draft.js';
import type { LocalDate } from '#core/shared/local-date.js';
import { longDate } from './agenda-document.js';
import { heading, labelledTable, newTaggedPdf, paragraph } from './pdf-blocks.js';

/*
 * The documents sent after a meeting (issue #11): one agency's copy of the action plan (its cases
 * only: reference and actions), and the minutes. Both carry the confidentiality statement and
 * the OFFICIAL-SENSITIVE marking on every page, like the agenda.
 */

/** What names a document and nothing of its content: all that a subject line may carry. */
export interface DocumentHeading {
  kind: 'action-plan' | 'minutes';
  areaName: string;
  meetingDate: LocalDate;
  /** Minutes: 1, then 2, 3... for each correction. */
  number: number;
}

export type MeetingDocument = DocumentHeading & { confidentialityStatement: string } & (
    | { kind: 'action-plan'; cases: readonly PlanCase[] }
    | { kind: 'minutes'; sections: readonly MinutesSection[] }
  );

/** "MARAC action plan - Northbrook - 8 December 2026"; a correction of minutes says so. */
export function meetingDocumentTitle(h: DocumentHeading): string {
  const what = h.kind === 'action-plan' ? 'action plan' : 'minutes';
  const base = `MARAC ${what} - ${h.areaName} - ${longDate(h.meetingDate)}`;
  return h.number > 1 ? `${base} - correction ${h.number - 1}` : base;
}

/** An action plan's case as label and value rows: one row per action. */
export function planCaseRows(c: PlanCase): [string, string][] {
  return c.actions.map((a, i) => [`Action ${i + 1}`, actionLine(a)]);
}

export async function renderMeetingDocumentPdf(document: MeetingDocument): Promise<Buffer> {
  const title = meetingDocumentTitle(document);
  const { doc, root, finish } = newTaggedPdf(title);
  heading(doc, root, 'H1', title, 16);
  heading(doc, root, 'H2', 'Confidentiality', 13);
  paragraph(doc, root, document.confidentialityStatement);
  if (document.kind === 'action-plan') {
    heading(doc, root, 'H2', 'Actions by case', 13);
    paragraph(
      doc,
      root,
      document.cases.length === 1
        ? 'The case below is one in which your agency owns an action.'
        : `The ${document.cases.length} cases below are those in which your agency owns an action.`,
    );
    for (const c of document.cases)
      labelledTable(doc, root, `Case ${c.reference}`, planCaseRows(c));
  } else {
    for (const section of document.sections) {
      heading(doc, root, 'H2', section.title, 13);
      for (const part of section.text.split(/\n{2,}/)) {
        if (part.trim()) paragraph(doc, root, part.trim());
      }
    }
  }
  return finish(title);
}
