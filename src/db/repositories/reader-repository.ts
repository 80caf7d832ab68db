// The reader site's queries: keyset-paginated lists (section, story, tag, author, latest), related
// articles, sitemap buckets, the news sitemap window, static pages and article videos. SQL only.
import { sql, type Kysely } from 'kysely';
import type { ArticleSummary, ArticleType, Block, Media, Tag } from '../../domain/index.js';
import type { Database } from '../schema.js';
import { summaryFromRow, summaryQuery, type Cursor, type SummaryRow } from './article-repository.js';
import { prepared } from './prepared.js';
import { MEDIA_FIELDS, mediaFromPrefixed, mediaFromRow, mediaSelection } from './media-columns.js';

type Q = Kysely<Database>;

/** Related articles are chosen among each tag's newest this many articles. */
export const RELATED_CANDIDATES_PER_TAG = 200;

/** A list filter: which published articles belong to the page. */
export interface ArticleFilter {
  readonly sectionIds?: readonly number[];
  readonly storyId?: number;
  readonly tagId?: number;
  readonly authorId?: number;
  readonly type?: ArticleType;
  /** Only articles published at or after this time (news sitemap). */
  readonly since?: number;
  readonly excludeIds?: readonly number[];
}

export interface KeysetQuery extends ArticleFilter {
  readonly limit: number;
  /** Strictly older than this cursor (next pages). */
  readonly before?: Cursor;
  /** Strictly newer than this cursor, returned oldest first (to find the previous page). */
  readonly after?: Cursor;
}

export interface SitemapBucket {
  /** Bucket number: ids from bucket × size to (bucket + 1) × size − 1. */
  readonly bucket: number;
  readonly count: number;
  readonly lastModified: number;
}

export interface SitemapArticle {
  readonly id: number;
  readonly slug: string;
  readonly sectionSlug: string;
  readonly updatedAt: number;
}

export interface StaticPageRecord {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly body: Block[];
  readonly position: number;
  readonly updatedAt: number;
}

