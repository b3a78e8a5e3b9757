import type { Problem } from './check-referral.js';
import { fieldName, fieldPath } from './field-names.js';

/** Where a problem with a whole group is shown: on its first question. */
const GROUP_FIELD: Record<string, string> = {
  consent: 'consent.victimAware',
  'victim.address': 'victim.address.line1',
  riskAssessment: 'riskAssessment.kind',
  perpetrators: 'perpetrators.0.name',
};

const LIBRARY_TEXT = /expected|received|invalid|too (small|big)|must match|regex|uuid|\bnan\b/i;

function instruction(message: string): string {
  if (/Too small: expected string to have >=1/i.test(message)) return 'fill this in';
  if (/Too big: expected string to have <=(\d+)/i.test(message))
    return `use ${Number(/<=(\d+)/.exec(message)![1]).toLocaleString('en-GB')} characters or fewer`;
  if (/^Invalid (option|input)/i.test(message)) return 'choose an answer';
  if (LIBRARY_TEXT.test(message)) return 'check this answer';
  const trimmed = message.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/**
 * The server's 400 details as problems the person reads. The path only finds the field; a message
 * the server already wrote in words ("Victim’s postcode: use a UK postcode ...") is kept, library
 * text never reaches the screen.
 */
export function serverProblems(details: { path: string; message: string }[]): Problem[] {
  const out: Problem[] = [];
  for (const d of details) {
    const raw = fieldPath(d.path);
    const path = GROUP_FIELD[raw] ?? raw.replace(/^victim\.otherNames\.\d+$/, 'victim.otherNames');
    if (out.some((p) => p.path === path)) continue;
    const named = /^[^:]{2,80}: \S/.test(d.message) && !LIBRARY_TEXT.test(d.message);
    const message = named
      ? d.message
      : `${fieldName(path) ?? 'One of the answers'}: ${instruction(d.message)}`;
    out.push({ path, message });
  }
  return out;
}
