// The public site's pages: home, latest, sections, stories, tags, authors, static pages, the live landing
// page and articles (with canonical-slug redirects). Parses the request (zod), asks the site service,
// renders a view with Last-Modified; no SQL and no business rules here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, articlePath, authorPath, parseArticleId, sectionPath, storyPath, tagPath } from '../../domain/index.js';
import { pageTags, type ArticlePageData, type HomeData, type ListPageData, type PageRequest, type ReadCounter, type SiteService } from '../../services/index.js';
import { ArticlePage, HomePage, ListPage, StaticPage, renderDocument, type ErrorKind } from '../../views/index.js';
import { httpDate } from '../conditional-get.js';
import type { ContextFactory } from '../context-factory.js';
import { publicCacheControl, tagPage } from '../page-cache.js';

interface Options {
  readonly site: SiteService;
  readonly context: ContextFactory;
  readonly sendError: (req: FastifyRequest, reply: FastifyReply, kind: ErrorKind) => Promise<FastifyReply>;
  /** Renders a live blog (articles of type 'live'); /live itself belongs to the live routes. */
  readonly liveArticle?: (req: FastifyRequest, reply: FastifyReply, data: ArticlePageData) => Promise<FastifyReply>;
  /** Counts article reads for the "most read" list; crawlers and audit tools are not readers. */
  readonly reads?: ReadCounter;
}

const NOT_A_READER = /bot|crawl|spider|slurp|lighthouse|headless|preview|fetch|curl|wget|python|monitor/i;

/** Counts a read of article `id` unless the client is a crawler or a tool (also for pages served from the cache). */
export function countRead(reads: ReadCounter, req: FastifyRequest, id: number): void {
  const agent = req.headers['user-agent'] ?? '';
  if (agent && !NOT_A_READER.test(agent)) reads.record(id);
}

type Listed = { readonly id: number; readonly hero?: { readonly id: number } | null };
/** The articles a page lists and the pictures their cards show (a caption or alt text edit purges them). */
const articleTags = (...lists: ReadonlyArray<readonly Listed[]>) =>
  lists.flatMap((l) => l.flatMap((a) => (a.hero ? [pageTags.article(a.id), pageTags.media(a.hero.id)] : [pageTags.article(a.id)])));

/** What the home page shows, as page-cache tags. */
function homeTags(d: HomeData): string[] {
  return [
    pageTags.home,
    pageTags.chrome,
    pageTags.latest,
    ...d.stories.map((s) => pageTags.story(s.id)),
    ...d.sectionBlocks.map((b) => pageTags.section(b.section.id)),
    ...articleTags(d.lead ? [d.lead] : [], d.latest, d.featuredStoryArticles, d.mostRead, ...d.sectionBlocks.map((b) => b.articles)),
  ];
}

function listTags(d: ListPageData): string[] {
  const s = d.subject;
  const subject =
    s.kind === 'section'
      ? [pageTags.section(s.section.id), ...s.subsections.map((c) => pageTags.section(c.id))]
      : s.kind === 'story'
        ? [pageTags.story(s.story.id)]
        : s.kind === 'tag'
          ? [pageTags.tag(s.tag.id)]
          : s.kind === 'author'
            ? [pageTags.author(s.author.id)]
            : [pageTags.latest];
  return [pageTags.chrome, ...subject, ...articleTags(d.articles)];
}

function articlePageTags(d: ArticlePageData): string[] {
  return [
    pageTags.article(d.article.id),
    pageTags.chrome,
    // The latest headlines beside the article: a publication anywhere changes the page.
    pageTags.latest,
    ...d.stories.map((s) => pageTags.story(s.id)),
    ...d.article.stories.map((s) => pageTags.story(s.id)),
    ...articleTags([d.article], d.latest, d.related),
    ...(d.bodyMedia ?? []).map((m) => pageTags.media(m.id)),
  ];
}

const SECTION_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Story, tag and author slugs may be Arabic: letters, digits and hyphens of any script. */
const ANY_SLUG = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]{0,199}$/u;

const pageQuery = z
  .object({
    page: z.coerce.number({ message: 'رقم الصفحة غير صالح.' }).int('رقم الصفحة غير صالح.').min(1, 'رقم الصفحة غير صالح.').max(100_000, 'رقم الصفحة كبير جدًا.').optional(),
    before: z
      .string()
      .regex(/^[0-9]{1,15}\.[1-9][0-9]{0,14}$/, 'مؤشر الصفحة غير صالح.')
      .transform((v) => {
        const [publishedAt, id] = v.split('.').map(Number) as [number, number];
        return { publishedAt, id };
      })
      .optional(),
  })
  .passthrough();

