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
// with a root و (وقت، ولد): the longer rest is what makes "and" the likelier reading. Longer words whose و
// is a root letter (وزير، وزارة، ولاية، وطنية) are listed in ROOT_WAW below.
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
 * Common news words whose first و is a root letter, not "and", normalized (ة → ه, ئ → ي, أ → ا).
 * Without them light10 reads وزير as و + زير and وزارة as و + زاره. A word keeps its و when its
 * suffix-stripped form is one of these lists' suffix-stripped forms (so وزيره and وزراءها are covered).
 * Chosen from the words starting with و whose rest is rare on its own in Arabic news; words with fewer
 * than three letters after و (وقت، وعد) never lose it and need no entry.
 */
const ROOT_WAW_WORDS: readonly string[] = [
  'وزير', 'وزيره', 'وزراء', 'وزاره', 'وزارات', 'واحد', 'واحده', 'وحده', 'وحدات', 'وحيد', 'وحيدا', 'وجود', 'وجودها',
  'وفقا', 'وفاه', 'وفاته', 'وصلت', 'وصول', 'وصولا', 'وصلوا', 'وكيل', 'وكلاء', 'وكاله', 'وكالات', 'وراء', 'واقع', 'واقعه',
  'واقعيه', 'وقعت', 'وقوع', 'وقايع', 'وجدت', 'وجدوا', 'واضح', 'واضحه', 'واضحا', 'واصل', 'واصلت', 'وليد', 'والد', 'والده',
  'والدين', 'ولاده', 'وادي', 'واسع', 'واسعه', 'واسعا', 'وافق', 'وافقت', 'وجبه', 'وجبات', 'وطني', 'وطنيه',
  'وطنيا', 'وطننا', 'ولايه', 'ولايات', 'وجهت', 'وجوه', 'واجه', 'واجهت', 'وصفه', 'وصفت', 'واصفا', 'وضعت', 'وضوح',
  'وقود', 'ورقه', 'ورشه', 'وثيقه', 'وثايق', 'وسيله', 'وسايل', 'وظيفه', 'وظايف', 'وعود', 'وفود', 'وقايه', 'واردات',
  'واجب', 'واجبه', 'وهميه', 'وراثه', 'وداع', 'وديعه', 'وجيزه', 'وتيره', 'واشنطن', 'ورثه', 'وزاري', 'وزاريه', 'وسيط',
  'وساطه', 'وعاء', 'ولاء', 'وفير', 'وفيره', 'وقفه',
];
const ROOT_WAW: ReadonlySet<string> = new Set(ROOT_WAW_WORDS.map(stripSuffixes));

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
      if (prefix.text === 'و' && ROOT_WAW.has(stripSuffixes(word))) break;
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

  return stripSuffixes(stem);
}

function stripSuffixes(stem: string): string {
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
