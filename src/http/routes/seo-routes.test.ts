import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { testDialects } from '../../db/index.js';
import { openTestSite } from '../../../test/support/test-site.js';
import { loadReaderFixture } from '../../../test/support/reader-fixture.js';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

for (const dialect of testDialects()) {
  test(`robots, sitemaps and picture crops on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const f = await loadReaderFixture(site);
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    await t.test('robots.txt names both sitemaps', async () => {
      const res = await get('/robots.txt');
      assert.match(res.body, /^Sitemap: http:\/\/localhost:3000\/sitemap\.xml$/m);
      assert.match(res.body, /^Sitemap: http:\/\/localhost:3000\/sitemaps\/news\.xml$/m);
    });

    await t.test('the sitemap index lists the pages sitemap and the article sitemaps, each served', async () => {
      const index = await get('/sitemap.xml');
      assert.equal(index.headers['content-type'], 'application/xml; charset=utf-8');
      const maps = locs(index.body);
      assert.deepEqual(maps, [
        'http://localhost:3000/sitemaps/pages.xml',
        'http://localhost:3000/sitemaps/articles-0.xml',
        'http://localhost:3000/sitemaps/tags-0.xml',
      ]);
      const tags = locs((await get('/sitemaps/tags-0.xml')).body);
      assert.ok(tags.includes(`http://localhost:3000/tags/${encodeURIComponent(f.tagSlug)}`));
      const articles = locs((await get('/sitemaps/articles-0.xml')).body);
      assert.equal(articles.length, 50, 'every published article, not the unpublished one');
      assert.ok(!articles.some((u) => u.includes(`/${f.unpublishedId}/`) || u.endsWith(`/${f.unpublishedId}`)));
      const pages = locs((await get('/sitemaps/pages.xml')).body);
      for (const path of ['/', '/latest', '/politics', '/markets', '/stories/coastal-floods', '/authors/salma-rashed', '/pages/about']) {
        assert.ok(pages.includes(`http://localhost:3000${path}`), path);
      }
      assert.equal((await get('/sitemaps/articles-7.xml')).statusCode, 404);
      assert.equal((await get('/sitemaps/tags-7.xml')).statusCode, 404);
      assert.equal((await get('/sitemaps/other.xml')).statusCode, 404);
    });

    await t.test('the news sitemap names the publication, its language and each article of the last 48 hours', async () => {
      const body = (await get('/sitemaps/news.xml')).body;
      assert.equal(locs(body).length, 50);
      assert.match(body, /<news:name>منبر<\/news:name><news:language>ar<\/news:language>/);
    });

    await t.test('crops are made at the asked ratio, cached, and unknown pictures are 404', async () => {
      for (const [ratio, w, h] of [['16x9', 1200, 675], ['4x3', 1200, 900], ['1x1', 1200, 1200]] as const) {
        const res = await get(`/media/crop/${f.heroKey}/${ratio}/1200.jpg`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'image/jpeg');
        const meta = await sharp(res.rawPayload).metadata();
        assert.deepEqual([meta.width, meta.height], [w, h]);
      }
      assert.equal((await get(`/media/crop/${f.heroKey}/16x9/1200.jpg`)).statusCode, 200, 'served again from the cache');
      for (const url of [`/media/crop/${f.heroKey}/2x1/1200.jpg`, `/media/crop/${f.heroKey}/16x9/999.jpg`, '/media/crop/aaaaaaaaaaaa/16x9/1200.jpg', '/media/crop/../16x9/1200.jpg']) {
        assert.equal((await get(url)).statusCode, 404, url);
      }
    });
  });
}
