import type * as AdaptiveCards from 'adaptivecards';

// The package's ESM build imports files without extensions, which the tests' CommonJS transform
// cannot load; its UMD bundle is the same parser in one file.
const bundle = 'adaptivecards/dist/adaptivecards.js';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { AdaptiveCard, SerializationContext } = require(bundle) as typeof AdaptiveCards;

/**
 * Parses a card with the `adaptivecards` library (the renderer's own parser) and returns every
 * error or warning it reports, plus the house rules: every input has a label, and a required
 * input says what is wrong when it is left out.
 */
export function cardProblems(json: unknown): string[] {
  const card = new AdaptiveCard();
  const context = new SerializationContext();
  card.parse(json as never, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.')) {
      if (!element.label) problems.push(`${String(element.id)}: no label`);
      if (element.isRequired && !element.errorMessage)
        problems.push(`${String(element.id)}: required without errorMessage`);
    }
    Object.entries(element).forEach(([key, value]) => key !== 'data' && walk(value));
  };
  walk(json);
  if ((json as { version?: string }).version !== '1.5') problems.push('not version 1.5');
  return problems;
}

type Node = Record<string, unknown>;

/** Every element of a card, depth first. */
export function elements(card: unknown): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const element = node as Node;
    if (typeof element.type === 'string') out.push(element);
    for (const key of ['body', 'items', 'actions']) if (key in element) walk(element[key]);
  };
  walk(card);
  return out;
}

export const cardText = (card: unknown) =>
  elements(card)
    .flatMap((e) => [
      e.text,
      ...(Array.isArray(e.facts)
        ? (e.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`)
        : []),
    ])
    .filter((t): t is string => typeof t === 'string')
    .join('\n');
