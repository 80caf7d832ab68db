// The in-process cache of rendered pages. A route opts in by answering `Cache-Control: public` with a
// `Surrogate-Key` header (set with `tagPage`): the body, headers and weak ETag are kept, keyed by URL and
// variant (whether the request carries a reader session), tagged with the keys, bounded by bytes (LRU) and
// by the page's s-maxage. A hit is answered from the onRequest hook — no routing, no database, no
// rendering — with a Brotli or gzip body compressed once per entry, and 304 when the ETag matches.
// Purges (by tag) come from the purge bus: writes here, other instances through Redis.
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isFresh } from './conditional-get.js';
import { utf8Bytes } from './utf8-bytes.js';

type Encoding = 'br' | 'gzip' | 'identity';

export interface CachedPage {
  readonly key: string;
  readonly body: Buffer;
  readonly etag: string;
  /** Response headers to replay (content type, cache control, last modified, surrogate key …). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly tags: readonly string[];
  readonly storedAt: number;
  readonly expiresAt: number;
  /** What the route asked to be told when the page is served from the cache (e.g. an article read). */
  readonly meta: PageMeta | null;
  readonly encoded: Map<Exclude<Encoding, 'identity'>, Buffer>;
  bytes: number;
}

export interface PageMeta {
  readonly articleRead?: number;
}

export interface PageCacheStats {
  readonly entries: number;
  readonly bytes: number;
  readonly maxBytes: number;
  readonly hits: number;
  readonly misses: number;
  readonly purged: number;
}

/** Below this a page is sent as is (as @fastify/compress does). */
const COMPRESS_THRESHOLD = 1024;
/** Fixed cost per entry besides its bodies (maps, headers, tags). */
const ENTRY_OVERHEAD = 512;
/** Refused keys a full cache remembers for admission (about 100 bytes each). */
export const ADMISSION_KEYS = 10_000;

/** `now` is the application's clock (tests fix it): entries expire by it. */
export function createPageCache(options: { maxBytes: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, CachedPage>();
  const byTag = new Map<string, Set<string>>();
  let bytes = 0;
  let generation = 0;
  let hits = 0;
  let misses = 0;
  let purged = 0;
  // Admission once the cache is full: a page not stored before is refused the first time and kept the second,
  // if that comes within the last ADMISSION_KEYS refusals. A walk through the archive (a crawler, readers of old
  // news, one request each) then does not push out the pages many readers ask for, nor churn the memory.
  let refused = new Set<string>();

  function remove(key: string): void {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
    for (const t of e.tags) {
      const keys = byTag.get(t);
      keys?.delete(key);
      if (keys && keys.size === 0) byTag.delete(t);
    }
  }

  /**
   * Over the bound, the least recently used pages go until a tenth of the room is free, in one pass of one
   * iterator: a Map keeps the slots of deleted entries until it is rebuilt, so taking "the first key" afresh for
   * each page would walk every slot freed since, on every store of a full cache.
   */
  function evict(): void {
    if (bytes <= options.maxBytes) return;
    const target = options.maxBytes * 0.9;
    for (const key of entries.keys()) {
      if (bytes <= target) break;
      remove(key);
    }
  }

  return {
    now,
    /** Increases with every purge: a page rendered across a purge is not stored. */
    get generation() {
      return generation;
    },

    get(key: string): CachedPage | undefined {
      const e = entries.get(key);
      if (!e) {
        misses++;
        return undefined;
      }
      if (e.expiresAt <= now()) {
        remove(key);
        misses++;
        return undefined;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, e);
      hits++;
      return e;
    },

    /** Stores a page unless a purge happened since its rendering began (`startedAt` generation). */
    set(page: Omit<CachedPage, 'bytes' | 'encoded'>, startedAt: number): boolean {
      if (startedAt !== generation) return false;
      const size = page.body.length + ENTRY_OVERHEAD + page.key.length + page.tags.reduce((n, t) => n + t.length + 16, 0);
      if (size > options.maxBytes / 8) return false;
      if (bytes + size > options.maxBytes && !entries.has(page.key)) {
        if (!refused.delete(page.key)) {
          if (refused.size >= ADMISSION_KEYS) refused = new Set();
          refused.add(page.key);
          return false;
        }
      }
      remove(page.key);
      const entry: CachedPage = { ...page, encoded: new Map(), bytes: size };
      entries.set(page.key, entry);
      bytes += size;
      for (const t of page.tags) {
        let keys = byTag.get(t);
        if (!keys) byTag.set(t, (keys = new Set()));
        keys.add(page.key);
      }
      evict();
      return true;
    },

    /** The body in `encoding`, compressed once and kept with the entry. */
    body(entry: CachedPage, encoding: Encoding): Buffer {
      if (encoding === 'identity') return entry.body;
      let b = entry.encoded.get(encoding);
      if (!b) {
        b =
          encoding === 'br'
            ? brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length } })
            : gzipSync(entry.body, { level: 6 });
        entry.encoded.set(encoding, b);
        if (entries.get(entry.key) === entry) {
          entry.bytes += b.length;
          bytes += b.length;
          evict();
        }
      }
      return b;
    },

    purge(tags: readonly string[]): number {
      generation++;
      let n = 0;
      for (const t of tags) {
        const keys = byTag.get(t);
        if (!keys) continue;
        for (const key of [...keys]) {
          remove(key);
          n++;
        }
      }
      purged += n;
      return n;
    },

    clear(): void {
      generation++;
      for (const key of [...entries.keys()]) remove(key);
    },

    stats(): PageCacheStats {
      return { entries: entries.size, bytes, maxBytes: options.maxBytes, hits, misses, purged };
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

const metaOf = new WeakMap<FastifyReply, PageMeta>();
const expiry = new WeakMap<FastifyRequest, number>();

/** The page shows something that ends at `at` (a breaking banner's expiry): a stored copy ends then too. */
export function expireBy(request: FastifyRequest, at: number): void {
  expiry.set(request, Math.min(at, expiry.get(request) ?? at));
}
const pending = new WeakMap<FastifyRequest, { key: string; generation: number }>();

/**
 * Declares what a page shows: the tags go out as `Surrogate-Key` (for a CDN) and make the page
 * storable in the page cache; `meta` is handed back when the page is later served from the cache.
 */
export function tagPage(reply: FastifyReply, tags: Iterable<string>, meta?: PageMeta): FastifyReply {
  reply.header('surrogate-key', [...new Set(tags)].join(' '));
  if (meta) metaOf.set(reply, meta);
  return reply;
}

/** `Cache-Control` of public pages: browsers for `maxAge`, shared caches (CDN, this cache) for `sMaxAge`. */
export function publicCacheControl(maxAge: number, sMaxAge: number, staleWhileRevalidate = sMaxAge * 2): string {
  return `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}, stale-if-error=86400`;
}

function negotiate(accept: string | undefined): Encoding {
  if (!accept) return 'identity';
  let br = false;
  let gzip = false;
  for (const part of accept.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    // A coding is refused only by an explicit q=0.
    const refused = params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p));
    if (coding === 'br' && !refused) br = true;
    else if (coding === 'gzip' && !refused) gzip = true;
  }
  return br ? 'br' : gzip ? 'gzip' : 'identity';
}

