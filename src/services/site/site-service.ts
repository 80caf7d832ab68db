// What readers see: the public read operations behind the home page, article pages and the site chrome.
// Reads published content only; knows nothing of HTTP or HTML.
import type { ArticleSummary, Article, Author, Channel, CommentThread, Media, PublicComment, Section, Story, Tag } from '../../domain/index.js';
import { articleRulesFrom, readSharedCommentSettings } from '../comments/index.js';
import { Gone, NotFound } from '../../domain/index.js';
import type { ArticleFilter, ArticleVideo, Cursor, Db, RelatedCandidates, SitemapArticle, SitemapBucket, StaticPageRecord } from '../../db/index.js';
import { createRepositories } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { curateHome } from '../curation/home-curation.js';

/** A curated menu link: a site path or an https address. */
export interface MenuLink {
  readonly label: string;
  readonly url: string;
}

export interface SiteChrome {
  readonly sections: readonly Section[];
  readonly channels: readonly Channel[];
  /** A live blog is published: the header's مباشر link shows as on air. */
  readonly liveOn: boolean;
  /** The outlet's static pages, for the footer. */
  readonly staticPages: ReadonlyArray<{ readonly slug: string; readonly title: string }>;
  /** Links curated in the newsroom: 'main' shows beside the sections, 'footer' in the footer. */
  readonly menus: { readonly main: readonly MenuLink[]; readonly footer: readonly MenuLink[] };
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
  /** The newest articles of each top-level section, in navigation order. */
  readonly sectionBlocks: ReadonlyArray<{ readonly section: Section; readonly articles: readonly ArticleSummary[] }>;
  /** Most read in the last two UTC days (empty until reads are counted). */
  readonly mostRead: readonly ArticleSummary[];
  readonly lastModified: number | null;
}

/** Which page of a keyset-paginated list: page 1 has no cursor; page N carries the cursor of page N−1's last item. */
export interface PageRequest {
  readonly page: number;
  readonly before: Cursor | null;
}

export interface PageLink {
  readonly page: number;
  readonly before: Cursor | null;
}

export type ListSubject =
  | { readonly kind: 'section'; readonly section: Section; readonly subsections: readonly Section[] }
  | { readonly kind: 'story'; readonly story: Story }
  | { readonly kind: 'tag'; readonly tag: Tag }
  | { readonly kind: 'author'; readonly author: Author }
  | { readonly kind: 'latest' };

export interface ListPageData {
  readonly subject: ListSubject;
  readonly articles: readonly ArticleSummary[];
  readonly page: number;
  /** The cursor this page was asked with (null on page 1): part of its canonical URL. */
  readonly requestBefore: Cursor | null;
  readonly next: PageLink | null;
  readonly previous: PageLink | null;
  readonly lastModified: number | null;
}

export interface FeedData {
  readonly subject: ListSubject;
  readonly articles: readonly ArticleSummary[];
  readonly lastModified: number | null;
}

export interface SitemapIndexData {
  readonly articleBuckets: readonly SitemapBucket[];
  readonly tagBuckets: readonly SitemapBucket[];
  readonly pagesLastModified: number | null;
}

export interface SitemapPagesData {
  readonly lastModified: number | null;
  readonly sections: readonly Section[];
  readonly stories: ReadonlyArray<{ slug: string; lastModified: number | null }>;
  readonly authors: ReadonlyArray<{ slug: string; lastModified: number }>;
  readonly staticPages: readonly StaticPageRecord[];
}

export interface NewsSitemapData {
  readonly articles: readonly ArticleSummary[];
  readonly lastModified: number | null;
}

export interface ArticlePageData {
  readonly article: Article;
  readonly stories: readonly Story[];
  readonly latest: readonly ArticleSummary[];
  readonly related: readonly ArticleSummary[];
  readonly comments: readonly PublicComment[];
  readonly commentCount: number;
  /** The first page of the comment thread and the comments mode in force (issue 6); absent in previews. */
  readonly thread?: CommentThread;
  readonly commentsMode?: 'open' | 'premoderated' | 'closed';
  readonly video: ArticleVideo | null;
  /** Pictures placed inside the body (image blocks). */
  readonly bodyMedia?: readonly Media[];
}

export type ArticleLookup =
  | { readonly kind: 'page'; readonly data: ArticlePageData }
  | { readonly kind: 'moved'; readonly sectionSlug: string; readonly id: number; readonly slug: string };

