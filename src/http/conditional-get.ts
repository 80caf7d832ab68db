// Conditional GET and compression for pages, feeds and sitemaps: a weak ETag from the body's hash,
// 304 Not Modified on If-None-Match (or If-Modified-Since against the route's Last-Modified), then
// Brotli or gzip. Knows HTTP caching rules only; nothing of what the bodies contain.
import { createHash } from 'node:crypto';
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { utf8Bytes } from './utf8-bytes.js';

const CACHEABLE = /^(text\/html|text\/plain|application\/(rss\+)?xml)/;

function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/** Whether the client's copy (If-None-Match, else If-Modified-Since) is the current one. */
export function isFresh(req: FastifyRequest, etag: string, lastModified: unknown): boolean {
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  return inm ? etagMatches(inm, etag) : Boolean(ims && typeof lastModified === 'string' && Date.parse(ims) >= Date.parse(lastModified));
}

/** Registers the ETag/304 hook, then compression (so the hash is of the uncompressed body). */
export async function registerConditionalGet(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (req, reply, payload) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!CACHEABLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    // The page cache has already hashed the pages it stores (and handed on their bytes). A string is
    // encoded to UTF-8 once here, hashed and sent as those bytes.
    const given = reply.getHeader('etag');
    const body = typeof given === 'string' || Buffer.isBuffer(payload) ? payload : utf8Bytes(payload);
    const etag = typeof given === 'string' ? given : `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
    reply.header('etag', etag);
    if (!isFresh(req, etag, reply.getHeader('last-modified'))) return body;
    reply.code(304);
    reply.removeHeader('content-length');
    return '';
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Pages are made per request: a middle Brotli quality is nearly as small and many times faster than 11.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
    customTypes: /^(text\/|application\/(rss\+|ld\+)?xml|application\/json|image\/svg\+xml)/,
  });
}

/** Last-Modified header value for a time in milliseconds. */
export function httpDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toUTCString();
}
