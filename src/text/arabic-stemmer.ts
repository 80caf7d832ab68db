// Light stemming (light10 family) of one normalized Arabic word: strips clitic prefixes and suffixes.
// Must not know how words are normalized or tokenized, nor where protected names come from.
import { AR_LETTER, KIND } from './char-classes.js';

interface Affix {
  readonly text: string;
  /** Letters that must remain after stripping. */
  readonly minRest: number;
  /** The prefix swallowed the article's alef or ends in it (بال، لل …): "ال" + rest is the bare noun. */
  readonly article: boolean;
}

/** Shortest stem light10 leaves: stripping never goes below two letters. */
export const MIN_STEM_LENGTH = 2;

// Longest first; at most one is removed. و needs three letters left because so many short words start
// with a root و (وقت، وزير): the longer rest is what makes "and" the likelier reading.
const PREFIXES: readonly Affix[] = [
  { text: 'وال', minRest: 2, article: true },
  { text: 'بال', minRest: 2, article: true },
  { text: 'كال', minRest: 2, article: true },
  { text: 'فال', minRest: 2, article: true },
  { text: 'لل', minRest: 2, article: true }, // ل + ال with the alef dropped: للطلاب = ل + الطلاب
  { text: 'ال', minRest: 2, article: false },
  { text: 'و', minRest: 3, article: false },
];

// light10's ها ان ات ون ين يه ية ه ة ي, after normalization (ة is already ه, so ية = يه and ة = ه).
const SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/**
 * Stems a word already passed through normalizeArabic. Words in `protectedWords` (normalized names of
 * people, places, tags) are returned as they are — also when they carry a clitic: ولاريجاني → لاريجاني,
 * بالاسد → الاسد when الاسد is protected. Words that are not purely Arabic letters (Latin, digits) are
 * returned lower-cased and otherwise unchanged.
 *
 * Suffixes are stripped repeatedly until none applies, not in one pass over the list as in the original
 * light10, so that stacked suffixes meet the same stem: انتخاباته → انتخابات → انتخاب, like انتخابات.
 */
export function stemArabic(word: string, protectedWords?: ReadonlySet<string>): string {
  if (protectedWords !== undefined && protectedWords.has(word)) return word;
  if (!isArabicWord(word)) return word.toLowerCase();

  let stem = word;
  for (const prefix of PREFIXES) {
    if (word.length - prefix.text.length >= prefix.minRest && word.startsWith(prefix.text)) {
      stem = word.slice(prefix.text.length);
      if (protectedWords !== undefined) {
        if (protectedWords.has(stem)) return stem;
        if (prefix.article) {
          const withArticle = 'ال' + stem;
          if (protectedWords.has(withArticle)) return withArticle;
        }
      }
      break;
    }
  }

  let end = stem.length;
  strip: for (;;) {
    for (const suffix of SUFFIXES) {
      if (end - suffix.length >= MIN_STEM_LENGTH && stem.endsWith(suffix, end)) {
        end -= suffix.length;
        continue strip;
      }
    }
    break;
  }
  return end === stem.length ? stem : stem.slice(0, end);
}

function isArabicWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    if (KIND[word.charCodeAt(i)] !== AR_LETTER) return false;
  }
  return true;
}