/** Headlines in the latest list: the seed page shows nineteen. */
export const LATEST_HEADLINES = 20;
/** Articles per page of a section, story, tag, author or the latest-news list. */
export const LIST_PAGE_SIZE = 20;
/** Items in an RSS feed. */
export const FEED_SIZE = 30;
/**
 * URLs per sitemap file. The protocol allows 50,000, but a file of 50,000 Arabic article URLs is 16 MB of XML made
 * in one request (a second of CPU and tens of MB of memory each, several at once when crawlers come together);
 * 5,000 keeps each under 2 MB, which the default page cache stores (an entry may take an eighth of it), at the
 * price of more files in the index (200 at a million articles; an index may list 50,000).
 */
export const SITEMAP_SIZE = 5_000;
/** The Google News sitemap: articles of the last 48 hours, at most 1,000. */
export const NEWS_WINDOW_MS = 48 * 3_600_000;
export const NEWS_SITEMAP_MAX = 1000;
/** Related articles under an article: same story first, then shared tags. */
export const RELATED_COUNT = 4;
export const MOST_READ_COUNT = 5;
/** How long an instance keeps the site chrome without hearing of a change (no Redis between instances). */
export const CHROME_TTL_MS = 10_000;
/** Tags whose related-article candidates an instance remembers (2.4 KB each: two typed arrays of 200). */
export const RELATED_TAGS_REMEMBERED = 4_000;
/** Stories whose newest articles an instance remembers for the related articles of their articles. */
export const RELATED_STORIES_REMEMBERED = 200;
/** Summaries of articles shown as related that an instance remembers (about 2 KB each). */
export const RELATED_SUMMARIES_REMEMBERED = 2_000;

/** The thread of an article without approved comments: nothing to read. */
const noThread = (articleId: number): CommentThread => ({ articleId, sort: 'newest', page: 1, total: 0, comments: [], hasMore: false, newestAt: null });

export interface SiteServiceOptions {
  readonly sitemapSize?: number;
  readonly listPageSize?: number;
}

