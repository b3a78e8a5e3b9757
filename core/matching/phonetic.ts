import { doubleMetaphone } from 'double-metaphone';

/**
 * The Double Metaphone codes of one name word (primary, and secondary when it differs): Aisha and
 * Ayesha, Smith and Smyth, Catherine and Kathryn each share a code. None for a single letter (an
 * initial says too little) or a word the algorithm has no letters for.
 */
export function phoneticCodes(token: string): string[] {
  if (token.length < 2) return [];
  const codes = doubleMetaphone(token).filter((code) => code.length > 0);
  return [...new Set(codes)];
}
