// Human-readable Arabic URL slugs from titles: the title's own words, joined by hyphens.
// Must not know about uniqueness, routes or storage; search folding does not belong here.
import { AR_LETTER, AR_MARK, COMBINING, DIGIT, FOLD, INVISIBLE, KIND, LATIN, decodeUnits, scratchBuffer } from './char-classes.js';

const HYPHEN = 0x2d;

/**
 * Makes a slug such as "لافروف-يوضح-نقطة-الخلاف": NFKC, harakat/tatweel/invisible controls removed
 * inside words, Arabic letters kept as written (hamza forms and ة stay — people read slugs), Latin
 * lower-cased, all digits as ASCII, anything else a separator. Cut at a word boundary to at most
 * `maxLength` characters (a single longer word is cut inside). '' when there is no letter or digit.
 */
export function slugify(title: string, maxLength = 80): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`slugify: maxLength must be a positive integer, got ${maxLength}`);
  }
  const src = title.normalize('NFKC');
  const out = scratchBuffer(src.length);
  let n = 0;
  let pendingSeparator = false;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    const kind = KIND[c];
    if (kind === AR_LETTER || kind === LATIN || kind === DIGIT) {
      if (pendingSeparator) {
        out[n++] = HYPHEN;
        pendingSeparator = false;
      }
      // FOLD lower-cases Latin and turns digits into ASCII; Arabic letters are taken as written.
      out[n++] = kind === AR_LETTER ? c : FOLD[c]!;
    } else if (kind === AR_MARK || kind === COMBINING || kind === INVISIBLE) {
      // Part of the word they sit in: drop them without splitting it (مُحَمَّد → محمد).
    } else if (n > 0) {
      pendingSeparator = true;
    }
  }
  if (n <= maxLength) return decodeUnits(out, n);
  // Cut at the last hyphen at or before maxLength; if the first word alone is too long, cut inside it.
  let cut = maxLength;
  while (cut > 0 && out[cut] !== HYPHEN) cut--;
  return decodeUnits(out, cut > 0 ? cut : maxLength);
}
