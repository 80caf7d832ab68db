// Builds the Fastify application (without listening): security headers, assets, media, the public
// site routes, and the one place where domain errors become HTTP statuses and Arabic error pages.
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Config } from '../config/index.js';
import { Gone, InvalidInput, NotFound } from '../domain/index.js';
import { createFormatter, localeInfo, messages } from '../i18n/index.js';
import type { ImageCropService, ReadCounter, SiteService } from '../services/index.js';
import { ErrorPage, renderDocument, type ErrorKind } from '../views/index.js';
import { loadAssets } from './assets.js';
import { registerConditionalGet } from './conditional-get.js';
import type { ContextFactory } from './context-factory.js';
import { feedRoutes } from './routes/feed-routes.js';
import { seoRoutes } from './routes/seo-routes.js';
import { siteRoutes } from './routes/site-routes.js';
import { searchRoutes, type SearchRateLimit } from './routes/search-routes.js';
import { commentRoutes } from './routes/comment-routes.js';
import type { CommentService, ReaderService } from '../services/index.js';
import type { SearchService } from '../services/index.js';
import { securityHeaders } from './security-headers.js';
import { STATUS_OF, clientErrorHandler, isApiPath, kindOfStatus } from './errors.js';
import { liveArticleRenderer, liveRoutes } from './routes/live-routes.js';
import type { LiveService } from '../services/index.js';
import { ensureRouteTable, newsroomPlugin, type NewsroomServices } from './newsroom/index.js';
import { previewRoutes } from './preview-routes.js';
import { apiPlugin } from './api/index.js';
import type { ContentApiService } from '../services/index.js';
import type { Redis } from 'ioredis';
import { createLifecycle, healthRoutes, type HealthOptions } from './health.js';
import type { PurgeBus } from '../services/index.js';
import { countRead } from './routes/site-routes.js';
import { createPageCache, expireBy, registerPageCache } from './page-cache.js';

export interface AppDeps {
  readonly config: Config;
  readonly site: SiteService;
  /** Absent in tests of other pages: then /search and /api/search are not registered. */
  readonly search?: SearchService;
  readonly crops?: ImageCropService;
  readonly reads?: ReadCounter;
  /** Live coverage: /live, live blogs, their events and the breaking bar (absent: none of these). */
  readonly live?: LiveService;
  /** The newsroom's services (accounts, audit, API tokens, publishing …). */
  readonly newsroom?: NewsroomServices;
  /** Published content for the JSON API (with `newsroom`, the API is mounted at /api/v1). */
  readonly content?: ContentApiService;
  /** Reader comments and reader accounts (absent: /comments and /account are not registered). */
  readonly comments?: { readonly comments: CommentService; readonly readers: ReaderService };
  /** /readyz probes and the draining flag (absent: /readyz checks nothing but draining). */
  readonly health?: HealthOptions;
  /** Shared Redis (REDIS_URL): rate-limit counters live there, so every instance counts together. */
  readonly redis?: Redis | null;
  /** Purges for the page cache (this instance's writes and, through Redis, the others'). */
  readonly purges?: Pick<PurgeBus, 'subscribe' | 'published'>;
  readonly logger?: FastifyBaseLogger | boolean;
  /** The search routes' per-client budget (default 30 a minute); the sqlmap harness lifts it. */
  readonly searchRateLimit?: SearchRateLimit;
  /** Request time source, for tests with a fixed clock. */
  readonly now?: () => number;
}


/** A stored picture file: `{random key}/{width}.{avif|webp|jpg}` or a cached crop `{key}/crop-16x9-640.jpg`. */
const MEDIA_FILE = /^\/?[a-z0-9]{8,64}\/(?:[0-9]{2,5}\.(?:avif|webp|jpg)|crop-[0-9]{1,2}x[0-9]{1,2}-[0-9]{2,5}\.jpg)$/;

