import { z } from 'zod';
import { police27Questions, safelives24Questions } from './dash-questions.js';

/**
 * Risk checklists as data. SafeLives' 24-question Dash checklist is the default for partner
 * agencies; some areas still take the police DASH (2009) 27-question form, and an area may load
 * its own set, so the questions are never hard-wired into the scoring.
 */
export type Question = { id: string; text: string };
export type QuestionSet = {
  id: string;
  title: string;
  /** Shown with the checklist: the checklists are free to use on condition they are credited. */
  attribution: string;
  questions: Question[];
};

// The same id forms the referral contract accepts for a set and for an answer key.
const setIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens');
const questionIdSchema = z
  .string()
  .regex(/^[a-z0-9-]{1,20}$/, 'lower-case letters, digits and hyphens');

export const questionSchema = z.strictObject({
  id: questionIdSchema,
  text: z.string().trim().min(5).max(300),
});

/** An area's own question set, validated before it is stored: ids unique, 10 to 40 questions. */
export const questionSetSchema = z
  .strictObject({
    id: setIdSchema,
    title: z.string().trim().min(3).max(120),
    attribution: z.string().trim().min(3).max(1000),
    questions: z.array(questionSchema).min(10).max(40),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.questions.forEach((question, index) => {
      if (seen.has(question.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', index, 'id'],
          message: `question id "${question.id}" is used twice; each answer is stored by its id`,
        });
      }
      seen.add(question.id);
    });
  });

const numbered = (prefix: string, texts: readonly string[]): Question[] =>
  texts.map((text, index) => ({ id: `${prefix}${index + 1}`, text }));

export const safelives24: QuestionSet = {
  id: 'safelives-24',
  title: 'SafeLives Dash risk checklist',
  attribution:
    'SafeLives Dash risk checklist for the identification of high-risk cases of domestic abuse, ' +
    "stalking and 'honour'-based violence. Adapted from the DASH (2009) model developed by " +
    'Laura Richards with ACPO and CAADA (now SafeLives), with acknowledgement to SafeLives. ' +
    'Used here to identify high-risk victims for referral to MARAC.',
  questions: numbered('q', safelives24Questions),
};

export const police27: QuestionSet = {
  id: 'police-27',
  title: 'DASH (2009) risk identification checklist: police version',
  attribution:
    'Domestic Abuse, Stalking and Harassment and Honour Based Violence (DASH, 2009) risk ' +
    'identification checklist, created by Laura Richards on behalf of ACPO in partnership with ' +
    'CAADA (now SafeLives). Used here to identify high-risk victims for referral to MARAC.',
  questions: numbered('p', police27Questions),
};

/** The sets every area can choose without loading its own. */
export const questionSets: Readonly<Record<string, QuestionSet>> = {
  [safelives24.id]: safelives24,
  [police27.id]: police27,
};

/**
 * The set with this id: one the area loaded first (an area may replace a built-in set with its
 * own wording), then the built-ins; null when neither has it.
 */
export function findQuestionSet(
  id: string,
  areaSets: readonly QuestionSet[] = [],
): QuestionSet | null {
  return areaSets.find((set) => set.id === id) ?? questionSets[id] ?? null;
}
