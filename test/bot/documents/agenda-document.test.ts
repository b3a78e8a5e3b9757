import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAgenda } from '#core/agendas/build-agenda.js';
import {
  defaultConfidentialityStatement,
  pageConfidentialityNote,
} from '#core/agendas/confidentiality.js';
import type { AgendaDocument } from '../../../bot/src/documents/agenda-document.js';
import { renderAgendaHtml } from '../../../bot/src/documents/agenda-html.js';
import { renderAgendaPdf } from '../../../bot/src/documents/agenda-pdf.js';
import { agendaCase } from '../../core/agendas/agenda-fixtures.js';

const cases = Array.from({ length: 16 }, (_, i) =>
  agendaCase(`NB-2026-${String(i + 1).padStart(4, '0')}`, i % 4 === 0 ? 2 : 0, {
    victim: {
      name: i === 3 ? 'Zofia \u0141ukasiewicz-Nowak' : `Victim ${i + 1} Harrowgate`,
      otherNames: [],
      dateOfBirth: '1990-06-0' + ((i % 9) + 1),
      address: `${i + 1} Mill Row, Northbrook NB4 7QX`,
    },
  }),
);
const document: AgendaDocument = {
  areaName: 'Northbrook',
  meetingDate: '2026-12-08',
  startsAt: '10:00',
  version: 2,
  changes: ['Case NB-2026-0016 added after the referral deadline: incident on Saturday.'],
  confidentialityStatement: defaultConfidentialityStatement,
  agenda: buildAgenda({ cases }),
};

describe('the agenda as a PDF (read by poppler, as a person\u2019s viewer would)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marac-agenda-'));
  const file = path.join(dir, 'agenda.pdf');
  let pages: string[];
  beforeAll(async () => {
    writeFileSync(file, await renderAgendaPdf(document));
    pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim() !== '');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is tagged, in British English, with its fonts embedded', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toContain('Title:           MARAC agenda - Northbrook - 8 December 2026');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/\byes\s+yes\s+yes\b/);
  });

  it('carries the marking, the meeting, the version and the confidentiality note on every page', () => {
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      const text = page.replace(/\s+/g, ' ');
      expect(text).toContain('OFFICIAL-SENSITIVE');
      expect(text).toContain(
        'MARAC agenda - Northbrook - 8 December 2026 - Addendum 1 (version 2)',
      );
      expect(text).toContain(pageConfidentialityNote);
      expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('says what changed, then hears the cases with children before the adult-only ones, names as written', () => {
    const text = pages.join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('What changed since the last version');
    expect(text).toContain('Zofia \u0141ukasiewicz-Nowak');
    const order = [...text.matchAll(/Case (\d+): (NB-2026-\d{4})/g)].map((m) => m[2]);
    expect(order.slice(0, 4)).toEqual([
      'NB-2026-0001',
      'NB-2026-0005',
      'NB-2026-0009',
      'NB-2026-0013',
    ]);
    expect(order).toHaveLength(16);
    expect(text.indexOf('Cases involving children')).toBeLessThan(text.indexOf('Adult-only cases'));
  });

  it('gives way to other work after each case, so a long agenda does not hold up the process', async () => {
    // A task that reschedules itself on every turn of the event loop counts the turns it got.
    let turns = 0;
    let rendering = true;
    const meanwhile = () => {
      if (!rendering) return;
      turns += 1;
      setImmediate(meanwhile);
    };
    setImmediate(meanwhile);
    await renderAgendaPdf(document);
    rendering = false;
    expect(turns).toBeGreaterThanOrEqual(16);
  });
});

describe('the agenda as HTML', () => {
  it('is one page in British English, with row headers, and escapes what referrers typed', () => {
    const hostile = {
      ...document,
      agenda: buildAgenda({
        cases: [
          agendaCase('NB-2026-0001', 0, { knownRisks: '<script>alert(1)</script> & "quotes"' }),
        ],
      }),
    };
    const html = renderAgendaHtml(hostile);
    expect(html).toContain('<html lang="en-GB">');
    expect(html).toContain('<th scope="row">Known risks</th>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).toContain('OFFICIAL-SENSITIVE');
  });
});