declare module 'fastify' {
  interface FastifyInstance {
    /** Every method and URL pattern registered, in registration order. */
    allRoutes: { method: string; url: string }[];
  }
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const headers = securityHeaders(config.publicUrl);
  const locale = 'ar' as const;
  const t = messages(locale);
  const app: FastifyInstance = Fastify({
    ...(typeof deps.logger === 'object' ? { loggerInstance: deps.logger } : { logger: deps.logger ?? false }),
    trustProxy: config.trustProxy,
    // Ids above 15 digits and other hostile paths are rejected by routes, not by the parser.
    routerOptions: { maxParamLength: 500 },
    return503OnClosing: true,
    // Bytes Node's parser refuses (raw UTF-8 in the request line, broken headers) and URLs the router
    // cannot decode get the same Arabic answers as every other bad request.
    clientErrorHandler: clientErrorHandler(t, headers),
    frameworkErrors: (error, req, reply) => {
      const status = (error as { statusCode?: number }).statusCode ?? 400;
      return sendError(req, reply, kindOfStatus(status >= 400 && status < 500 ? status : 400));
    },
  });
  // Every route of the app (site, comments, newsroom, API), for the tests that walk them all.
  app.decorate('allRoutes', [] as { method: string; url: string }[]);
  // Newsroom and API routes with their access (the search API, registered before the API plugin, too).
  ensureRouteTable(app);
  app.addHook('onRoute', (route) => {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) app.allRoutes.push({ method, url: route.url });
  });
  const now = deps.now ?? Date.now;
  const assets = await loadAssets();
  const fmt = createFormatter({ locale, timeZone: config.timeZone, digits: config.digits, hijri: config.hijriDates });

  const context: ContextFactory = async (request) => {
    const [chrome, liveChrome] = await Promise.all([deps.site.chrome(), deps.live?.chrome()]);
    if (liveChrome?.breaking) expireBy(request, liveChrome.breaking.expiresAt);
    return {
      siteName: config.siteName,
      publicUrl: config.publicUrl,
      locale,
      lang: localeInfo[locale].lang,
      dir: localeInfo[locale].dir,
      t,
      fmt,
      assets: assets.urls,
      sections: chrome.sections,
      channels: chrome.channels,
      now: now(),
      liveOn: liveChrome ? liveChrome.onAir : chrome.liveOn,
      breaking: liveChrome?.breaking ?? null,
      ...(liveChrome ? { liveSeq: liveChrome.seq } : {}),
      staticPages: chrome.staticPages,
      menus: chrome.menus,
    };
  };

  app.addHook('onSend', async (req, reply, payload) => {
    reply.headers(headers);
    // Draining before shutdown: each answer closes its connection, so keep-alive clients (nginx) go elsewhere.
    if (deps.health?.lifecycle.draining) reply.header('connection', 'close');
    // Behind a proxy, HSTS only on what arrived over https (X-Forwarded-Proto); a browser ignores it over http.
    if (config.trustProxy && req.protocol !== 'https') reply.removeHeader('strict-transport-security');
    return payload;
  });
  // Rendered pages kept in memory, purged by tag (page-cache.ts): between the headers and the ETag.
  if (config.pageCacheBytes > 0) {
    const cache = createPageCache({ maxBytes: config.pageCacheBytes, now });
    registerPageCache(app, { cache, ...(deps.reads ? { onHit: (req, meta) => meta.articleRead && countRead(deps.reads!, req, meta.articleRead) } : {}) });
    const unsubscribe = deps.purges?.subscribe((tags) => cache.purge(tags));
    if (unsubscribe) app.addHook('onClose', async () => void unsubscribe());
  }
  // A write is answered only once its purges reached Redis: whoever reads next, on any instance, sees it.
  if (deps.purges) {
    const purges = deps.purges;
    app.addHook('onSend', async (req, _reply, payload) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') await purges.published();
      return payload;
    });
  }
  await registerConditionalGet(app);

  app.get('/assets/:file', (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const asset = assets.byUrl.get(`/assets/${req.params.file}`);
    if (!asset) return sendError(req, reply, 'notFound');
    return reply.header('content-type', asset.type).header('cache-control', 'public, max-age=31536000, immutable').send(asset.body);
  });

  await app.register(fastifyStatic, {
    root: config.mediaDir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    dotfiles: 'deny',
    // Only picture variants and their crops are ever served from the media directory, whatever else lands there.
    allowedPath: (path) => MEDIA_FILE.test(path),
    // Media keys are random and never reused: a file at a URL never changes.
    immutable: true,
    maxAge: '365d',
    wildcard: true,
  });

  // Error mapping first: plugins registered below inherit it.
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 'notFound'));

  app.setErrorHandler((error, req, reply) => {
    if (error instanceof NotFound) return sendError(req, reply, 'notFound');
    if (error instanceof Gone) return sendError(req, reply, 'gone');
    if (error instanceof InvalidInput) return sendError(req, reply, 'badRequest');
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429) return sendError(req, reply, 'tooManyRequests');
    if (status && status >= 400 && status < 500) return sendError(req, reply, kindOfStatus(status));
    req.log.error(error);
    return sendError(req, reply, 'serverError');
  });

  await app.register(healthRoutes, deps.health ?? { probes: [], lifecycle: createLifecycle() });

  const liveArticle = deps.live ? liveArticleRenderer({ live: deps.live, context, sendError: (req, reply, kind) => sendError(req, reply, kind) }) : undefined;
  await app.register(siteRoutes, { site: deps.site, context, sendError: (req, reply, kind) => sendError(req, reply, kind), ...(liveArticle ? { liveArticle } : {}), ...(deps.reads ? { reads: deps.reads } : {}) });
  if (deps.reads) app.addHook('onClose', () => deps.reads!.flush());
  if (deps.live) await app.register(liveRoutes, { live: deps.live, site: deps.site, context, headers, sendError: (req, reply, kind) => sendError(req, reply, kind) });
  if (deps.search) await app.register(searchRoutes, { search: deps.search, context, publicUrl: config.publicUrl, ...(deps.searchRateLimit ? { rateLimit: deps.searchRateLimit } : {}), ...(deps.redis ? { redis: deps.redis } : {}) });
  await app.register(feedRoutes, { site: deps.site, context });
  if (deps.comments) await app.register(commentRoutes, { ...deps.comments, context, publicUrl: config.publicUrl });
  if (deps.newsroom) await app.register(newsroomPlugin, { ...deps.newsroom, config, now, css: assets.newsroomCss, icon: assets.urls.icon, scripts: assets.urls.scripts ?? {} });
  if (deps.newsroom) await app.register(previewRoutes, { publishing: deps.newsroom.publishing, context, config, now });
  if (deps.newsroom && deps.content) {
    const { apiTokens, articleList, publishing } = deps.newsroom;
    await app.register(apiPlugin, { publicUrl: config.publicUrl, siteName: config.siteName, content: deps.content, apiTokens, articleList, publishing, describeSearch: deps.search !== undefined });
  }
  await app.register(seoRoutes, { site: deps.site, context, ...(deps.crops ? { crops: deps.crops } : {}) });

  async function sendError(request: FastifyRequest, reply: FastifyReply, kind: ErrorKind) {
    const status = STATUS_OF[kind];
    // Framework errors (an undecodable URL) are answered before the hooks: the headers go on here too.
    reply.headers(headers);
    if (isApiPath(request.url)) {
      const m = t.api;
      const error = { notFound: m.notFound, gone: m.gone, badRequest: m.invalid, payloadTooLarge: t.errors.payloadTooLargeTitle, unsupportedMediaType: t.errors.unsupportedMediaTypeTitle, tooManyRequests: m.tooManyRequests, serverError: m.serverError }[kind];
      return reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify({ error }));
    }
    let html: string;
    try {
      html = renderDocument(ErrorPage({ ctx: await context(request), kind }));
    } catch (e) {
      // The database may be what failed: answer with a minimal page rather than nothing.
      request.log.error(e, 'error page could not load the site chrome');
      html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${t.errors.serverErrorTitle}</title><meta name="robots" content="noindex"></head><body><h1>${t.errors.serverErrorTitle}</h1><p>${t.errors.serverErrorBody}</p></body></html>`;
    }
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }

  return app;
}
