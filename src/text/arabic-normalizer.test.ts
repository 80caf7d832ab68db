import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { foldRepeatedLetters, normalizeArabic } from './arabic-normalizer.js';

/** The spec written as a chain of regexes: slow, obvious, and independent of the table implementation. */
function reference(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[أإآٱٲٳ]/g, 'ا')
    .replace(/[ىئی]/g, 'ي')
    .replace(/ؤ/g, 'و')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك')
    .split('')
    .filter((ch) => !isRemoved(ch.charCodeAt(0)))
    .join('')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/İ/g, 'i')
    .replace(/[A-Z\u00C0-\u00DE]/g, (ch) => ch.toLowerCase())
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
}

/** Tatweel, harakat, superscript and Quranic marks, high hamza, bidi and zero-width controls, soft hyphen. */
function isRemoved(c: number): boolean {
  const ranges: Array<[number, number]> = [
    [0x0640, 0x0640], [0x064b, 0x065f], [0x0670, 0x0670], [0x0610, 0x061a], [0x06d6, 0x06ed], [0x0674, 0x0674],
    [0x200b, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069], [0x061c, 0x061c], [0xfeff, 0xfeff], [0x00ad, 0x00ad],
    [0x2060, 0x2064],
  ];
  return ranges.some(([from, to]) => c >= from && c <= to);
}

