import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRepositories } from '../repositories/index.js';
import { testDialects } from '../testing.js';

for (const dialect of testDialects()) {
  test(`comment counts on cards and pages follow every comment write on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const repos = createRepositories(h.db);
    const now = Date.UTC(2026, 11, 6);
    const section = await repos.sections.insert({ slug: 'local', name: 'محليات', description: '', parentId: null, position: 0, inNav: true }, now);
    const article = (i: number) =>
      repos.articles.insert({
        slug: `خبر-${i}`, sectionId: section, type: 'news', status: 'published', title: `خبر ${i}`, lead: '', body: [], heroMediaId: null, source: null,
        commentsMode: 'open', publishedAt: now + i, updatedAt: now + i, createdAt: now,
      });
    const a = await article(1);
    const b = await article(2);
    // What readers see: the card's count (lists) and the page's count.
    const counts = async () => {
      const cards = await repos.articles.listPublished({ limit: 10 });
      const card = (id: number) => cards.find((c) => c.id === id)!.commentCount;
      const page = async (id: number) => (await repos.articles.loadForPage(id))!.approvedComments;
      return { a: [card(a), await page(a)], b: [card(b), await page(b)] };
    };
    const comment = (articleId: number, status: 'approved' | 'pending', i: number) =>
      repos.comments.insert({ articleId, parentId: null, authorName: 'قارئ', body: `تعليق ${i}`, status, createdAt: now + i });
    const setStatus = (id: number, status: 'approved' | 'rejected') => h.db.updateTable('comments').set({ status }).where('id', '=', id).execute();

    const first = await comment(a, 'approved', 1);
    const second = await comment(a, 'approved', 2);
    const held = await comment(a, 'pending', 3);
    assert.deepEqual(await counts(), { a: [2, 2], b: [0, 0] }, 'only approved comments count');

    await setStatus(held, 'approved');
    assert.deepEqual(await counts(), { a: [3, 3], b: [0, 0] }, 'approving counts it');
    await setStatus(first, 'rejected');
    assert.deepEqual(await counts(), { a: [2, 2], b: [0, 0] }, 'rejecting uncounts it');
    await setStatus(first, 'rejected');
    await h.db.updateTable('comments').set({ body: 'نص معدّل' }).where('id', '=', second).execute();
    assert.deepEqual(await counts(), { a: [2, 2], b: [0, 0] }, 'other writes change nothing');

    await h.db.updateTable('comments').set({ article_id: b }).where('id', '=', second).execute();
    assert.deepEqual(await counts(), { a: [1, 1], b: [1, 1] }, 'a moved comment counts where it is');
    await h.db.deleteFrom('comments').where('id', '=', held).execute();
    await h.db.deleteFrom('comments').where('id', '=', first).execute();
    assert.deepEqual(await counts(), { a: [0, 0], b: [1, 1] }, 'deleting an approved comment uncounts it once');

    await h.db.deleteFrom('articles').where('id', '=', b).execute();
    assert.equal(await repos.articles.loadForPage(b), null, 'an article with approved comments can still be deleted');
  });
}
