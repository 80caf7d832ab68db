// The content API under /api: the public, read-only JSON of published content (keyset pages, ETags
// and 304, CORS for any origin) and the authenticated newsroom API for integrations (bearer tokens,
// scoped, over the same services as the newsroom screens), described at /api/openapi.json.
// No cookies are read here, so no request can ride on a browser session (and CSRF does not apply).
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, Forbidden, Gone, InvalidInput, NotFound, type Actor, MAX_ID } from '../../domain/index.js';
import {
  articleInputSchema,
  articleQuerySchema,
  pageQuerySchema,
  searchParamsSchema,
  type ApiTokenService,
  type ArticleListService,
  type ContentApiService,
  type PublishingService,
} from '../../services/index.js';
import { ensureRouteTable, exposeToParent } from '../newsroom/index.js';
import { articleJson, articleSummaryJson, authorJson, page, schemas, sectionJson, storyJson } from './api-json.js';
import { apiMessages, apiRoute, type ApiAccess, type ApiRegistry, type ApiRouteDef } from './api-route.js';
import { openApiDocument } from './openapi-document.js';

export interface ApiDeps {
  readonly publicUrl: string;
  readonly siteName: string;
  readonly content: ContentApiService;
  readonly apiTokens: ApiTokenService;
  readonly articleList: ArticleListService;
  readonly publishing: PublishingService;
  /** GET /api/search is served (by the search routes): describe it in the OpenAPI document too. */
  readonly describeSearch?: boolean;
}

const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });
const newsroomListQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(['draft', 'review', 'scheduled', 'published', 'unpublished']).optional(),
  section: z.coerce.number().int().positive().max(MAX_ID).optional(),
  author: z.coerce.number().int().positive().max(MAX_ID).optional(),
  story: z.coerce.number().int().positive().max(MAX_ID).optional(),
  after: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
const saveBody = z.object({
  article: articleInputSchema,
  baseRevision: z.number().int().min(0).optional(),
  correction: z.string().max(2000).optional(),
});
const scheduleBody = z.object({ publishAt: z.iso.datetime({ offset: true }) });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[issue.path.map(String).join('.') || 'body'] ??= issue.message;
  throw new InvalidInput('الطلب غير صالح.', fields);
}

/** Public JSON with a strong ETag; a matching If-None-Match gets 304 and no body. */
function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: unknown, maxAge = 60) {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  reply.header('etag', etag).header('cache-control', `public, max-age=${maxAge}`).header('vary', 'accept-encoding');
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  return reply.header('content-type', 'application/json; charset=utf-8').send(json);
}

