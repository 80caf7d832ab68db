// Live coverage over HTTP: the مباشر stream page (/live), the live blog page (chosen by the article route
// for type 'live'), Server-Sent Events (GET /live/events and /live/{id}/events, resuming from
// Last-Event-ID, heartbeats, one connection per page) and the JSON poll fallback. Renders each event once
// for all its readers; no SQL and no business rules here.
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { z } from 'zod';
import { InvalidInput, articlePath, parseArticleId } from '../../domain/index.js';
import type { ArticlePageData, EntryCursor, LiveEvent, LiveService, SiteService } from '../../services/index.js';
import { LiveBlogPage, LiveEntryItem, LiveStreamPage, renderDocument, type ErrorKind, type ViewContext } from '../../views/index.js';
import { httpDate } from '../conditional-get.js';
import type { ContextFactory } from '../context-factory.js';

interface Options {
  readonly live: LiveService;
  readonly site: SiteService;
  readonly context: ContextFactory;
  readonly sendError: (req: FastifyRequest, reply: FastifyReply, kind: ErrorKind) => Promise<FastifyReply>;
  /** Security headers (a hijacked SSE response bypasses the onSend hook). */
  readonly headers: Readonly<Record<string, string>>;
  /** Heartbeat period (default 20 s): keeps proxies from closing idle streams. */
  readonly heartbeatMs?: number;
}

/** A reader whose unsent backlog grows past this is dropped; it reconnects and resumes from the log. */
const MAX_BACKLOG = 512 * 1024;
const RENDERED_EVENTS = 2000;

const seqParam = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const pollQuery = z.object({ after: seqParam });
const entryPageQuery = z
  .object({
    page: z.coerce.number().int('رقم الصفحة غير صالح.').min(1, 'رقم الصفحة غير صالح.').max(100_000, 'رقم الصفحة كبير جدًا.').optional(),
    before: z
      .string()
      .regex(/^[0-9]{1,15}\.[1-9][0-9]{0,14}$/, 'مؤشر الصفحة غير صالح.')
      .transform((v): EntryCursor => {
        const [createdAt, id] = v.split('.').map(Number) as [number, number];
        return { createdAt, id };
      })
      .optional(),
  })
  .passthrough();

/** Last-Event-ID (header, or `lastEventId` in the query when a client reconnects by hand). Malformed → -1: a reset. */
export function lastEventId(req: FastifyRequest): number | null {
  const q = req.query as Record<string, unknown> | undefined;
  const raw = req.headers['last-event-id'] ?? q?.['lastEventId'];
  if (raw === undefined || raw === '') return null;
  const r = seqParam.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return r.success ? r.data : -1;
}

/** The event as the browser receives it: what the island needs, entries already rendered. */
export function eventData(ctx: ViewContext, e: LiveEvent): Record<string, unknown> {
  const d = e.data;
  const entryHtml = (entry: Parameters<typeof LiveEntryItem>[0]['entry'], pinned = false) => renderToString(LiveEntryItem({ ctx, entry, pinned }));
  switch (d.kind) {
    case 'entry.created':
    case 'entry.updated':
      return { id: d.entry.id, html: entryHtml(d.entry), createdAt: d.entry.createdAt, updatedAt: d.entry.updatedAt, keyEvent: d.entry.keyEvent };
    case 'entry.deleted':
      return { id: d.id };
    case 'pinned':
      return d.entry ? { id: d.entry.id, html: entryHtml(d.entry, true) } : { id: null };
    case 'state':
      return { state: d.state, label: ctx.t.liveCoverage.states[d.state], notice: ctx.t.liveCoverage.stateNotice[d.state] };
    case 'summary':
      return { points: d.summary };
    case 'comments':
      return { count: d.count, label: ctx.fmt.commentCount(d.count) };
    case 'breaking':
      return d.banner ? { id: d.banner.id, text: d.banner.text, url: d.banner.url, expiresAt: d.banner.expiresAt } : { id: null };
    case 'stream':
      return { onAir: d.onAir };
  }
}

/** One SSE frame as bytes, both as-is and as an HTTP/1.1 chunk: made once, written to every reader. */
interface Frame {
  readonly raw: Buffer;
  readonly chunked: Buffer;
}

function sseFrame(text: string): Frame {
  const raw = Buffer.from(text, 'utf8');
  return { raw, chunked: Buffer.concat([Buffer.from(`${raw.length.toString(16)}\r\n`, 'latin1'), raw, CRLF]) };
}

const CRLF = Buffer.from('\r\n', 'latin1');
const HEARTBEAT = sseFrame(': heartbeat\n\n');

// Writes are batched per socket: a socket is corked at its first write in a tick and every corked socket
// is uncorked once at the end of it, so a pass that delivers several events makes one write call each.
const corked: Socket[] = [];
function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.length = 0;
}

