// What a cached page shows, as tags: the vocabulary shared by the pages that carry tags (Surrogate-Key)
// and the writes that purge them. A page is tagged with its subject and with every article it lists, so
// an update of article X purges exactly the pages that show X, and a publication purges the lists X
// enters (its section and parent section, stories, tags, authors, home, latest, feeds, sitemaps).
import type { Db, Tx } from '../../db/index.js';
import type { ArticleHooks, ArticleWritten } from '../publishing/article-hooks.js';

export const pageTags = {
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  story: (id: number) => `story:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  page: (slug: string) => `page:${slug}`,
  /** A picture whose caption, credit or alt text the page shows (hero, body image, card). */
  media: (id: number) => `media:${id}`,
  home: 'home',
  latest: 'latest',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  /** Everything every HTML page shows around its content: sections, channels, menus, stories strip, breaking bar. */
  chrome: 'chrome',
} as const;

/** Receives purges: the page cache of this instance, other instances, a CDN. */
export interface PurgeSink {
  purge(tags: readonly string[]): void;
}

/** The lists an article appears in: its section (and the parent section, whose page shows its subsections), stories, tags, authors. */
export async function articlePlacementTags(db: Db | Tx, articleId: number): Promise<{ status: string | null; tags: string[] }> {
  const article = await db
    .selectFrom('articles')
    .leftJoin('sections', 'sections.id', 'articles.section_id')
    .select(['articles.status', 'articles.type', 'articles.section_id', 'sections.parent_id'])
    .where('articles.id', '=', articleId)
    .executeTakeFirst();
  if (!article) return { status: null, tags: [] };
  const [stories, tags, authors] = await Promise.all([
    db.selectFrom('story_articles').select('story_id').where('article_id', '=', articleId).execute(),
    db.selectFrom('article_tags').select('tag_id').where('article_id', '=', articleId).execute(),
    db.selectFrom('article_authors').select('author_id').where('article_id', '=', articleId).execute(),
  ]);
  const out = [
    pageTags.section(article.section_id),
    ...(article.parent_id !== null ? [pageTags.section(article.parent_id)] : []),
    ...stories.map((s) => pageTags.story(s.story_id)),
    ...tags.map((t) => pageTags.tag(t.tag_id)),
    ...authors.map((a) => pageTags.author(a.author_id)),
    // A published live blog turns the header's مباشر link on: every page's chrome.
    ...(article.type === 'live' ? [pageTags.chrome] : []),
  ];
  return { status: article.status, tags: out };
}

/** Tags an article write purges (pure: the write, and the placement before and after it). */
export function tagsForArticleWrite(event: ArticleWritten, before: readonly string[] | undefined, after: readonly string[]): string[] {
  const visibleNow = event.status === 'published';
  const visibleBefore = event.previousStatus === 'published';
  if (event.action === 'comments') return [pageTags.article(event.articleId)];
  // Drafts, reviews and schedules change nothing readers see.
  if (!visibleNow && !visibleBefore) return [];
  const tags = new Set<string>([pageTags.article(event.articleId), pageTags.sitemaps]);
  const placementChanged = !before || before.length !== after.length || before.some((t, i) => t !== after[i]);
  if (visibleNow !== visibleBefore || placementChanged) {
    // The article enters or leaves lists: every list it is or was in, and the site-wide ones.
    for (const t of [...(before ?? []), ...after, pageTags.home, pageTags.latest, pageTags.feeds]) tags.add(t);
  }
  // An update in place: the pages that show the article carry its tag already.
  return [...tags];
}

/**
 * The article hooks that purge pages: the placement is read inside the write's transaction before
 * the change (`beforeWrite`) and again after commit, so moving an article purges its old lists too.
 */
export function articlePurgeHooks(db: Db, sink: PurgeSink): Pick<ArticleHooks, 'beforeWrite' | 'afterCommit'> {
  const placedBefore = new Map<number, string[]>();
  return {
    beforeWrite: [
      async (trx, articleId) => {
        const { status, tags } = await articlePlacementTags(trx, articleId);
        if (status === 'published') placedBefore.set(articleId, tags);
        else placedBefore.delete(articleId);
      },
    ],
    afterCommit: [
      async (event) => {
        const before = placedBefore.get(event.articleId);
        placedBefore.delete(event.articleId);
        if (event.action === 'comments') return sink.purge(tagsForArticleWrite(event, before, []));
        const { tags: after } = await articlePlacementTags(db, event.articleId);
        const tags = tagsForArticleWrite(event, before, after);
        if (tags.length > 0) sink.purge(tags);
      },
    ],
  };
}
