import { ethnicGroupSchema, sexualOrientationSchema } from '../contracts/equality.js';
import type { AsWritten } from '../ports/referrals.js';
import { ethnicGroupOf, sexualOrientationOf, type Recoded } from '../reporting/recode.js';

/*
 * How a referral's form is kept: one JSON document, encrypted under its case's key, holding the
 * form as the API takes it and, under `asWritten`, the victim's ethnicity and sexuality in the
 * words written before the form offered categories (issue #13).
 *
 * Why the words sit apart rather than in `victim.ethnicity`: the API now takes only category ids,
 * so the form's field always holds one or nothing, and a form that comes back from the tab or the
 * bot (which never send the words back) cannot overwrite them. They are the referrer's record:
 * the coordinator reads them to recode, and after the recode as "first written as". Every write
 * path carries them over from the stored referral (submit-referral.ts, the recode use case; the
 * others spread the stored record), so no save loses them.
 *
 * A form stored before this change holds the words in `victim.ethnicity` itself. Read, they move
 * to `asWritten`, and the field holds the category they name exactly (recode.ts, never a guess:
 * "White British" is one, "mixed race" is none) or nothing. The stored text is not touched until
 * the referral is next saved, in the new shape.
 */

type Field = keyof AsWritten;
const SCHEMAS = { ethnicity: ethnicGroupSchema, sexuality: sexualOrientationSchema } as const;
const NAMED: Record<Field, (words: string) => Recoded<string>> = {
  ethnicity: ethnicGroupOf,
  sexuality: sexualOrientationOf,
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function keptWords(value: unknown): AsWritten {
  if (!isObject(value)) return {};
  const words: AsWritten = {};
  for (const field of ['ethnicity', 'sexuality'] as const) {
    const text = value[field];
    if (typeof text === 'string' && text.trim() !== '') words[field] = text;
  }
  return words;
}

/** One field of a victim as stored: a category id stays; words move to `asWritten`. */
function settle(victim: Record<string, unknown>, field: Field, asWritten: AsWritten): void {
  const value = victim[field];
  if (typeof value !== 'string' || SCHEMAS[field].safeParse(value).success) return;
  const words = value.trim();
  delete victim[field];
  if (words === '') return;
  asWritten[field] ??= words;
  const named = NAMED[field](words);
  if (named.kind === 'category') victim[field] = named.id;
}

/**
 * The form and the words as written, from a stored document of either shape. The form is still
 * to be parsed (a draft's schema or a complete form's).
 */
export function readStoredForm(stored: unknown): { form: unknown; asWritten?: AsWritten } {
  if (!isObject(stored)) return { form: stored };
  const { asWritten: kept, ...form } = stored;
  const asWritten = keptWords(kept);
  if (isObject(form.victim)) {
    const victim = { ...form.victim };
    settle(victim, 'ethnicity', asWritten);
    settle(victim, 'sexuality', asWritten);
    form.victim = victim;
  }
  return Object.keys(asWritten).length === 0 ? { form } : { form, asWritten };
}

/** The document to store: the form, and the words as written beside it when there are any. */
export function storedForm(form: object, asWritten: AsWritten | undefined): object {
  const words = keptWords(asWritten);
  return Object.keys(words).length === 0 ? form : { ...form, asWritten: words };
}