/** Deterministic PRNG (mulberry32) so a failing fuzz case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('normalizeArabic', () => {
  const cases: Array<[string, string, string]> = [
    ['alef with hamza above/below, madda, wasla, wavy hamza', 'أحمد إبراهيم آمال ٱلله ٲ ٳ', 'احمد ابراهيم امال الله ا ا'],
    ['alef maqsura → yeh', 'على مستوى', 'علي مستوي'],
    ['hamza on yeh seat → yeh', 'رئيس مسئول', 'رييس مسيول'],
    ['hamza on waw seat → waw', 'مؤتمر مسؤول', 'موتمر مسوول'],
    ['teh marbuta → heh', 'مدرسة', 'مدرسه'],
    ['bare hamza is kept', 'سماء شيء', 'سماء شيء'],
    ['tatweel removed', 'الـــمدرســـة', 'المدرسه'],
    ['harakat and shadda removed', 'مُحَمَّدٌ عَلِيٌّ', 'محمد علي'],
    ['superscript alef removed', 'هٰذا الرَّحْمٰن', 'هذا الرحمن'],
    // Dagger alef is removed like any haraka, so Quranic spelling folds to the undotted skeleton.
    ['Quranic annotation marks removed', 'الْعَٰلَمِينَ ۝ ذَٰلِكَ ٱلْكِتَٰبُ لَا رَيْبَ ۛ فِيهِ ۛ', 'العلمين ذلك الكتب لا ريب فيه'],
    ['small high signs (U+0610–U+061A) removed', 'محمد\u0610 صلى\u0612\u0618', 'محمد صلي'],
    ['honorific ligature unfolds into its words (NFKC)', 'محمد ﷺ', 'محمد صلي الله عليه وسلم'],
    ['Arabic-Indic digits → ASCII', '٠١٢٣٤٥٦٧٨٩', '0123456789'],
    ['Persian digits → ASCII', '۰۱۲۳۴۵۶۷۸۹', '0123456789'],
    ['mixed digits in one number', 'عام ٢٠۲4', 'عام 2024'],
    ['bidi controls removed', '\u200Fمرحبا\u200E \u202Bعالم\u202C \u2067x\u2069\u061C', 'مرحبا عالم x'],
    ['zero-width characters removed without splitting the word', 'مر\u200Bح\u200Cب\u200Dا\uFEFF', 'مرحبا'],
    ['soft hyphen removed', 'Istan\u00ADbul', 'istanbul'],
    ['Latin lower-cased, accents kept', 'Hürriyet USS Tripoli ÇAĞ', 'hürriyet uss tripoli çağ'],
    ['dotted capital I becomes plain i', 'İstanbul', 'istanbul'],
    ['whitespace collapsed and trimmed', ' \t قال \n\n  لافروف\u00A0\u2003إن \r\n', 'قال لافروف ان'],
    ['removable characters between spaces do not leave double spaces', 'a \u200B b \u0640 c', 'a b c'],
    ['presentation forms unfold (NFKC)', 'ﻻ ﷲ ﺑﺴﻢ', 'لا الله بسم'],
    ['full-width Latin and digits (NFKC)', 'ＡＢＣ１２３', 'abc123'],
    ['decomposed alef + madda composes then folds', 'ا\u0653من', 'امن'],
    ['decomposed waw + hamza above', 'مو\u0654تمر', 'موتمر'],
    ['high-hamza letters (ٵ ٶ ٸ) fold to their base letter', 'ٵ ٶ ٸ', 'ا و ي'],
    ['Persian yeh and keheh', 'کتاب فارسی', 'كتاب فارسي'],
    ['punctuation is kept (tokenizer decides what it means)', '«قال»، هل؟', '«قال»، هل؟'],
    ['emoji are kept untouched', 'رائع 😀👍🏽', 'رايع 😀👍🏽'],
    ['empty string', '', ''],
    ['only removable characters', '\u0640\u064E\u200F  \u200B', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(normalizeArabic(input), expected));
  }

  it('returns the very same string when nothing changes (no copy)', () => {
    const s = 'كتاب الطلاب 2024 hello';
    assert.equal(normalizeArabic(s), s);
  });

  it('is idempotent', () => {
    for (const [, input] of cases) {
      const once = normalizeArabic(input);
      assert.equal(normalizeArabic(once), once, input);
    }
  });

  it('matches the regex reference on 5,000 random strings (fast path and NFKC path)', () => {
    const pool = [
      ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي', ...'أإآٱٲٳىئؤةءۀ', '\u0640', '\u064B', '\u064E', '\u0651', '\u0652', '\u0670',
      '\u0653', '\u0654', '\u0655', '\u06D6', '\u06E5', '\u06ED', '\u0610', '٠', '٩', '۴', '۵', 'ی', 'ک', 'ٵ',
      ...'aZzQÜüİ09', ' ', ' ', '  ', '\t', '\n', '\u00A0', '\u2003', '\u200B', '\u200C', '\u200F', '\u202B', '\u2066',
      '\u061C', '\uFEFF', '\u00AD', 'ﻻ', 'ﺑ', 'ﷲ', 'Ａ', '１', '😀', '«', '،', '؟', '.', '-',
    ];
    const next = random(20240917);
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const length = Math.floor(next() * 14);
      for (let i = 0; i < length; i++) s += pool[Math.floor(next() * pool.length)];
      assert.equal(normalizeArabic(s), reference(s), JSON.stringify(s));
    }
  });

  it('handles a long article in one piece', () => {
    const paragraph = 'قالَ وزيرُ الخارجيةِ إنّ المفاوضاتِ ستُستأنفُ في عام ٢٠٢٤.\n';
    const text = paragraph.repeat(5000);
    assert.equal(normalizeArabic(text), reference(text));
  });
});

describe('foldRepeatedLetters', () => {
  const cases: Array<[string, string, string]> = [
    ['stretched Arabic letter', 'جمييييل', 'جميل'],
    ['exactly three repeats', 'رااائع', 'رائع'],
    ['laughter', 'هههههه', 'ه'],
    ['doubled letters are real spelling', 'الله cool', 'الله cool'],
    ['Latin stretch', 'goooal', 'goal'],
    ['digits are never folded', '2000 ١١١', '2000 ١١١'],
    ['punctuation and emoji repeats are left alone', '!!! ... 😀😀😀', '!!! ... 😀😀😀'],
    ['several stretches in one string', 'يااااا سلاااام', 'يا سلام'],
    ['stretch at the very start and end', 'وووو  نعمممم', 'و  نعم'],
    ['empty string', '', ''],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(foldRepeatedLetters(input), expected));
  }

  it('works after normalizeArabic hides harakat between repeats', () => {
    assert.equal(foldRepeatedLetters(normalizeArabic('جميـيـيـيل')), 'جميل');
  });
});
