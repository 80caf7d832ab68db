import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { forEachWordSpan, tokenize } from './word-tokenizer.js';

/** Each token as [original slice, norm], checking offsets on the way. */
function words(text: string): Array<[string, string]> {
  return tokenize(text).map((t) => {
    assert.ok(t.start >= 0 && t.start < t.end && t.end <= text.length, `offsets ${t.start}-${t.end}`);
    return [text.slice(t.start, t.end), t.norm];
  });
}

describe('tokenize', () => {
  it('splits an Arabic sentence and keeps UTF-16 offsets into the original', () => {
    const text = 'قال وزير الخارجية';
    assert.deepEqual(tokenize(text), [
      { norm: 'قال', start: 0, end: 3 },
      { norm: 'وزير', start: 4, end: 8 },
      { norm: 'الخارجيه', start: 9, end: 17 },
    ]);
  });

  it('keeps diacritics and tatweel in the original slice, not in norm', () => {
    assert.deepEqual(words('إنَّ الـمُفاوضاتِ'), [
      ['إنَّ', 'ان'],
      ['الـمُفاوضاتِ', 'المفاوضات'],
    ]);
  });

  it('splits on Arabic and Latin punctuation and guillemets', () => {
    assert.deepEqual(
      words('«لافروف»، قال: هل؟ نعم؛ (حسنا) - "جيد" ...انتهى!').map(([w]) => w),
      ['لافروف', 'قال', 'هل', 'نعم', 'حسنا', 'جيد', 'انتهى'],
    );
  });

  it('handles Latin words, lower-casing their norm', () => {
    assert.deepEqual(words('صحيفة Hürriyet التركية'), [
      ['صحيفة', 'صحيفه'],
      ['Hürriyet', 'hürriyet'],
      ['التركية', 'التركيه'],
    ]);
  });

  it('keeps Latin-and-digit codes whole but separates digits from Arabic letters', () => {
    assert.deepEqual(words('COVID19 F16 5G بـ2200 و٢٠٢٤'), [
      ['COVID19', 'covid19'],
      ['F16', 'f16'],
      ['5G', '5g'],
      ['بـ', 'ب'],
      ['2200', '2200'],
      ['و', 'و'],
      ['٢٠٢٤', '2024'],
    ]);
  });

  it('folds mixed Arabic-Indic and Persian digits in a number', () => {
    assert.deepEqual(words('عام ٢٠۲4'), [['عام', 'عام'], ['٢٠۲4', '2024']]);
  });

  it('splits hyphenated and dotted forms', () => {
    assert.deepEqual(words('COVID-19 3.5 U.S.').map(([, n]) => n), ['covid', '19', '3', '5', 'u', 's']);
  });

  it('drops emoji and symbols, even when glued to words', () => {
    assert.deepEqual(words('رائع😀👍🏽جدا ✓ #وسم @user').map(([w]) => w), ['رائع', 'جدا', 'وسم', 'user']);
  });

  it('keeps offsets correct after astral characters (UTF-16, not code points)', () => {
    const text = '😀😀 كلمة';
    assert.deepEqual(tokenize(text), [{ norm: 'كلمه', start: 5, end: 9 }]);
  });

  it('joins a word across zero-width and bidi controls inside it, but not at its edges', () => {
    const text = '\u200Fمر\u200Cحبا\u200F x';
    const tokens = tokenize(text);
    assert.deepEqual(tokens.map((t) => t.norm), ['مرحبا', 'x']);
    assert.equal(text.slice(tokens[0]!.start, tokens[0]!.end), 'مر\u200Cحبا');
  });

  it('keeps a leading tatweel with its word but drops stray marks and lone tatweel', () => {
    assert.deepEqual(words('ـالله \u064E ـ ـــ'), [['ـالله', 'الله']]);
  });

  it('keeps decomposed Latin accents inside the word', () => {
    assert.deepEqual(words('Hu\u0308rriyet'), [['Hu\u0308rriyet', 'hürriyet']]);
  });

  it('unfolds presentation forms in norm while the slice stays as written', () => {
    assert.deepEqual(words('ﻻ ﺑﺴﻢ'), [['ﻻ', 'لا'], ['ﺑﺴﻢ', 'بسم']]);
  });

  it('never puts a space inside norm (isolated-haraka presentation forms)', () => {
    for (const t of tokenize('ب\uFE70ت ﷺ')) assert.ok(!t.norm.includes(' '), t.norm);
  });

  it('returns nothing for empty, blank or punctuation-only text', () => {
    assert.deepEqual(tokenize(''), []);
    assert.deepEqual(tokenize('  \n\t '), []);
    assert.deepEqual(tokenize('،؛؟«»...!!😀'), []);
  });

  it('tokenizes the clitic examples as single words', () => {
    assert.deepEqual(
      words('والمعلمين بالمدرسة فالكتاب للطلاب').map(([, n]) => n),
      ['والمعلمين', 'بالمدرسه', 'فالكتاب', 'للطلاب'],
    );
  });

  it('tokens follow each other without overlap', () => {
    const text = 'في وقت سابق، أكد الرئيس التركي رجب طيب أردوغان استعداده للقاء الرئيس السوري بشار الأسد (RT).';
    let previousEnd = 0;
    for (const t of tokenize(text)) {
      assert.ok(t.start >= previousEnd);
      previousEnd = t.end;
    }
  });
});

describe('forEachWordSpan', () => {
  it('visits the same spans tokenize returns', () => {
    const text = 'قالَ Lavrov: «الـمفاوضات» ٢٠٢٤ 😀 ـ';
    const spans: Array<[number, number]> = [];
    forEachWordSpan(text, (start, end) => spans.push([start, end]));
    assert.deepEqual(spans, tokenize(text).map((t) => [t.start, t.end]));
  });
});
