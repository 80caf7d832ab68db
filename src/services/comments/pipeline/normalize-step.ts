// Step 3: the text folded for matching — the search analyzer's normalizer (diacritics, tatweel, alef
// and yeh variants, digits) followed by repeated-letter folding. Never shown to anyone.
import { foldRepeatedLetters, normalizeArabic } from '../../../text/index.js';

export function normalizeForMatching(text: string): string {
  return foldRepeatedLetters(normalizeArabic(text));
}
