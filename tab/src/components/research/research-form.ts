import {
  RESEARCH_LIMITS,
  RESEARCH_QUESTIONS,
  RESEARCH_TEXT_LIMITS,
  requiredProblems,
  type KnownToAgency,
  type ResearchDraft,
} from '#core/contracts/research.js';
import type { Problem } from '../referrals/form/check-referral.js';

/**
 * One agency's research on one case as the form holds it: text as typed, and '' for a question
 * not answered yet (nothing is pre-selected: each answer becomes a recorded fact).
 */
export interface ResearchForm {
  knownToAgency: KnownToAgency | '';
  currentInvolvement: string;
  historicalInvolvement: string;
  professionalOpinion: string;
  risksIdentified: string;
  /** Entry n is about child n of the case, in the case's order. */
  children: { involvement: string; contactArrangements: string }[];
  informationRequested: string;
  actionsOffered: string;
  recordsFlagged: 'yes' | 'no' | '';
  withheldInformation: string;
  withheldReason: string;
}

export type TextKey = Exclude<keyof ResearchForm, 'knownToAgency' | 'children' | 'recordsFlagged'>;

export const TEXT_LIMITS: Record<TextKey, number> = RESEARCH_TEXT_LIMITS;

export const LABELS: Record<TextKey | 'knownToAgency' | 'recordsFlagged', string> =
  RESEARCH_QUESTIONS;

export const childLabels = (name: string) => ({
  involvement: `Your agency’s involvement with ${name}`,
  contactArrangements: `Contact arrangements for ${name}`,
});

const text = (value: string | null | undefined) => value ?? '';

/** The form for a stored response (or a blank one), with one entry for each child of the case. */
export function formFrom(response: ResearchDraft | null, children: number): ResearchForm {
  const r = response ?? {};
  return {
    knownToAgency: r.knownToAgency ?? '',
    currentInvolvement: text(r.currentInvolvement),
    historicalInvolvement: text(r.historicalInvolvement),
    professionalOpinion: text(r.professionalOpinion),
    risksIdentified: text(r.risksIdentified),
    children: Array.from({ length: children }, (_, i) => ({
      involvement: text(r.children?.[i]?.involvement),
      contactArrangements: text(r.children?.[i]?.contactArrangements),
    })),
    informationRequested: text(r.informationRequested),
    actionsOffered: text(r.actionsOffered),
    recordsFlagged: r.recordsFlagged === true ? 'yes' : r.recordsFlagged === false ? 'no' : '',
    withheldInformation: text(r.withheldInformation),
    withheldReason: text(r.withheldReason),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value);

/** The response the API takes: empty text and unanswered questions as null. */
export function toResponse(form: ResearchForm): ResearchDraft {
  return {
    knownToAgency: form.knownToAgency === '' ? null : form.knownToAgency,
    currentInvolvement: orNull(form.currentInvolvement),
    historicalInvolvement: orNull(form.historicalInvolvement),
    professionalOpinion: orNull(form.professionalOpinion),
    risksIdentified: orNull(form.risksIdentified),
    children: form.children.map((c) => ({
      involvement: orNull(c.involvement),
      contactArrangements: orNull(c.contactArrangements),
    })),
    informationRequested: orNull(form.informationRequested),
    actionsOffered: orNull(form.actionsOffered),
    recordsFlagged: form.recordsFlagged === '' ? null : form.recordsFlagged === 'yes',
    withheldInformation: orNull(form.withheldInformation),
    withheldReason: orNull(form.withheldReason),
  };
}

/** Every question's path in the order the form asks it (the error summary's order). */
export function formOrder(children: number): string[] {
  const kids = Array.from({ length: children }, (_, i) => [
    `children.${i}.involvement`,
    `children.${i}.contactArrangements`,
  ]).flat();
  return [
    'knownToAgency',
    'currentInvolvement',
    'historicalInvolvement',
    'professionalOpinion',
    'risksIdentified',
    ...kids,
    'informationRequested',
    'actionsOffered',
    'recordsFlagged',
    'withheldInformation',
    'withheldReason',
  ];
}

/** A question's name in words, the children by name (they are on screen beside it). */
export function fieldLabel(path: string, childNames: readonly string[]): string {
  const child = /^children\.(\d+)\.(involvement|contactArrangements)$/.exec(path);
  if (child) {
    const name = childNames[Number(child[1])] ?? `child ${Number(child[1]) + 1}`;
    return childLabels(name)[child[2] as 'involvement' | 'contactArrangements'];
  }
  // A question reads badly before a colon: the server's name for it, as the contract has it.
  if (path === 'knownToAgency') return 'Whether the case is known to your agency';
  return LABELS[path as keyof typeof LABELS] ?? 'One of the answers';
}

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * The tab's check before it sends: every text within its limit (a draft too; the server refuses
 * longer text rather than cut it), and for a submission what the contract requires
 * (`requiredProblems`). Paths without the case's prefix; messages name the question.
 */
export function checkResearch(
  form: ResearchForm,
  childNames: readonly string[],
  submit: boolean,
): Problem[] {
  const found = new Map<string, string>();
  for (const key of Object.keys(TEXT_LIMITS) as TextKey[]) {
    if (form[key].trim().length > TEXT_LIMITS[key])
      found.set(key, `use ${count(TEXT_LIMITS[key])} characters or fewer`);
  }
  form.children.forEach((c, i) => {
    for (const key of ['involvement', 'contactArrangements'] as const)
      if (c[key].trim().length > RESEARCH_LIMITS.childText)
        found.set(
          `children.${i}.${key}`,
          `use ${count(RESEARCH_LIMITS.childText)} characters or fewer`,
        );
  });
  if (submit)
    for (const p of requiredProblems(toResponse(form))) {
      const path = p.path.join('.');
      if (!found.has(path)) found.set(path, p.message);
    }
  return formOrder(form.children.length)
    .filter((path) => found.has(path))
    .map((path) => ({ path, message: `${fieldLabel(path, childNames)}: ${found.get(path)!}` }));
}

const LIBRARY_TEXT = /expected|received|invalid|too (small|big)|must match|regex|uuid|\bnan\b/i;

/**
 * The server's 400 details as the form's problems: `body.response.children.0.involvement` finds
 * the question; a message the server wrote in words is kept, library text never shown. Null when
 * a detail is about nothing on the form (shown as a general error instead).
 */
export function serverProblems(
  details: { path: string; message: string }[],
  childNames: readonly string[],
): Problem[] | null {
  if (details.length === 0) return null;
  const order = formOrder(childNames.length);
  const out: Problem[] = [];
  for (const d of details) {
    const path = d.path.replace(/^(body\.)?(response\.)?/, '');
    if (!order.includes(path)) return null;
    if (out.some((p) => p.path === path)) continue;
    const named = /^[^:]{2,80}: \S/.test(d.message) && !LIBRARY_TEXT.test(d.message);
    const words = LIBRARY_TEXT.test(d.message) ? 'check this answer' : d.message;
    out.push({ path, message: named ? d.message : `${fieldLabel(path, childNames)}: ${words}` });
  }
  return out;
}
