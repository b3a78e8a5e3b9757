import { z } from 'zod';
import {
  knownToAgencyValues,
  RESEARCH_LIMITS,
  type ResearchDraft,
} from '#core/contracts/research.js';
import { researchInputId } from '../cards/research-form-card.js';
import { RESEARCH_TEXT_FIELDS, type ResearchFieldError } from '../cards/research-types.js';
import { RESEARCH_VERBS, type ResearchVerb } from '../cards/verbs.js';

/*
 * What a research card may send, verb by verb: the ids the server put in the button, and the
 * inputs of the card that button is on. Anything else (a field no card has, an operation id that
 * is not one the server makes) is a forged or stale card, refused before anything is read.
 */

const id = z.uuid();
const step = z.enum(['prompt', 'form', 'summary', 'closed']);
const ids = { meetingId: id, agencyId: id, step: step.optional() };
const text = z.string();

/** The form's inputs, by the card's ids: Teams sends every input, empty ones as "". */
const formInputs: Record<string, z.ZodType> = {
  knownToAgency: z.enum(['', ...knownToAgencyValues]).optional(),
  recordsFlagged: z.enum(['', 'yes', 'no']).optional(),
  ...Object.fromEntries(RESEARCH_TEXT_FIELDS.map((f) => [f, text.optional()])),
  ...Object.fromEntries(
    Array.from({ length: RESEARCH_LIMITS.children }, (_, child) => [
      [researchInputId({ child, part: 'involvement' }), text.optional()],
      [researchInputId({ child, part: 'contactArrangements' }), text.optional()],
    ]).flat(),
  ),
};

/** The picker sends both its inputs with either button: the chosen case, the chosen cases. */
const pickerInputs = { caseId: z.union([z.literal(''), id]).optional(), caseIds: text.optional() };

const schemas = {
  [RESEARCH_VERBS.view]: z.strictObject({ ...ids, op: id.optional(), caseId: id }),
  [RESEARCH_VERBS.prompt]: z.strictObject({ ...ids, op: id.optional() }),
  [RESEARCH_VERBS.open]: z.strictObject({ ...ids, op: id.optional(), ...pickerInputs }),
  [RESEARCH_VERBS.nothingKnownMany]: z.strictObject({ ...ids, op: id, ...pickerInputs }),
  [RESEARCH_VERBS.save]: z.strictObject({ ...ids, op: id, caseId: id, ...formInputs }),
  [RESEARCH_VERBS.submit]: z.strictObject({ ...ids, op: id, caseId: id, ...formInputs }),
  [RESEARCH_VERBS.nothingKnown]: z.strictObject({ ...ids, op: id, caseId: id }),
  [RESEARCH_VERBS.cancel]: z.strictObject({ ...ids, op: id.optional(), caseId: id }),
  [RESEARCH_VERBS.edit]: z.strictObject({ ...ids, op: id.optional(), caseId: id }),
} satisfies Record<ResearchVerb, z.ZodType>;

export interface ResearchAction {
  verb: ResearchVerb;
  op?: string;
  meetingId: string;
  agencyId: string;
  caseId?: string;
  inputs: Record<string, string | undefined>;
}

/** The card's data for `verb`, or null when it is not what any research card sends. */
export function researchAction(verb: ResearchVerb, data: unknown): ResearchAction | null {
  const parsed = schemas[verb].safeParse(data);
  if (!parsed.success) return null;
  const {
    op,
    meetingId,
    agencyId,
    caseId,
    step: _step,
    ...inputs
  } = parsed.data as Record<string, string | undefined>;
  return {
    verb,
    ...(op ? { op } : {}),
    meetingId: meetingId!,
    agencyId: agencyId!,
    ...(caseId ? { caseId } : {}),
    inputs,
  };
}

const filled = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value;

/**
 * The form's inputs as the contract's draft: an empty input is an unanswered question (never a
 * "no"), and entry n of `children` is child n of the case, up to the last child the card asked.
 */
export function draftOf(inputs: Record<string, string | undefined>): ResearchDraft {
  const draft: ResearchDraft = {};
  const known = filled(inputs.knownToAgency);
  if (known) draft.knownToAgency = known as ResearchDraft['knownToAgency'];
  const flagged = filled(inputs.recordsFlagged);
  if (flagged) draft.recordsFlagged = flagged === 'yes';
  for (const field of RESEARCH_TEXT_FIELDS) {
    const value = filled(inputs[field]);
    if (value !== undefined) draft[field] = value;
  }
  let children = 0;
  for (let child = 0; child < RESEARCH_LIMITS.children; child++) {
    const asked = ['involvement', 'contactArrangements'] as const;
    if (asked.some((part) => researchInputId({ child, part }) in inputs)) children = child + 1;
  }
  if (children > 0) {
    draft.children = Array.from({ length: children }, (_, child) => {
      const involvement = filled(inputs[researchInputId({ child, part: 'involvement' })]);
      const contact = filled(inputs[researchInputId({ child, part: 'contactArrangements' })]);
      return {
        ...(involvement !== undefined ? { involvement } : {}),
        ...(contact !== undefined ? { contactArrangements: contact } : {}),
      };
    });
  }
  return draft;
}

const CARD_FIELDS = new Set<string>(['knownToAgency', 'recordsFlagged', ...RESEARCH_TEXT_FIELDS]);

/** The use case's problems (`children.1.involvement`) as the card names its fields. */
export function fieldErrorsOf(
  details: readonly { path: string; message: string }[],
): ResearchFieldError[] {
  return details.map(({ path, message }): ResearchFieldError => {
    const [head, index, part] = path.split('.');
    if (
      head === 'children' &&
      index !== undefined &&
      (part === 'involvement' || part === 'contactArrangements')
    )
      return { field: { child: Number(index), part }, problem: message };
    if (head && CARD_FIELDS.has(head))
      return { field: head as ResearchFieldError['field'] & string, problem: message };
    return { field: 'children', problem: message };
  });
}

/** "a,b,c" as Adaptive Cards' multi-select sends it: the case ids, or null if one is not an id. */
export function caseIdsOf(value: string | undefined): string[] | null {
  const parts = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.every((p) => id.safeParse(p).success) ? [...new Set(parts)] : null;
}
