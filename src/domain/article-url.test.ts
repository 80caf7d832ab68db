import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ID, articlePath, parseArticleId } from './article-url.js';

test('article paths put the numeric id before an encoded Arabic slug', () => {
  const p = articlePath({ sectionSlug: 'politics', id: 42, slug: 'لافروف-يوضح' });
  assert.equal(p, '/politics/42/%D9%84%D8%A7%D9%81%D8%B1%D9%88%D9%81-%D9%8A%D9%88%D8%B6%D8%AD');
  assert.equal(decodeURIComponent(p), '/politics/42/لافروف-يوضح');
  assert.equal(articlePath({ sectionSlug: 'world', id: 7, slug: '' }), '/world/7');
});

test('only plain positive integers are article ids', () => {
  assert.equal(parseArticleId('123'), 123);
  assert.equal(parseArticleId(String(MAX_ID)), MAX_ID);
  // Past PostgreSQL's 32-bit serial: not an article (found by test/security/fuzz.test.ts: a 500 there).
  for (const bad of ['0', '-1', '01', '1e3', '12a', '', ' 1', '9999999999999999', '١٢٣', '2147483648', '9999999999']) {
    assert.equal(parseArticleId(bad), null, bad);
  }
});