export interface ArticleVideo {
  readonly url: string;
  readonly mime: 'video/mp4' | 'application/vnd.apple.mpegurl';
  readonly poster: Media | null;
  readonly durationSeconds: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A tag's related-article candidates: its newest published articles' ids and publication times, newest first.
 * Two typed arrays rather than a row object each: 2.4 KB for two hundred candidates, about a quarter of what row
 * objects take, and an instance remembers thousands of tags' candidates (RELATED_TAGS_REMEMBERED).
 */
export interface RelatedCandidates {
  readonly ids: Int32Array;
  readonly publishedAt: Float64Array;
}

/** Where `relatedByTags` reads from; the site service passes remembered ones (the repository's own by default). */
export interface RelatedLoaders {
  readonly candidates?: (tagId: number) => Promise<RelatedCandidates>;
  readonly summaries?: (ids: readonly number[]) => Promise<readonly ArticleSummary[]>;
}

export function createReaderRepository(db: Q) {
  // Story, tag and author links carry their article's sort key (published_at while published, else NULL;
  // migration 0013) under an index (subject, published_at, article_id): a subject's page is one bounded
  // backward range scan of that index, whatever the subject's size or the archive's.
  const storyLinks = (id: number) => db.selectFrom('story_articles as l').where('l.story_id', '=', id);
  /** The three link tables as one shape: each has `article_id` and `published_at`, and only those are used. */
  type Links = ReturnType<typeof storyLinks>;
  const tagLinks = (id: number) => db.selectFrom('article_tags as l').where('l.tag_id', '=', id) as unknown as Links;
  const authorLinks = (id: number) => db.selectFrom('article_authors as l').where('l.author_id', '=', id) as unknown as Links;

  /** A tag's newest published articles (id and date), the candidates for related articles. */
  async function relatedCandidates(tagId: number): Promise<RelatedCandidates> {
    const rows = await candidatesQuery(tagId, RELATED_CANDIDATES_PER_TAG);
    const ids = new Int32Array(rows.length);
    const publishedAt = new Float64Array(rows.length);
    rows.forEach((r, i) => {
      ids[i] = r.article_id;
      publishedAt[i] = Number(r.published_at);
    });
    return { ids, publishedAt };
  }

  /**
   * The ids of one page of a story, tag or author list: the newest `limit` published articles linked to the
   * subject, strictly past the cursor, from the link index. Further filters (another subject, a section,
   * a type, a window) are tested per link, so they cost at most the subject's own size.
   */
  function linkedPage(q: KeysetQuery) {
    const drivers: Array<[number | undefined, (id: number) => Links]> = [
      [q.storyId, storyLinks],
      [q.tagId, tagLinks],
      [q.authorId, authorLinks],
    ];
    const driver = drivers.find(([id]) => id !== undefined);
    if (!driver) return null;
    let ids = driver[1](driver[0]!).select('l.article_id').where('l.published_at', 'is not', null);
    if (q.excludeIds && q.excludeIds.length > 0) ids = ids.where('l.article_id', 'not in', [...q.excludeIds]);
    for (const [id, links] of drivers) {
      if (id === undefined || links === driver[1]) continue;
      ids = ids.where('l.article_id', 'in', links(id).select('l.article_id'));
    }
    if (q.sectionIds || q.type !== undefined || q.since !== undefined) {
      const { sectionIds, type, since } = q;
      ids = ids.where(({ exists, selectFrom }) => {
        let a = selectFrom('articles as fa').select('fa.id').whereRef('fa.id', '=', 'l.article_id');
        if (sectionIds) a = a.where('fa.section_id', 'in', sectionIds.length > 0 ? [...sectionIds] : [-1]);
        if (type !== undefined) a = a.where('fa.type', '=', type);
        if (since !== undefined) a = a.where('fa.published_at', '>=', since);
        return exists(a);
      });
    }
    // `published_at <= x` bounds the index range; the OR only breaks ties at x.
    if (q.before) {
      const { publishedAt, id } = q.before;
      ids = ids.where('l.published_at', '<=', publishedAt).where((eb) => eb.or([eb('l.published_at', '<', publishedAt), eb('l.article_id', '<', id)]));
    }
    if (q.after) {
      const { publishedAt, id } = q.after;
      ids = ids.where('l.published_at', '>=', publishedAt).where((eb) => eb.or([eb('l.published_at', '>', publishedAt), eb('l.article_id', '>', id)]));
    }
    const dir = q.after ? 'asc' : 'desc';
    return ids.orderBy('l.published_at', dir).orderBy('l.article_id', dir).limit(q.limit);
  }

  /** The ids of one page of published articles from the article indexes: the whole site or one section. */
  function articlePage(q: KeysetQuery, sectionIds: readonly number[] | undefined) {
    let ids = db.selectFrom('articles as a').select('a.id').where('a.status', '=', 'published');
    if (sectionIds) ids = ids.where('a.section_id', 'in', sectionIds.length > 0 ? [...sectionIds] : [-1]);
    if (q.type !== undefined) ids = ids.where('a.type', '=', q.type);
    if (q.since !== undefined) ids = ids.where('a.published_at', '>=', q.since);
    if (q.excludeIds && q.excludeIds.length > 0) ids = ids.where('a.id', 'not in', [...q.excludeIds]);
    if (q.before) {
      const { publishedAt, id } = q.before;
      ids = ids.where('a.published_at', '<=', publishedAt).where((eb) => eb.or([eb('a.published_at', '<', publishedAt), eb('a.id', '<', id)]));
    }
    if (q.after) {
      const { publishedAt, id } = q.after;
      ids = ids.where('a.published_at', '>=', publishedAt).where((eb) => eb.or([eb('a.published_at', '>', publishedAt), eb('a.id', '>', id)]));
    }
    const dir = q.after ? 'asc' : 'desc';
    return ids.orderBy('a.published_at', dir).orderBy('a.id', dir).limit(q.limit);
  }

  /**
   * Tags of one id bucket with at least one published article, with the newest change among those articles:
   * one seek per tag in the link index (tag_id, article_updated_at) — the links carry their article's
   * updated_at while it is published, else NULL (migration 0014) — so no article row is read.
   */
  async function tagsInBucket(bucket: number, size: number): Promise<Array<{ slug: string; lastModified: number }>> {
    const rows = await db
      .selectFrom('tags as t')
      .select(['t.slug'])
      .select((eb) => eb.selectFrom('article_tags as l').select((e) => e.fn.max('l.article_updated_at').as('m')).whereRef('l.tag_id', '=', 't.id').as('last'))
      .where('t.id', '>=', bucket * size)
      .where('t.id', '<', (bucket + 1) * size)
      .orderBy('t.id')
      .execute();
    return inUse(rows);
  }

  /** One page of published article summaries: the ids from `linkedPage` or `articlePage`, then their rows. */
  function listQuery(q: KeysetQuery) {
    const sections = q.sectionIds;
    const ids =
      linkedPage(q) ??
      (sections && sections.length > 1
        ? sections
            .map((sectionId, i) => db.selectFrom(articlePage(q, [sectionId]).as(`p${i}`)).select(`p${i}.id as id`))
            .reduce((all, part) => all.unionAll(part))
        : articlePage(q, sections));
    const dir = q.after ? 'asc' : 'desc';
    return summaryQuery(db).where('a.status', '=', 'published').where('a.id', 'in', ids).orderBy('a.published_at', dir).orderBy('a.id', dir).limit(q.limit);
  }

  const storyRelatedQuery = prepared(db, 3, (storyId: number, excludeId: number, limit: number) => listQuery({ storyId, excludeIds: [excludeId], limit }));
  const candidatesQuery = prepared(db, 2, (tagId: number, limit: number) =>
    tagLinks(tagId)
      .select(['l.article_id', 'l.published_at'])
      .where('l.published_at', 'is not', null)
      .orderBy('l.published_at', 'desc')
      .orderBy('l.article_id', 'desc')
      .limit(limit),
  );
  /** Summaries of published articles by id, one prepared query per number of ids (related lists hold 1 to 4). */
  const summariesById = new Map<number, (...ids: number[]) => Promise<SummaryRow[]>>();
  function summariesOf(ids: readonly number[]): Promise<SummaryRow[]> {
    let run = summariesById.get(ids.length);
    if (!run) {
      run = prepared(db, ids.length, (...slots: number[]) => summaryQuery(db).where('a.id', 'in', slots).where('a.status', '=', 'published'));
      if (ids.length <= 8) summariesById.set(ids.length, run);
    }
    return run(...ids);
  }
  /** Summaries of these published articles (at most eight ids share a prepared query), in no particular order. */
  async function summariesByIds(ids: readonly number[]): Promise<ArticleSummary[]> {
    return ids.length === 0 ? [] : (await summariesOf(ids)).map(summaryFromRow);
  }

  return {
    /**
     * Published articles by keyset on (published_at, id): newest first, or oldest first with `after`.
     * Every shape reads bounded index ranges: a story, tag or author its link index; the site or one section
     * the article indexes; several sections (a parent and its subsections) one range per section, merged —
     * `section_id IN (…)` ordered by date would read and sort every article of those sections.
     */
    async listArticles(q: KeysetQuery): Promise<ArticleSummary[]> {
      return (await listQuery(q).execute()).map(summaryFromRow);
    },

    /** The newest `limit` published articles of a story but one: "related" on every article page (prepared). */
    async storyRelated(storyId: number, excludeId: number, limit: number): Promise<ArticleSummary[]> {
      return (await storyRelatedQuery(storyId, excludeId, limit)).map(summaryFromRow);
    },

    /**
     * Published articles sharing the most of these tags, newest first among equals. Candidates are each tag's
     * newest RELATED_CANDIDATES_PER_TAG published articles, read with their dates from the link index alone
     * (article_tags_tag_published, migration 0013), so a tag carried by a hundred thousand articles costs what a
     * small one costs and no article row is read until the chosen few; counting and ordering happen here.
     */
    relatedCandidates,
    summariesByIds,

    /**
     * Articles sharing the most tags with `tagIds`, newest first among equals. `load.candidates` reads one tag's
     * candidates and `load.summaries` the chosen articles (the site service passes remembered ones: a tag's
     * candidates are the same for every article of the tag, and an article is related to many others).
     */
    async relatedByTags(
      tagIds: readonly number[],
      excludeIds: readonly number[],
      limit: number,
      load: RelatedLoaders = {},
    ): Promise<ArticleSummary[]> {
      const { candidates = relatedCandidates, summaries = summariesByIds } = load;
      if (tagIds.length === 0 || limit <= 0) return [];
      const perTag = await Promise.all([...new Set(tagIds)].map((tagId) => candidates(tagId)));
      // A page's tags bring hundreds of candidates and a handful is kept: count shared tags, then keep the best
      // `limit` by (shared, published_at, id) in one pass — no object per candidate, no sort of them all.
      const shared = new Map<number, number>();
      const publishedAt = new Map<number, number>();
      const excluded = new Set(excludeIds);
      for (const tag of perTag) {
        for (let i = 0; i < tag.ids.length; i++) {
          const id = tag.ids[i]!;
          if (excluded.has(id)) continue;
          const n = shared.get(id);
          if (n === undefined) {
            shared.set(id, 1);
            publishedAt.set(id, tag.publishedAt[i]!);
          } else shared.set(id, n + 1);
        }
      }
      const ranked: Array<{ id: number; shared: number; at: number }> = [];
      for (const [id, n] of shared) {
        const at = publishedAt.get(id)!;
        let i = ranked.length;
        while (i > 0) {
          const k = ranked[i - 1]!;
          if (n < k.shared || (n === k.shared && (at < k.at || (at === k.at && id < k.id)))) break;
          i--;
        }
        if (i >= limit) continue;
        ranked.splice(i, 0, { id, shared: n, at });
        if (ranked.length > limit) ranked.pop();
      }
      if (ranked.length === 0) return [];
      const found = await summaries(ranked.map((r) => r.id));
      const byId = new Map(found.map((a) => [a.id, a]));
      return ranked.map((r) => byId.get(r.id)).filter((x): x is ArticleSummary => x !== undefined);
    },

    async tagBySlug(slug: string): Promise<Tag | null> {
      const r = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
      return r ?? null;
    },

    /**
     * Published-article id buckets of `size` ids each (every sitemap file holds at most `size` URLs), with their
     * count and newest change, from the partial index of published articles (id, updated_at) (migration 0014),
     * which holds two numbers per published article and no row of the table: one range per bucket (ranges, not
     * one GROUP BY, which SQLite sorts). The literal `status = 'published'` is what lets SQLite use the partial index.
     */
    async articleBuckets(size: number): Promise<SitemapBucket[]> {
      const published = sql<boolean>`status = 'published'`;
      // The first and last ids of any status (primary-key seeks; the planner answers "min(id) where published"
      // from the status index, reading every published entry); a bucket without published articles is skipped.
      const first = await db.selectFrom('articles').select((eb) => eb.fn.min<number>('id').as('id')).executeTakeFirst();
      const last = await db.selectFrom('articles').select((eb) => eb.fn.max<number>('id').as('id')).executeTakeFirst();
      if (first?.id === null || first?.id === undefined || last?.id === null || last?.id === undefined) return [];
      const out: SitemapBucket[] = [];
      for (let b = Math.floor(Number(first.id) / size); b <= Math.floor(Number(last.id) / size); b++) {
        const r = await db
          .selectFrom('articles')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number>('updated_at').as('last')])
          .where(published)
          .where('id', '>=', b * size)
          .where('id', '<', (b + 1) * size)
          .executeTakeFirstOrThrow();
        if (Number(r.n) > 0) out.push({ bucket: b, count: Number(r.n), lastModified: Number(r.last) });
      }
      return out;
    },

