import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_STEM_LENGTH, stemArabic } from './arabic-stemmer.js';
import { normalizeArabic } from './arabic-normalizer.js';

const stem = (written: string, protectedWords?: ReadonlySet<string>): string =>
  stemArabic(normalizeArabic(written), protectedWords);

describe('stemArabic: prefixes', () => {
  const cases: Array<[string, string]> = [
    ['والمعلمين', 'معلم'],
    ['بالمدرسة', 'مدرس'],
    ['فالكتاب', 'كتاب'],
    ['للطلاب', 'طلاب'],
    ['كالأسد', 'اسد'],
    ['الكتاب', 'كتاب'],
    ['وكتاب', 'كتاب'],
    ['الأم', 'ام'], // ال leaves exactly two letters: allowed
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected}`, () => assert.equal(stem(word), expected));
  }

  it('strips at most one prefix', () => {
    assert.equal(stemArabic('والوال'), 'وال'); // وال + وال: the second is not touched
    assert.equal(stemArabic('وولد'), 'ولد');
  });

  it('takes the longest prefix that fits (وال before و, بال before ال)', () => {
    assert.equal(stemArabic('والكتاب'), 'كتاب');
    assert.equal(stemArabic('بالكتاب'), 'كتاب');
  });

  it('keeps و when fewer than three letters would remain', () => {
    assert.equal(stemArabic('وقت'), 'وقت');
    assert.equal(stemArabic('ولد'), 'ولد');
  });

  it('keeps a root و in common news words (وزير is not و + زير), with their suffixes', () => {
    for (const [word, expected] of [
      ['وزير', 'وزير'],
      ['وزيرة', 'وزير'],
      ['وزارة', 'وزار'],
      ['وزارات', 'وزار'],
      ['وزراء', 'وزراء'],
      ['ولاية', 'ولا'],
      ['الولاية', 'ولا'],
      ['وطنية', 'وطن'],
      ['الوطنية', 'وطن'],
      ['واشنطن', 'واشنطن'],
      ['والد', 'والد'],
      ['وكالة', 'وكال'],
    ] as const) {
      assert.equal(stem(word), expected, word);
    }
  });

  it('still strips و before a root-و word and before ordinary words', () => {
    assert.equal(stem('ووزير'), 'وزير');
    assert.equal(stem('والوزير'), 'وزير');
    assert.equal(stem('وقال'), 'قال');
    assert.equal(stem('وكتاب'), 'كتاب');
    assert.equal(stem('والمعلمين'), 'معلم');
    assert.equal(stem('والدين'), 'دين'); // وال + دين ("and the religion"), not a form of والد
  });

  it('keeps the article family when fewer than two letters would remain', () => {
    assert.equal(stemArabic('بال'), 'بال');
    assert.equal(stemArabic('الي'), 'ال'); // إلى: no prefix (one letter would remain), then the ي suffix
  });

  it('falls through to a shorter prefix when a longer one leaves too little', () => {
    // وال would leave one letter, و leaves three.
    assert.equal(stemArabic('والي'), 'ال');
  });
});

describe('stemArabic: suffixes', () => {
  const cases: Array<[string, string]> = [
    ['معلمات', 'معلم'],
    ['جهودها', 'جهود'],
    ['كتابه', 'كتاب'],
    ['مهندسون', 'مهندس'],
    ['مهندسين', 'مهندس'],
    ['مدرستي', 'مدرست'],
    ['التركية', 'ترك'],
    ['سياراتها', 'سيار'],
  ];
  for (const [word, expected] of cases) {
    it(`${word} → ${expected}`, () => assert.equal(stem(word), expected));
  }

  it('strips stacked suffixes until none applies, so inflections meet', () => {
    assert.equal(stem('انتخاباته'), 'انتخاب');
    assert.equal(stem('انتخابات'), 'انتخاب');
    assert.equal(stem('لبناني'), stem('لبنان'));
  });

  it('never leaves fewer than two letters', () => {
    assert.equal(MIN_STEM_LENGTH, 2);
    assert.equal(stemArabic('دين'), 'دين'); // ين would leave one letter
    assert.equal(stemArabic('فيه'), 'في');
    assert.equal(stemArabic('هي'), 'هي');
    assert.equal(stemArabic('بيان'), 'بي');
    for (const word of ['ها', 'ان', 'هه', 'يي', 'وها', 'والها', 'هاتين', 'ههههه', 'يييييي']) {
      assert.ok(stemArabic(word).length >= MIN_STEM_LENGTH, word);
    }
  });

  it('leaves short and suffix-less words alone', () => {
    for (const word of ['من', 'في', 'عن', 'كتب', 'درس', 'ه', 'و']) assert.equal(stemArabic(word), word);
  });
});

describe('stemArabic: protected words and other scripts', () => {
  const names = new Set(['الاسد', 'لاريجاني', 'ترامب']);

  it('does not stem a protected name', () => {
    assert.equal(stem('الأسد'), 'اسد');
    assert.equal(stem('الأسد', names), 'الاسد');
    assert.equal(stem('لاريجاني'), 'لاريج');
    assert.equal(stem('لاريجاني', names), 'لاريجاني');
  });

  it('recognizes a protected name behind a clitic', () => {
    assert.equal(stem('ولاريجاني', names), 'لاريجاني');
    assert.equal(stem('وترامب', names), 'ترامب');
    assert.equal(stem('بالأسد', names), 'الاسد');
    assert.equal(stem('والأسد', names), 'الاسد');
    assert.equal(stem('للأسد', names), 'الاسد');
  });

  it('stems unprotected words normally when a set is given', () => {
    assert.equal(stem('والمعلمين', names), 'معلم');
  });

  it('passes Latin words and numbers through, lower-cased', () => {
    assert.equal(stemArabic('Hürriyet'), 'hürriyet');
    assert.equal(stemArabic('covid19'), 'covid19');
    assert.equal(stemArabic('2024'), '2024');
    assert.equal(stemArabic('ones'), 'ones');
  });

  it('passes anything that is not a plain Arabic word through', () => {
    assert.equal(stemArabic(''), '');
    assert.equal(stemArabic('ب2200'), 'ب2200');
  });
});
