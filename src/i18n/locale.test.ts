import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localeInfo, locales } from './locale.js';

test('Arabic is right-to-left and listed first, English left-to-right', () => {
  assert.deepEqual(locales, ['ar', 'en']);
  assert.deepEqual(localeInfo.ar, { lang: 'ar', dir: 'rtl' });
  assert.deepEqual(localeInfo.en, { lang: 'en', dir: 'ltr' });
});
