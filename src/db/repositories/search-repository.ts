// What search and `minbar import` read and write beyond the article repository: the external id kept with
// each article, find-or-create of sections and authors, the names the analyzer protects, hit sources.
import type { Kysely } from 'kysely';
import type { ArticleType, Block } from '../../domain/index.js';
import type { Database } from '../schema.js';

/** An article as `minbar import` writes it: published, with its external id, authors and tags resolved. */
export interface ImportedArticle {
  readonly externalId: string;
  readonly slug: string;
  readonly sectionId: number;
  readonly type: ArticleType;
  readonly title: string;
  readonly lead: string;
  readonly body: readonly Block[];
  readonly source: string | null;
  readonly publishedAt: number;
  readonly authorIds: readonly number[];
  readonly tagIds: readonly number[];
}

export function createSearchRepository(db: Kysely<Database>) {
  return {
    async articleByExternalId(externalId: string): Promise<number | null> {
      const r = await db.selectFrom('articles').select('id').where('external_id', '=', externalId).executeTakeFirst();
      return r?.id ?? null;
    },
    /** A story named in a search filter, by id or slug. */
    async storyFilter(idOrSlug: string): Promise<{ id: number; title: string } | null> {
      const q = db.selectFrom('stories').select(['id', 'title']);
      const r = await (/^[0-9]{1,15}$/.test(idOrSlug) ? q.where('id', '=', Number(idOrSlug)) : q.where('slug', '=', idOrSlug)).executeTakeFirst();
      return r ?? null;
    },
    /** Which of these external ids are already imported. */
    async importedExternalIds(externalIds: readonly string[]): Promise<Set<string>> {
      const out = new Set<string>();
      for (let i = 0; i < externalIds.length; i += 500) {
        const rows = await db.selectFrom('articles').select('external_id').where('external_id', 'in', externalIds.slice(i, i + 500)).execute();
        for (const r of rows) if (r.external_id !== null) out.add(r.external_id);
      }
      return out;
    },
    /**
     * Inserts imported articles (published, with their external ids) in multi-row statements and links
     * their authors and tags; returns the new ids in the order given.
     */
    async insertImported(articles: readonly ImportedArticle[]): Promise<number[]> {
      const ids: number[] = [];
      for (let i = 0; i < articles.length; i += 100) {
        const chunk = articles.slice(i, i + 100);
        const rows = await db
          .insertInto('articles')
          .values(
            chunk.map((a) => ({
              slug: a.slug,
              section_id: a.sectionId,
              type: a.type,
              status: 'published' as const,
              title: a.title,
              lead: a.lead,
              body: JSON.stringify(a.body),
              hero_media_id: null,
              source: a.source,
              comments_mode: 'open' as const,
              published_at: a.publishedAt,
              updated_at: a.publishedAt,
              created_at: a.publishedAt,
              external_id: a.externalId,
            })),
          )
          .returning(['id', 'external_id'])
          .execute();
        const byExternal = new Map(rows.map((r) => [r.external_id, r.id]));
        ids.push(...chunk.map((a) => byExternal.get(a.externalId)!));
      }
      const authors = articles.flatMap((a, i) => a.authorIds.map((author_id, position) => ({ article_id: ids[i]!, author_id, position })));
      const tags = articles.flatMap((a, i) => a.tagIds.map((tag_id, position) => ({ article_id: ids[i]!, tag_id, position })));
      for (let i = 0; i < authors.length; i += 1000) await db.insertInto('article_authors').values(authors.slice(i, i + 1000)).execute();
      for (let i = 0; i < tags.length; i += 1000) await db.insertInto('article_tags').values(tags.slice(i, i + 1000)).execute();
      return ids;
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
