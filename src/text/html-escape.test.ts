import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml } from './html-escape.js';

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
  });

  it('makes markup inert in text and in quoted attributes', () => {
    assert.equal(escapeHtml('<script>alert("x")</script>'), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    assert.equal(escapeHtml(`" onload='x'`), '&quot; onload=&#39;x&#39;');
  });

  it('escapes an ampersand once, even in something that looks like an entity', () => {
    assert.equal(escapeHtml('&amp; &lt;'), '&amp;amp; &amp;lt;');
  });

  it('leaves Arabic, emoji and bidi controls untouched', () => {
    const text = 'قال «لافروف»: نعم 😀 \u2067RT\u2069';
    assert.equal(escapeHtml(text), text);
  });

  it('returns the same string when there is nothing to escape, and empty for empty', () => {
    assert.equal(escapeHtml(''), '');
    const text = 'نص عادي';
    assert.equal(escapeHtml(text), text);
  });

  it('is not stateful between calls (no global-regex lastIndex leaks)', () => {
    for (let i = 0; i < 3; i++) assert.equal(escapeHtml('a<b'), 'a&lt;b');
  });
});
