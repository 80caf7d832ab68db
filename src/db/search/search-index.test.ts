import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../testing.js';
import { createSearchIndex } from './search-index.js';
import type { IndexDocument, IndexQuery, IndexTerm, MatchHint, MatchScope } from './search-types.js';

const DOCS = 600;
const BASE = Date.UTC(2026, 0, 1);

/** A small seeded generator, so that a failure names a reproducible archive. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const word = (w: string): IndexTerm => ({ kind: 'word', stem: w, surface: w });
const field = (words: string[]) => ({ surface: words, stems: words });

/**
 * Words of every density (common in about 60 % of documents, mid 8 %, rare 1 %), many documents sharing a
 * publication time (so that a window's first moment is shared with documents outside it), two sections.
 */
function archive(): IndexDocument[] {
  const random = seeded(7);
  const docs: IndexDocument[] = [];
  for (let id = 1; id <= DOCS; id++) {
    const pick = (share: number, w: string) => (random() < share ? [w] : []);
    const title = ['عنوان', ...pick(0.3, 'شائع'), ...pick(0.04, 'وسط'), ...pick(0.005, 'نادر')];
    const body = ['نص', ...pick(0.45, 'شائع'), ...pick(0.05, 'وسط'), ...pick(0.007, 'نادر'), ...pick(0.5, 'اخر')];
    docs.push({
      articleId: id,
      sectionId: 1 + (id % 2),
      type: 'news',
      publishedAt: BASE + Math.floor(random() * 120) * 3_600_000,
      title: field(title),
      lead: field([]),
      body: field(body),
    });
  }
  return docs;
}

for (const dialect of testDialects()) {
  test(`candidates from the newest documents first are the candidates of all of them, on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    for (const id of [1, 2]) {
      await h.db.insertInto('sections').values({ id, slug: `s${id}`, name: `قسم ${id}`, description: '', position: id, in_nav: 1, created_at: BASE }).execute();
    }
    const docs = archive();
    for (let i = 0; i < docs.length; i += 200) {
      await h.db
        .insertInto('articles')
        .values(
          docs.slice(i, i + 200).map((d) => ({
            id: d.articleId,
            slug: `a${d.articleId}`,
            section_id: d.sectionId,
            type: 'news' as const,
            status: 'published' as const,
            lead: '',
            body: '[]',
            comments_mode: 'open',
            title: d.title.surface.join(' '),
            published_at: d.publishedAt,
            updated_at: d.publishedAt,
            created_at: d.publishedAt,
          })),
        )
        .execute();
    }
    const index = createSearchIndex(h.db, h.caps);
    await index.update(h.db, docs, []);
    const documents = (await index.stats()).documents;
    assert.equal(documents, DOCS);

    const queries: IndexQuery[] = [];
    const filtersOf = [{}, { sectionId: 2 }, { from: BASE + 30 * 3_600_000, to: BASE + 90 * 3_600_000 }, { to: BASE + 10 * 3_600_000 }];
    for (const filters of filtersOf) {
      for (const terms of [[word('شائع')], [word('وسط')], [word('نادر')], [word('شائع'), word('اخر')], [{ kind: 'prefix', prefix: 'شا' } as const]]) {
        queries.push({ mode: 'all', terms, exclude: [], filters });
      }
      queries.push({ mode: 'all', terms: [word('شائع')], exclude: [word('اخر')], filters });
      queries.push({ mode: 'any', terms: [word('وسط'), word('نادر')], exclude: [], filters });
    }
    let windowed = 0;
    for (const q of queries) {
      const matches = await index.count(q);
      const hint: MatchHint = { matches, documents };
      for (const scope of ['all', 'title', 'rest'] as MatchScope[]) {
        const every = await index.matchIds(q, scope, DOCS);
        assert.equal(every.length, await index.count(q, scope));
        for (const [limit, offset] of [[10, 0], [10, 20], [5, 57], [60, 0], [10, Math.max(0, every.length - 3)]] as const) {
          const name = `${JSON.stringify(q)} ${scope} ${limit}@${offset}`;
          const expected = every.slice(offset, offset + limit);
          assert.deepEqual(await index.matchIds(q, scope, limit, offset), expected, `${name} without a hint`);
          assert.deepEqual(await index.matchIds(q, scope, limit, offset, hint), expected, `${name} with a hint`);
          if ((2 * (offset + limit) * documents) / matches + offset + limit <= documents / 4) windowed++;
        }
      }
    }
    assert.ok(windowed >= 30, `windows were tried (${windowed})`);
  });
}
