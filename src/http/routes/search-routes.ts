// GET /search (the reader's page) and GET /api/search (JSON hits), rate-limited per client. Parses the
// query string, asks the search service, renders or serializes; turns refused queries into Arabic 400s.
// Must not know how matching or ranking works.
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';
import { InvalidInput } from '../../domain/index.js';
import { messages } from '../../i18n/index.js';
import type { SearchParams, SearchService } from '../../services/index.js';
import { SearchPage, renderDocument, type SearchForm, type SearchPageData } from '../../views/index.js';
import type { ContextFactory } from '../context-factory.js';

export interface SearchRateLimit {
  /** Searches one client may make per window. */
  readonly max: number;
  readonly windowMs: number;
}

/** Generous for a person typing, tight for a scraper walking the archive. */
export const SEARCH_RATE_LIMIT: SearchRateLimit = { max: 30, windowMs: 60_000 };

interface Options {
  readonly search: SearchService;
  readonly context: ContextFactory;
  readonly publicUrl: string;
  readonly rateLimit?: SearchRateLimit;
  /** With several instances, the budget is counted in Redis (one per client across the site). */
  readonly redis?: Redis;
}

const FIELDS = ['q', 'section', 'story', 'type', 'from', 'to', 'page'] as const;

/** The first value of each known parameter; empty filter values (an untouched <select>) are absent. */
function readParams(query: unknown): SearchParams & SearchForm {
  const raw = (query ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const key of FIELDS) {
    const v = raw[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s !== 'string') continue;
    if (key !== 'q' && s.trim() === '') continue;
    out[key] = key === 'q' ? s : s.trim();
  }
  return { q: out['q'] ?? '', ...out } as SearchParams & SearchForm;
}

export const searchRoutes: FastifyPluginAsync<Options> = async (app, { search, context, publicUrl, rateLimit = SEARCH_RATE_LIMIT, redis }) => {
  const t = messages('ar');
  const errorText = (e: InvalidInput): string => {
    const key = Object.values(e.fields)[0] ?? '';
    return (t.search.errors as Record<string, string>)[key] ?? t.errors.badRequestBody;
  };

  // Registered inside this plugin, "global" means these routes only, sharing one budget per client.
  await app.register(fastifyRateLimit, {
    global: true,
    max: rateLimit.max,
    timeWindow: rateLimit.windowMs,
    // Several instances count in Redis together; if Redis fails, searches are served rather than refused.
    ...(redis ? { redis, nameSpace: 'minbar:rl:search:', skipOnError: true } : {}),
    errorResponseBuilder: () => ({ statusCode: 429, error: 'Too Many Requests', message: t.search.errors.rateLimited }),
  });

  const page = async (req: FastifyRequest, reply: FastifyReply, data: SearchPageData, status: number) => {
    const ctx = await context(req);
    return reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', status === 200 ? 'public, max-age=60' : 'no-store')
      .header('x-robots-tag', 'noindex')
      .send(renderDocument(SearchPage({ ctx, data })));
  };

  app.setErrorHandler(async (error, req, reply) => {
    if ((error as { statusCode?: number }).statusCode !== 429) throw error;
    reply.header('cache-control', 'no-store');
    if (req.url.startsWith('/api/')) return reply.code(429).send({ error: { message: t.search.errors.rateLimited } });
    return page(req, reply, { form: readParams(req.query), result: null, error: t.search.errors.rateLimited }, 429);
  });

  app.get('/search', async (req, reply) => {
    const params = readParams(req.query);
    const asked = Object.keys(req.query as object).length > 0;
    if (!asked) return page(req, reply, { form: params, result: null, error: null }, 200);
    try {
      const result = await search.search(params);
      return page(req, reply, { form: params, result, error: null }, 200);
    } catch (e) {
      if (e instanceof InvalidInput) return page(req, reply, { form: params, result: null, error: errorText(e) }, 400);
      throw e;
    }
  });

  // The JSON search is part of the API: public, listed in the route table (and the OpenAPI document).
  app.routeTable.push({ area: 'api', method: 'GET', url: '/api/search', access: 'public' });
  app.get('/api/search', async (req, reply) => {
    const params = readParams(req.query);
    try {
      const r = await search.search(params);
      return reply.header('cache-control', 'public, max-age=60').send({
        query: r.query,
        mode: r.mode,
        total: r.total,
        page: r.page,
        pages: r.pages,
        story: r.story ?? null,
        hits: r.hits.map((h) => ({
          id: h.id,
          url: `${publicUrl}${h.url}`,
          title: h.title,
          snippet: h.snippet,
          score: h.score,
          publishedAt: new Date(h.publishedAt).toISOString(),
          section: h.sectionSlug,
          type: h.type,
        })),
      });
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      const fields: Record<string, string> = {};
      for (const [field, key] of Object.entries(e.fields)) fields[field] = (t.search.errors as Record<string, string>)[key] ?? t.errors.badRequestBody;
      return reply.code(400).header('cache-control', 'no-store').send({ error: { message: errorText(e), fields } });
    }
  });
};