/** `?page=N&before=<publishedAt>.<id>` → a page request, or where to redirect a malformed combination. */
function parsePage(query: unknown): { request: PageRequest } | { redirectToFirst: true } {
  const r = pageQuery.safeParse(query);
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'page')] ??= issue.message;
    throw new InvalidInput('رابط الصفحة غير صالح.', fields);
  }
  const page = r.data.page ?? 1;
  const before = r.data.before ?? null;
  // Page N needs its cursor and page 1 has none: anything else is an old or hand-made link.
  if ((page > 1) !== (before !== null)) return { redirectToFirst: true };
  return { request: { page, before } };
}

/** Browsers keep a page a minute; shared caches (a CDN, the page cache) five, purged on every change. */
function html(reply: FastifyReply, body: string, lastModified: number | null, maxAge = 60, sMaxAge = 300) {
  if (lastModified !== null) reply.header('last-modified', httpDate(lastModified));
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', publicCacheControl(maxAge, sMaxAge))
    .send(body);
}

export const siteRoutes: FastifyPluginAsync<Options> = async (app, { site, context, sendError, liveArticle, reads }) => {
  app.get('/', async (req, reply) => {
    const [ctx, data] = await Promise.all([context(req), site.home()]);
    tagPage(reply, homeTags(data));
    return html(reply, renderDocument(HomePage({ ctx, data })), data.lastModified);
  });

  const list =
    (kind: 'section' | 'story' | 'tag' | 'author' | 'latest') =>
    async (req: FastifyRequest<{ Params: { slug?: string } }>, reply: FastifyReply) => {
      const slug = req.params.slug ?? '';
      if (kind === 'section' ? !SECTION_SLUG.test(slug) : kind !== 'latest' && !ANY_SLUG.test(slug)) {
        return sendError(req, reply, 'notFound');
      }
      const parsed = parsePage(req.query);
      if ('redirectToFirst' in parsed) {
        const paths = { latest: () => '/latest', section: sectionPath, story: storyPath, tag: tagPath, author: authorPath };
        return reply.redirect(paths[kind](slug), 301);
      }
      const [ctx, data] = await Promise.all([context(req), site.list(kind, slug, parsed.request)]);
      tagPage(reply, listTags(data));
      return html(reply, renderDocument(ListPage({ ctx, data })), data.lastModified);
    };
  app.get('/latest', list('latest'));
  app.get('/stories/:slug', list('story'));
  app.get('/tags/:slug', list('tag'));
  app.get('/authors/:slug', list('author'));
  app.get('/:slug', list('section'));

  app.get('/pages/:slug', async (req: FastifyRequest<{ Params: { slug: string } }>, reply) => {
    if (!SECTION_SLUG.test(req.params.slug)) return sendError(req, reply, 'notFound');
    const [ctx, page] = await Promise.all([context(req), site.staticPage(req.params.slug)]);
    tagPage(reply, [pageTags.page(page.slug), pageTags.chrome]);
    return html(reply, renderDocument(StaticPage({ ctx, page })), page.updatedAt, 300, 900);
  });

  const article = async (req: FastifyRequest<{ Params: { section: string; id: string; slug?: string } }>, reply: FastifyReply) => {
    const { section, slug } = req.params;
    const id = parseArticleId(req.params.id);
    if (id === null || !SECTION_SLUG.test(section)) return sendError(req, reply, 'notFound');
    const found = await site.article(id, section, slug ?? null);
    if (found.kind === 'moved') {
      return reply.redirect(articlePath({ sectionSlug: found.sectionSlug, id: found.id, slug: found.slug }), 301);
    }
    if (reads) countRead(reads, req, id);
    if (found.data.article.type === 'live' && liveArticle) return liveArticle(req, reply, found.data);
    const ctx = await context(req);
    const d = found.data;
    // The page shows the latest headlines and comments too: it changes when any of them does.
    const lastModified = Math.max(d.article.updatedAt, ...d.latest.map((a) => a.updatedAt), ...d.comments.map((c) => c.createdAt), d.thread?.newestAt ?? 0);
    tagPage(reply, articlePageTags(d), { articleRead: id });
    return html(reply, renderDocument(ArticlePage({ ctx, data: d })), lastModified);
  };
  app.get('/:section/:id', article);
  app.get('/:section/:id/:slug', article);
};
