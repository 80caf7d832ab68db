// RSS 2.0 feeds: the latest news (/rss.xml), each section (/{section}/rss.xml) and each story
// (/stories/{slug}/rss.xml), with Last-Modified (ETag and 304 come from conditional-get).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound, sectionPath, storyPath } from '../../domain/index.js';
import { pageTags, type FeedData, type SiteService } from '../../services/index.js';
import { renderRss } from '../../views/index.js';
import { httpDate } from '../conditional-get.js';
import type { ContextFactory } from '../context-factory.js';
import { publicCacheControl, tagPage } from '../page-cache.js';

interface Options {
  readonly site: SiteService;
  readonly context: ContextFactory;
}

const SECTION_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const ANY_SLUG = /^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]{0,199}$/u;

export const feedRoutes: FastifyPluginAsync<Options> = async (app, { site, context }) => {
  async function send(req: FastifyRequest, reply: FastifyReply, feed: FeedData) {
    const ctx = await context(req);
    const s = feed.subject;
    const [title, description, pagePath] =
      s.kind === 'section'
        ? [`${s.section.name} | ${ctx.siteName}`, s.section.description || ctx.t.reader.sectionIntro(s.section.name), sectionPath(s.section.slug)]
        : s.kind === 'story'
          ? [`${s.story.title} | ${ctx.siteName}`, s.story.description || s.story.title, storyPath(s.story.slug)]
          : [ctx.siteName, `${ctx.siteName} — ${ctx.t.site.latest}`, '/'];
    const body = renderRss(ctx, { title, description, pagePath, feedPath: req.url.split('?')[0]!, articles: feed.articles, lastModified: feed.lastModified });
    if (feed.lastModified !== null) reply.header('last-modified', httpDate(feed.lastModified));
    const subject = s.kind === 'section' ? [pageTags.section(s.section.id)] : s.kind === 'story' ? [pageTags.story(s.story.id)] : [];
    tagPage(reply, [pageTags.feeds, ...subject, ...feed.articles.map((a) => pageTags.article(a.id))]);
    return reply
      .header('content-type', 'application/rss+xml; charset=utf-8')
      .header('cache-control', publicCacheControl(300, 300, 600))
      .send(body);
  }

  app.get('/rss.xml', async (req, reply) => send(req, reply, await site.feed('latest', '')));
  app.get('/:section/rss.xml', async (req: FastifyRequest<{ Params: { section: string } }>, reply) => {
    if (!SECTION_SLUG.test(req.params.section)) throw new NotFound(req.params.section);
    return send(req, reply, await site.feed('section', req.params.section));
  });
  app.get('/stories/:slug/rss.xml', async (req: FastifyRequest<{ Params: { slug: string } }>, reply) => {
    if (!ANY_SLUG.test(req.params.slug)) throw new NotFound(req.params.slug);
    return send(req, reply, await site.feed('story', req.params.slug));
  });
};
