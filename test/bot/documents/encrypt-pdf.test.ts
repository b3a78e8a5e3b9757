import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { encryptPdf, newDocumentPassword } from '../../../bot/src/documents/encrypt-pdf.js';

// qpdf and pdftotext (Debian's qpdf and poppler-utils) are the independent readers.
async function taggedPdf(text: string): Promise<Buffer> {
  const doc = new PDFDocument({
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    info: { Title: 'MARAC agenda' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  const section = doc.struct('Sect');
  doc.addStructure(section);
  section.add(doc.struct('P', {}, () => doc.text(text)));
  section.end();
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('password-protected PDF', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'marac-pdf-'));
  const file = path.join(dir, 'agenda.pdf');
  const password = newDocumentPassword();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    writeFileSync(
      file,
      await encryptPdf(await taggedPdf('OFFICIAL-SENSITIVE agenda text'), password),
    );
  });

  it('needs a password to open', () => {
    expect(spawnSync('qpdf', ['--requires-password', file]).status).toBe(0);
  });

  it('is AES-256 with the PDF 2.0 handler (revision 6), and screen readers may read it', () => {
    const shown = execFileSync('qpdf', ['--show-encryption', `--password=${password}`, file], {
      encoding: 'utf8',
    });
    expect(shown).toContain('R = 6');
    expect(shown).toMatch(/stream encryption method: AESv3/);
    expect(shown).toContain('extract for accessibility: allowed');
  });

  it('opens with the password, and its text and tags are intact', () => {
    const out = path.join(dir, 'open.pdf');
    execFileSync('qpdf', [`--password=${password}`, '--decrypt', file, out]);
    expect(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' })).toContain(
      'OFFICIAL-SENSITIVE agenda text',
    );
    const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', out, '-'], {
      maxBuffer: 1 << 24,
    }).toString('latin1');
    expect(qdf).toContain('/StructTreeRoot');
  });

  it('does not open with a wrong password, and its text is not readable without one', () => {
    expect(
      spawnSync('qpdf', [
        '--password=not-the-password-at-all',
        '--decrypt',
        file,
        path.join(dir, 'x.pdf'),
      ]).status,
    ).not.toBe(0);
    expect(spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout).not.toContain(
      'OFFICIAL-SENSITIVE',
    );
  });

  it('makes long passwords from an alphabet with no look-alike characters', () => {
    const passwords = Array.from({ length: 200 }, newDocumentPassword);
    for (const made of passwords) expect(made).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{24}$/);
    expect(new Set(passwords).size).toBe(200);
  });

  it('refuses a short password', async () => {
    await expect(encryptPdf(await taggedPdf('x'), 'short')).rejects.toThrow('at least 16');
  });
});