async function scopedApi(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const registry: ApiRegistry = { operations: [] };
  const authenticate = async (request: FastifyRequest): Promise<Actor | null> => {
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const caller = m ? await deps.apiTokens.authenticate(m[1]) : null;
    return caller?.actor ?? null;
  };
  const route = <A extends ApiAccess>(def: ApiRouteDef<A>) => apiRoute(app, registry, authenticate, def);
  const url = deps.publicUrl;

  app.addHook('onRequest', async (request, reply) => {
    // The public API may be read from any origin; the newsroom API needs a token, never a cookie.
    reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, OPTIONS')
        .header('access-control-allow-headers', 'authorization, content-type, if-none-match')
        .header('access-control-max-age', '600')
        .send();
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const t = apiMessages(request);
    reply.header('cache-control', 'no-store');
    if (error instanceof InvalidInput) return reply.code(400).send({ error: error.message || t.invalid, fields: error.fields });
    if (error instanceof NotFound) return reply.code(404).send({ error: t.notFound });
    if (error instanceof Gone) return reply.code(410).send({ error: t.gone });
    if (error instanceof Forbidden) return reply.code(403).send({ error: t.forbidden });
    if (error instanceof Conflict) return reply.code(409).send({ error: error.message || t.invalid });
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 429) return reply.code(429).send({ error: t.tooManyRequests });
    if (status && status >= 400 && status < 500) return reply.code(status).send({ error: t.invalid });
    request.log.error(error);
    return reply.code(500).send({ error: t.serverError });
  });
  app.setNotFoundHandler((request, reply) => reply.code(404).header('cache-control', 'no-store').send({ error: apiMessages(request).notFound }));

  // ─── Public, read-only ────────────────────────────────────────────────────────────────────────────
  route({
    method: 'GET',
    url: '/v1/articles',
    access: 'public',
    tag: 'content',
    summary: 'Published articles, newest first (keyset pages; filter by section, story or author slug).',
    query: articleQuerySchema,
    response: page('ArticleSummary'),
    handler: async (request, reply) => {
      const r = await deps.content.articles(parse(articleQuerySchema, request.query));
      return sendCacheable(request, reply, { items: r.items.map((a) => articleSummaryJson(url, a)), next: r.next });
    },
  });
  route({
    method: 'GET',
    url: '/v1/articles/:id',
    access: 'public',
    tag: 'content',
    summary: 'One published article with its body blocks, authors, tags, stories and corrections (410 once withdrawn).',
    response: { $ref: '#/components/schemas/Article' },
    handler: async (request, reply) => sendCacheable(request, reply, articleJson(url, await deps.content.article(parse(idParams, request.params).id))),
  });
  route({
    method: 'GET',
    url: '/v1/sections',
    access: 'public',
    tag: 'content',
    summary: 'Every section, in menu order.',
    response: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Section' } } } },
    handler: async (request, reply) => sendCacheable(request, reply, { items: (await deps.content.sections()).map((s) => sectionJson(url, s)) }, 300),
  });
  route({
    method: 'GET',
    url: '/v1/stories',
    access: 'public',
    tag: 'content',
    summary: 'Stories (ongoing and archived), newest first, with their count of published articles.',
    query: pageQuerySchema,
    response: page('Story'),
    handler: async (request, reply) => {
      const r = await deps.content.stories(parse(pageQuerySchema, request.query));
      return sendCacheable(request, reply, { items: r.items.map((s) => storyJson(url, s)), next: r.next }, 300);
    },
  });
  route({
    method: 'GET',
    url: '/v1/authors',
    access: 'public',
    tag: 'content',
    summary: 'Authors and organisations that sign articles.',
    query: pageQuerySchema,
    response: page('Author'),
    handler: async (request, reply) => {
      const r = await deps.content.authors(parse(pageQuerySchema, request.query));
      return sendCacheable(request, reply, { items: r.items.map((a) => authorJson(url, a)), next: r.next }, 300);
    },
  });

  // ─── Newsroom, with an integration token ──────────────────────────────────────────────────────────
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  route({
    method: 'GET',
    url: '/v1/newsroom/articles',
    access: 'article.read',
    tag: 'newsroom',
    summary: 'Articles in every status the token’s account may read (a writer’s own, an editor’s sections), newest edit first.',
    query: newsroomListQuery,
    response: page('NewsroomArticle'),
    handler: async (request, reply, actor) => {
      const r = await deps.articleList.list(actor, parse(newsroomListQuery, request.query));
      return noStore(reply).send({ items: r.rows.map((a) => ({ ...a, updatedAt: iso(a.updatedAt), publishedAt: iso(a.publishedAt) })), next: r.next, total: r.total });
    },
  });
  route({
    method: 'GET',
    url: '/v1/newsroom/articles/:id',
    access: 'article.read',
    tag: 'newsroom',
    summary: 'An article’s editable fields, status and revision (send the revision back when saving).',
    response: { $ref: '#/components/schemas/EditableArticle' },
    handler: async (request, reply, actor) => {
      const a = await deps.publishing.forEditing(actor, parse(idParams, request.params).id);
      return noStore(reply).send({ id: a.id, status: a.status, revision: a.revision, createdBy: a.createdBy, publishAt: iso(a.publishAt), publishedAt: iso(a.publishedAt), updatedAt: iso(a.updatedAt), fields: a.fields });
    },
  });
  route({
    method: 'POST',
    url: '/v1/newsroom/articles',
    access: 'article.create',
    tag: 'newsroom',
    summary: 'Creates a draft owned by the token’s account.',
    body: articleInputSchema,
    status: 201,
    response: { $ref: '#/components/schemas/Workflow' },
    handler: async (request, reply, actor) => {
      const r = await deps.publishing.createDraft(actor, parse(articleInputSchema, request.body));
      return noStore(reply).code(201).header('location', `/api/v1/newsroom/articles/${r.id}`).send({ id: r.id, status: 'draft', revision: r.revision });
    },
  });
  route({
    method: 'PUT',
    url: '/v1/newsroom/articles/:id',
    access: 'article.edit',
    tag: 'newsroom',
    summary: 'Saves an article’s fields; `baseRevision` guards against overwriting someone else’s edit (409).',
    body: saveBody,
    response: { $ref: '#/components/schemas/Workflow' },
    handler: async (request, reply, actor) => {
      const { id } = parse(idParams, request.params);
      const b = parse(saveBody, request.body);
      const r = await deps.publishing.save(actor, id, b.article, { ...(b.baseRevision !== undefined ? { baseRevision: b.baseRevision } : {}), ...(b.correction ? { correction: b.correction } : {}) });
      return noStore(reply).send({ id, revision: r.revision, updatedAt: iso(r.updatedAt) });
    },
  });
  const transitions: ReadonlyArray<{ path: string; access: 'article.submit' | 'article.publish' | 'article.unpublish'; summary: string; run: (actor: Actor, id: number) => Promise<unknown> }> = [
    { path: 'submit', access: 'article.submit', summary: 'Draft → in review.', run: (a, id) => deps.publishing.submit(a, id) },
    { path: 'publish', access: 'article.publish', summary: 'Publishes now (required fields are checked).', run: (a, id) => deps.publishing.publish(a, id) },
    { path: 'unpublish', access: 'article.unpublish', summary: 'Withdraws a published article (readers get 410).', run: (a, id) => deps.publishing.unpublish(a, id) },
  ];
  for (const tr of transitions) {
    route({
      method: 'POST',
      url: `/v1/newsroom/articles/:id/${tr.path}`,
      access: tr.access,
      tag: 'newsroom',
      summary: tr.summary,
      response: { $ref: '#/components/schemas/Workflow' },
      handler: async (request, reply, actor) => noStore(reply).send(await tr.run(actor, parse(idParams, request.params).id)),
    });
  }
  route({
    method: 'POST',
    url: '/v1/newsroom/articles/:id/schedule',
    access: 'article.schedule',
    tag: 'newsroom',
    summary: 'Schedules publication at a future time; the scheduler publishes it then, exactly once.',
    body: scheduleBody,
    response: { $ref: '#/components/schemas/Workflow' },
    handler: async (request, reply, actor) => {
      const { id } = parse(idParams, request.params);
      const { publishAt } = parse(scheduleBody, request.body);
      return noStore(reply).send(await deps.publishing.schedule(actor, id, Date.parse(publishAt)));
    },
  });

  // The JSON search (routes/search-routes.ts serves it; documented here with the rest of the API).
  if (deps.describeSearch) {
    registry.operations.push({
      method: 'GET',
      url: '/search',
      access: 'public',
      tag: 'content',
      summary: 'Full-text search of published articles (Arabic-aware), ranked, ten hits a page; 400 with an Arabic `error.message` and `error.fields`; 429 past 30 searches a minute per client.',
      query: searchParamsSchema,
      response: { $ref: '#/components/schemas/SearchResult' },
    });
  }

  // Unknown API paths answer JSON, not the site's HTML 404.
  app.route({ method: 'GET', url: '/*', config: { access: 'public' }, handler: (request, reply) => reply.code(404).header('cache-control', 'no-store').send({ error: apiMessages(request).notFound }) });

  const document = openApiDocument({ siteName: deps.siteName, publicUrl: url, operations: registry.operations, schemas });
  app.route({
    method: 'GET',
    url: '/openapi.json',
    config: { access: 'public' },
    handler: (request, reply) => sendCacheable(request, reply, document, 3600),
  });
}

/** Registers the API under /api and lists its routes in `app.routeTable`. */
export const apiPlugin = exposeToParent(async function apiPlugin(app: FastifyInstance, deps: ApiDeps) {
  ensureRouteTable(app);
  const table = app.routeTable;
  await app.register(
    async (scope) => {
      scope.addHook('onRoute', (r) => {
        const methods = Array.isArray(r.method) ? r.method : [r.method];
        for (const method of methods) {
          if (method === 'HEAD') continue;
          table.push({ area: 'api', method, url: r.url, access: (r.config?.access ?? 'public') as ApiAccess });
        }
      });
      await scopedApi(scope, deps);
    },
    { prefix: '/api' },
  );
});
