// What search and `minbar import` read and write beyond the article repository: the external id kept with
// each article, find-or-create of sections and authors, the names the analyzer protects, hit sources.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export function createSearchRepository(db: Kysely<Database>) {
  return {
    async articleByExternalId(externalId: string): Promise<number | null> {
      const r = await db.selectFrom('articles').select('id').where('external_id', '=', externalId).executeTakeFirst();
      return r?.id ?? null;
    },
    async setExternalId(articleId: number, externalId: string): Promise<void> {
      await db.updateTable('articles').set({ external_id: externalId }).where('id', '=', articleId).execute();
    },
    async ensureSection(slug: string, name: string, now: number): Promise<number> {
      const found = await db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst();
      if (found) return found.id;
      const position = await db.selectFrom('sections').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const r = await db
        .insertInto('sections')
        .values({ slug, name, description: '', parent_id: null, position: Number(position.n) + 1, in_nav: 0, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async ensureAuthor(slug: string, name: string, now: number): Promise<number> {
      const found = await db.selectFrom('authors').select('id').where('slug', '=', slug).executeTakeFirst();
      if (found) return found.id;
      const r = await db
        .insertInto('authors')
        .values({ slug, name, bio: '', kind: 'person', created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    /** Names that must never be stemmed: tags, story titles and authors (the analyzer's protected words). */
    async protectedNames(): Promise<string[]> {
      const [tags, stories, authors] = await Promise.all([
        db.selectFrom('tags').select('name').execute(),
        db.selectFrom('stories').select('title as name').execute(),
        db.selectFrom('authors').select('name').execute(),
      ]);
      return [...tags, ...stories, ...authors].map((r) => r.name);
    },
    /** Names attached to each article (its tags and authors), protected while it is indexed. */
    async namesOfArticles(articleIds: readonly number[]): Promise<Map<number, string[]>> {
      const out = new Map<number, string[]>(articleIds.map((id) => [id, []]));
      if (articleIds.length === 0) return out;
      const [tags, authors] = await Promise.all([
        db.selectFrom('article_tags as at').innerJoin('tags as t', 't.id', 'at.tag_id').select(['at.article_id', 't.name']).where('at.article_id', 'in', articleIds).execute(),
        db.selectFrom('article_authors as aa').innerJoin('authors as a', 'a.id', 'aa.author_id').select(['aa.article_id', 'a.name']).where('aa.article_id', 'in', articleIds).execute(),
      ]);
      for (const r of [...tags, ...authors]) out.get(r.article_id)?.push(r.name);
      return out;
    },
    /** The fields the search index reads from some articles (missing ids are absent). */
    async searchSources(articleIds: readonly number[]) {
      if (articleIds.length === 0) return [];
      return db
        .selectFrom('articles')
        .select(['id', 'status', 'section_id', 'type', 'title', 'lead', 'body', 'published_at', 'updated_at'])
        .where('id', 'in', articleIds)
        .execute();
    },
    /** Ids of published articles after `afterId`, in id order: reindex walks them in batches. */
    async publishedIdsAfter(afterId: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'published')
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },
    async countPublished(): Promise<number> {
      const r = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
      return Number(r.n);
    },
    /** What a search hit shows: title, lead, body and where it lives. */
    async hitSources(ids: readonly number[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.id', 'a.slug', 'a.title', 'a.lead', 'a.body', 'a.type', 'a.published_at', 'a.updated_at', 's.slug as section_slug', 's.name as section_name'])
        .where('a.id', 'in', ids)
        .execute();
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
