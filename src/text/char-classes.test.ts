import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AR_LETTER, AR_MARK, AR_PUNCT, COMBINING, DIGIT, FOLD, INVISIBLE, KIND, LATIN, LINE_BREAK, NFKC_STABLE, OTHER,
  REMOVE, SPACE, decodeUnits, scratchBuffer,
} from './char-classes.js';

const kindOf = (ch: string): number => KIND[ch.charCodeAt(0)]!;
const foldOf = (ch: string): number => FOLD[ch.charCodeAt(0)]!;

describe('KIND', () => {
  const cases: Array<[string, number, string]> = [
    ['ء', AR_LETTER, 'bare hamza'], ['ا', AR_LETTER, 'alef'], ['ي', AR_LETTER, 'yeh'], ['ة', AR_LETTER, 'teh marbuta'],
    ['پ', AR_LETTER, 'Persian peh'], ['ﻻ', AR_LETTER, 'lam-alef presentation form'], ['ﷲ', AR_LETTER, 'Allah ligature'],
    ['\u0640', AR_MARK, 'tatweel'], ['\u064E', AR_MARK, 'fatha'], ['\u0651', AR_MARK, 'shadda'], ['\u0670', AR_MARK, 'superscript alef'],
    ['\u06D6', AR_MARK, 'Quranic mark'], ['\u06ED', AR_MARK, 'last Quranic mark'], ['\u0610', AR_MARK, 'small high sign'],
    ['،', AR_PUNCT, 'Arabic comma'], ['؛', AR_PUNCT, 'Arabic semicolon'], ['؟', AR_PUNCT, 'Arabic question mark'],
    ['٪', AR_PUNCT, 'Arabic percent'], ['ﷺ', AR_PUNCT, 'honorific ligature (unfolds to a phrase)'],
    ['a', LATIN, ''], ['Z', LATIN, ''], ['ü', LATIN, ''], ['ğ', LATIN, ''], ['ẞ', LATIN, ''], ['ﬁ', LATIN, 'fi ligature'],
    ['0', DIGIT, ''], ['٣', DIGIT, 'Arabic-Indic'], ['۴', DIGIT, 'Persian'], ['５', DIGIT, 'full-width'],
    ['\u0301', COMBINING, ''], ['\u200F', INVISIBLE, 'RLM'], ['\u2067', INVISIBLE, 'RLI'], ['\uFEFF', INVISIBLE, 'BOM'],
    ['\u061C', INVISIBLE, 'ALM'], [' ', SPACE, ''], ['\u00A0', SPACE, 'NBSP'], ['\t', SPACE, ''],
    ['\n', LINE_BREAK, ''], ['\u2029', LINE_BREAK, ''],
    ['«', OTHER, ''], ['»', OTHER, ''], ['.', OTHER, ''], ['×', OTHER, 'multiplication sign'], ['÷', OTHER, ''],
    ['\uD83D', OTHER, 'emoji high surrogate'], ['Ω', OTHER, 'Greek is not a word script here'],
  ];
  for (const [ch, kind, note] of cases) {
    it(`${JSON.stringify(ch)} ${note}`.trim(), () => assert.equal(kindOf(ch), kind));
  }
});

describe('FOLD', () => {
  it('folds the Arabic letter variants', () => {
    for (const ch of 'أإآٱٲٳ') assert.equal(foldOf(ch), 'ا'.charCodeAt(0), ch);
    assert.equal(foldOf('ى'), 'ي'.charCodeAt(0));
    assert.equal(foldOf('ئ'), 'ي'.charCodeAt(0));
    assert.equal(foldOf('ؤ'), 'و'.charCodeAt(0));
    assert.equal(foldOf('ة'), 'ه'.charCodeAt(0));
  });
  it('leaves letters that must stay distinct', () => {
    for (const ch of 'ءاهويكبت') assert.equal(foldOf(ch), ch.charCodeAt(0), ch);
  });
  it('maps every digit to ASCII', () => {
    for (let d = 0; d < 10; d++) {
      assert.equal(FOLD[0x0660 + d], 0x30 + d);
      assert.equal(FOLD[0x06f0 + d], 0x30 + d);
      assert.equal(FOLD[0x30 + d], 0x30 + d);
    }
  });
  it('removes every mark and invisible character, and maps every space to U+0020', () => {
    for (let c = 0; c < 0x10000; c++) {
      const kind = KIND[c];
      if (kind === AR_MARK || kind === INVISIBLE) assert.equal(FOLD[c], REMOVE, c.toString(16));
      if (kind === SPACE || kind === LINE_BREAK) assert.equal(FOLD[c], 0x20, c.toString(16));
    }
  });
});

describe('NFKC_STABLE', () => {
  it('only flags code units that NFKC leaves unchanged', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (NFKC_STABLE[c] === 1) {
        const ch = String.fromCharCode(c);
        assert.equal(ch.normalize('NFKC'), ch, c.toString(16));
      }
    }
  });
  it('flags plain Arabic and ASCII, not what NFKC rewrites or composes', () => {
    for (const ch of 'ابتأإآةى0aZ \u064E\u0640\u200F') assert.equal(NFKC_STABLE[ch.charCodeAt(0)], 1, ch);
    for (const ch of 'ﻻﷲＡ１\u00A0\u0653\u0654\u0655\u0675') assert.equal(NFKC_STABLE[ch.charCodeAt(0)], 0, ch);
  });
});

describe('decodeUnits and scratchBuffer', () => {
  it('decodes strings longer than one apply() chunk', () => {
    const text = 'مرحبا بالعالم '.repeat(3000); // 42,000 code units
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    assert.equal(decodeUnits(units, text.length), text);
    assert.equal(decodeUnits(units, 5), 'مرحبا');
    assert.equal(decodeUnits(units, 0), '');
  });
  it('grows to the requested size', () => {
    assert.ok(scratchBuffer(10).length >= 10);
    assert.ok(scratchBuffer(5000).length >= 5000);
    assert.ok(scratchBuffer(200_000).length >= 200_000);
  });
});