/**
 * One reader's event stream. After the response head, frames go straight to the socket (the response's
 * own framing state is bypassed; `chunked` says whether each frame carries its chunk header). A reader
 * whose unsent backlog passes MAX_BACKLOG is dropped: it reconnects and resumes from the log.
 */
class SseStream {
  private open = true;
  private connection: { close(): void } | null = null;
  private readonly socket: Socket;
  private readonly chunked: boolean;

  constructor(
    private readonly res: ServerResponse,
    private readonly onClose: (s: SseStream) => void,
  ) {
    this.socket = res.socket!;
    this.chunked = (res as ServerResponse & { chunkedEncoding?: boolean }).chunkedEncoding === true;
    res.on('close', () => this.close());
  }

  send(f: Frame): void {
    if (!this.open) return;
    const socket = this.socket;
    if (socket.destroyed) return this.close();
    if (socket.writableLength > MAX_BACKLOG) {
      socket.destroy();
      return this.close();
    }
    if (socket.writableCorked === 0) {
      socket.cork();
      if (corked.push(socket) === 1) process.nextTick(uncorkAll);
    }
    socket.write(this.chunked ? f.chunked : f.raw);
  }

  /** Keeps the hub connection; false when the reader left meanwhile (the connection is closed then). */
  attach(connection: { close(): void }): boolean {
    this.connection = connection;
    if (!this.open) connection.close();
    return this.open;
  }

  /** Ends the stream; on a graceful shutdown a short, spread retry sends the reader to another instance soon. */
  end(closing: boolean): void {
    if (closing) this.send(sseFrame(`: closing\nretry: ${250 + Math.floor(Math.random() * 1000)}\n\n`));
    this.close();
    if (this.socket.writableCorked > 0) this.socket.uncork();
    this.res.end();
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    this.connection?.close();
    this.connection = null;
    this.onClose(this);
  }
}

