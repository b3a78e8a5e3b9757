import { fieldLabel } from '#core/contracts/field-labels.js';
import {
  caseReferenceSchema,
  subjectPersonSchema,
  type SubjectPerson,
} from '#core/contracts/subject-access-api.js';
import type { z } from 'zod';
import type { Problem } from '../referrals/form/check-referral.js';

/**
 * The tab's check of a subject access request before it is sent, with the contract's rules
 * (core/contracts/subject-access-api.ts) and the words the server would use: "The person's date
 * of birth: enter ...". The server checks again.
 */

export const MAX_OTHER_NAMES = 5;
export const NAME_MAX = 120;

/** What the coordinator has typed: held in the page's memory only, never stored or logged. */
export interface RequestDraft {
  /** How the person is identified: their details, or a reference of one of their cases. */
  by: 'person' | 'reference';
  name: string;
  otherNames: string[];
  dateOfBirth: string;
  /** The date field holds something that is not a whole, real date (the browser knows). */
  dateUnfinished: boolean;
  postcode: string;
  reference: string;
}

export const EMPTY_DRAFT: RequestDraft = {
  by: 'person',
  name: '',
  otherNames: [],
  dateOfBirth: '',
  dateUnfinished: false,
  postcode: '',
  reference: '',
};

export type CheckedRequest =
  | { ok: true; body: { person: SubjectPerson } | { reference: string } }
  | { ok: false; problems: Problem[] };

/** "person.otherNames.1" -> "The person's other name 2: use ...". */
function words(path: string, text: string): Problem {
  const label = fieldLabel(path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)));
  return { path, message: `${label?.label ?? 'This answer'}: ${text.replace(/\.$/, '')}.` };
}

/** The contract's own message where it says what to do; the limit in words otherwise. */
function whatToDo(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `use ${String(issue.maximum)} characters or fewer`;
  if (/^(enter|use|give|remove)\b/.test(issue.message)) return issue.message;
  return 'check this answer';
}

function checkPerson(d: RequestDraft): CheckedRequest {
  const problems: Problem[] = [];
  const otherNames = d.otherNames.map((n) => n.trim());
  if (d.name.trim() === '') problems.push(words('person.name', 'enter their name'));
  if (d.dateUnfinished)
    problems.push(words('person.dateOfBirth', 'enter a real date, with the day, month and year'));
  else if (d.dateOfBirth === '')
    problems.push(words('person.dateOfBirth', 'enter their date of birth'));
  otherNames.forEach((n, i) => {
    if (n === '')
      problems.push(words(`person.otherNames.${i}`, 'enter the name, or remove this line'));
  });
  const candidate = {
    name: d.name.trim(),
    // Unfiltered, so the contract's positions are the form's lines (an empty one is named above).
    otherNames,
    dateOfBirth: d.dateOfBirth,
    ...(d.postcode.trim() !== '' ? { postcode: d.postcode.trim() } : {}),
  };
  const parsed = subjectPersonSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ['person', ...issue.path.map(String)].join('.');
      // Missing answers are named above, in words for each field.
      if (problems.some((p) => p.path === path)) continue;
      if (path === 'person.name' && candidate.name === '') continue;
      if (path === 'person.dateOfBirth' && candidate.dateOfBirth === '') continue;
      problems.push(words(path, whatToDo(issue)));
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, body: { person: parsed.data } };
}

function checkReference(d: RequestDraft): CheckedRequest {
  if (d.reference.trim() === '')
    return {
      ok: false,
      problems: [words('reference', 'enter a case reference, such as NBW-2026-0007')],
    };
  const parsed = caseReferenceSchema.safeParse(d.reference);
  if (!parsed.success)
    return { ok: false, problems: [words('reference', whatToDo(parsed.error.issues[0]!))] };
  return { ok: true, body: { reference: parsed.data } };
}

/** The request's body, or the problems to show beside each field and in the summary. */
export function checkRequest(draft: RequestDraft): CheckedRequest {
  return draft.by === 'person' ? checkPerson(draft) : checkReference(draft);
}

/** The fields a server's 400 may name (`body.person.postcode` -> `person.postcode`). */
export const REQUEST_FIELDS = [
  'person.name',
  ...Array.from({ length: MAX_OTHER_NAMES }, (_, i) => `person.otherNames.${i}`),
  'person.dateOfBirth',
  'person.postcode',
  'reference',
] as const;
