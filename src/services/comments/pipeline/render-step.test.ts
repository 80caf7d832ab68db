import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderCommentHtml } from './render-step.js';

test('plain text becomes paragraphs and line breaks; markup is text', () => {
  const { html, hasLinks } = renderCommentHtml('سطر أول\nسطر ثان\n\n<b>فقرة</b> & "اقتباس"');
  assert.equal(html, '<p>سطر أول<br />سطر ثان</p><p>&lt;b&gt;فقرة&lt;/b&gt; &amp; "اقتباس"</p>');
  assert.equal(hasLinks, false);
});

test('http(s) URLs are linked with rel="ugc nofollow noopener"; trailing punctuation stays outside', () => {
  const { html, hasLinks } = renderCommentHtml('انظر https://example.org/a?b=1&c=2، وwww.example.com.');
  assert.equal(hasLinks, true);
  assert.match(html, /<a href="https:\/\/example\.org\/a\?b=1&amp;c=2" rel="ugc nofollow noopener">https:\/\/example\.org\/a\?b=1&amp;c=2<\/a>،/);
  assert.match(html, /<a href="https:\/\/www\.example\.com" rel="ugc nofollow noopener">www\.example\.com<\/a>\./);
});

test('javascript:, data: and quote-breaking URLs never become live links or attributes', () => {
  for (const s of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'https://x.org/"onmouseover="alert(1)', "https://x.org/'><script>alert(1)</script>"]) {
    const { html } = renderCommentHtml(s);
    assert.doesNotMatch(html, /<script|href="(?:javascript|data)|<[^>]*\son\w+=/i, s);
  }
});
