// The public site's pages: home, article (with canonical-slug redirects) and the live landing page.
// Parses the request, asks the site service, renders a view; no SQL and no business rules here.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath, parseArticleId } from '../../domain/index.js';
import type { SiteService } from '../../services/index.js';
import { ArticlePage, HomePage, LivePage, renderDocument, type ErrorKind } from '../../views/index.js';
import type { ContextFactory } from '../context-factory.js';

interface Options {
  readonly site: SiteService;
  readonly context: ContextFactory;
  readonly sendError: (req: FastifyRequest, reply: FastifyReply, kind: ErrorKind) => Promise<FastifyReply>;
}

const SECTION_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

function html(reply: FastifyReply, body: string, maxAge = 60) {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', `public, max-age=${maxAge}, stale-while-revalidate=300`)
    .send(body);
}

export const siteRoutes: FastifyPluginAsync<Options> = async (app, { site, context, sendError }) => {
  app.get('/', async (req, reply) => {
    const [ctx, data] = await Promise.all([context(req), site.home()]);
    return html(reply, renderDocument(HomePage({ ctx, data })));
  });

  app.get('/live', async (req, reply) => {
    const [ctx, data] = await Promise.all([context(req), site.live()]);
    return html(reply, renderDocument(LivePage({ ctx, data })), 15);
  });

  const article = async (req: FastifyRequest<{ Params: { section: string; id: string; slug?: string } }>, reply: FastifyReply) => {
    const { section, slug } = req.params;
    const id = parseArticleId(req.params.id);
    if (id === null || !SECTION_SLUG.test(section)) return sendError(req, reply, 'notFound');
    const found = await site.article(id, section, slug ?? null);
    if (found.kind === 'moved') {
      return reply.redirect(articlePath({ sectionSlug: found.sectionSlug, id: found.id, slug: found.slug }), 301);
    }
    const ctx = await context(req);
    return html(reply, renderDocument(ArticlePage({ ctx, data: found.data })));
  };
  app.get('/:section/:id', article);
  app.get('/:section/:id/:slug', article);
};
