import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BODY_MAX, checkLengths, cleanText } from './length-limits-step.js';
import { CommentRefused } from './pipeline-types.js';

const refusal = (key: string) => (e: unknown) => e instanceof CommentRefused && e.key === key;

test('too short, too long and a guest name out of bounds are refused; the limit counts characters, not UTF-16 units', () => {
  assert.throws(() => checkLengths({ body: ' ا ', authorName: '', guest: false }), refusal('tooShort'));
  assert.throws(() => checkLengths({ body: 'ب'.repeat(BODY_MAX + 1), authorName: '', guest: false }), refusal('tooLong'));
  assert.equal(checkLengths({ body: '😀'.repeat(BODY_MAX), authorName: '', guest: false }).text.length, BODY_MAX * 2);
  assert.throws(() => checkLengths({ body: 'تعليق', authorName: 'س', guest: true }), refusal('nameTooShort'));
  assert.throws(() => checkLengths({ body: 'تعليق', authorName: 'س'.repeat(51), guest: true }), refusal('nameTooLong'));
});

test('control characters and bidi overrides are removed before counting; paragraphs survive', () => {
  assert.equal(cleanText('\u202Eمرحبا\u202C\u0000\r\n\r\n\n\nسطر'), 'مرحبا\n\nسطر');
  assert.throws(() => checkLengths({ body: '\u202E\u2066\u200F', authorName: '', guest: false }), refusal('tooShort'));
  assert.equal(checkLengths({ body: 'نص', authorName: ' \u202Eعلي  أحمد ', guest: true }).authorName, 'علي أحمد');
});
