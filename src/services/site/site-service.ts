// What readers see: the public read operations behind the home page, article pages and the site chrome.
// Reads published content only; knows nothing of HTTP or HTML.
import type { ArticleSummary, Article, Channel, PublicComment, Section, Story } from '../../domain/index.js';
import { Gone, NotFound } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import { createRepositories } from '../../db/index.js';

export interface SiteChrome {
  readonly sections: readonly Section[];
  readonly channels: readonly Channel[];
  /** A live blog is published: the header's مباشر link shows as on air. */
  readonly liveOn: boolean;
}

export interface LiveData {
  readonly coverage: readonly ArticleSummary[];
  readonly latest: readonly ArticleSummary[];
}

export interface HomeData {
  readonly stories: readonly Story[];
  readonly lead: ArticleSummary | null;
  readonly latest: readonly ArticleSummary[];
  readonly featuredStoryArticles: readonly ArticleSummary[];
}

export interface ArticlePageData {
  readonly article: Article;
  readonly stories: readonly Story[];
  readonly latest: readonly ArticleSummary[];
  readonly related: readonly ArticleSummary[];
  readonly comments: readonly PublicComment[];
  readonly commentCount: number;
}

export type ArticleLookup =
  | { readonly kind: 'page'; readonly data: ArticlePageData }
  | { readonly kind: 'moved'; readonly sectionSlug: string; readonly id: number; readonly slug: string };

/** Headlines in the latest list: the seed page shows nineteen. */
export const LATEST_HEADLINES = 20;

export function createSiteService(deps: { db: Db }) {
  const repos = createRepositories(deps.db);

  async function latest(limit: number, excludeIds: readonly number[] = []): Promise<ArticleSummary[]> {
    return repos.articles.listPublished({ limit, excludeIds });
  }

  return {
    async chrome(): Promise<SiteChrome> {
      const [sections, channels, liveOn] = await Promise.all([
        repos.sections.listAll(),
        repos.channels.listAll(),
        repos.articles.anyPublishedOfType('live'),
      ]);
      return { sections, channels, liveOn };
    },

    /** Whether the site has any content yet (start-up seeds the demo outlet into an empty site). */
    async isEmpty(): Promise<boolean> {
      return (await repos.articles.countAll()) === 0;
    },

    async live(): Promise<LiveData> {
      const [coverage, latestList] = await Promise.all([repos.articles.listPublishedOfType('live', 10), latest(LATEST_HEADLINES)]);
      return { coverage, latest: latestList };
    },

    async home(): Promise<HomeData> {
      const [stories, latestList] = await Promise.all([repos.stories.listActive(), latest(LATEST_HEADLINES + 1)]);
      const [lead = null, ...rest] = latestList;
      const featured = stories.find((s) => s.featured) ?? null;
      const featuredStoryArticles = featured ? await repos.articles.listPublished({ limit: 4, storyId: featured.id }) : [];
      return { stories, lead, latest: rest, featuredStoryArticles };
    },

    /**
     * The article page. The id is authoritative: a wrong section or slug answers `moved` with the
     * canonical parts; drafts and unknown ids are NotFound; withdrawn articles are Gone.
     */
    async article(id: number, sectionSlug: string, slug: string | null): Promise<ArticleLookup> {
      const where = await repos.articles.locate(id);
      if (!where || where.status === 'draft' || where.status === 'review' || where.status === 'scheduled') {
        throw new NotFound(`article ${id}`);
      }
      if (where.status === 'unpublished') throw new Gone(`article ${id}`);
      if (where.sectionSlug !== sectionSlug || (slug ?? '') !== where.slug) {
        return { kind: 'moved', sectionSlug: where.sectionSlug, id, slug: where.slug };
      }
      const article = await repos.articles.load(id);
      if (!article) throw new NotFound(`article ${id}`);
      const storyOfArticle = article.stories[0];
      const [stories, latestList, related, comments, commentCount] = await Promise.all([
        repos.stories.listActive(),
        latest(LATEST_HEADLINES, [id]),
        storyOfArticle
          ? repos.articles.listPublished({ limit: 4, storyId: storyOfArticle.id, excludeIds: [id] })
          : repos.articles.listPublished({ limit: 4, sectionId: article.section.id, excludeIds: [id] }),
        repos.comments.approvedFor(id, 50),
        repos.comments.countApproved(id),
      ]);
      return { kind: 'page', data: { article, stories, latest: latestList, related, comments, commentCount } };
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
