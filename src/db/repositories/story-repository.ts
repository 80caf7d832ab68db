// Reads and writes ongoing news stories with their article counts (published articles only, kept by triggers).
// Returns domain values; nothing of HTTP or rendering.
import type { Kysely } from 'kysely';
import type { Story } from '../../domain/index.js';
import type { Database } from '../schema.js';
import { mediaFromPrefixed, mediaSelection } from './media-columns.js';
import { prepared } from './prepared.js';

export interface NewStory {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly coverMediaId: number | null;
  readonly trendingRank: number | null;
  readonly featured: boolean;
  readonly status: 'active' | 'archived';
}

export function createStoryRepository(db: Kysely<Database>) {
  function base() {
    return db
      .selectFrom('stories as st')
      .leftJoin('media as cover', 'cover.id', 'st.cover_media_id')
      // The count of published articles is kept by triggers (migration 0010): one column, not a count of links.
      .select(['st.id', 'st.slug', 'st.title', 'st.description', 'st.trending_rank', 'st.featured', 'st.status', 'st.published_articles as article_count', ...mediaSelection('cover')]);
  }
  type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;
  const fromRow = (r: Row): Story => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    cover: mediaFromPrefixed(r as unknown as Record<string, unknown>, 'cover'),
    trendingRank: r.trending_rank,
    featured: r.featured === 1,
    status: r.status,
    articleCount: Number(r.article_count ?? 0),
  });

  // On every article page: built and compiled once (prepared.ts).
  const storiesOf = prepared(db, 1, (articleId: number) => base().innerJoin('story_articles as link', 'link.story_id', 'st.id').where('link.article_id', '=', articleId).orderBy('st.id'));

  return {
    async insert(s: NewStory, now: number): Promise<number> {
      const r = await db
        .insertInto('stories')
        .values({
          slug: s.slug,
          title: s.title,
          description: s.description,
          cover_media_id: s.coverMediaId,
          trending_rank: s.trendingRank,
          featured: s.featured ? 1 : 0,
          status: s.status,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** Active stories for the strip: trending ones by rank first, then the newest. */
    async listActive(): Promise<Story[]> {
      const rows = await base().where('st.status', '=', 'active').orderBy('st.trending_rank').orderBy('st.id', 'desc').execute();
      // NULL ranks sort first on SQLite and last on PostgreSQL; order in code so both agree.
      return rows.map(fromRow).sort((a, b) => (a.trendingRank ?? Infinity) - (b.trendingRank ?? Infinity) || b.id - a.id);
    },

    async bySlug(slug: string): Promise<Story | null> {
      const r = await base().where('st.slug', '=', slug).executeTakeFirst();
      return r ? fromRow(r) : null;
    },

    async forArticle(articleId: number): Promise<Story[]> {
      return (await storiesOf(articleId)).map(fromRow);
    },
  };
}

export type StoryRepository = ReturnType<typeof createStoryRepository>;
