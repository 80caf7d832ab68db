import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { InvalidInput, NotFound } from '../../domain/index.js';
import { openTestSite } from '../../../test/support/test-site.js';
import { loadReaderFixture } from '../../../test/support/reader-fixture.js';
import { CHROME_TTL_MS, createSiteService } from './site-service.js';

for (const dialect of testDialects()) {
  test(`the reader site's read operations on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const f = await loadReaderFixture(site);
    const { site: reader, pages, videos } = site.minbar.services;

    await t.test('a section pages by keyset: every article once, newest first, with working previous links', async () => {
      const seen: number[] = [];
      let request = { page: 1, before: null as { publishedAt: number; id: number } | null };
      const visited = [];
      for (;;) {
        const p = await reader.list('section', 'politics', request);
        visited.push(p);
        seen.push(...p.articles.map((a) => a.id));
        if (!p.next) break;
        request = { page: p.next.page, before: p.next.before };
      }
      // 45 news articles + the video article, 20 a page.
      assert.equal(visited.length, 3);
      assert.equal(new Set(seen).size, seen.length, 'no article twice');
      assert.equal(seen.length, 46);
      const times = visited.flatMap((p) => p.articles.map((a) => a.publishedAt));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      assert.equal(visited[0]!.previous, null);
      assert.deepEqual(visited[1]!.previous, { page: 1, before: null });
      // Page 3's previous link leads to exactly page 2.
      const back = await reader.list('section', 'politics', visited[2]!.previous!);
      assert.deepEqual(back.articles.map((a) => a.id), visited[1]!.articles.map((a) => a.id));
      await assert.rejects(
        reader.list('section', 'politics', { page: 9, before: { publishedAt: 1, id: 1 } }),
        NotFound,
        'a page past the end is not a page',
      );
    });

    await t.test('a parent section lists its subsections too; stories, tags and authors list their articles', async () => {
      const economy = await reader.list('section', 'economy', { page: 1, before: null });
      assert.equal(economy.subject.kind, 'section');
      assert.equal(economy.articles.length, 4, 'three in markets and one in economy');
      const story = await reader.list('story', f.storySlug, { page: 1, before: null });
      assert.equal(story.articles.length, 8);
      const tag = await reader.list('tag', f.tagSlug, { page: 1, before: null });
      assert.equal(tag.articles.length, 20);
      assert.ok(tag.next);
      const org = await reader.list('author', f.orgAuthorSlug, { page: 1, before: null });
      assert.ok(org.articles.some((a) => a.id === f.correctedArticleId));
      await assert.rejects(reader.list('tag', 'no-such-tag', { page: 1, before: null }), NotFound);
    });

    await t.test('related articles: the same story first, then shared tags', async () => {
      const found = await reader.article(f.correctedArticleId, 'economy', null);
      const data = found.kind === 'moved' ? (await reader.article(f.correctedArticleId, found.sectionSlug, found.slug)) : found;
      assert.equal(data.kind, 'page');
      if (data.kind !== 'page') return;
      assert.equal(data.data.related.length, 4);
      const storyIds = new Set((await reader.list('story', f.storySlug, { page: 1, before: null })).articles.map((a) => a.id));
      assert.ok(data.data.related.every((a) => storyIds.has(a.id)));
      assert.ok(!data.data.related.some((a) => a.id === f.correctedArticleId));
      assert.equal(data.data.bodyMedia?.length, 1, 'the picture inside the body is loaded');
    });

    await t.test('sitemaps: buckets never exceed their size; the news window is the last 48 hours', async () => {
      const small = createSiteService({ db: site.minbar.database.db, clock: site.clock }, { sitemapSize: 10 });
      const index = await small.sitemapIndex();
      assert.ok(index.articleBuckets.length >= 5);
      let total = 0;
      for (const b of index.articleBuckets) {
        const { articles } = await small.sitemapArticles(b.bucket);
        assert.ok(articles.length <= 10);
        assert.equal(articles.length, b.count);
        total += articles.length;
      }
      assert.equal(total, 50, 'every published article once (the unpublished one is not listed)');
      const tagMaps = await small.sitemapIndex().then((i) => i.tagBuckets);
      let tagTotal = 0;
      for (const b of tagMaps) tagTotal += (await small.sitemapTags(b.bucket)).tags.length;
      assert.equal(tagTotal, 5, 'البرلمان، قوانين، أسواق، الموازنة، فيضانات');
      const news = await reader.newsSitemap();
      assert.equal(news.articles.length, 50);
      site.clock.advance(47 * 3_600_000);
      const later = await reader.newsSitemap();
      assert.ok(later.articles.length < 50 && later.articles.length > 0);
      site.clock.advance(3 * 3_600_000);
      assert.equal((await reader.newsSitemap()).articles.length, 0);
      site.clock.advance(-50 * 3_600_000);
    });

    await t.test('static pages are stored, listed and validated', async () => {
      const all = await reader.staticPages();
      assert.deepEqual(all.map((p) => p.slug), ['about', 'editorial-principles', 'corrections-policy', 'privacy', 'contact']);
      await assert.rejects(pages.save({ slug: 'Bad Slug', title: '', body: [] }), (e: unknown) => {
        assert.ok(e instanceof InvalidInput);
        assert.ok(e.fields['slug'] && e.fields['title'] && e.fields['body']);
        return true;
      });
      await pages.save({ slug: 'about', title: 'من نحن', body: [{ type: 'paragraph', content: [{ text: 'نص جديد' }] }] });
      const about = await reader.staticPage('about');
      assert.equal(about.body.length, 1);
      await assert.rejects(reader.staticPage('nope'), NotFound);
    });

    await t.test('reads are buffered, written per article and UTC day, and only published articles are "most read"', async () => {
      const reads = site.minbar.services.reads;
      assert.deepEqual((await reader.home()).mostRead, []);
      const [a, b] = f.sectionArticleIds;
      for (let i = 0; i < 3; i++) reads.record(b!);
      reads.record(a!);
      reads.record(f.unpublishedId);
      await reads.flush();
      reads.record(a!);
      reads.record(a!);
      await reads.flush();
      assert.deepEqual((await reader.home()).mostRead.map((x) => x.id), [a, b]);
      // Reads older than yesterday no longer count.
      site.clock.advance(3 * 86_400_000);
      assert.deepEqual((await reader.home()).mostRead, []);
      site.clock.advance(-3 * 86_400_000);
    });

    await t.test('the latest headlines and stories strip are read once and shared until a purge drops them', async () => {
      const db = site.minbar.database.db;
      const shared = createSiteService({ db, clock: site.clock });
      const newest = await db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id').select(['a.id', 'a.slug', 'a.title', 's.slug as section']).where('a.status', '=', 'published').orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(2).execute();
      const [first, second] = newest;
      const page = async (a: typeof first) => {
        const found = await shared.article(a!.id, a!.section, a!.slug);
        assert.equal(found.kind, 'page');
        return found.kind === 'page' ? found.data : assert.fail();
      };
      // The page leaves itself out of the shared list: its twenty are the twenty newest others, as read alone.
      const own = await page(first);
      const alone = await createSiteService({ db, clock: site.clock }).article(first!.id, first!.section, first!.slug);
      assert.equal(own.latest.length, 20);
      assert.ok(!own.latest.some((a) => a.id === first!.id));
      assert.deepEqual(own.latest, alone.kind === 'page' ? alone.data.latest : null);
      assert.equal((await page(second)).latest[0]!.id, first!.id);
      // A change the service is not told of is not seen until the purge (or CHROME_TTL_MS) …
      const before = await db.selectFrom('stories').select(['id', 'title']).execute();
      await db.updateTable('articles').set({ title: 'عنوان بعد التحرير' }).where('id', '=', first!.id).execute();
      await db.updateTable('stories').set({ title: 'قصة بعد التحرير' }).where('status', '=', 'active').execute();
      assert.equal((await page(second)).latest[0]!.title, first!.title);
      assert.notEqual((await shared.home()).stories[0]!.title, 'قصة بعد التحرير');
      // … and is, once any purge drops the shared lists.
      shared.invalidateLists();
      assert.equal((await page(second)).latest[0]!.title, 'عنوان بعد التحرير');
      assert.equal((await shared.home()).stories[0]!.title, 'قصة بعد التحرير');
      await db.updateTable('articles').set({ title: first!.title }).where('id', '=', first!.id).execute();
      for (const st of before) await db.updateTable('stories').set({ title: st.title }).where('id', '=', st.id).execute();
    });

    await t.test('related cards are read once and shared between pages until a purge drops them', async () => {
      const db = site.minbar.database.db;
      const shared = createSiteService({ db, clock: site.clock });
      const related = async (service: typeof shared, id: number) => {
        let found = await service.article(id, 'politics', null);
        if (found.kind === 'moved') found = await service.article(id, found.sectionSlug, found.slug);
        return found.kind === 'page' ? found.data.related : assert.fail();
      };
      // Two articles of the story (same-story cards) and one outside it (cards by shared tags).
      const inStory = [f.sectionArticleIds[0]!, f.sectionArticleIds[1]!];
      const byTags = f.sectionArticleIds[10]!;
      const pages = [...inStory, byTags];
      for (const id of pages) {
        const cards = await related(shared, id);
        assert.equal(cards.length, 4);
        assert.ok(!cards.some((a) => a.id === id), 'a page leaves itself out of the remembered lists');
        // What a service reading everything afresh shows.
        assert.deepEqual(cards, await related(createSiteService({ db, clock: site.clock }), id));
      }
      // A change the service is not told of is not seen until the purge (or CHROME_TTL_MS) …
      const shown = [(await related(shared, inStory[0]!))[0]!, (await related(shared, byTags))[0]!];
      for (const a of shown) await db.updateTable('articles').set({ title: `${a.title} (محدّث)` }).where('id', '=', a.id).execute();
      assert.equal((await related(shared, inStory[0]!))[0]!.title, shown[0]!.title);
      assert.equal((await related(shared, byTags))[0]!.title, shown[1]!.title);
      // … and is, once any purge drops them.
      shared.invalidateLists();
      assert.equal((await related(shared, inStory[0]!))[0]!.title, `${shown[0]!.title} (محدّث)`);
      assert.equal((await related(shared, byTags))[0]!.title, `${shown[1]!.title} (محدّث)`);
      for (const a of shown) await db.updateTable('articles').set({ title: a.title }).where('id', '=', a.id).execute();
      // An instance nobody tells catches up after CHROME_TTL_MS.
      site.clock.advance(CHROME_TTL_MS + 1);
      assert.equal((await related(shared, byTags))[0]!.title, shown[1]!.title);
    });

    await t.test('a video takes a same-site MP4 or HLS address, never another site', async () => {
      await assert.rejects(videos.attach(f.videoArticleId, { url: 'https://evil.example/v.mp4', durationSeconds: 10 }), InvalidInput);
      await assert.rejects(videos.attach(f.videoArticleId, { url: '/media/x/v.mp4', durationSeconds: 0 }), InvalidInput);
      await videos.attach(f.videoArticleId, { url: '/media/abc/master.m3u8', durationSeconds: 3725 });
      const found = await reader.article(f.videoArticleId, 'politics', null);
      const page = found.kind === 'moved' ? await reader.article(f.videoArticleId, found.sectionSlug, found.slug) : found;
      assert.equal(page.kind === 'page' && page.data.video?.mime, 'application/vnd.apple.mpegurl');
    });
  });
}
