// Reads and writes articles and their links (authors, tags, stories, corrections) on either dialect.
// Returns domain values; knows SQL through Kysely, nothing of HTTP or rendering.
import type { Kysely } from 'kysely';
import type {
  Article,
  ArticleStatus,
  ArticleSummary,
  ArticleType,
  Author,
  Body,
  CommentSettingMode,
  CommentsMode,
  Correction,
  Tag,
} from '../../domain/index.js';
import type { Database } from '../schema.js';
import { mediaFromPrefixed, mediaSelection } from './media-columns.js';
import { prepared } from './prepared.js';
import { sectionFromRow } from './section-repository.js';
import { createStoryRepository } from './story-repository.js';

type Q = Kysely<Database>;

export interface NewArticle {
  readonly slug: string;
  readonly sectionId: number;
  readonly type: ArticleType;
  readonly status: ArticleStatus;
  readonly title: string;
  readonly lead: string;
  readonly body: Body;
  readonly heroMediaId: number | null;
  readonly heroCaption?: string | null;
  readonly heroCredit?: string | null;
  readonly heroAlt?: string | null;
  readonly source: string | null;
  readonly seoTitle?: string | null;
  readonly seoDescription?: string | null;
  readonly commentsMode: CommentsMode;
  readonly publishedAt: number | null;
  readonly updatedAt: number;
  readonly createdAt: number;
}

/** What the article page reads about an article beside the article itself (`loadForPage`). */
export interface ArticlePageRow {
  readonly article: Article;
  readonly approvedComments: number;
  /** The article's own row in comment_settings, if a moderator made one. */
  readonly ownCommentSetting: { readonly mode: CommentSettingMode; readonly closesAt: number | null } | null;
}

/** Keyset cursor for "newest first" lists: strictly older than this (publishedAt, id). */
export interface Cursor {
  readonly publishedAt: number;
  readonly id: number;
}

export interface ListQuery {
  readonly limit: number;
  readonly before?: Cursor;
  readonly sectionId?: number;
  readonly excludeIds?: readonly number[];
}

export function summaryQuery(db: Q) {
  return db
    .selectFrom('articles as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .leftJoin('media as hero', 'hero.id', 'a.hero_media_id')
    .select([
      'a.id',
      'a.slug',
      'a.type',
      'a.title',
      'a.lead',
      'a.published_at',
      'a.updated_at',
      's.slug as section_slug',
      's.name as section_name',
      ...mediaSelection('hero'),
      // Cards show comment counts: kept on the row by triggers (migration 0015).
      'a.approved_comments as comment_count',
    ]);
}

export type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>;

export function summaryFromRow(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    sectionSlug: r.section_slug,
    sectionName: r.section_name,
    type: r.type,
    title: r.title,
    lead: r.lead,
    hero: mediaFromPrefixed(r as unknown as Record<string, unknown>, 'hero'),
    publishedAt: r.published_at ?? r.updated_at,
    updatedAt: r.updated_at,
    commentCount: Number(r.comment_count ?? 0),
  };
}

