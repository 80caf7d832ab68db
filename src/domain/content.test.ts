import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockSchema, inlineSchema, isEmbedUrl } from './content.js';

test('an embed block takes only an https link on its provider: never javascript:, data: or another host', () => {
  const embed = (provider: 'youtube' | 'x', url: string) => blockSchema.safeParse({ type: 'embed', provider, url, title: 'فيديو' }).success;
  assert.ok(embed('youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'));
  assert.ok(embed('youtube', 'https://youtu.be/dQw4w9WgXcQ'));
  assert.ok(embed('x', 'https://x.com/minbar/status/123'));
  for (const url of [
    'javascript:window.__xss=1',
    'JAVASCRIPT://www.youtube.com/%0Aalert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript://www.youtube.com/',
    'http://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://evil.example/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com.evil.example/',
    'https://user@www.youtube.com/',
  ]) {
    assert.equal(embed('youtube', url), false, url);
  }
  assert.equal(embed('x', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'), false, 'another provider’s host');
  assert.equal(isEmbedUrl('x', 'not a url'), false);
});

test('an inline link is http(s) or site-relative', () => {
  assert.ok(inlineSchema.safeParse({ text: 'x', href: 'https://example.com/' }).success);
  assert.ok(inlineSchema.safeParse({ text: 'x', href: '/latest' }).success);
  for (const href of ['javascript:alert(1)', 'data:text/html,x', ' javascript:alert(1)', 'JaVaScRiPt:alert(1)']) {
    assert.equal(inlineSchema.safeParse({ text: 'x', href }).success, false, href);
  }
});