    /** The published articles of one bucket, by id (a primary-key range scan). */
    async articlesInBucket(bucket: number, size: number): Promise<SitemapArticle[]> {
      const rows = await db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.id', 'a.slug', 's.slug as section_slug', 'a.updated_at'])
        .where('a.status', '=', 'published')
        .where('a.id', '>=', bucket * size)
        .where('a.id', '<', (bucket + 1) * size)
        .orderBy('a.id')
        .execute();
      return rows.map((r) => ({ id: r.id, slug: r.slug, sectionSlug: r.section_slug, updatedAt: Number(r.updated_at) }));
    },

    /** Tag id buckets of `size` ids each that hold at least one tag in use, for the tag sitemaps. */
    async tagBuckets(size: number): Promise<SitemapBucket[]> {
      const r = await db.selectFrom('tags').select((eb) => [eb.fn.max<number>('id').as('max_id')]).executeTakeFirst();
      if (!r || r.max_id === null) return [];
      const out: SitemapBucket[] = [];
      for (let b = 0; b <= Math.floor(Number(r.max_id) / size); b++) {
        const tags = await tagsInBucket(b, size);
        if (tags.length > 0) out.push({ bucket: b, count: tags.length, lastModified: Math.max(...tags.map((t) => t.lastModified)) });
      }
      return out;
    },

