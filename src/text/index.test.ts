import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as text from './index.js';

describe('text module front door', () => {
  it('exports the public API', () => {
    for (const name of [
      'normalizeArabic', 'foldRepeatedLetters', 'tokenize', 'stemArabic', 'createArabicAnalyzer', 'slugify',
      'splitDirectionRuns', 'countWords', 'readingMinutes', 'escapeHtml',
    ] as const) {
      assert.equal(typeof text[name], 'function', name);
    }
  });

  it('does not leak internal tables or helpers', () => {
    for (const name of ['KIND', 'FOLD', 'NFKC_STABLE', 'forEachWordSpan', 'decodeUnits', 'scratchBuffer']) {
      assert.ok(!(name in text), name);
    }
  });

  it('wires the pieces together for an article title', () => {
    const title = 'لافروف يوضح نقطة الخلاف في إطلاق مفاوضات التسوية التركية السورية';
    assert.equal(text.slugify(title).split('-').length, text.countWords(title));
    const { stems } = text.createArabicAnalyzer(['لافروف']).analyze(title);
    assert.equal(stems[0], 'لافروف');
    assert.deepEqual(text.splitDirectionRuns(title), [{ text: title, ltr: false }]);
    assert.equal(text.escapeHtml(title), title);
  });
});
