import type { z } from 'zod';

/*
 * zod's issues about a JSON file an operator wrote, in words: the field as it reads in the file
 * and what to do. Nothing of a value is ever quoted (the values are people's names and
 * addresses); zod's own English is used only when it is one of our messages.
 */

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** `agencies[2].core.email`: the path as it reads in the file. */
export function pathWords(path: Path): string {
  const words = path
    .map((part, i) => {
      if (typeof part === 'number') return `[${part}]`;
      return i === 0 ? String(part) : `.${String(part)}`;
    })
    .join('');
  return words || 'the file';
}

/** Our own rule messages start with what to do; anything else is a library's text. */
const OURS = /^(enter|use|choose|give|add|remove)\b/;

/** A key is named only when it looks like a field name: a stray key may be someone's name. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

function valueAt(raw: unknown, path: Path): unknown {
  let value = raw;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The allowed values of a choice, when the issue says them. */
function choices(issue: Issue): string[] | null {
  if (issue.code === 'invalid_value') return issue.values.map(String);
  if (issue.code === 'invalid_union') {
    if ('options' in issue && Array.isArray(issue.options)) return issue.options.map(String);
    const values = issue.errors.flatMap((errors) =>
      errors.flatMap((e) => (e.code === 'invalid_value' ? e.values.map(String) : [])),
    );
    return values.length > 0 ? values : null;
  }
  return null;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'give text in double quotes',
  number: 'give a number',
  int: 'give a whole number',
  boolean: 'give true or false',
  array: 'give a list in square brackets',
  object: 'give the fields in curly brackets',
};

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) === 1 ? '' : 's'}`;

function sizeWords(issue: Issue): string | null {
  if (issue.code === 'too_small') {
    const min = Number(issue.minimum);
    if (issue.origin === 'string')
      return min <= 1 ? 'enter a value' : `use at least ${plural(min, 'character')}`;
    if (issue.origin === 'array')
      return min <= 1 ? 'add at least one' : `add at least ${plural(min, 'item')}`;
    return `use ${min} or more`;
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    if (issue.origin === 'string') return `use ${plural(max, 'character')} or fewer`;
    if (issue.origin === 'array') return `give no more than ${plural(max, 'item')}`;
    return `use ${max} or less`;
  }
  return null;
}

/** What to do about one issue, without the field's name. */
function whatToDo(issue: Issue, raw: unknown): string {
  if (OURS.test(issue.message)) return issue.message;
  const allowed = choices(issue);
  if (valueAt(raw, issue.path) === undefined)
    return allowed ? `add this field, one of: ${allowed.join(', ')}` : 'add this field';
  if (allowed) return `choose one of: ${allowed.join(', ')}`;
  if (issue.code === 'invalid_type') return TYPE_WORDS[issue.expected] ?? 'check this field';
  if (issue.code === 'invalid_format')
    return issue.format === 'email'
      ? 'enter an email address, such as name@council.example'
      : 'check the format';
  return sizeWords(issue) ?? 'check this field';
}

/** One line per problem: `agencies[2].core.email: enter an email address, ...`. */
export function issueWords(issue: Issue, raw: unknown): string[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) =>
      FIELD_NAME.test(key)
        ? `${pathWords([...issue.path, key])}: remove it, or check its spelling: the file has no such field`
        : `${pathWords(issue.path)}: remove the field that is not part of this file`,
    );
  }
  return [`${pathWords(issue.path)}: ${whatToDo(issue, raw)}`];
}
