import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { slugify } from './url-slug.js';

describe('slugify', () => {
  it('joins the words of an Arabic title with hyphens', () => {
    assert.equal(
      slugify('لافروف يوضح نقطة الخلاف في إطلاق مفاوضات التسوية التركية السورية'),
      'لافروف-يوضح-نقطة-الخلاف-في-إطلاق-مفاوضات-التسوية-التركية-السورية',
    );
  });

  it('keeps hamza forms, ة and ى as written (no search folding)', () => {
    assert.equal(slugify('أين إلى آمال مسؤول رئيس مدرسة مستوى'), 'أين-إلى-آمال-مسؤول-رئيس-مدرسة-مستوى');
  });

  it('strips harakat, tatweel and Quranic marks without splitting words', () => {
    assert.equal(slugify('مُحَمَّدٌ الـــمدرســـة هٰذا'), 'محمد-المدرسة-هذا');
  });

  it('strips bidi and zero-width controls without splitting words', () => {
    assert.equal(slugify('\u200Fمر\u200Cحبا\u200F \u2067USS\u2069\uFEFF'), 'مرحبا-uss');
  });

  it('lower-cases Latin and converts Arabic-Indic and Persian digits', () => {
    assert.equal(slugify('"USS Tripoli" بـ ٢٢٠٠ مارينز و۵۸ صاروخا'), 'uss-tripoli-ب-2200-مارينز-و58-صاروخا');
  });

  it('turns punctuation, quotes, symbols and emoji into single separators', () => {
    assert.equal(slugify('  «عاجل»: ترامب... يقول؟! 😀 — 100% (فيديو)  '), 'عاجل-ترامب-يقول-100-فيديو');
    assert.equal(slugify('COVID-19: Hürriyet/RT'), 'covid-19-hürriyet-rt');
  });

  it('unfolds presentation forms (NFKC)', () => {
    assert.equal(slugify('ﻻ ﺑﺴﻢ ＡＢＣ'), 'لا-بسم-abc');
  });

  it('returns empty for input without letters or digits', () => {
    assert.equal(slugify(''), '');
    assert.equal(slugify('   '), '');
    assert.equal(slugify('؟!، «» 😀 \u064E\u0640'), '');
  });

  it('cuts at a word boundary to at most maxLength characters', () => {
    const title = 'قال وزير الخارجية الروسي سيرغي لافروف إن السلطات في تركيا وسوريا تبديان اهتماما جديا باستئناف الحوار';
    const slug = slugify(title);
    assert.ok(slug.length <= 80, `${slug.length}`);
    assert.equal(slug, 'قال-وزير-الخارجية-الروسي-سيرغي-لافروف-إن-السلطات-في-تركيا-وسوريا-تبديان-اهتماما');
    assert.ok(slugify(title, 300).startsWith(slug + '-'));
  });

  it('cuts exactly at maxLength when a word ends there', () => {
    assert.equal(slugify('abc def ghi', 7), 'abc-def');
    assert.equal(slugify('abc def ghi', 8), 'abc-def');
    assert.equal(slugify('abc def ghi', 6), 'abc');
    assert.equal(slugify('abc def ghi', 11), 'abc-def-ghi');
  });

  it('cuts inside a single word longer than maxLength rather than return nothing', () => {
    assert.equal(slugify('استراتيجيات', 5), 'استرا');
  });

  it('never starts or ends with a hyphen, nor doubles one', () => {
    for (const title of ['-عاجل-', '— ترامب —', 'a - - b', '...x...', 'قال: «نعم» ؛']) {
      const slug = slugify(title, 4);
      assert.doesNotMatch(slug, /^-|-$|--/, title);
    }
  });

  it('rejects a maxLength that is not a positive integer', () => {
    assert.throws(() => slugify('x', 0), RangeError);
    assert.throws(() => slugify('x', -1), RangeError);
    assert.throws(() => slugify('x', 2.5), RangeError);
    assert.throws(() => slugify('x', Number.NaN), RangeError);
  });
});
