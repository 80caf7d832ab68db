// Counted messages for the live island: the server renders one wording per Arabic plural category into
// data-msg-* attributes (from the typed catalogue); this picks one and puts the number in the site's digits.

export function countedMessage(root: HTMLElement, key: string, n: number, digits: string | undefined): string {
  const category = new Intl.PluralRules('ar').select(n);
  const template = root.dataset[`msg${key}${category[0]!.toUpperCase()}${category.slice(1)}`] ?? root.dataset[`msg${key}Other`] ?? '';
  const formatted = new Intl.NumberFormat(digits === 'arab' ? 'ar-EG' : 'ar-u-nu-latn').format(n);
  return template.replace('{n}', formatted);
}

/** Reconnection delay: exponential from 1 s to 60 s, with full jitter so readers do not return in step. */
export function backoff(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));
  return Math.round(cap / 2 + random() * (cap / 2));
}
