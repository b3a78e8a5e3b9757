import type { z } from 'zod';

/**
 * Errors a referrer reads in the bot: the field's label as the card shows it, and what to do, in
 * words. Never the schema's own text, never a path.
 */
const LABELS: [string, string][] = [
  ['areaId', 'MARAC area'],
  ['referrerAgencyId', 'Your agency'],
  ['referrerPhone', 'Your phone number'],
  ['victim.name', 'Victim name'],
  ['victim.dateOfBirth', 'Victim date of birth'],
  ['victim.gender', 'Victim gender'],
  ['victim.address.line1', 'Victim address line 1'],
  ['victim.address.town', 'Victim town'],
  ['victim.address.postcode', 'Victim postcode'],
  ['victim.address', 'Victim address'],
  ['victim.phone', 'Victim phone number'],
  ['victim.safeToCall', 'Safe to call the victim'],
  ['victim.ethnicity', 'Victim ethnicity'],
  ['victim.sexuality', 'Victim sexuality'],
  ['victim.language', 'Victim first language'],
  ['victim.disability', 'Victim has a disability'],
  ['victim.interpreterNeeded', 'Victim needs an interpreter'],
  ['perpetrators.0.name', 'Perpetrator name'],
  ['perpetrators.0.gender', 'Perpetrator gender'],
  ['perpetrators.0.relationshipToVictim', 'Relationship to the victim'],
  ['perpetrators.0.mappaLevel', 'MAPPA level'],
  ['perpetrators', 'Perpetrator'],
  ['reasonsForReferral', 'Reasons for referral'],
  ['professionalJudgement', 'Professional judgement'],
  ['incidentsInLast12Months', 'Domestic abuse incidents in the last 12 months'],
  ['consent.reasonWithoutConsent', 'Reason for referring without awareness or consent'],
  ['consent.consented', 'Victim consented to the referral'],
  ['consent', 'Victim is aware of the referral'],
  ['childrensServicesReferralMade', "Children's services"],
  ['riskAssessment', 'Risk checklist'],
];

const CHOSEN = new Set([
  'areaId',
  'referrerAgencyId',
  'victim.gender',
  'victim.safeToCall',
  'victim.disability',
  'victim.ethnicity',
  'victim.sexuality',
  'victim.interpreterNeeded',
  'perpetrators.0.gender',
  'perpetrators.0.relationshipToVictim',
  'perpetrators.0.mappaLevel',
  'consent',
  'consent.victimAware',
  'consent.consented',
]);

export function labelFor(path: string): string {
  const child = /^children\.(\d+)/.exec(path);
  if (child) return `Children in the household, line ${Number(child[1]) + 1}`;
  return LABELS.find(([p]) => path === p || path.startsWith(`${p}.`))?.[1] ?? 'This answer';
}

const at = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined,
    input,
  );

/** One schema issue in words: "Victim name: use 120 characters or fewer". `input` is what was checked. */
export function issueWords(issue: z.core.$ZodIssue, input: unknown): string {
  const path = issue.path.map(String).join('.');
  const label = labelFor(path);
  if (issue.code === 'too_big' && issue.origin === 'string') {
    return `${label}: use ${Number(issue.maximum).toLocaleString('en-GB')} characters or fewer`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `${label}: enter a number up to ${String(issue.maximum)}`;
  if (issue.code === 'too_small' && issue.origin === 'number') return `${label}: enter 0 or more`;
  if (issue.code === 'too_big') return `${label}: remove some; at most ${String(issue.maximum)}`;
  const value = at(input, issue.path);
  const missing =
    value === undefined ||
    value === null ||
    value === '' ||
    (issue.code === 'too_small' && issue.origin === 'string');
  if (CHOSEN.has(path) || issue.code === 'invalid_union' || issue.code === 'invalid_value') {
    return `${label}: choose one`;
  }
  if (path === 'incidentsInLast12Months') return `${label}: enter a whole number (0 if none)`;
  if (missing) return `${label}: enter this`;
  if (path.endsWith('dateOfBirth') || path.endsWith('completedOn'))
    return `${label}: enter a date such as 31/03/1990`;
  return `${label}: check this answer`;
}

/** The use cases' problems, each under its field's label unless it already names it. */
export const problemsWords = (problems: readonly { path: string; message: string }[]) =>
  problems.map((p) => {
    const label = labelFor(p.path);
    return p.message.startsWith(label) ? p.message : `${label}: ${p.message}`;
  });
