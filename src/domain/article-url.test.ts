import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_ID, articleHref, articlePath, hrefComponent, parseArticleId, storyHref, tagHref } from './article-url.js';

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

test('link hrefs keep Arabic slugs as written and resolve to the canonical, encoded path', () => {
  const a = { sectionSlug: 'politics', id: 42, slug: 'لافروف-يوضح' };
  assert.equal(articleHref(a), '/politics/42/لافروف-يوضح');
  // What a browser requests when the link is followed: exactly the canonical path.
  assert.equal(new URL(articleHref(a), 'https://example.org').pathname, articlePath(a));
  assert.equal(storyHref('حرب-السودان'), '/stories/حرب-السودان');
  // A slug with anything but letters, marks, digits and -._~ is encoded as in the paths: no '?', '#', '/' or space
  // can change what the link points to.
  for (const slug of ['a?b', 'a#b', 'a/b', 'سلام عليكم', '100%', 'a\u200fb']) {
    assert.equal(tagHref(slug), `/tags/${encodeURIComponent(slug)}`, slug);
  }
});

test('query values in hrefs decode to the text they were made from', () => {
  const url = 'https://example.org/politics/42/لافروف-يوضح';
  const title = 'لافروف: "نقطة الخلاف" & ما بعدها #عاجل 50% + Lavrov';
  const href = `https://x.com/intent/post?url=${hrefComponent(url)}&text=${hrefComponent(title)}`;
  const params = new URL(href).searchParams;
  assert.equal(params.get('url'), url);
  assert.equal(params.get('text'), title);
  assert.ok(href.includes('لافروف'), 'Arabic stays as written');
});
