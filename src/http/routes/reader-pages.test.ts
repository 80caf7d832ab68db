// Whole-app tests of the reader site's pages: list pages with keyset pagination, static and error pages,
// the complete article page, and conditional GET (ETag, Last-Modified, 304) with compression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { openTestSite, parse, words } from '../../../test/support/test-site.js';
import { loadReaderFixture } from '../../../test/support/reader-fixture.js';

for (const dialect of testDialects()) {
  test(`reader pages on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const f = await loadReaderFixture(site);
    const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

    await t.test('a section: its own canonical on every page, "صفحة N" in the title, real prev/next links', async () => {
      const first = parse((await get('/politics')).body);
      assert.equal(words(first.querySelector('h1')?.textContent), 'سياسة');
      assert.equal(first.querySelector('link[rel="canonical"]')?.getAttribute('href'), 'http://localhost:3000/politics');
      assert.equal(first.querySelectorAll('.list .card').length, 20);
      const next = first.querySelector('.pagination a[rel="next"]')?.getAttribute('href') ?? '';
      assert.match(next, /^\/politics\?page=2&before=\d+\.\d+$/);
      assert.equal(first.querySelector('.pagination a[rel="prev"]'), null);
      assert.ok(first.querySelector('link[rel="next"]'));

      const res2 = await get(next);
      assert.equal(res2.statusCode, 200);
      const second = parse(res2.body);
      assert.match(words(second.querySelector('title')?.textContent), /^سياسة — صفحة 2 \|/);
      assert.equal(second.querySelector('link[rel="canonical"]')?.getAttribute('href'), `http://localhost:3000${next}`);
      assert.equal(second.querySelector('.pagination a[rel="prev"]')?.getAttribute('href'), '/politics');
      const firstIds = new Set([...first.querySelectorAll('.list .card__title a')].map((a) => a.getAttribute('href')));
      for (const a of second.querySelectorAll('.list .card__title a')) assert.ok(!firstIds.has(a.getAttribute('href')));
      const third = parse((await get(second.querySelector('.pagination a[rel="next"]')?.getAttribute('href') ?? '')).body);
      assert.match(words(third.querySelector('h1')?.textContent), /صفحة 3/);
      assert.equal(third.querySelector('.pagination a[rel="next"]'), null, 'the last page has no next link');
    });

    await t.test('malformed pagination: hand-made links go to page 1, garbage is a 400 page, never a 500', async () => {
      const bare = await get('/politics?page=3');
      assert.equal(bare.statusCode, 301);
      assert.equal(bare.headers.location, '/politics');
      for (const url of ['/politics?page=abc', '/politics?page=2&before=x.y', '/politics?page=-1', '/politics?page=2&before=1.0']) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(words(parse(res.body).querySelector('h1')?.textContent), 'طلب غير صالح');
      }
      assert.equal((await get('/politics?page=40&before=1.1')).statusCode, 404);
    });

    await t.test('story, tag, author, latest and subsection pages', async () => {
      const story = parse((await get(f.pages['story']!)).body);
      assert.equal(words(story.querySelector('h1')?.textContent), 'فيضانات الساحل الشرقي');
      assert.equal(words(story.querySelector('.story-header__count')?.textContent), '8 أخبار');
      assert.ok(story.querySelector('.story-header__cover img'));
      assert.equal(story.querySelectorAll('ol.timeline > li').length, 8);
      assert.ok(story.querySelector('link[rel="alternate"][href="/stories/coastal-floods/rss.xml"]'));

      const tag = await get(f.pages['tag']!);
      assert.equal(tag.statusCode, 200);
      assert.equal(words(parse(tag.body).querySelector('h1')?.textContent), 'وسم: البرلمان');

      const author = parse((await get(f.pages['author']!)).body);
      assert.equal(words(author.querySelector('h1')?.textContent), 'سلمى الراشد');
      assert.equal(words(author.querySelector('.page-header__intro')?.textContent), 'مراسلة الشؤون السياسية.');

      const latest = parse((await get('/latest')).body);
      assert.equal(latest.querySelectorAll('.list .card').length, 20);

      const economy = parse((await get('/economy')).body);
      assert.ok(economy.querySelector('.subsections a[href="/markets"]'));
      const markets = parse((await get('/markets')).body);
      const crumbs = [...markets.querySelectorAll('.breadcrumbs li')].map((li) => words(li.textContent));
      assert.deepEqual(crumbs, ['الرئيسية', 'اقتصاد', 'أسواق']);

      for (const url of ['/stories/nope', '/tags/nope', '/authors/nope', '/Politics']) assert.equal((await get(url)).statusCode, 404, url);
    });

    await t.test('static pages are linked from the footer; errors answer 404, 410 and 500 in Arabic with noindex', async () => {
      const home = parse((await get('/')).body);
      const footerLinks = [...home.querySelectorAll('.site-footer__pages a')].map((a) => a.getAttribute('href'));
      assert.ok(footerLinks.includes('/pages/about') && footerLinks.includes('/pages/contact'));
      const about = parse((await get('/pages/corrections-policy')).body);
      assert.equal(words(about.querySelector('h1')?.textContent), 'سياسة التصحيح');
      assert.equal((await get('/pages/nope')).statusCode, 404);

      const gone = await get(f.pages['gone']!);
      assert.equal(gone.statusCode, 410);
      const goneDoc = parse(gone.body);
      assert.equal(words(goneDoc.querySelector('h1')?.textContent), 'لم يعد هذا المحتوى متاحًا');
      assert.match(goneDoc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '', /noindex/);

      const failing = { ...site.minbar.services.site, home: async () => Promise.reject(new Error('database unavailable')) };
      const { buildApp } = await import('../index.js');
      const broken = await buildApp({ config: site.minbar.config, site: failing });
      t.after(() => broken.close());
      const res = await broken.inject({ method: 'GET', url: '/' });
      assert.equal(res.statusCode, 500);
      const doc = parse(res.body);
      assert.equal(words(doc.querySelector('h1')?.textContent), 'حدث خطأ غير متوقع');
      assert.match(doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '', /noindex/);
      assert.ok(!res.body.includes('database unavailable'), 'no internals shown');
    });

    await t.test('the article page: share links, trail, reading time, explicit dates, related, body picture', async () => {
      const doc = parse((await get(f.pages['article']!)).body);
      const share = [...doc.querySelectorAll('.share a')].map((a) => a.getAttribute('href') ?? '');
      assert.equal(share.length, 6);
      assert.ok(share.every((h) => h.startsWith('https://') || h.startsWith('mailto:')));
      // Each network receives the canonical address, whatever form it travels in.
      const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
      const shared = share.find((h) => h.startsWith('https://www.facebook.com/'));
      assert.equal(new URL(new URL(shared ?? '').searchParams.get('u') ?? '').href, canonical);
      // Only the breaking bar's small island, which reading does not need.
      assert.equal(doc.querySelectorAll('script[src]:not([src^="/assets/breaking."])').length, 0, 'no script is needed to read');
      const trail = [...doc.querySelectorAll('.article__trail li')].map((li) => words(li.textContent));
      // Published, then the correction (made with the update, so the update is not listed twice).
      assert.equal(trail.length, 2);
      assert.match(trail[0]!, /نُشر الخبر/);
      assert.match(trail[1]!, /تصحيح: صُحّحت نسبة العجز/);
      assert.match(words(doc.querySelector('.article__dates')?.textContent), /بتوقيت غرينتش \+03:00/);
      assert.match(words(doc.querySelector('.article__reading')?.textContent), /للقراءة/);
      assert.equal(doc.querySelectorAll('.related .card').length, 4);
      const figure = doc.querySelector('.article__body figure.body-figure img');
      assert.equal(figure?.getAttribute('loading'), 'lazy');
      assert.ok(figure?.getAttribute('srcset')?.includes('320w'));
      assert.equal(doc.querySelector('meta[property="og:image"]')?.getAttribute('content'), `http://localhost:3000/media/crop/${f.heroKey}/16x9/1200.jpg`);
      assert.equal(doc.querySelector('meta[name="twitter:card"]')?.getAttribute('content'), 'summary_large_image');
      assert.match(doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '', /max-image-preview:large/);
    });

    await t.test('the video article: a native player with poster, size and duration, no script for MP4', async () => {
      const doc = parse((await get(f.pages['video']!)).body);
      const video = doc.querySelector('video');
      assert.ok(video);
      assert.match(video.getAttribute('poster') ?? '', /^\/media\//);
      assert.equal(video.getAttribute('preload'), 'none');
      assert.ok(video.getAttribute('width') && video.getAttribute('height'));
      assert.equal(doc.querySelector('video source')?.getAttribute('type'), 'video/mp4');
      assert.equal(words(doc.querySelector('.video__meta')?.textContent), 'مدة الفيديو: 1:35');
      assert.equal(doc.querySelectorAll('script[src]:not([src^="/assets/breaking."])').length, 0);
    });

    await t.test('an HLS video loads the video island, whose hls.js chunk is served from the site', async () => {
      await site.minbar.services.videos.attach(f.videoArticleId, { url: '/media/abc123def456/master.m3u8', durationSeconds: 3725 });
      const doc = parse((await get(f.pages['video']!)).body);
      assert.equal(doc.querySelector('video')?.getAttribute('data-hls'), '/media/abc123def456/master.m3u8');
      assert.equal(words(doc.querySelector('.video__meta')?.textContent), 'مدة الفيديو: 1:02:05');
      const src = doc.querySelector('script[type="module"]:not([src^="/assets/breaking."])')?.getAttribute('src') ?? '';
      const island = await get(src);
      assert.equal(island.statusCode, 200);
      assert.match(String(island.headers['content-type']), /javascript/);
      const chunk = /"\.\/(chunk\.[A-Z0-9]+\.js)"/.exec(island.body)?.[1];
      assert.ok(chunk, 'hls.js is a separate chunk, imported on demand');
      const lib = await get(`/assets/${chunk}`);
      assert.equal(lib.statusCode, 200);
      assert.ok(lib.body.length > 100_000, 'the chunk is hls.js itself');
      assert.ok(island.body.length < 5_000, 'the island alone is small');
      await site.minbar.services.videos.attach(f.videoArticleId, { url: `/media/${f.heroKey}/clip.mp4`, durationSeconds: 95 });
    });

    await t.test('"most read" on the home page counts readers, not crawlers', async () => {
      const reader = { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131 Mobile Safari/537.36' };
      for (let i = 0; i < 3; i++) await get(f.pages['video']!, reader);
      await get(f.pages['article']!, reader);
      for (let i = 0; i < 5; i++) await get(f.pages['article']!, { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' });
      await site.minbar.services.reads.flush();
      const doc = parse((await get('/')).body);
      // Links are written as IRIs (Arabic as written): compared as the paths a browser requests.
      const list = [...doc.querySelectorAll('.most-read__list a')].map((a) => new URL(a.getAttribute('href') ?? '', 'http://localhost').pathname);
      assert.deepEqual(list, [f.pages['video'], f.pages['article']]);
    });

    await t.test('conditional GET: ETag and Last-Modified answer 304; bodies are compressed when asked', async () => {
      for (const url of ['/', '/politics', f.pages['article']!, '/rss.xml', '/sitemap.xml']) {
        const res = await get(url);
        assert.equal(res.statusCode, 200, url);
        const etag = res.headers['etag'] as string;
        const lastModified = res.headers['last-modified'] as string;
        assert.match(etag, /^W\/"/, url);
        assert.ok(lastModified, url);
        const again = await get(url, { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, url);
        assert.equal(again.body, '');
        assert.equal((await get(url, { 'if-modified-since': lastModified })).statusCode, 304, url);
        assert.equal((await get(url, { 'if-none-match': 'W/"other"' })).statusCode, 200, url);
      }
      const br = await get('/politics', { 'accept-encoding': 'br, gzip' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.match(String(br.headers['vary']), /accept-encoding/i);
    });
  });
}

test('with Arabic-Indic digits, page numbers, time-zone offsets and durations use them too', async (t) => {
  const site = await openTestSite(testDialects().find((d) => d.name === 'sqlite')!, { DIGITS: 'arab' });
  t.after(() => site.close());
  const f = await loadReaderFixture(site);
  const page2 = parse((await site.app.inject({ method: 'GET', url: f.pages['sectionPage2']! })).body);
  assert.match(words(page2.querySelector('h1')?.textContent), /صفحة ٢$/);
  const article = parse((await site.app.inject({ method: 'GET', url: f.pages['article']! })).body);
  assert.match(words(article.querySelector('.article__dates .tz')?.textContent), /بتوقيت غرينتش \+٠٣:٠٠/);
  assert.match(article.querySelector('.article__dates time')?.getAttribute('datetime') ?? '', /^\d{4}-\d{2}-\d{2}T.*\+03:00$/, 'machine dates stay Western');
  const video = parse((await site.app.inject({ method: 'GET', url: f.pages['video']! })).body);
  assert.equal(words(video.querySelector('.video__meta')?.textContent), 'مدة الفيديو: ١:٣٥');
});
