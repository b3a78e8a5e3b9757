import {
  atInstant,
  REVIEW_WORDS,
  type ReportField,
  type ReportItem,
  type SubjectAccessReport,
} from '#core/subject-access/report.js';
import {
  BODY,
  ensureRoom,
  heading,
  labelledTable,
  list,
  newTaggedPdf,
  paragraph,
  type Doc,
  type Struct,
} from './pdf-blocks.js';

/*
 * Everything held about one person (issue #13, subject access) as a tagged PDF, from the blocks
 * the agenda and the minutes use: OFFICIAL-SENSITIVE and page numbers on every page, DejaVu Sans
 * embedded. The first page says what it is, when and by whom it was made, and that it is not a
 * disclosure copy; then each case, and in it each item under a heading that names the agency
 * that provided it and the date. Fields are label then text, not table rows: a field can run to
 * pages (minutes), and a table row cannot break across a page.
 */

export const SUBJECT_ACCESS_TITLE = 'Subject access: everything held about one person';

const WHAT_THIS_IS =
  'A person has asked, under the UK GDPR (Article 15) and the Data Protection Act 2018, for the ' +
  'information held about them. This document lists everything this MARAC app holds about them ' +
  'in the areas searched, case by case. Each item names the agency that provided it and when, so ' +
  'that the partnership can ask that agency and decide together what to disclose and what to withhold.';

const BEFORE_DISCLOSURE = [
  'This is not a copy to disclose. Review every item before anything is sent to the person.',
  'Much of what a MARAC holds is about other people: the person causing harm, children and other family members, and the professionals involved. Nothing has been removed. Fields marked "Third-party information: review before disclosure" are about someone else; fields marked "May contain third-party information: review before disclosure" are professionals\u2019 words about the family, which may name others.',
  'Consider the exemptions before disclosing: information that would be likely to prejudice the prevention or detection of crime, that would be likely to cause serious harm to anyone\u2019s physical or mental health, or that identifies another person who has not consented (Data Protection Act 2018, Schedules 2 and 3). Ask the agency that provided an item before disclosing it.',
  'The person causing harm must never learn that the case was discussed at a MARAC.',
];

function fieldBlock(doc: Doc, parent: Struct, f: ReportField): void {
  doc.moveDown(0.2);
  doc.font('bold');
  ensureRoom(doc, doc.heightOfString(f.label) + 2 * BODY);
  paragraph(doc, parent, f.label);
  doc.font('body');
  for (const part of f.value.split(/\n{2,}/)) if (part.trim()) paragraph(doc, parent, part.trim());
  if (f.review) {
    doc.font('bold');
    paragraph(doc, parent, REVIEW_WORDS[f.review]);
    doc.font('body');
  }
}

/** One item: the heading names what, who provided it and when; then its fields. */
function itemBlock(doc: Doc, parent: Struct, item: ReportItem, number: string): void {
  heading(
    doc,
    parent,
    'H3',
    // No dash before "provided by": a viewer's text copy may take a dash at a line end for a break.
    `${number} ${item.title}: provided by ${item.providedBy} on ${item.on}`,
    11.5,
  );
  if (item.review) {
    doc.font('bold');
    paragraph(doc, parent, REVIEW_WORDS[item.review]);
    doc.font('body');
  }
  for (const f of item.fields) fieldBlock(doc, parent, f);
  doc.moveDown(0.5);
}

function firstPage(doc: Doc, root: Struct, report: SubjectAccessReport): void {
  heading(doc, root, 'H1', SUBJECT_ACCESS_TITLE, 16);
  paragraph(doc, root, WHAT_THIS_IS);
  const items = report.cases.reduce((n, c) => n + c.items.length, 0);
  labelledTable(doc, root, 'This request', [
    ['Produced', atInstant(report.producedAt)],
    ['Produced by', `${report.producedBy} (MARAC coordinator)`],
    ['Areas searched', report.areaNames.join(', ')],
    ...report.identifiedBy.map((f): [string, string] => [`Person: ${f.label}`, f.value]),
    ['Cases found', String(report.cases.length)],
    ['Items listed', String(items)],
  ]);
  heading(doc, root, 'H2', 'Before anything is disclosed', 13);
  for (const text of BEFORE_DISCLOSURE) paragraph(doc, root, text);
  heading(doc, root, 'H2', 'How the records were found', 13);
  paragraph(
    doc,
    root,
    'The person\u2019s details were compared with every referral held, of any date, by the same keyed blind index the duplicate check uses: no one\u2019s details were read in clear to search. A record was included when the name, the date of birth and the postcode (where both sides have one) agree exactly; the coordinator confirmed or ruled out each record that matched only in part.',
  );
  const found = report.cases.map(
    (c, i) =>
      `Case ${i + 1} (${c.references.join(', ')}, ${c.areaName}): ${report.howFound.get(c.caseId) ?? 'found'}`,
  );
  list(doc, root, found.length > 0 ? found : ['No record of this person was found.']);
  if (report.ruledOut > 0) {
    paragraph(
      doc,
      root,
      report.ruledOut === 1
        ? 'One possible match was ruled out by the coordinator as another person\u2019s and is not listed.'
        : `${report.ruledOut} possible matches were ruled out by the coordinator as other people\u2019s and are not listed.`,
    );
  }
  for (const e of report.elsewhere) {
    paragraph(
      doc,
      root,
      `${e.areaName} holds ${e.cases === 1 ? 'a case' : `${e.cases} cases`} that may be this person\u2019s, in an area you do not coordinate: its coordinator must answer for it. Nothing of it is listed here.`,
    );
  }
}

/** The whole report as a tagged PDF. */
export async function renderSubjectAccessPdf(report: SubjectAccessReport): Promise<Buffer> {
  const { doc, root, finish } = newTaggedPdf(SUBJECT_ACCESS_TITLE);
  firstPage(doc, root, report);
  report.cases.forEach((c, i) => {
    doc.addPage();
    heading(doc, root, 'H2', `Case ${i + 1}: ${c.references.join(', ')} - ${c.areaName}`, 13);
    paragraph(
      doc,
      root,
      `${c.items.length} ${c.items.length === 1 ? 'item' : 'items'}, each with the agency that provided it.`,
    );
    c.items.forEach((item, n) => itemBlock(doc, root, item, `${i + 1}.${n + 1}`));
  });
  return finish(
    `Subject access - produced ${atInstant(report.producedAt)} - review before disclosure`,
  );
}
