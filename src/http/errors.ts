// How the site answers what it cannot serve: the HTTP status of each error kind, the kind of a
// framework error's status, and the answer to a request Node's HTTP parser refused before Fastify saw it
// (raw UTF-8 or control bytes in the request line, a broken header): an Arabic HTML page, or JSON under
// /api/ — never Fastify's English JSON, never a stack trace.
import type { Socket } from 'node:net';
import type { Messages } from '../i18n/index.js';
import type { ErrorKind } from '../views/index.js';

export const STATUS_OF: Readonly<Record<ErrorKind, number>> = {
  notFound: 404,
  gone: 410,
  badRequest: 400,
  payloadTooLarge: 413,
  unsupportedMediaType: 415,
  tooManyRequests: 429,
  serverError: 500,
};

/** The error page for a 4xx status a framework error (body parser, router, limits) carries. */
export function kindOfStatus(status: number): ErrorKind {
  if (status === 404) return 'notFound';
  if (status === 410) return 'gone';
  if (status === 413) return 'payloadTooLarge';
  if (status === 415) return 'unsupportedMediaType';
  if (status === 429) return 'tooManyRequests';
  return 'badRequest';
}

/** Requests answered in JSON: the API and the search API. */
export function isApiPath(url: string | undefined): boolean {
  return typeof url === 'string' && (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?'));
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A self-contained Arabic error page (no database, no assets): for when nothing else can be asked. */
export function minimalErrorPage(t: Messages, kind: ErrorKind): string {
  const e = t.errors;
  const [title, body] =
    kind === 'payloadTooLarge'
      ? [e.payloadTooLargeTitle, e.payloadTooLargeBody]
      : kind === 'serverError'
        ? [e.serverErrorTitle, e.serverErrorBody]
        : kind === 'notFound'
          ? [e.notFoundTitle, e.notFoundBody]
          : [e.badRequestTitle, e.badRequestBody];
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><meta name="robots" content="noindex"></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(e.backHome)}</a></p></main></body></html>`;
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 408: 'Request Timeout', 413: 'Payload Too Large', 431: 'Request Header Fields Too Large' };

/**
 * Fastify's `clientErrorHandler`: Node's parser refused the bytes, so there is no request object —
 * the raw packet's first line tells whether it was meant for the API.
 */
export function clientErrorHandler(t: Messages, headers: Readonly<Record<string, string>>) {
  return (err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? 413 : 400;
    const firstLine = Buffer.isBuffer(err.rawPacket) ? err.rawPacket.subarray(0, 300).toString('latin1').split('\r\n', 1)[0] ?? '' : '';
    const target = /^[A-Z]+ (\S+)/.exec(firstLine)?.[1];
    const api = isApiPath(target);
    const body = api
      ? JSON.stringify({ error: status === 413 || status === 431 ? t.errors.payloadTooLargeTitle : t.api.invalid })
      : minimalErrorPage(t, status === 413 || status === 431 ? 'payloadTooLarge' : 'badRequest');
    const length = Buffer.byteLength(body);
    const head = [
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}`,
      `Content-Type: ${api ? 'application/json' : 'text/html'}; charset=utf-8`,
      `Content-Length: ${length}`,
      'Cache-Control: no-store',
      'Connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ].join('\r\n');
    if (socket.writable) socket.write(`${head}\r\n\r\n${body}`);
    socket.destroy();
  };
}
