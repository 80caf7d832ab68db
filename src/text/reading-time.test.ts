import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WORDS_PER_MINUTE, countWords, readingMinutes } from './reading-time.js';
import { tokenize } from './word-tokenizer.js';

describe('countWords', () => {
  it('counts Arabic, Latin and number words', () => {
    assert.equal(countWords('قال لافروف إن Hürriyet نشرت 2200 كلمة'), 7);
  });

  it('ignores punctuation, emoji, stray marks and lone tatweel', () => {
    assert.equal(countWords('«قال»، هل؟ 😀 ـ \u064E — !!'), 2);
  });

  it('counts words with diacritics and tatweel once', () => {
    assert.equal(countWords('مُحَمَّدٌ الـــمدرسة'), 2);
  });

  it('is 0 for empty and blank text', () => {
    assert.equal(countWords(''), 0);
    assert.equal(countWords(' \n\t '), 0);
  });

  it('agrees with tokenize', () => {
    const text = 'في وقت سابق، أكد الرئيس التركي رجب طيب أردوغان (RT) استعداده بـ2200 COVID-19 😀 ﻻ';
    assert.equal(countWords(text), tokenize(text).length);
  });
});

describe('readingMinutes', () => {
  it('defaults to 180 words a minute and rounds up', () => {
    assert.equal(DEFAULT_WORDS_PER_MINUTE, 180);
    assert.equal(readingMinutes(180), 1);
    assert.equal(readingMinutes(181), 2);
    assert.equal(readingMinutes(900), 5);
  });

  it('is at least one minute', () => {
    assert.equal(readingMinutes(0), 1);
    assert.equal(readingMinutes(1), 1);
    assert.equal(readingMinutes(-5), 1);
    assert.equal(readingMinutes(Number.NaN), 1);
  });

  it('uses the given reading speed', () => {
    assert.equal(readingMinutes(1000, 250), 4);
    assert.equal(readingMinutes(1001, 250), 5);
  });

  it('rejects a reading speed that is not a positive number', () => {
    assert.throws(() => readingMinutes(100, 0), RangeError);
    assert.throws(() => readingMinutes(100, -1), RangeError);
    assert.throws(() => readingMinutes(100, Number.NaN), RangeError);
    assert.throws(() => readingMinutes(100, Number.POSITIVE_INFINITY), RangeError);
  });
});