export function createArticleRepository(db: Q) {
  const stories = createStoryRepository(db);

  /** An article's row with its section and hero. */
  function articleRow() {
    return db
      .selectFrom('articles as a')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('media as hero', 'hero.id', 'a.hero_media_id')
      .selectAll('a')
      .select([
        's.id as s_id',
        's.slug as s_slug',
        's.name as s_name',
        's.description as s_description',
        's.parent_id as s_parent_id',
        's.position as s_position',
        's.in_nav as s_in_nav',
        ...mediaSelection('hero'),
      ]);
  }
  type ArticleRow = Awaited<ReturnType<ReturnType<typeof articleRow>['executeTakeFirstOrThrow']>>;

  // Every article page reads these: built and compiled once (prepared.ts).
  const articleById = prepared(db, 1, (id: number) => articleRow().where('a.id', '=', id));
  const pageRowById = prepared(db, 1, (id: number) =>
    articleRow()
      .leftJoin('comment_settings as cs', (j) => j.onRef('cs.scope_id', '=', 'a.id').on('cs.scope', '=', 'article'))
      .select(['cs.mode as cs_mode', 'cs.closes_at as cs_closes_at'])
      .where('a.id', '=', id),
  );
  const authorsOf = prepared(db, 1, (id: number) =>
    db
      .selectFrom('article_authors as aa')
      .innerJoin('authors as au', 'au.id', 'aa.author_id')
      .select(['au.id', 'au.slug', 'au.name', 'au.bio', 'au.kind'])
      .where('aa.article_id', '=', id)
      .orderBy('aa.position'),
  );
  const tagsOf = prepared(db, 1, (id: number) =>
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select(['t.id', 't.slug', 't.name'])
      .where('at.article_id', '=', id)
      .orderBy('at.position'),
  );
  const correctionsOf = prepared(db, 1, (id: number) => db.selectFrom('corrections').select(['id', 'note', 'created_at']).where('article_id', '=', id).orderBy('created_at'));

  /** The article of a row, with its authors, tags, stories and corrections. */
  async function withParts(r: ArticleRow): Promise<Article> {
    const id = r.id;
    const [authorRows, tagRows, storyList, correctionRows] = await Promise.all([authorsOf(id), tagsOf(id), stories.forArticle(id), correctionsOf(id)]);

    const section = sectionFromRow({
      id: r.s_id,
      slug: r.s_slug,
      name: r.s_name,
      description: r.s_description,
      parent_id: r.s_parent_id,
      position: r.s_position,
      in_nav: r.s_in_nav,
    });
    const authors: Author[] = authorRows.map((x) => ({ ...x }));
    const tags: Tag[] = tagRows.map((x) => ({ ...x }));
    const corrections: Correction[] = correctionRows.map((c) => ({ id: c.id, note: c.note, createdAt: c.created_at }));
    return {
      id: r.id,
      slug: r.slug,
      sectionSlug: section.slug,
      sectionName: section.name,
      type: r.type,
      status: r.status,
      title: r.title,
      lead: r.lead,
      body: JSON.parse(r.body) as Body,
      hero: mediaFromPrefixed(r as unknown as Record<string, unknown>, 'hero'),
      heroCaption: r.hero_caption,
      heroCredit: r.hero_credit,
      heroAlt: r.hero_alt,
      source: r.source,
      seoTitle: r.seo_title,
      seoDescription: r.seo_description,
      commentsMode: r.comments_mode,
      publishedAt: r.published_at ?? r.updated_at,
      updatedAt: r.updated_at,
      section,
      authors,
      tags,
      stories: storyList,
      corrections,
    };
  }

  return {
    async insert(a: NewArticle): Promise<number> {
      const row = await db
        .insertInto('articles')
        .values({
          slug: a.slug,
          section_id: a.sectionId,
          type: a.type,
          status: a.status,
          title: a.title,
          lead: a.lead,
          body: JSON.stringify(a.body),
          hero_media_id: a.heroMediaId,
          hero_caption: a.heroCaption ?? null,
          hero_credit: a.heroCredit ?? null,
          hero_alt: a.heroAlt ?? null,
          source: a.source,
          seo_title: a.seoTitle ?? null,
          seo_description: a.seoDescription ?? null,
          comments_mode: a.commentsMode,
          published_at: a.publishedAt,
          updated_at: a.updatedAt,
          created_at: a.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async setAuthors(articleId: number, authorIds: readonly number[]): Promise<void> {
      await db.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
      if (authorIds.length === 0) return;
      await db
        .insertInto('article_authors')
        .values(authorIds.map((author_id, position) => ({ article_id: articleId, author_id, position })))
        .execute();
    },

    async setTags(articleId: number, tagIds: readonly number[]): Promise<void> {
      await db.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
      if (tagIds.length === 0) return;
      await db
        .insertInto('article_tags')
        .values(tagIds.map((tag_id, position) => ({ article_id: articleId, tag_id, position })))
        .execute();
    },

    async setStories(articleId: number, storyIds: readonly number[]): Promise<void> {
      await db.deleteFrom('story_articles').where('article_id', '=', articleId).execute();
      if (storyIds.length === 0) return;
      await db
        .insertInto('story_articles')
        .values(storyIds.map((story_id) => ({ story_id, article_id: articleId })))
        .execute();
    },

    async addCorrection(articleId: number, note: string, at: number): Promise<void> {
      await db.insertInto('corrections').values({ article_id: articleId, note, created_at: at }).execute();
    },

    /** Status, section and slug of an article whatever its status: enough to route or refuse a request. */
    async locate(id: number): Promise<{ id: number; status: ArticleStatus; slug: string; sectionSlug: string } | null> {
      const r = await db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.id', 'a.status', 'a.slug', 's.slug as section_slug'])
        .where('a.id', '=', id)
        .executeTakeFirst();
      return r ? { id: r.id, status: r.status, slug: r.slug, sectionSlug: r.section_slug } : null;
    },

    /** The whole article with everything its page shows, whatever its status (callers decide visibility). */
    async load(id: number): Promise<Article | null> {
      const [r] = await articleById(id);
      return r ? withParts(r) : null;
    },

    /**
     * The article as `load` reads it, with what its public page needs beside it in the same row: the approved
     * comment count and the article's own comment setting (scope 'article'), if a moderator made one.
     */
    async loadForPage(id: number): Promise<ArticlePageRow | null> {
      const [r] = await pageRowById(id);
      if (!r) return null;
      return {
        article: await withParts(r),
        approvedComments: Number(r.approved_comments ?? 0),
        ownCommentSetting: r.cs_mode === null ? null : { mode: r.cs_mode, closesAt: r.cs_closes_at === null ? null : Number(r.cs_closes_at) },
      };
    },

    /** Published articles (of the site or one section), newest first, by keyset: cheap on page 1 and on page 10,000 alike. Story, tag and author lists are `reader.listArticles`. */
    async listPublished(q: ListQuery): Promise<ArticleSummary[]> {
      let query = summaryQuery(db).where('a.status', '=', 'published');
      if (q.sectionId !== undefined) query = query.where('a.section_id', '=', q.sectionId);
      if (q.before) {
        // `published_at <= x` bounds the index range; the OR only breaks ties at x.
        const { publishedAt, id } = q.before;
        query = query.where('a.published_at', '<=', publishedAt).where((eb) => eb.or([eb('a.published_at', '<', publishedAt), eb('a.id', '<', id)]));
      }
      if (q.excludeIds && q.excludeIds.length > 0) query = query.where('a.id', 'not in', q.excludeIds);
      const rows = await query.orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(q.limit).execute();
      return rows.map(summaryFromRow);
    },

    /** Whether any article of this type is published (the header's مباشر badge asks for 'live'). */
    async anyPublishedOfType(type: ArticleType): Promise<boolean> {
      const r = await db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'published')
        .where('type', '=', type)
        .limit(1)
        .executeTakeFirst();
      return r !== undefined;
    },

    async listPublishedOfType(type: ArticleType, limit: number): Promise<ArticleSummary[]> {
      const rows = await summaryQuery(db)
        .where('a.status', '=', 'published')
        .where('a.type', '=', type)
        .orderBy('a.published_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(summaryFromRow);
    },

    async countAll(): Promise<number> {
      const r = await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type ArticleRepository = ReturnType<typeof createArticleRepository>;