    tagsInBucket,

    /** Authors with at least one published article and its newest change: one seek per author in the link index (migration 0014). */
    async authorsInUse(): Promise<Array<{ slug: string; lastModified: number }>> {
      const rows = await db
        .selectFrom('authors as au')
        .select(['au.slug'])
        .select((eb) =>
          eb.selectFrom('article_authors as l').select((e) => e.fn.max('l.article_updated_at').as('m')).whereRef('l.author_id', '=', 'au.id').as('last'),
        )
        .orderBy('au.slug')
        .execute();
      return inUse(rows);
    },

    /** Every story with the newest change among its published articles (null if none): one seek per story in the link index. */
    async allStories(): Promise<Array<{ slug: string; lastModified: number | null }>> {
      const rows = await db
        .selectFrom('stories as st')
        .select(['st.slug'])
        .select((eb) =>
          eb.selectFrom('story_articles as l').select((e) => e.fn.max('l.article_updated_at').as('m')).whereRef('l.story_id', '=', 'st.id').as('last'),
        )
        .orderBy('st.id')
        .execute();
      return rows.map((r) => ({ slug: r.slug, lastModified: r.last === null ? null : Number(r.last) }));
    },

    /**
     * The newest change among published articles (optionally in some sections). The whole site's is one seek in
     * the partial index of published articles' updated_at (migration 0014; the literal status lets SQLite use it).
     */
    async lastChange(sectionIds?: readonly number[]): Promise<number | null> {
      let q = db.selectFrom('articles').select((eb) => eb.fn.max<number>('updated_at').as('last')).where(sql<boolean>`status = 'published'`);
      if (sectionIds) q = q.where('section_id', 'in', sectionIds.length > 0 ? [...sectionIds] : [-1]);
      const r = await q.executeTakeFirst();
      return r?.last === null || r?.last === undefined ? null : Number(r.last);
    },

