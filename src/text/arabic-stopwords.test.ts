import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isStopword } from './arabic-stopwords.js';
import { normalizeArabic } from './arabic-normalizer.js';

test('function words are stopwords in their normalized spelling, topic words are not', () => {
  for (const w of ['في', 'إلى', 'الى', 'أن', 'التي', 'وفي']) assert.ok(isStopword(normalizeArabic(w)), w);
  for (const w of ['وزير', 'الاقتصاد', 'مكة', 'نفط']) assert.ok(!isStopword(normalizeArabic(w)), w);
});
