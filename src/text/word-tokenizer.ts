// Word segmentation of original text into tokens that keep their offsets into that text.
// Must not know about stemming, search indexes or how matches are highlighted.
import { AR_LETTER, AR_MARK, COMBINING, DIGIT, INVISIBLE, KIND, LATIN } from './char-classes.js';
import { normalizeArabic } from './arabic-normalizer.js';

export interface Token {
  /** normalizeArabic of the word: what search compares. */
  readonly norm: string;
  /** UTF-16 offsets into the original text: text.slice(start, end) is the word as written. */
  readonly start: number;
  readonly end: number;
}

// A word is a run of one script class. Latin letters and digits share a class so that codes such as
// "COVID19", "F16" and "5G" stay whole; Arabic letters and digits do not, so that "بـ2200" gives the
// word and the number separately. Marks (harakat, tatweel, combining accents) extend any word.
const NONE = 0;
const ARABIC_WORD = 1;
const LATIN_OR_NUMBER = 2;

/**
 * Calls `visit(start, end)` for every word span of `text`: maximal runs as described above that contain
 * at least one letter or digit. Zero-width and bidi controls inside a word (ZWNJ in Persian, an RLM
 * pasted mid-word) are part of it; at its edges they are not.
 */
export function forEachWordSpan(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = KIND[text.charCodeAt(i)]!;
    let wordClass = NONE;
    if (first === AR_LETTER || first === AR_MARK) wordClass = ARABIC_WORD;
    else if (first === LATIN || first === DIGIT) wordClass = LATIN_OR_NUMBER;
    if (wordClass === NONE) {
      i++;
      continue;
    }
    const start = i;
    let hasBase = first !== AR_MARK; // a lone tatweel or stray haraka is not a word
    let j = i + 1;
    while (j < length) {
      const kind = KIND[text.charCodeAt(j)]!;
      if (continuesWord(kind, wordClass)) {
        if (kind !== AR_MARK && kind !== COMBINING) hasBase = true;
        j++;
        continue;
      }
      if (kind === INVISIBLE) {
        let k = j + 1;
        while (k < length && KIND[text.charCodeAt(k)] === INVISIBLE) k++;
        if (k < length && continuesWord(KIND[text.charCodeAt(k)]!, wordClass)) {
          j = k;
          continue;
        }
      }
      break;
    }
    if (hasBase) visit(start, j);
    i = j;
  }
}

function continuesWord(kind: number, wordClass: number): boolean {
  switch (kind) {
    case AR_LETTER:
      return wordClass === ARABIC_WORD;
    case LATIN:
    case DIGIT:
      return wordClass === LATIN_OR_NUMBER;
    case AR_MARK:
    case COMBINING:
      return true;
    default:
      return false;
  }
}

/**
 * Splits original text into word tokens. Punctuation (، ؛ ؟ « » and Latin), spaces, symbols and emoji
 * separate words; tokens whose normalized form is empty are dropped.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  forEachWordSpan(text, (start, end) => {
    let norm = normalizeArabic(text.slice(start, end));
    // NFKC can unfold an isolated-haraka presentation form into "space + haraka"; a word has no spaces.
    if (norm.includes(' ')) norm = norm.replaceAll(' ', '');
    if (norm !== '') tokens.push({ norm, start, end });
  });
  return tokens;
}
