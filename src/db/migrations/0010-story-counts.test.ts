import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRepositories } from '../repositories/index.js';
import { testDialects } from '../testing.js';

for (const dialect of testDialects()) {
  test(`story counts follow links, status changes and deletions on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const repos = createRepositories(h.db);
    const now = Date.UTC(2026, 11, 4);
    const section = await repos.sections.insert({ slug: 'local', name: 'محليات', description: '', parentId: null, position: 0, inNav: true }, now);
    const story = await repos.stories.insert({ slug: 'rain', title: 'الأمطار', description: '', coverMediaId: null, trendingRank: 1, featured: false, status: 'active' }, now);
    const other = await repos.stories.insert({ slug: 'roads', title: 'الطرق', description: '', coverMediaId: null, trendingRank: null, featured: false, status: 'active' }, now);
    const article = (status: 'published' | 'draft', i: number) =>
      repos.articles.insert({
        slug: `خبر-${i}`, sectionId: section, type: 'news', status, title: `خبر ${i}`, lead: '', body: [], heroMediaId: null, source: null,
        commentsMode: 'open', publishedAt: status === 'published' ? now + i : null, updatedAt: now + i, createdAt: now,
      });
    const count = async (id: number) => (await repos.stories.listActive()).find((s) => s.id === id)!.articleCount;

    const a = await article('published', 1);
    const b = await article('published', 2);
    const draft = await article('draft', 3);
    await repos.articles.setStories(a, [story, other]);
    await repos.articles.setStories(b, [story]);
    await repos.articles.setStories(draft, [story]);
    assert.equal(await count(story), 2, 'a draft in the story is not counted');
    assert.equal(await count(other), 1);
    assert.equal((await repos.stories.bySlug('rain'))!.articleCount, 2);
    assert.deepEqual((await repos.stories.forArticle(a)).map((s) => s.articleCount), [2, 1]);

    await h.db.updateTable('articles').set({ status: 'published', published_at: now + 3 }).where('id', '=', draft).execute();
    assert.equal(await count(story), 3, 'publishing counts the article');
    await h.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', b).execute();
    assert.equal(await count(story), 2, 'withdrawing uncounts it');
    await h.db.updateTable('articles').set({ title: 'عنوان جديد' }).where('id', '=', a).execute();
    assert.equal(await count(story), 2, 'other edits change nothing');

    await repos.articles.setStories(a, [other]);
    assert.equal(await count(story), 1, 'a link removed is uncounted');
    assert.equal(await count(other), 1, 'relinking the same story keeps its count');

    await h.db.deleteFrom('articles').where('id', '=', draft).execute();
    assert.equal(await count(story), 0, 'a deleted published article is uncounted once');
    await h.db.deleteFrom('articles').where('id', '=', b).execute();
    assert.equal(await count(story), 0, 'deleting a withdrawn article changes nothing');
  });
}