    async mediaByKey(key: string): Promise<Media | null> {
      const r = await db.selectFrom('media').select(MEDIA_FIELDS).where('storage_key', '=', key).executeTakeFirst();
      return r ? mediaFromRow(r) : null;
    },

    async staticPage(slug: string): Promise<StaticPageRecord | null> {
      const r = await db.selectFrom('static_pages').selectAll().where('slug', '=', slug).executeTakeFirst();
      return r ? staticFromRow(r) : null;
    },

    /** Slug and title of every static page, for links (no bodies). */
    /** Links the newsroom put in the site's menus ('main' beside the sections, 'footer'), in order. */
    async menuLinks(): Promise<Array<{ menu: string; label: string; url: string }>> {
      return db.selectFrom('menu_items').select(['menu', 'label', 'url']).orderBy('menu').orderBy('position').orderBy('id').execute();
    },

    async staticPageLinks(): Promise<Array<{ slug: string; title: string }>> {
      return db.selectFrom('static_pages').select(['slug', 'title']).orderBy('position').orderBy('id').execute();
    },

    async staticPages(): Promise<StaticPageRecord[]> {
      const rows = await db.selectFrom('static_pages').selectAll().orderBy('position').orderBy('id').execute();
      return rows.map(staticFromRow);
    },

    async upsertStaticPage(p: Omit<StaticPageRecord, 'id'>, now: number): Promise<number> {
      const found = await db.selectFrom('static_pages').select('id').where('slug', '=', p.slug).executeTakeFirst();
      const values = { title: p.title, description: p.description, body: JSON.stringify(p.body), position: p.position, updated_at: p.updatedAt };
      if (found) {
        await db.updateTable('static_pages').set(values).where('id', '=', found.id).execute();
        return found.id;
      }
      const r = await db
        .insertInto('static_pages')
        .values({ slug: p.slug, ...values, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async videoOf(articleId: number): Promise<ArticleVideo | null> {
      const r = await db
        .selectFrom('article_videos as v')
        .leftJoin('media as poster', 'poster.id', 'v.poster_media_id')
        .select(['v.url', 'v.mime', 'v.duration_seconds', 'v.width', 'v.height', ...mediaSelection('poster')])
        .where('v.article_id', '=', articleId)
        .executeTakeFirst();
      if (!r) return null;
      return {
        url: r.url,
        mime: r.mime,
        poster: mediaFromPrefixed(r as unknown as Record<string, unknown>, 'poster'),
        durationSeconds: r.duration_seconds,
        width: r.width,
        height: r.height,
      };
    },

    async setVideo(
      articleId: number,
      v: { url: string; mime: ArticleVideo['mime']; posterMediaId: number | null; durationSeconds: number; width: number; height: number },
    ): Promise<void> {
      await db.deleteFrom('article_videos').where('article_id', '=', articleId).execute();
      await db
        .insertInto('article_videos')
        .values({
          article_id: articleId,
          url: v.url,
          mime: v.mime,
          poster_media_id: v.posterMediaId,
          duration_seconds: v.durationSeconds,
          width: v.width,
          height: v.height,
        })
        .execute();
    },

    /** Adds buffered read counts for one day (an upsert per article). */
    async addReads(day: number, counts: ReadonlyMap<number, number>): Promise<void> {
      for (const [articleId, n] of counts) {
        await db
          .insertInto('article_reads')
          .values({ article_id: articleId, day, reads: n })
          .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet((eb) => ({ reads: eb('article_reads.reads', '+', n) })))
          .execute();
      }
    },

    /**
     * Published articles read most from `fromDay` to `toDay` (UTC day numbers, inclusive), most read first.
     * The window's reads are summed first from the (day, article_id, reads) index — as many rows as articles
     * read in those days; the closed range keeps SQLite on that index instead of scanning every day's reads —
     * then joined to articles by id: joined the other way round, the planner walked every published article.
     */
    async mostRead(fromDay: number, toDay: number, limit: number): Promise<ArticleSummary[]> {
      const reads = db
        .selectFrom('article_reads')
        .select(['article_id'])
        .select((eb) => eb.fn.sum<number>('reads').as('total'))
        .where('day', '>=', fromDay)
        .where('day', '<=', toDay)
        .groupBy('article_id')
        .as('r');
      const top = await db
        .selectFrom(reads)
        .innerJoin('articles as a', 'a.id', 'r.article_id')
        .select(['r.article_id', 'r.total'])
        .where('a.status', '=', 'published')
        .orderBy('r.total', 'desc')
        .orderBy('r.article_id', 'desc')
        .limit(limit)
        .execute();
      if (top.length === 0) return [];
      const rows = await summaryQuery(db).where('a.id', 'in', top.map((r) => r.article_id)).execute();
      const byId = new Map(rows.map((r) => [r.id, summaryFromRow(r)]));
      return top.map((r) => byId.get(r.article_id)).filter((x): x is ArticleSummary => x !== undefined);
    },

    async touchArticle(articleId: number, at: number): Promise<void> {
      await db.updateTable('articles').set({ updated_at: at }).where('id', '=', articleId).execute();
    },
  };
}

/** The subjects whose newest published change exists (at least one published article), with it as a number. */
function inUse(rows: ReadonlyArray<{ slug: string; last: unknown }>): Array<{ slug: string; lastModified: number }> {
  return rows.filter((r) => r.last !== null && r.last !== undefined).map((r) => ({ slug: r.slug, lastModified: Number(r.last) }));
}

function staticFromRow(r: {
  id: number;
  slug: string;
  title: string;
  description: string;
  body: string;
  position: number;
  updated_at: number;
}): StaticPageRecord {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    body: JSON.parse(r.body) as Block[],
    position: r.position,
    updatedAt: Number(r.updated_at),
  };
}

export type ReaderRepository = ReturnType<typeof createReaderRepository>;
