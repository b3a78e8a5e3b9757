import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { sectionTitles, type AgendaCase, type AgendaSection } from '#core/agendas/agenda.js';
import { pageConfidentialityNote } from '#core/agendas/confidentiality.js';
import {
  caseRows,
  documentTitle,
  longDate,
  versionLabel,
  type AgendaDocument,
} from './agenda-document.js';

/*
 * The agenda as a tagged PDF (PDF/UA identification, a structure tree for screen readers,
 * headers and footers marked as artifacts). Fonts are embedded DejaVu Sans, so names in any
 * European script print as written. Encryption, where a recipient's mode asks for it, is added
 * afterwards by encryptPdf.
 */

const fontFile = (name: string): string =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const MARGIN = 56;
const LABEL_WIDTH = 110;
const BODY = 10;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export async function renderAgendaPdf(agenda: AgendaDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + 24, bottom: MARGIN + 30, left: MARGIN, right: MARGIN },
    bufferPages: true,
    tagged: true,
    // pdfkit writes the PDF/UA identification; its type definitions do not list it yet.
    subset: 'PDF/UA' as never,
    lang: 'en-GB',
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: documentTitle(agenda), Subject: 'OFFICIAL-SENSITIVE', Creator: 'MARAC app' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('body', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  doc.font('body').fontSize(BODY);

  const root = doc.struct('Document');
  doc.addStructure(root);
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
  root.end();
  pageFurniture(doc, agenda);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
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

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(
  doc: Doc,
  parent: Struct,
  tag: 'H1' | 'H2' | 'H3',
  text: string,
  size: number,
): void {
  doc.font('bold').fontSize(size);
  ensureRoom(doc, doc.heightOfString(text) + 3 * BODY);
  doc.moveDown(0.6);
  parent.add(doc.struct(tag, {}, () => doc.text(text)));
  doc.font('body').fontSize(BODY).moveDown(0.3);
}

function paragraph(doc: Doc, parent: Struct, text: string): void {
  ensureRoom(doc, doc.heightOfString(text));
  parent.add(doc.struct('P', {}, () => doc.text(text)));
  doc.moveDown(0.3);
}

function list(doc: Doc, parent: Struct, items: readonly string[]): void {
  const listElement = doc.struct('L');
  parent.add(listElement);
  for (const item of items) {
    ensureRoom(doc, doc.heightOfString(`- ${item}`));
    listElement.add(doc.struct('LI', {}, () => doc.text(`- ${item}`)));
  }
  listElement.end();
  doc.moveDown(0.3);
}

/** A case as a two-column table: each label a row header, so a screen reader reads pairs. */
function caseTable(doc: Doc, parent: Struct, line: AgendaCase, number: number): void {
  const valueX = MARGIN + LABEL_WIDTH;
  const valueWidth = doc.page.width - MARGIN - valueX;
  const rows = caseRows(line).map(([label, value]) => ({
    label,
    value,
    height: Math.max(
      doc.heightOfString(value, { width: valueWidth }),
      doc.heightOfString(label, { width: LABEL_WIDTH - 8 }),
    ),
  }));
  // A case starts on a new page rather than split, unless it is longer than a page.
  const whole = rows.reduce((sum, row) => sum + row.height + 4, 0) + 3 * BODY;
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  if (whole <= pageRoom) ensureRoom(doc, whole);
  heading(doc, parent, 'H3', `Case ${number}: ${line.reference}`, 11.5);
  const table = doc.struct('Table');
  parent.add(table);
  for (const { label, value, height } of rows) {
    ensureRoom(doc, height + 4);
    const top = doc.y;
    const row = doc.struct('TR');
    table.add(row);
    row.add(
      doc.struct('TH', {}, () =>
        doc.font('bold').text(label, MARGIN, top, { width: LABEL_WIDTH - 8 }),
      ),
    );
    row.add(
      doc.struct('TD', {}, () => doc.font('body').text(value, valueX, top, { width: valueWidth })),
    );
    row.end();
    doc.x = MARGIN;
    doc.y = top + height + 4;
  }
  table.end();
  doc.moveDown(0.5);
}

/** Header and footer on every page, as artifacts: they repeat, so a screen reader skips them. */
function pageFurniture(doc: Doc, agenda: AgendaDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i += 1) {
    doc.switchToPage(i);
    // Writing below the bottom margin would start a new page: the furniture lives in the margins.
    const margins = { ...doc.page.margins };
    doc.page.margins = { ...margins, top: 0, bottom: 0 };
    const width = doc.page.width - 2 * MARGIN;
    const bottom = doc.page.height - MARGIN - 18;
    doc.markContent('Artifact', { type: 'Pagination' } as never);
    doc
      .font('bold')
      .fontSize(9)
      .text('OFFICIAL-SENSITIVE', MARGIN, MARGIN - 8, { width, align: 'center', lineBreak: false });
    doc
      .font('body')
      .fontSize(8)
      .text(`${documentTitle(agenda)} - ${versionLabel(agenda)}`, MARGIN, MARGIN + 4, {
        width,
        align: 'center',
        lineBreak: false,
      });
    doc.text(pageConfidentialityNote, MARGIN, bottom, { width, align: 'center' });
    doc.text(`Page ${i - start + 1} of ${count}`, MARGIN, bottom + 20, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins = margins;
  }
}
