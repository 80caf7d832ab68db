import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../testing.js';
import { createRepositories } from './index.js';

for (const dialect of testDialects()) {
  test(`related articles rank by shared tags, then newest, then id, on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const repos = createRepositories(h.db);
    const now = Date.UTC(2026, 11, 6);
    const section = await repos.sections.insert({ slug: 'local', name: 'محليات', description: '', parentId: null, position: 0, inNav: true }, now);
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) {
      ids.push(
        await repos.articles.insert({
          slug: `خبر-${i}`, sectionId: section, type: 'news', status: 'published', title: `خبر ${i}`, lead: '', body: [], heroMediaId: null, source: null,
          // Articles 5 and 6 were published at the same instant.
          commentsMode: 'open', publishedAt: now + (i === 6 ? 5 : i) * 1000, updatedAt: now, createdAt: now,
        }),
      );
    }
    const [a0, a1, a2, a3, a4, a5, a6, a7] = ids as [number, number, number, number, number, number, number, number];
    // Each tag's candidates, newest first, as the link index gives them.
    const tags: Record<number, number[]> = { 1: [a7, a6, a5, a3, a1], 2: [a6, a5, a4, a3, a0], 3: [a3, a2] };
    const published = (id: number) => now + (id === a6 ? 5 : ids.indexOf(id)) * 1000;
    const candidates = async (tagId: number) => ({ ids: Int32Array.from(tags[tagId] ?? []), publishedAt: Float64Array.from((tags[tagId] ?? []).map(published)) });
    const related = async (excluded: number[], limit: number) => (await repos.reader.relatedByTags([1, 2, 3, 2], excluded, limit, { candidates })).map((a) => a.id);

    // a3 shares three tags; a6 and a5 two, equally new (the higher id first); then one shared tag, newest first.
    assert.deepEqual(await related([], 8), [a3, a6, a5, a7, a4, a2, a1, a0]);
    assert.deepEqual(await related([], 2), [a3, a6]);
    assert.deepEqual(await related([a3, a6], 3), [a5, a7, a4], 'excluded articles are skipped, not counted');
    assert.deepEqual(await related([], 0), []);
  });
}