const READER_COOKIE = /(?:^|;\s*)(?:__Host-)?minbar_reader=/;
/** Headers never replayed from a stored page: they belong to one response. */
const NOT_REPLAYED = new Set(['content-length', 'etag', 'set-cookie', 'date', 'x-cache', 'age', 'content-encoding', 'vary', 'connection', 'transfer-encoding']);

function sMaxAge(cacheControl: string): number {
  const m = /(?:^|,)\s*s-maxage=([0-9]+)/.exec(cacheControl) ?? /(?:^|,)\s*max-age=([0-9]+)/.exec(cacheControl);
  return m ? Number(m[1]) : 0;
}

export interface PageCacheHooks {
  readonly cache: PageCache;
  /** A page was served from the cache (to count article reads). */
  readonly onHit?: (request: FastifyRequest, meta: PageMeta) => void;
}

/**
 * The cache's two hooks: onRequest answers hits, onSend stores misses. Register after the security
 * headers' onSend hook and before the conditional GET (which reuses the ETag set here).
 */
export function registerPageCache(app: FastifyInstance, { cache, onHit }: PageCacheHooks): void {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET') return;
    const cookie = req.headers.cookie;
    const key = `${cookie && READER_COOKIE.test(cookie) ? 'r' : 'a'} ${req.url}`;
    const entry = cache.get(key);
    if (!entry) {
      pending.set(req, { key, generation: cache.generation });
      return;
    }
    if (entry.meta && onHit) onHit(req, entry.meta);
    for (const [name, value] of entry.headers) reply.header(name, value);
    reply.header('etag', entry.etag).header('x-cache', 'HIT').header('vary', 'accept-encoding');
    reply.header('age', String(Math.max(0, Math.floor((cache.now() - entry.storedAt) / 1000))));
    const lastModified = entry.headers.find(([n]) => n === 'last-modified')?.[1];
    if (isFresh(req, entry.etag, lastModified)) return reply.code(304).send('');
    const encoding = entry.body.length < COMPRESS_THRESHOLD ? 'identity' : negotiate(req.headers['accept-encoding']);
    if (encoding !== 'identity') reply.header('content-encoding', encoding);
    return reply.send(cache.body(entry, encoding));
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const started = pending.get(req);
    if (!started || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const keys = reply.getHeader('surrogate-key');
    const cacheControl = String(reply.getHeader('cache-control') ?? '');
    if (typeof keys !== 'string' || !keys || !cacheControl.startsWith('public') || reply.hasHeader('set-cookie')) return payload;
    const ttl = sMaxAge(cacheControl);
    if (ttl <= 0) return payload;
    const body = Buffer.isBuffer(payload) ? payload : utf8Bytes(payload);
    const etag = `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    const headers: Array<readonly [string, string]> = [];
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value === undefined || NOT_REPLAYED.has(name)) continue;
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    }
    const at = cache.now();
    const expiresAt = Math.min(at + ttl * 1000, expiry.get(req) ?? Infinity);
    const stored = cache.set(
      { key: started.key, body, etag, headers, tags: keys.split(' '), storedAt: at, expiresAt, meta: metaOf.get(reply) ?? null },
      started.generation,
    );
    reply.header('etag', etag).header('x-cache', stored ? 'MISS' : 'BYPASS');
    // The bytes just made: the string is not encoded to UTF-8 a second time on the way to the socket.
    return body;
  });
}