export const liveRoutes: FastifyPluginAsync<Options> = async (app, { live, site, context, sendError, headers, heartbeatMs = 20_000 }) => {
  // Entries are rendered with the site's messages and formatter: one context, refreshed now and then.
  let baseCtx: { ctx: ViewContext; at: number } | null = null;
  async function renderContext(req: FastifyRequest): Promise<ViewContext> {
    if (!baseCtx || Date.now() - baseCtx.at > 60_000) baseCtx = { ctx: await context(req), at: Date.now() };
    return baseCtx.ctx;
  }

  // Each event is serialized once, into bytes, whatever the number of readers: every socket is handed the
  // same Buffer (with its chunk framing when the response is chunked), so fan-out allocates nothing per reader.
  const rendered = new Map<number, Frame>();
  function frame(ctx: ViewContext, e: LiveEvent): Frame {
    let f = rendered.get(e.seq);
    if (f === undefined) {
      const data = JSON.stringify(eventData({ ...ctx, now: Date.now() }, e));
      f = sseFrame(`id: ${e.seq}\nevent: ${e.data.kind}\ndata: ${data}\n\n`);
      rendered.set(e.seq, f);
      if (rendered.size > RENDERED_EVENTS) rendered.delete(rendered.keys().next().value!);
    }
    return f;
  }

  // One timer for every open stream.
  const streams = new Set<SseStream>();
  const beat = setInterval(() => {
    for (const stream of streams) stream.send(HEARTBEAT);
  }, heartbeatMs);
  beat.unref();
  // Open streams would hold the server open: end them when the app closes (readers reconnect elsewhere).
  const opening = new Set<SseStream>();
  app.addHook('preClose', async () => {
    clearInterval(beat);
    for (const stream of [...streams, ...opening]) stream.end(true);
  });

  async function events(req: FastifyRequest, reply: FastifyReply, articleId: number | null) {
    if (articleId !== null && !(await live.isPublishedLiveBlog(articleId))) return sendError(req, reply, 'notFound');
    const after = lastEventId(req);
    const ctx = await renderContext(req);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    // Headers out now: from here on the stream's bytes go straight to the socket.
    res.flushHeaders();
    const stream = new SseStream(res, (s) => {
      streams.delete(s);
      opening.delete(s);
    });
    opening.add(stream);
    // Browsers reconnect after `retry` ms: spread it so a restart does not bring every reader back at once.
    stream.send(sseFrame(`retry: ${2000 + Math.floor(Math.random() * 8000)}\n\n`));
    try {
      const connection = await live.connect(articleId, after, {
        event: (e) => stream.send(frame(ctx, e)),
        reset: (head) => stream.send(sseFrame(`id: ${head}\nevent: reset\ndata: {}\n\n`)),
      });
      opening.delete(stream);
      if (stream.attach(connection)) streams.add(stream);
    } catch (e) {
      req.log.error(e, 'live stream could not start');
      stream.end(false);
    }
  }

  async function poll(req: FastifyRequest, reply: FastifyReply, articleId: number | null) {
    const q = pollQuery.safeParse(req.query ?? {});
    if (!q.success) return reply.code(400).header('cache-control', 'no-store').send({ error: 'رقم آخر حدث غير صالح.', fields: { after: 'رقم آخر حدث غير صالح.' } });
    if (articleId !== null && !(await live.isPublishedLiveBlog(articleId))) return reply.code(404).send({ error: 'التغطية غير موجودة.' });
    const [ctx, r] = await Promise.all([renderContext(req), live.resume(articleId, q.data.after)]);
    // Readers in step ask for the same `after`: a shared cache answers most of them.
    reply.header('cache-control', 'public, max-age=3');
    if (r.kind === 'reset') return reply.send({ head: r.head, reset: true, events: [] });
    return reply.send({
      head: r.head,
      reset: false,
      events: r.events.map((e) => ({ id: e.seq, event: e.data.kind, data: eventData({ ...ctx, now: Date.now() }, e) })),
    });
  }

  // What the breaking island asks every few seconds: the banner and whether مباشر is on air. One small
  // body for every reader (no per-reader field, not even the time), with a strong ETag, cacheable for
  // 3 s: a CDN or nginx in front answers a crowd; here it costs a cached lookup and a string compare.
  let status: { body: string; etag: string } | null = null;
  app.get('/live/status', async (req, reply) => {
    const chrome = await live.chrome();
    const body = JSON.stringify({
      breaking: chrome.breaking ? { id: chrome.breaking.id, text: chrome.breaking.text, url: chrome.breaking.url, expiresAt: chrome.breaking.expiresAt } : null,
      onAir: chrome.onAir,
    });
    if (status?.body !== body) status = { body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"` };
    reply.header('cache-control', 'public, max-age=3').header('etag', status.etag).header('content-type', 'application/json; charset=utf-8');
    if (req.headers['if-none-match'] === status.etag) return reply.code(304).send();
    return reply.send(status.body);
  });

  const blogId = (req: FastifyRequest<{ Params: { id: string } }>) => parseArticleId(req.params.id);

  app.get('/live/events', (req, reply) => events(req, reply, null));
  app.get('/live/updates', (req, reply) => poll(req, reply, null));
  app.get('/live/:id/events', async (req: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const id = blogId(req);
    return id === null ? sendError(req, reply, 'notFound') : events(req, reply, id);
  });
  app.get('/live/:id/updates', async (req: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const id = blogId(req);
    return id === null ? reply.code(404).send({ error: 'التغطية غير موجودة.' }) : poll(req, reply, id);
  });

  app.get('/live', async (req, reply) => {
    const [ctx, channel, coverage] = await Promise.all([context(req), live.stream(), site.live()]);
    const states = await live.states(coverage.coverage.map((a) => a.id));
    const data = {
      channel,
      running: coverage.coverage.filter((a) => states.get(a.id) !== 'ended'),
      ended: coverage.coverage.filter((a) => states.get(a.id) === 'ended'),
      latest: coverage.latest,
    };
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=15, stale-while-revalidate=60')
      .send(renderDocument(LiveStreamPage({ ctx, data })));
  });
};

/** The article route's renderer for live blogs: entries newest first by keyset pages. */
export function liveArticleRenderer(o: { live: LiveService; context: ContextFactory; sendError: Options['sendError'] }) {
  return async (req: FastifyRequest, reply: FastifyReply, page: ArticlePageData): Promise<FastifyReply> => {
    const r = entryPageQuery.safeParse(req.query ?? {});
    if (!r.success) {
      const fields: Record<string, string> = {};
      for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'page')] ??= issue.message;
      throw new InvalidInput('رابط الصفحة غير صالح.', fields);
    }
    const pageNo = r.data.page ?? 1;
    const before = r.data.before ?? null;
    const path = articlePath(page.article);
    if ((pageNo > 1) !== (before !== null)) return reply.redirect(path, 301);
    const id = page.article.id;
    // The event id first, then the data: whatever the page lacks arrives as events after this id.
    const seq = await o.live.head();
    const [ctx, blog, entries, keyEvents] = await Promise.all([o.context(req), o.live.blog(id), o.live.entries(id, { page: pageNo, before }), o.live.keyEvents(id)]);
    if (pageNo > 1 && entries.entries.length === 0) return o.sendError(req, reply, 'notFound');
    const lastModified = Math.max(page.article.updatedAt, blog.updatedAt, ...entries.entries.map((e) => e.updatedAt));
    const html = renderDocument(LiveBlogPage({ ctx: { ...ctx, liveSeq: seq, liveEvents: `/live/${id}/events` }, data: { page, blog, entries, keyEvents, before } }));
    return reply
      .header('last-modified', httpDate(lastModified))
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=10, stale-while-revalidate=30')
      .send(html);
  };
}
