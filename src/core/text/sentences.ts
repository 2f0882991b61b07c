import { formatNumber } from './numbers';

/** Small helpers that keep messages grammatical: lists that end well, sentences that end once. */

/**
 * "a", "a and b", "a, b and c", or the first `shown` then "and 3 more": never a trailing ", …".
 */
export function listSome(items: readonly string[], shown = 3): string {
  if (items.length <= shown || shown < 1) {
    const head = items.slice(0, -1);
    const last = items.at(-1) ?? '';
    return head.length === 0 ? last : `${head.join(', ')} and ${last}`;
  }
  return `${items.slice(0, shown).join(', ')} and ${formatNumber(items.length - shown)} more`;
}

/**
 * Ends a sentence with exactly one full stop. Text that already ends with ".", "!", "?" or "…" keeps its own
 * ending, and a list cut short with ", …" (as some evidence summaries are) reads "and more" instead of ", …."
 */
export function endSentence(text: string): string {
  const trimmed = text.trimEnd().replace(/,\s*(?:\u2026|\.\.\.)$/, ' and more');
  return /[.!?\u2026]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
