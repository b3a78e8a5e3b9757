import type { AdaptiveCard } from './card-types.js';

/*
 * Teams refuses a bot message over 40 KB in its older pages (100 KB, counted as UTF-16, in its
 * current ones, with 80 KB advised), and an Adaptive Card over about 28 KB. A research card is
 * kept under 28 KB less room for the message around it, measured as sent (UTF-8 JSON), so a
 * per-user view fits whatever the answers' script. At the contract's limits the answers alone
 * can reach 71,000 characters: they cannot all be on one card, so the read-only views show the
 * first part of each text (saying so), and a form too long to show goes to the tab.
 */
export const RESEARCH_CARD_BUDGET = 27 * 1024;

const encoder = new TextEncoder();
export const cardBytes = (card: AdaptiveCard) => encoder.encode(JSON.stringify(card)).length;
export const fitsOnACard = (card: AdaptiveCard) => cardBytes(card) <= RESEARCH_CARD_BUDGET;

/** The first of `builds` that fits, or the last one (the smallest) whatever its size. */
export function firstThatFits<T>(options: readonly T[], build: (option: T) => AdaptiveCard) {
  let built: AdaptiveCard | null = null;
  for (const option of options) {
    built = build(option);
    if (fitsOnACard(built)) return built;
  }
  if (!built) throw new RangeError('nothing to build');
  return built;
}
