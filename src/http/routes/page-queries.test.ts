// Rendering is cheap by design: each page type makes a fixed number of database queries, whatever the
// number of articles it lists (no N+1). Counted through a Kysely plugin on the real database of each
// dialect, with the page cache off, on the same outlet with 5 and with 20 articles in every list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { loadConfig } from '../../config/index.js';
import { testDialects, type TestDialect } from '../../db/index.js';
import { fixedClock } from '../../services/index.js';
import { assembleMinbar, createApp } from '../../main.js';
import { TEST_NOW, testPicture } from '../../../test/support/test-site.js';

class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const paragraph = (text: string) => ({ type: 'paragraph' as const, content: [{ text }] });

/** Queries per page type on an outlet whose lists hold `n` articles. */
async function queriesPerPage(dialect: TestDialect, n: number): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'minbar-queries-'));
  const handle = await dialect.open();
  const counter = new QueryCounter();
  const clock = fixedClock(TEST_NOW);
  const minbar = assembleMinbar(loadConfig({ DATA_DIR: dataDir, PAGE_CACHE_MB: '0' }), { ...handle, db: handle.db.withPlugin(counter) }, clock);
  const app = await createApp(minbar, { now: () => clock.now() });
  try {
    const { curation, publishing, media, pages } = minbar.services;
    const world = await curation.createSection({ slug: 'world', name: 'العالم', position: 1 });
    const gulf = await curation.createSection({ slug: 'gulf', name: 'الخليج', parentId: world, position: 2 });
    await curation.createSection({ slug: 'sport', name: 'رياضة', position: 3 });
    const story = await curation.createStory({ slug: 'elections', title: 'الانتخابات البلدية', featured: true, trendingRank: 1 });
    const authors = [
      await curation.createAuthor({ slug: 'huda', name: 'هدى سالم', bio: '', kind: 'person' }),
      await curation.createAuthor({ slug: 'desk', name: 'غرفة الأخبار', bio: '', kind: 'organization' }),
    ];
    const hero = await media.importImage(await testPicture(640, 360), { caption: 'صورة', alt: 'صورة الخبر', credit: 'منبر' });
    await pages.save({ slug: 'about', title: 'من نحن', body: [paragraph('منبر موقع أخبار.')] });
    let articleId = 0;
    for (let i = 0; i < n; i++) {
      articleId = await publishing.createArticle(
        {
          sectionId: i % 2 === 0 ? world : gulf,
          title: `خبر رقم ${i + 1} عن الانتخابات البلدية`,
          lead: 'مقدمة الخبر.',
          body: [paragraph('نص الخبر.'), { type: 'image', mediaId: hero.id, caption: 'صورة', alt: 'صورة داخل النص' }],
          heroMediaId: hero.id,
          heroCredit: 'منبر',
          authorIds: authors,
          tags: ['انتخابات', `وسم ${i}`],
          storyIds: [story],
        },
        { status: 'published', publishedAt: TEST_NOW - (i + 1) * 60_000 },
      );
    }
    const first = await minbar.services.site.article(articleId, 'x', null);
    const articleUrl = first.kind === 'moved' ? `/${first.sectionSlug}/${first.id}/${first.slug}` : '';
    const urls = {
      home: '/',
      latest: '/latest',
      section: '/world',
      story: '/stories/elections',
      tag: `/tags/${encodeURIComponent('انتخابات')}`,
      author: '/authors/huda',
      article: articleUrl,
      rss: '/rss.xml',
      sectionRss: '/world/rss.xml',
      sitemapIndex: '/sitemap.xml',
      sitemapArticles: '/sitemaps/articles-0.xml',
      sitemapPages: '/sitemaps/pages.xml',
      newsSitemap: '/sitemaps/news.xml',
      staticPage: '/pages/about',
    };
    const counts: Record<string, number> = {};
    for (const [name, url] of Object.entries(urls)) {
      // Once to warm what is legitimately kept in memory (chrome), then counted.
      await app.inject({ method: 'GET', url });
      counter.count = 0;
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, `${name} ${url}`);
      counts[name] = counter.count;
    }
    return counts;
  } finally {
    await app.close();
    await minbar.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

for (const dialect of testDialects()) {
  test(`queries per page do not grow with the articles listed (${dialect.name})`, async () => {
    const few = await queriesPerPage(dialect, 5);
    const many = await queriesPerPage(dialect, 20);
    for (const page of Object.keys(few)) {
      assert.equal(many[page], few[page], `${page}: ${few[page]} queries with 5 articles, ${many[page]} with 20 (N+1)`);
    }
    // A budget per page, so a new query on every request is a decision, not an accident.
    for (const [page, n] of Object.entries(many)) assert.ok(n <= 24, `${page} makes ${n} queries`);
  });
}
