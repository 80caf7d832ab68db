import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../testing.js';
import { createRepositories } from './index.js';

for (const dialect of testDialects()) {
  test(`repositories on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const repos = createRepositories(h.db);
    const now = Date.UTC(2026, 10, 29, 12);

    const politics = await repos.sections.insert({ slug: 'politics', name: 'سياسة', description: '', parentId: null, position: 1, inNav: true }, now);
    const world = await repos.sections.insert({ slug: 'world', name: 'العالم', description: '', parentId: politics, position: 2, inNav: true }, now);
    const media = await repos.media.insert(
      { key: 'abc', mime: 'image/jpeg', width: 1600, height: 900, bytes: 1000, caption: 'تعليق', alt: 'وصف', credit: 'تصوير: منبر', source: null, variants: [{ width: 320, height: 180, format: 'webp', key: 'abc-320.webp', bytes: 10 }] },
      now,
    );
    const story = await repos.stories.insert({ slug: 'floods', title: 'الفيضانات', description: 'قصة', coverMediaId: media, trendingRank: 1, featured: true, status: 'active' }, now);
    const other = await repos.stories.insert({ slug: 'quiet', title: 'هادئة', description: '', coverMediaId: null, trendingRank: null, featured: false, status: 'active' }, now);

    await t.test('articles round-trip with their links and stories count only published ones', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        const id = await repos.articles.insert({
          slug: `خبر-${i}`, sectionId: i % 2 ? world : politics, type: 'news', status: i === 4 ? 'draft' : 'published',
          title: `عنوان ${i}`, lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص Hürriyet' }] }],
          heroMediaId: media, source: 'RT', commentsMode: 'open', publishedAt: now + i * 1000, updatedAt: now + i * 1000, createdAt: now,
        });
        ids.push(id);
        await repos.articles.setStories(id, [story]);
      }
      const author = await repos.authors.insert({ slug: 'salma', name: 'سلمى', bio: '', kind: 'person' }, now);
      const tagA = await repos.tags.ensure('الأمطار', 'الأمطار');
      assert.equal(await repos.tags.ensure('الأمطار', 'الأمطار'), tagA);
      await repos.articles.setAuthors(ids[0]!, [author]);
      await repos.articles.setTags(ids[0]!, [tagA]);
      await repos.articles.addCorrection(ids[0]!, 'صُحّح الاسم', now + 5);

      const a = await repos.articles.load(ids[0]!);
      assert.ok(a);
      assert.equal(a.section.slug, 'politics');
      assert.equal(a.hero?.credit, 'تصوير: منبر');
      assert.equal(a.hero?.variants[0]?.format, 'webp');
      assert.deepEqual(a.body, [{ type: 'paragraph', content: [{ text: 'نص Hürriyet' }] }]);
      assert.deepEqual(a.authors.map((x) => x.name), ['سلمى']);
      assert.deepEqual(a.tags.map((x) => x.slug), ['الأمطار']);
      assert.equal(a.stories[0]?.articleCount, 4, 'the draft is not counted');
      assert.equal(a.corrections[0]?.note, 'صُحّح الاسم');

      const active = await repos.stories.listActive();
      assert.deepEqual(active.map((s) => [s.slug, s.articleCount]), [['floods', 4], ['quiet', 0]]);
      assert.equal(other > 0, true);
    });

    await t.test('published lists are newest first and page by keyset without gaps', async () => {
      const page1 = await repos.articles.listPublished({ limit: 2 });
      assert.deepEqual(page1.map((a) => a.title), ['عنوان 3', 'عنوان 2']);
      const last = page1.at(-1)!;
      const page2 = await repos.articles.listPublished({ limit: 5, before: { publishedAt: last.publishedAt, id: last.id } });
      assert.deepEqual(page2.map((a) => a.title), ['عنوان 1', 'عنوان 0']);
      const inWorld = await repos.articles.listPublished({ limit: 10, sectionId: world });
      assert.deepEqual(inWorld.map((a) => a.title), ['عنوان 3', 'عنوان 1']);
      const inStory = await repos.reader.listArticles({ limit: 10, storyId: story, excludeIds: [page1[0]!.id] });
      assert.equal(inStory.length, 3);
      assert.equal(inStory[0]?.hero?.key, 'abc');
    });

    await t.test('a unique slug is enforced by the database', async () => {
      await assert.rejects(repos.sections.insert({ slug: 'politics', name: 'x', description: '', parentId: null, position: 9, inNav: true }, now));
    });
  });
}