export function createSiteService(deps: { db: Db; clock?: Clock }, options: SiteServiceOptions = {}) {
  const repos = createRepositories(deps.db);
  const clock = deps.clock ?? { now: () => Date.now() };
  const sitemapSize = options.sitemapSize ?? SITEMAP_SIZE;
  const pageSize = options.listPageSize ?? LIST_PAGE_SIZE;

  async function subjectFilter(subject: ListSubject): Promise<ArticleFilter> {
    switch (subject.kind) {
      case 'section':
        return { sectionIds: [subject.section.id, ...subject.subsections.map((s) => s.id)] };
      case 'story':
        return { storyId: subject.story.id };
      case 'tag':
        return { tagId: subject.tag.id };
      case 'author':
        return { authorId: subject.author.id };
      case 'latest':
        return {};
    }
  }

  async function findSubject(kind: ListSubject['kind'], slug: string): Promise<ListSubject> {
    if (kind === 'latest') return { kind };
    if (kind === 'section') {
      const all = await repos.sections.listAll();
      const section = all.find((s) => s.slug === slug);
      if (!section) throw new NotFound(`section ${slug}`);
      return { kind, section, subsections: all.filter((s) => s.parentId === section.id) };
    }
    if (kind === 'story') {
      const story = await repos.stories.bySlug(slug);
      if (!story) throw new NotFound(`story ${slug}`);
      return { kind, story };
    }
    if (kind === 'tag') {
      const tag = await repos.reader.tagBySlug(slug);
      if (!tag) throw new NotFound(`tag ${slug}`);
      return { kind, tag };
    }
    const author = await repos.authors.bySlug(slug);
    if (!author) throw new NotFound(`author ${slug}`);
    return { kind, author };
  }

  const newest = (list: readonly ArticleSummary[]): number | null =>
    list.length === 0 ? null : Math.max(...list.map((a) => a.updatedAt));
  const cursorOf = (a: ArticleSummary): Cursor => ({ publishedAt: a.publishedAt, id: a.id });

  /**
   * Reads shared by many pages, kept per key until `forget` drops them all (any purge reaches every instance's
   * services through the purge bus, see main.ts) or CHROME_TTL_MS has passed since the first was kept, so an
   * instance without Redis still catches up. At most `limit` keys, the oldest first out. A load that fails is not
   * kept; one begun before a `forget` lands in the map that was dropped.
   */
  function rememberedBy<K, V>(limit: number) {
    let map = new Map<K, Promise<V>>();
    let since = 0;
    return {
      get(key: K): Promise<V> | undefined {
        const now = clock.now();
        if (map.size > 0 && (now - since > CHROME_TTL_MS || now < since)) map = new Map();
        return map.get(key);
      },
      set(key: K, value: Promise<V>): Promise<V> {
        const m = map;
        if (m.size === 0) since = clock.now();
        m.set(key, value);
        if (m.size > limit) m.delete(m.keys().next().value!);
        value.catch(() => {
          if (m.get(key) === value) m.delete(key);
        });
        return value;
      },
      forget(): void {
        map = new Map();
      },
    };
  }

  /** One shared read, remembered as `rememberedBy` remembers each of its keys. */
  function remembered<T>(load: () => Promise<T>) {
    const memo = rememberedBy<true, T>(1);
    return { get: (): Promise<T> => memo.get(true) ?? memo.set(true, load()), forget: memo.forget };
  }

  // The latest headlines (home, article pages, /live) and the stories strip (home, article pages) are the same
  // for every page: read once, shared until something is purged. The article page leaves itself out in code.
  const newestHeadlines = remembered(() => repos.articles.listPublished({ limit: LATEST_HEADLINES + 1 }));
  const activeStories = remembered(() => repos.stories.listActive());

  // The site's and the stories' comment settings: the same for every article page (its own row comes with it).
  const commentSettings = remembered(() => readSharedCommentSettings(deps.db));

  // What "related" is made of is shared by many article pages, so it is remembered like the lists:
  // each tag's newest articles (the candidates; the same for every article of the tag), each story's newest
  // articles (the same for every article of the story, which leaves itself out), and the summaries of the articles
  // shown as related (an article is related to many others; a page's related cards cost as much database time as
  // the article itself).
  const tagCandidates = rememberedBy<number, RelatedCandidates>(RELATED_TAGS_REMEMBERED);
  const storyNewest = rememberedBy<number, ArticleSummary[]>(RELATED_STORIES_REMEMBERED);
  const relatedSummaries = rememberedBy<number, ArticleSummary | undefined>(RELATED_SUMMARIES_REMEMBERED);
  const candidatesOf = (tagId: number) => tagCandidates.get(tagId) ?? tagCandidates.set(tagId, repos.reader.relatedCandidates(tagId));
  const storyNewestOf = (storyId: number) =>
    storyNewest.get(storyId) ?? storyNewest.set(storyId, repos.reader.storyRelated(storyId, 0, RELATED_COUNT + 1));
  async function summariesOf(ids: readonly number[]): Promise<ArticleSummary[]> {
    const known = ids.map((id) => relatedSummaries.get(id));
    // The ones not remembered are read together, then each is remembered on its own.
    const missing = ids.filter((_, i) => !known[i]);
    const read = missing.length > 0 ? repos.reader.summariesByIds(missing) : null;
    const found = await Promise.all(ids.map((id, i) => known[i] ?? relatedSummaries.set(id, read!.then((list) => list.find((a) => a.id === id)))));
    return found.filter((a): a is ArticleSummary => a !== undefined);
  }

  async function latest(limit: number, excludeIds: readonly number[] = []): Promise<ArticleSummary[]> {
    if (limit + excludeIds.length <= LATEST_HEADLINES + 1) {
      const exclude = new Set(excludeIds);
      return (await newestHeadlines.get()).filter((a) => !exclude.has(a.id)).slice(0, limit);
    }
    return repos.articles.listPublished({ limit, excludeIds });
  }

  // The chrome is on every page and changes only with curation: kept in memory, dropped by `invalidateChrome`
  // (wired to the 'chrome' purge, which reaches every instance through Redis) and after CHROME_TTL_MS.
  const chromeMemo = remembered(loadChrome);

  async function loadChrome(): Promise<SiteChrome> {
    const [sections, channels, liveOn, pages, links] = await Promise.all([
      repos.sections.listAll(),
      repos.channels.listAll(),
      repos.articles.anyPublishedOfType('live'),
      repos.reader.staticPageLinks(),
      repos.reader.menuLinks(),
    ]);
    const menu = (name: string) => links.filter((l) => l.menu === name).map(({ label, url }) => ({ label, url }));
    return { sections, channels, liveOn, staticPages: pages, menus: { main: menu('main'), footer: menu('footer') } };
  }

  return {
    async chrome(): Promise<SiteChrome> {
      return chromeMemo.get();
    },

    /** Forget the remembered chrome (sections, channels, menus, static pages or a live blog changed). */
    invalidateChrome(): void {
      chromeMemo.forget();
    },

    /**
     * Forget the remembered latest headlines and stories strip: any purge may concern them (a publication,
     * an edit or a comment count of a listed article, a hero caption, a story).
     */
    invalidateLists(): void {
      newestHeadlines.forget();
      activeStories.forget();
      commentSettings.forget();
      tagCandidates.forget();
      storyNewest.forget();
      relatedSummaries.forget();
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
      const today = Math.floor(clock.now() / 86_400_000);
      const [stories, latestList, sections, mostRead] = await Promise.all([
        activeStories.get(),
        latest(LATEST_HEADLINES + 1),
        repos.sections.listAll(),
        repos.reader.mostRead(today - 1, today, MOST_READ_COUNT),
      ]);
      const [lead = null, ...rest] = latestList;
      const featured = stories.find((s) => s.featured) ?? null;
      const featuredStoryArticles = featured ? await repos.reader.listArticles({ limit: 4, storyId: featured.id }) : [];
      const top = sections.filter((s) => s.parentId === null && s.inNav);
      const onHome = new Set(latestList.slice(0, 7).map((a) => a.id));
      const sectionBlocks = (
        await Promise.all(
          top.map(async (section) => ({
            section,
            articles: await repos.reader.listArticles({
              limit: 4,
              sectionIds: [section.id, ...sections.filter((c) => c.parentId === section.id).map((c) => c.id)],
              excludeIds: [...onHome],
            }),
          })),
        )
      ).filter((b) => b.articles.length > 0);
      // Editors' choices (lead story, order of section blocks) from the curation screen.
      return curateHome(deps.db, { stories, lead, latest: rest, featuredStoryArticles, sectionBlocks, mostRead, lastModified: newest(latestList) });
    },

    /**
     * One page of a section, story, tag, author or the latest news, by keyset: page N carries the cursor
     * of page N−1's last article, so page 10,000 costs what page 1 costs and its content never shifts.
     */
    async list(kind: ListSubject['kind'], slug: string, request: PageRequest): Promise<ListPageData> {
      const subject = await findSubject(kind, slug);
      const filter = await subjectFilter(subject);
      const rows = await repos.reader.listArticles({ ...filter, limit: pageSize + 1, ...(request.before ? { before: request.before } : {}) });
      const articles = rows.slice(0, pageSize);
      // A page past the end is not a page.
      if (request.page > 1 && articles.length === 0) throw new NotFound(`${kind} ${slug} page ${request.page}`);
      const last = articles.at(-1);
      const next = rows.length > pageSize && last ? { page: request.page + 1, before: cursorOf(last) } : null;
      let previous: PageLink | null = null;
      if (request.page > 1 && articles[0]) {
        // The previous page starts after the pageSize articles newer than this page's first one.
        const newer = await repos.reader.listArticles({ ...filter, limit: pageSize + 1, after: cursorOf(articles[0]) });
        const boundary = newer.length > pageSize ? newer[pageSize] : undefined;
        previous = request.page === 2 || !boundary ? { page: 1, before: null } : { page: request.page - 1, before: cursorOf(boundary) };
      }
      return { subject, articles, page: request.page, requestBefore: request.before, next, previous, lastModified: newest(articles) };
    },

    /** The newest articles of the whole site, a section or a story, for RSS. */
    async feed(kind: 'latest' | 'section' | 'story', slug: string): Promise<FeedData> {
      const subject = await findSubject(kind, slug);
      const articles = await repos.reader.listArticles({ ...(await subjectFilter(subject)), limit: FEED_SIZE });
      return { subject, articles, lastModified: newest(articles) };
    },

    async sitemapIndex(): Promise<SitemapIndexData> {
      const [articleBuckets, tagBuckets, pagesLastModified] = await Promise.all([
        repos.reader.articleBuckets(sitemapSize),
        repos.reader.tagBuckets(sitemapSize),
        repos.reader.lastChange(),
      ]);
      return { articleBuckets, tagBuckets, pagesLastModified };
    },

    async sitemapArticles(bucket: number): Promise<{ articles: readonly SitemapArticle[]; lastModified: number | null }> {
      const articles = await repos.reader.articlesInBucket(bucket, sitemapSize);
      if (articles.length === 0) throw new NotFound(`sitemap bucket ${bucket}`);
      return { articles, lastModified: Math.max(...articles.map((a) => a.updatedAt)) };
    },

    /** Tags in use of one id bucket (at most `sitemapSize`). */
    async sitemapTags(bucket: number): Promise<{ tags: ReadonlyArray<{ slug: string; lastModified: number }>; lastModified: number | null }> {
      const tags = await repos.reader.tagsInBucket(bucket, sitemapSize);
      if (tags.length === 0) throw new NotFound(`tag sitemap ${bucket}`);
      return { tags, lastModified: Math.max(...tags.map((t) => t.lastModified)) };
    },

    async sitemapPages(): Promise<SitemapPagesData> {
      const [lastModified, sections, stories, authors, staticPages] = await Promise.all([
        repos.reader.lastChange(),
        repos.sections.listAll(),
        repos.reader.allStories(),
        repos.reader.authorsInUse(),
        repos.reader.staticPages(),
      ]);
      return { lastModified, sections, stories, authors, staticPages };
    },

    /** Articles published in the last 48 hours (at most 1,000), for the Google News sitemap. */
    async newsSitemap(): Promise<NewsSitemapData> {
      const articles = await repos.reader.listArticles({ since: clock.now() - NEWS_WINDOW_MS, limit: NEWS_SITEMAP_MAX });
      return { articles, lastModified: newest(articles) };
    },

    async staticPage(slug: string): Promise<StaticPageRecord> {
      const page = await repos.reader.staticPage(slug);
      if (!page) throw new NotFound(`page ${slug}`);
      return page;
    },

    async staticPages(): Promise<StaticPageRecord[]> {
      return repos.reader.staticPages();
    },

    /**
     * The article page. The id is authoritative: a wrong section or slug answers `moved` with the
     * canonical parts; drafts and unknown ids are NotFound; withdrawn articles are Gone.
     */
    async article(id: number, sectionSlug: string, slug: string | null): Promise<ArticleLookup> {
      // One read of the whole article (a published one is by far the common case) with its comment count and
      // its own comment setting, then the checks.
      const found = await repos.articles.loadForPage(id);
      const article = found?.article;
      if (!found || !article || article.status === 'draft' || article.status === 'review' || article.status === 'scheduled') {
        throw new NotFound(`article ${id}`);
      }
      if (article.status === 'unpublished') throw new Gone(`article ${id}`);
      if (article.sectionSlug !== sectionSlug || (slug ?? '') !== article.slug) {
        return { kind: 'moved', sectionSlug: article.sectionSlug, id, slug: article.slug };
      }
      const storyOfArticle = article.stories[0];
      const bodyMediaIds = [...new Set(article.body.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])))];
      const [stories, latestList, sameStory, shared, video, thread, bodyMedia] = await Promise.all([
        activeStories.get(),
        latest(LATEST_HEADLINES, [id]),
        storyOfArticle ? storyNewestOf(storyOfArticle.id).then((list) => list.filter((a) => a.id !== id).slice(0, RELATED_COUNT)) : [],
        commentSettings.get(),
        article.type === 'video' ? repos.reader.videoOf(id) : null,
        // Most articles have no approved comment: then nothing of the thread is read.
        found.approvedComments > 0 ? repos.comments.threadPage(id, 'newest', 1) : noThread(id),
        repos.media.byIds(bodyMediaIds),
      ]);
      // Related: the same story first, then articles sharing the most tags.
      const now = clock.now();
      const byTags = await repos.reader.relatedByTags(
        article.tags.map((t) => t.id),
        [id, ...sameStory.map((a) => a.id)],
        RELATED_COUNT - sameStory.length,
        { candidates: candidatesOf, summaries: summariesOf },
      );
      const related = [...sameStory, ...byTags];
      const storyIds = article.stories.map((st) => st.id);
      const rules = articleRulesFrom(shared, found.ownCommentSetting, id, { status: article.status, commentsMode: article.commentsMode, storyIds }, now);
      return { kind: 'page', data: { article, stories, latest: latestList, related, comments: [], commentCount: thread.total, thread, commentsMode: rules.mode, video, bodyMedia } };
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
