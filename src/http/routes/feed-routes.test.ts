import { test } from 'node:test';
import assert from 'node:assert/strict';
import Parser from 'rss-parser';
import { testDialects } from '../../db/index.js';
import { openTestSite } from '../../../test/support/test-site.js';
import { loadReaderFixture } from '../../../test/support/reader-fixture.js';

for (const dialect of testDialects()) {
  test(`RSS feeds on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const f = await loadReaderFixture(site);
    const parser = new Parser();

    for (const [path, title, count] of [
      ['/rss.xml', 'منبر', 30],
      ['/politics/rss.xml', 'سياسة | منبر', 30],
      [`/stories/${f.storySlug}/rss.xml`, 'فيضانات الساحل الشرقي | منبر', 8],
    ] as const) {
      await t.test(path, async () => {
        const res = await site.app.inject({ method: 'GET', url: path });
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
        assert.match(res.body, new RegExp(`<atom:link href="http://localhost:3000${path.replace(/[.]/g, '\\.')}" rel="self" type="application/rss\\+xml"/>`));
        const feed = await parser.parseString(res.body);
        assert.equal(feed.title, title);
        assert.equal(feed.language, 'ar');
        assert.equal(feed.items.length, count);
        const guids = feed.items.map((i) => i.guid);
        assert.equal(new Set(guids).size, guids.length, 'unique guids');
        for (const item of feed.items) {
          assert.ok(item.title && item.link?.startsWith('http://localhost:3000/'));
          assert.match(item.pubDate ?? '', /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/, 'RFC 822 date');
          if (item.enclosure) {
            assert.equal(item.enclosure.type, 'image/jpeg');
            assert.ok(Number(item.enclosure.length) > 0);
          }
        }
        assert.ok(feed.items.some((i) => i.enclosure), 'pictures travel as enclosures');
        const dates = feed.items.map((i) => Date.parse(i.pubDate ?? ''));
        assert.deepEqual(dates, [...dates].sort((a, b) => b - a), 'newest first');
      });
    }

    await t.test('unknown sections and stories have no feed', async () => {
      for (const url of ['/nope/rss.xml', '/stories/nope/rss.xml']) {
        assert.equal((await site.app.inject({ method: 'GET', url })).statusCode, 404, url);
      }
    });
  });
}
