// Character classes and fold tables for the text module, indexed by UTF-16 code unit.
// Knows Unicode ranges only; must not know about words, stems, slugs, bidi runs or HTML.
//
// Why tables: every function in this module runs on each page render and over the whole
// archive when the search index is rebuilt. One typed-array lookup per code unit is the
// cheapest classification there is — no per-character regex, string or closure.

/** Punctuation, symbols, emoji halves, other scripts: never part of a word. */
export const OTHER = 0;
/** A base letter of the Arabic script (incl. presentation forms, which NFKC unfolds). */
export const AR_LETTER = 1;
/** Harakat, tatweel, superscript alef, Quranic marks: belong to the word they sit in. */
export const AR_MARK = 2;
export const LATIN = 3;
/** ASCII, Arabic-Indic and Persian (Extended Arabic-Indic) digits. */
export const DIGIT = 4;
/** Generic combining diacritics (U+0300…), used by decomposed Latin text. */
export const COMBINING = 5;
/** Zero-width and bidi control characters: invisible, carry no meaning for text. */
export const INVISIBLE = 6;
export const SPACE = 7;
export const LINE_BREAK = 8;
/** Arabic-script punctuation and signs (، ؛ ؟ ٪ ۔ …). */
export const AR_PUNCT = 9;

/** Fold result meaning "drop this code unit". U+FFFF is a noncharacter, so nothing real folds to it. */
export const REMOVE = 0xffff;

type Range = readonly [number, number];

const ARABIC_BLOCKS: readonly Range[] = [
  [0x0600, 0x06ff], [0x0750, 0x077f], [0x0870, 0x08ff], [0xfb50, 0xfdff], [0xfe70, 0xfefe],
];
const ARABIC_LETTERS: readonly Range[] = [
  [0x0620, 0x063f], [0x0641, 0x064a], [0x066e, 0x066f], [0x0671, 0x06d3], [0x06d5, 0x06d5],
  [0x06ee, 0x06ef], [0x06fa, 0x06fc], [0x06ff, 0x06ff], [0x0750, 0x077f], [0x0870, 0x0887],
  [0x0889, 0x088e], [0x08a0, 0x08c9], [0xfb50, 0xfbb1], [0xfbd3, 0xfd3d], [0xfd50, 0xfd8f],
  [0xfd92, 0xfdc7], [0xfdf0, 0xfdf9], [0xfe80, 0xfefc],
  // Deliberately not letters: U+FDFA/U+FDFB (ﷺ ﷻ) unfold under NFKC into whole phrases with spaces.
];
const ARABIC_MARKS: readonly Range[] = [
  [0x0610, 0x061a], [0x0640, 0x0640], [0x064b, 0x065f], [0x0670, 0x0670], [0x06d6, 0x06ed],
  [0x0898, 0x089f], [0x08ca, 0x08ff], [0xfe70, 0xfe7f],
];
const LATIN_LETTERS: readonly Range[] = [
  [0x0041, 0x005a], [0x0061, 0x007a], [0x00c0, 0x00d6], [0x00d8, 0x00f6], [0x00f8, 0x02af],
  [0x1e00, 0x1eff], [0x2c60, 0x2c7f], [0xa720, 0xa7ff], [0xfb00, 0xfb06], [0xff21, 0xff3a],
  [0xff41, 0xff5a],
];
const DIGITS: readonly Range[] = [[0x0030, 0x0039], [0x0660, 0x0669], [0x06f0, 0x06f9], [0xff10, 0xff19]];
const COMBINING_MARKS: readonly Range[] = [
  [0x0300, 0x036f], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff], [0x20d0, 0x20ff], [0xfe20, 0xfe2f],
];
const INVISIBLES: readonly Range[] = [
  [0x00ad, 0x00ad], // soft hyphen
  [0x061c, 0x061c], // Arabic letter mark
  [0x200b, 0x200f], // ZWSP, ZWNJ, ZWJ, LRM, RLM
  [0x202a, 0x202e], // LRE, RLE, PDF, LRO, RLO
  [0x2060, 0x2064], // word joiner, invisible operators
  [0x2066, 0x2069], // LRI, RLI, FSI, PDI
  [0xfeff, 0xfeff], // BOM / ZWNBSP
];
const SPACES: readonly Range[] = [
  [0x0009, 0x0009], [0x000b, 0x000c], [0x0020, 0x0020], [0x00a0, 0x00a0], [0x1680, 0x1680],
  [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
];
const LINE_BREAKS: readonly Range[] = [[0x000a, 0x000a], [0x000d, 0x000d], [0x0085, 0x0085], [0x2028, 0x2029]];

function fill(table: Uint8Array | Uint16Array, ranges: readonly Range[], value: number): void {
  for (const [from, to] of ranges) table.fill(value, from, to + 1);
}

/** Kind of every BMP code unit (surrogates are OTHER: nothing outside the BMP forms words). */
export const KIND: Uint8Array = (() => {
  const kind = new Uint8Array(0x10000);
  fill(kind, ARABIC_BLOCKS, AR_PUNCT); // whatever in these blocks is not overridden below
  fill(kind, ARABIC_LETTERS, AR_LETTER);
  fill(kind, ARABIC_MARKS, AR_MARK);
  fill(kind, LATIN_LETTERS, LATIN);
  fill(kind, DIGITS, DIGIT);
  fill(kind, COMBINING_MARKS, COMBINING);
  fill(kind, INVISIBLES, INVISIBLE);
  fill(kind, SPACES, SPACE);
  fill(kind, LINE_BREAKS, LINE_BREAK);
  return kind;
})();

/** Kind of the code unit at `i` (caller guarantees 0 <= i < s.length). */
export function kindAt(s: string, i: number): number {
  return KIND[s.charCodeAt(i)]!;
}

export function isWordLetter(kind: number): boolean {
  return kind === AR_LETTER || kind === LATIN;
}

/** Letter-variant fold applied by search normalization. Spelled out here so it can be read as a list. */
const SEARCH_FOLDS: ReadonlyArray<readonly [number, number]> = [
  // Alef with hamza above/below, madda, wasla, wavy hamza: writers and keyboards use them inconsistently.
  [0x0622, 0x0627], [0x0623, 0x0627], [0x0625, 0x0627], [0x0671, 0x0627], [0x0672, 0x0627], [0x0673, 0x0627],
  [0x0649, 0x064a], // alef maqsura → yeh: final ى/ي are swapped constantly (Egyptian orthography writes ي as ى)
  // Hamza on a seat is folded to the bare seat (ئ → ي, ؤ → و) rather than to a bare hamza ء:
  // the seat is what survives when a writer drops the hamza (مسئول/مسؤول, رئيس/ريس), and it keeps
  // word length, which the light stemmer's length guards depend on.
  [0x0626, 0x064a], [0x0624, 0x0648],
  [0x0629, 0x0647], // teh marbuta → heh: written with and without dots (مدرسة/مدرسه)
  // Persian yeh and keheh arrive in copy pasted from Persian sources and look identical to ي/ك.
  [0x06cc, 0x064a], [0x06a9, 0x0643],
];

/**
 * Search fold of every BMP code unit: Arabic letter variants, all digits → ASCII, Latin → lower case,
 * any whitespace → U+0020, marks and invisibles → REMOVE. Identity elsewhere.
 */
export const FOLD: Uint16Array = (() => {
  const fold = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) fold[c] = c;
  for (const [from, to] of LATIN_LETTERS) {
    for (let c = from; c <= to; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      // İ lower-cases to "i̇" (two units); plain i is what a searcher types.
      fold[c] = lower.length === 1 ? lower.charCodeAt(0) : c === 0x0130 ? 0x69 : c;
    }
  }
  for (const [from, to] of DIGITS) {
    for (let c = from; c <= to; c++) fold[c] = 0x30 + c - from;
  }
  for (const [from, to] of SEARCH_FOLDS) fold[from] = to;
  fill(fold, ARABIC_MARKS, REMOVE);
  fill(fold, INVISIBLES, REMOVE);
  fold[0x0674] = REMOVE; // high hamza: what NFKC leaves of ٵ ٶ ٸ after taking out the base letter
  fill(fold, SPACES, 0x20);
  fill(fold, LINE_BREAKS, 0x20);
  return fold;
})();

