// Word counts and reading-time estimates for article bodies given as plain text.
// Must not know about markup, articles or how the estimate is phrased to readers.
import { forEachWordSpan } from './word-tokenizer.js';

/** Arabic prose is read more slowly than English; 180 words a minute is a common estimate for it. */
export const DEFAULT_WORDS_PER_MINUTE = 180;

/** Counts words exactly as tokenize() finds them, without building the tokens. */
export function countWords(text: string): number {
  let count = 0;
  forEachWordSpan(text, () => {
    count++;
  });
  return count;
}

/**
 * Whole minutes needed to read `wordCount` words, rounded up and never less than 1 — a page that says
 * "0 minutes" looks broken. A count that is not a finite positive number counts as no words.
 */
export function readingMinutes(wordCount: number, wordsPerMinute = DEFAULT_WORDS_PER_MINUTE): number {
  if (!(wordsPerMinute > 0) || !Number.isFinite(wordsPerMinute)) {
    throw new RangeError(`readingMinutes: wordsPerMinute must be a positive number, got ${wordsPerMinute}`);
  }
  if (!(wordCount > 0) || !Number.isFinite(wordCount)) return 1;
  return Math.max(1, Math.ceil(wordCount / wordsPerMinute));
}
