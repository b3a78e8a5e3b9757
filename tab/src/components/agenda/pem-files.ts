/**
 * Reads the certificate files a coordinator uploads as PEM text. Reps send certificates as .pem or
 * .crt text, or as a binary (DER) .cer: text is kept as it is; binary is wrapped as PEM so the
 * server reads one format. Nothing is checked here: the server parses and checks each one.
 */
export async function readCertificateFiles(files: readonly File[]): Promise<string> {
  const parts = await Promise.all(files.map(readOne));
  return parts.join('\n');
}

async function readOne(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('-----BEGIN')) return text.trim();
  return toPem(bytes);
}

function toPem(der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const base64 = btoa(binary);
  const lines = base64.match(/.{1,64}/g) ?? [];
  return ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----'].join('\n');
}

/** How many certificates a PEM text holds, to say so before it is sent. */
export function countCertificates(pem: string): number {
  return pem.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
}