/**
 * 1 for code units that NFKC leaves alone and that cannot compose with a neighbour, so that a string
 * made only of them can skip String#normalize. Computed from the runtime's own NFKC so that it can
 * never disagree with it. U+0653–U+0655 (madda, hamza above/below) are excluded: they compose (ا + ٓ → آ).
 * The Arabic marks in the candidate ranges do reorder under NFKC, but they are all removed afterwards.
 */
export const NFKC_STABLE: Uint8Array = (() => {
  const stable = new Uint8Array(0x10000);
  const candidates: readonly Range[] = [[0x0000, 0x024f], [0x0600, 0x06ff], ...INVISIBLES];
  for (const [from, to] of candidates) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      if (ch.normalize('NFKC') === ch) stable[c] = 1;
    }
  }
  stable.fill(0, 0x0653, 0x0656);
  return stable;
})();

/** Turns the first `length` code units of `units` into a string (chunked: apply() has an argument limit). */
export function decodeUnits(units: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  let out = '';
  for (let i = 0; i < length; i += CHUNK) {
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

let scratch = new Uint16Array(512);

/**
 * A reusable output buffer of at least `length` code units. Callers fill it and decode it before
 * returning, synchronously, so sharing one buffer is safe; it only saves an allocation per call.
 * Very large requests get their own buffer so that one huge article does not pin memory forever.
 */
export function scratchBuffer(length: number): Uint16Array {
  if (length <= scratch.length) return scratch;
  if (length > 1 << 16) return new Uint16Array(length);
  let size = scratch.length;
  while (size < length) size *= 2;
  scratch = new Uint16Array(size);
  return scratch;
}
