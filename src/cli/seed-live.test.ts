import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../db/index.js';
import { demoLiveBlog } from '../demo/index.js';
import { openTestSite, parse, words } from '../../test/support/test-site.js';
import { seedDemoLive } from './seed-live.js';

test('the demo live blog: original Arabic entries on the floods story, pinned entry and summary; no fake stream', async (t) => {
  const site = await openTestSite(testDialects().find((d) => d.name === 'sqlite')!);
  t.after(() => site.close());
  const { curation, publishing, media, live } = site.minbar.services;
  const sectionId = await curation.createSection({ slug: 'politics', name: 'سياسة', position: 1 });
  const authorId = await curation.createAuthor({ slug: 'salma-rashed', name: 'سلمى الراشد' });
  const { entries } = await seedDemoLive({
    live,
    publishing,
    now: site.clock.now(),
    sectionId: () => sectionId,
    authorId: () => authorId,
    image: async (img) => (await media.importImage(await (await import('sharp')).default({ create: { width: 64, height: 36, channels: 3, background: '#246' } }).jpeg().toBuffer(), { caption: img.caption, alt: img.alt, credit: img.credit })).id,
  });
  assert.equal(entries, demoLiveBlog.entries.length);
  const blogs = await live.consoleList();
  assert.equal(blogs.length, 1);
  const page = await site.app.inject({ url: `/politics/${blogs[0]!.id}` });
  const doc = parse((await site.app.inject({ url: page.headers.location as string })).body);
  const shown = [...doc.querySelectorAll('[data-live-entries] .live-entry')];
  assert.equal(shown.length, demoLiveBlog.entries.length);
  assert.match(words(shown[0]!.textContent), /الجسر الصغير/, 'newest first');
  assert.match(words(doc.querySelector('[data-live-pinned]')?.textContent), /المحافظ يعلن فتح الطريق الساحلي/);
  assert.equal(doc.querySelectorAll('.live-summary li').length, demoLiveBlog.summary.length);
  assert.equal(doc.querySelectorAll('.live-entry__edited').length, 1);
  const stream = parse((await site.app.inject({ url: '/live' })).body);
  assert.equal(stream.querySelector('video'), null, 'the demo ships no stream');
  assert.equal(stream.querySelector('[data-stream-state]')?.getAttribute('data-stream-state'), 'unconfigured');
  assert.match(words(stream.querySelector('#live-channel-title')?.textContent), /منبر مباشر/);
  assert.ok(stream.querySelector('a.live-link--on'), 'مباشر is lit: a live blog is on');
});
