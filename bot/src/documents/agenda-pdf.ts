import { sectionTitles, type AgendaCase, type AgendaSection } from '#core/agendas/agenda.js';
import {
  caseRows,
  documentTitle,
  longDate,
  versionLabel,
  type AgendaDocument,
} from './agenda-document.js';
import {
  heading,
  labelledTable,
  list,
  newTaggedPdf,
  paragraph,
  type Doc,
  type Struct,
} from './pdf-blocks.js';

/*
 * The agenda as a tagged PDF, from the blocks every document shares (pdf-blocks.ts).
 */

export async function renderAgendaPdf(agenda: AgendaDocument): Promise<Buffer> {
  const { doc, root, finish } = newTaggedPdf(documentTitle(agenda));
  heading(doc, root, 'H1', documentTitle(agenda), 16);
  paragraph(
    doc,
    root,
    `${versionLabel(agenda)}. Meeting at ${agenda.startsAt} on ${longDate(agenda.meetingDate)}.`,
  );
  if (agenda.changes.length > 0) {
    heading(doc, root, 'H2', 'What changed since the last version', 13);
    list(doc, root, agenda.changes);
  }
  let caseNumber = 0;
  for (const section of agenda.agenda.sections) {
    heading(doc, root, 'H2', sectionTitles[section.kind], 13);
    for (const line of sectionBody(section, agenda)) paragraph(doc, root, line);
    if (section.kind === 'cases-with-children' || section.kind === 'adult-cases') {
      for (const line of section.cases) {
        caseTable(doc, root, line, (caseNumber += 1));
        await yieldToOthers();
      }
    }
  }
  return finish(`${documentTitle(agenda)} - ${versionLabel(agenda)}`);
}

/**
 * Laying out a long agenda takes a tenth of a second or more of this one thread; giving way after
 * each case lets cheaper work (a notice that needs no PDF, a Graph answer) go in between.
 */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

function sectionBody(section: AgendaSection, agenda: AgendaDocument): string[] {
  switch (section.kind) {
    case 'introductions':
      return [
        'Attendance is recorded. The chair reads the confidentiality statement and everyone present signs it.',
        agenda.confidentialityStatement,
      ];
    case 'actions-review':
      return section.actions.length === 0
        ? ['No incomplete actions from earlier meetings.']
        : section.actions.map(
            (a) => `${a.reference}: ${a.agency}: ${a.action} (due ${longDate(a.dueOn)})`,
          );
    case 'cases-with-children':
    case 'adult-cases':
      return section.cases.length === 0 ? ['None.'] : [];
    case 'twelve-months':
      return section.notices.length === 0
        ? ['None.']
        : section.notices.map((n) => `${n.reference}: last heard on ${longDate(n.lastHeardOn)}`);
    case 'other-business':
      return [];
  }
}

/** A case as a two-column table: each label a row header, so a screen reader reads pairs. */
function caseTable(doc: Doc, parent: Struct, line: AgendaCase, number: number): void {
  labelledTable(doc, parent, `Case ${number}: ${line.reference}`, caseRows(line));
}
