import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { pageConfidentialityNote } from '#core/agendas/confidentiality.js';

/*
 * The building blocks of every tagged PDF the app sends (the agenda, the action plan, the
 * minutes): PDF/UA identification, a structure tree for screen readers, headers and footers
 * marked as artifacts, embedded DejaVu Sans so names in any European script print as written.
 * Encryption, where a recipient's mode asks for it, is added afterwards by encryptPdf.
 */

const fontFile = (name: string): string =>
  createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
export const MARGIN = 56;
const LABEL_WIDTH = 110;
export const BODY = 10;

export type Doc = PDFKit.PDFDocument;
export type Struct = PDFKit.PDFStructureElement;

/** A tagged A4 document writing into memory; `finish` adds the page furniture and ends it. */
export function newTaggedPdf(title: string): {
  doc: Doc;
  root: Struct;
  finish: (furnitureLine: string) => Promise<Buffer>;
} {
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
    info: { Title: title, Subject: 'OFFICIAL-SENSITIVE', Creator: 'MARAC app' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('body', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  doc.font('body').fontSize(BODY);
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    async finish(furnitureLine) {
      root.end();
      pageFurniture(doc, furnitureLine);
      doc.end();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}

export function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

export function heading(
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

export function paragraph(doc: Doc, parent: Struct, text: string): void {
  ensureRoom(doc, doc.heightOfString(text));
  parent.add(doc.struct('P', {}, () => doc.text(text)));
  doc.moveDown(0.3);
}

export function list(doc: Doc, parent: Struct, items: readonly string[]): void {
  const listElement = doc.struct('L');
  parent.add(listElement);
  for (const item of items) {
    ensureRoom(doc, doc.heightOfString(`- ${item}`));
    listElement.add(doc.struct('LI', {}, () => doc.text(`- ${item}`)));
  }
  listElement.end();
  doc.moveDown(0.3);
}

/**
 * A titled two-column table: each label a row header, so a screen reader reads pairs. It starts
 * on a new page rather than split, unless it is longer than a page.
 */
export function labelledTable(
  doc: Doc,
  parent: Struct,
  title: string,
  pairs: readonly [string, string][],
): void {
  const valueX = MARGIN + LABEL_WIDTH;
  const valueWidth = doc.page.width - MARGIN - valueX;
  const rows = pairs.map(([label, value]) => ({
    label,
    value,
    height: Math.max(
      doc.heightOfString(value, { width: valueWidth }),
      doc.heightOfString(label, { width: LABEL_WIDTH - 8 }),
    ),
  }));
  const whole = rows.reduce((sum, row) => sum + row.height + 4, 0) + 3 * BODY;
  const pageRoom = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  if (whole <= pageRoom) ensureRoom(doc, whole);
  heading(doc, parent, 'H3', title, 11.5);
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
function pageFurniture(doc: Doc, line: string): void {
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
      .text(line, MARGIN, MARGIN + 4, {
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
