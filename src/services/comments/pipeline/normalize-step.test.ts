import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeForMatching } from './normalize-step.js';

test('diacritics, tatweel, alef forms and stretched letters fold to one spelling', () => {
  assert.equal(normalizeForMatching('أَحْمَـــــق'), normalizeForMatching('احمق'));
  assert.equal(normalizeForMatching('إسلام آمن'), 'اسلام امن');
  assert.equal(normalizeForMatching('جمييييييل'), 'جميل');
  assert.equal(normalizeForMatching('مدرسة'), 'مدرسه');
});
