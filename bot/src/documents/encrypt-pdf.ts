import { randomBytes } from 'node:crypto';
import { PDFDocument } from '@cantoo/pdf-lib';

/*
 * Password-protected agendas: AES-256 with the PDF 2.0 security handler (V5, revision 6), as
 * ISO 32000-2 defines it. pdfkit, which lays the agenda out, only writes the deprecated
 * revision 5 (one unsalted SHA-256 round for the password), so the finished document is
 * encrypted afterwards by @cantoo/pdf-lib, which keeps its structure tree (the tags) as it is.
 */

/** A long random password for one recipient: 24 characters from an alphabet people can read aloud. */
export function newDocumentPassword(): string {
  // No 0/O, 1/l/I: the rep may have to type it from a Teams message on another device.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(48);
  let password = '';
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 54).
  for (const byte of bytes) {
    if (byte >= alphabet.length * Math.floor(256 / alphabet.length)) continue;
    password += alphabet[byte % alphabet.length];
    if (password.length === 24) return password;
  }
  return password + newDocumentPassword().slice(0, 24 - password.length);
}

/** Encrypts a finished PDF; opening it needs the password, and so does printing or copying from it. */
export async function encryptPdf(pdf: Uint8Array, password: string): Promise<Uint8Array> {
  if (password.length < 16) throw new Error('A document password must be at least 16 characters');
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  document.encrypt({
    algorithm: 'AES-256',
    userPassword: password,
    // The owner password is random and thrown away: nobody may lift the restrictions.
    ownerPassword: randomBytes(32).toString('base64url'),
    // Screen readers may still read it (contentAccessibility): the agenda is tagged for them.
    permissions: {
      printing: 'highResolution',
      copying: false,
      modifying: false,
      annotating: false,
      contentAccessibility: true,
    },
  });
  return document.save({ useObjectStreams: false });
}
