// Every list shape of `reader.listArticles` (a story, tag or author from its link index; the site; one
// section; a parent section merged from one range per section) against a reference computed here from the
// articles themselves, after random publishes, withdrawals, date changes (with ties) and relinks: the
// link tables' sort keys (migration 0013) must follow every change, and keyset pages forwards and
// backwards must hold every listed article exactly once, newest first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { testDialects } from '../testing.js';
import { createRepositories } from './index.js';
import type { Cursor } from './article-repository.js';
import type { ArticleFilter } from './reader-repository.js';

interface Model {
  id: number;
  section: number;
  status: 'published' | 'draft' | 'unpublished';
  publishedAt: number | null;
  stories: number[];
  tags: number[];
  authors: number[];
}

const T0 = Date.UTC(2026, 0, 1);

for (const dialect of testDialects()) {
  test(`story, tag, author and section lists follow every change of an article (${dialect.name})`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const repos = createRepositories(h.db);
    const parent = await repos.sections.insert({ slug: 'economy', name: 'اقتصاد', description: '', parentId: null, position: 1, inNav: true }, T0);
    const child = await repos.sections.insert({ slug: 'markets', name: 'أسواق', description: '', parentId: parent, position: 2, inNav: true }, T0);
    const other = await repos.sections.insert({ slug: 'sport', name: 'رياضة', description: '', parentId: null, position: 3, inNav: true }, T0);
    const sections = [parent, child, other];
    const stories = [
      await repos.stories.insert({ slug: 'oil', title: 'النفط', description: '', coverMediaId: null, trendingRank: 1, featured: true, status: 'active' }, T0),
      await repos.stories.insert({ slug: 'cup', title: 'الكأس', description: '', coverMediaId: null, trendingRank: 2, featured: false, status: 'active' }, T0),
    ];
    const tags = [await repos.tags.ensure('نفط', 'نفط'), await repos.tags.ensure('أسعار', 'أسعار')];
    const authors = [
      await repos.authors.insert({ slug: 'huda', name: 'هدى', bio: '', kind: 'person' }, T0),
      await repos.authors.insert({ slug: 'desk', name: 'المكتب', bio: '', kind: 'organization' }, T0),
    ];
    const subset = (all: number[], bits: number) => all.filter((_, i) => (bits >> i) & 1);
    // Few distinct minutes, so equal publication times (ties broken by id) are common.
    const minute = fc.integer({ min: 0, max: 7 }).map((m) => T0 + m * 60_000);
    const status = fc.constantFrom('published' as const, 'published' as const, 'draft' as const, 'unpublished' as const);
    const articleArb = fc.record({ section: fc.integer({ min: 0, max: 2 }), status, at: minute, links: fc.integer({ min: 0, max: 63 }) });

    const models: Model[] = [];
    const setLinks = async (m: Model, bits: number) => {
      m.stories = subset(stories, bits);
      m.tags = subset(tags, bits >> 2);
      m.authors = subset(authors, bits >> 4);
      await repos.articles.setStories(m.id, m.stories);
      await repos.articles.setTags(m.id, m.tags);
      await repos.articles.setAuthors(m.id, m.authors);
    };
    for (const a of fc.sample(articleArb, { numRuns: 24, seed: 8 })) {
      const publishedAt = a.status === 'draft' ? null : a.at;
      const id = await repos.articles.insert({
        slug: `خبر-${models.length}`, sectionId: sections[a.section]!, type: 'news', status: a.status, title: `خبر ${models.length}`, lead: '', body: [],
        heroMediaId: null, source: null, commentsMode: 'open', publishedAt, updatedAt: a.at, createdAt: T0,
      });
      const m: Model = { id, section: sections[a.section]!, status: a.status, publishedAt, stories: [], tags: [], authors: [] };
      models.push(m);
      await setLinks(m, a.links);
    }

    const subjects: Array<[string, ArticleFilter, (m: Model) => boolean]> = [
      ['site', {}, () => true],
      ['parent section and its subsection', { sectionIds: [parent, child] }, (m) => m.section === parent || m.section === child],
      ['one section', { sectionIds: [other] }, (m) => m.section === other],
      ...stories.map((s): [string, ArticleFilter, (m: Model) => boolean] => [`story ${s}`, { storyId: s }, (m) => m.stories.includes(s)]),
      ...tags.map((g): [string, ArticleFilter, (m: Model) => boolean] => [`tag ${g}`, { tagId: g }, (m) => m.tags.includes(g)]),
      ...authors.map((u): [string, ArticleFilter, (m: Model) => boolean] => [`author ${u}`, { authorId: u }, (m) => m.authors.includes(u)]),
      ['story in a section', { storyId: stories[0]!, sectionIds: [parent, child] }, (m) => m.stories.includes(stories[0]!) && (m.section === parent || m.section === child)],
    ];

    const check = async (round: string) => {
      for (const [name, filter, member] of subjects) {
        const expected = models
          .filter((m) => m.status === 'published' && member(m))
          .sort((x, y) => y.publishedAt! - x.publishedAt! || y.id - x.id)
          .map((m) => m.id);
        // Forwards, three a page.
        const forwards: number[] = [];
        let before: Cursor | undefined;
        for (;;) {
          const page = await repos.reader.listArticles({ ...filter, limit: 3, ...(before ? { before } : {}) });
          forwards.push(...page.map((a) => a.id));
          const last = page.at(-1);
          if (page.length < 3 || !last) break;
          before = { publishedAt: last.publishedAt, id: last.id };
        }
        assert.deepEqual(forwards, expected, `${round}: ${name}, newest first`);
        // Backwards from the oldest, three a page (the "previous page" query).
        const last = expected.at(-1);
        if (last === undefined) continue;
        const oldest = models.find((m) => m.id === last)!;
        const backwards: number[] = [last];
        let after: Cursor = { publishedAt: oldest.publishedAt!, id: oldest.id };
        for (;;) {
          const page = await repos.reader.listArticles({ ...filter, limit: 3, after });
          backwards.push(...page.map((a) => a.id));
          const newest = page.at(-1);
          if (page.length < 3 || !newest) break;
          after = { publishedAt: newest.publishedAt, id: newest.id };
        }
        assert.deepEqual(backwards, [...expected].reverse(), `${round}: ${name}, oldest first`);
        const without = expected.slice(0, 2);
        const excluded = await repos.reader.listArticles({ ...filter, limit: 3, excludeIds: without });
        assert.deepEqual(excluded.map((a) => a.id), expected.slice(2, 5), `${round}: ${name}, excluding two`);
      }
    };
    await check('as created');

    // Random changes: publish (with a date), withdraw, move the date of a published article, relink.
    const change = fc.record({
      article: fc.integer({ min: 0, max: models.length - 1 }),
      kind: fc.constantFrom('publish' as const, 'withdraw' as const, 'redate' as const, 'relink' as const),
      at: minute,
      links: fc.integer({ min: 0, max: 63 }),
    });
    const changes = fc.sample(change, { numRuns: 12, seed: 13 });
    for (const [i, c] of changes.entries()) {
      const m = models[c.article]!;
      if (c.kind === 'publish') {
        m.status = 'published';
        m.publishedAt = c.at;
        await h.db.updateTable('articles').set({ status: 'published', published_at: c.at }).where('id', '=', m.id).execute();
      } else if (c.kind === 'withdraw') {
        m.status = 'unpublished';
        await h.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', m.id).execute();
      } else if (c.kind === 'redate') {
        if (m.publishedAt === null) continue;
        m.publishedAt = c.at;
        await h.db.updateTable('articles').set({ published_at: c.at }).where('id', '=', m.id).execute();
      } else await setLinks(m, c.links);
      if (i % 3 === 2) await check(`after change ${i} (${c.kind})`);
    }
    await check('after all changes');

    // The key itself: published_at while published, NULL otherwise, on every link of every article.
    const keys = await h.db.selectFrom('story_articles').select(['article_id', 'published_at']).unionAll(
      h.db.selectFrom('article_tags').select(['article_id', 'published_at']),
    ).unionAll(h.db.selectFrom('article_authors').select(['article_id', 'published_at'])).execute();
    for (const k of keys) {
      const m = models.find((x) => x.id === k.article_id)!;
      assert.equal(k.published_at === null ? null : Number(k.published_at), m.status === 'published' ? m.publishedAt : null, `link key of article ${m.id}`);
    }
  });
}
