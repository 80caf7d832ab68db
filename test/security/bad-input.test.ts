// Requests no browser sends — raw UTF-8 and control bytes in the request line, undecodable
// percent-escapes, broken JSON, unknown content types, oversized bodies — are answered like every other
// bad request: an Arabic HTML page for readers, JSON under /api/, the right status, no stack trace and
// nothing of Fastify's English JSON.
import assert from 'node:assert/strict';
import net from 'node:net';
import { test } from 'node:test';
import { testDialects } from '../../src/db/index.js';
import { listen } from '../support/browser.js';
import { openTestSite } from '../support/test-site.js';

function raw(port: number, request: string | Buffer): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy());
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head.toLowerCase(), body: rest.join('\r\n\r\n') });
    });
  });
}

const LEAKS = /FST_ERR|statusCode|"Bad Request"|Client Error|at [\w.<>]+ \(|node_modules|SQLITE|syntax error|stack/;

test('malformed requests get Arabic pages (JSON under /api), never Fastify’s English JSON', async () => {
  const site = await openTestSite(testDialects()[0]!);
  try {
    const url = await listen(site);
    const port = Number(new URL(url).port);
    const html = (r: { status: number; headers: string; body: string }, status: number, what: string) => {
      assert.equal(r.status, status, what);
      assert.match(r.headers, /content-type: text\/html; charset=utf-8/, what);
      assert.match(r.body, /<html lang="ar" dir="rtl">/, what);
      assert.match(r.body, /<meta name="robots" content="noindex/, what);
      assert.doesNotMatch(r.body, LEAKS, what);
      assert.match(r.headers, /content-security-policy: default-src 'self'/, `${what}: security headers`);
    };
    const json = (r: { status: number; headers: string; body: string }, status: number, what: string) => {
      assert.equal(r.status, status, what);
      assert.match(r.headers, /content-type: application\/json/, what);
      const parsed = JSON.parse(r.body) as { error: string };
      assert.match(parsed.error, /[\u0600-\u06FF]/, `${what}: an Arabic message`);
      assert.doesNotMatch(r.body, LEAKS, what);
    };
    const req = (line: string, extra = '') => `${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`;

    // Node's parser refuses these before Fastify sees a request.
    html(await raw(port, Buffer.from(req('GET /أخبار HTTP/1.1'), 'utf8')), 400, 'raw UTF-8 in the request line');
    html(await raw(port, req('GET /a\x01b HTTP/1.1')), 400, 'a control byte in the path');
    html(await raw(port, 'NOT-HTTP\r\n\r\n'), 400, 'not HTTP at all');
    html(await raw(port, req('GET / HTTP/1.1', 'X-Bad: a\x00b\r\n')), 400, 'a NUL byte in a header');
    html(await raw(port, req('GET / HTTP/1.1', `X-Big: ${'a'.repeat(20_000)}\r\n`)), 431, 'a header over the limit');
    json(await raw(port, Buffer.from(req('GET /api/v1/articles?q=أ HTTP/1.1'), 'utf8')), 400, 'raw UTF-8 to the API');
    // The router cannot decode these escapes.
    html(await raw(port, req('GET /%E0%A4%A HTTP/1.1')), 400, 'a broken percent-escape');
    html(await raw(port, req('GET /politics/%ZZ HTTP/1.1')), 400, 'an invalid percent-escape');
    json(await raw(port, req('GET /api/v1/articles/%ZZ HTTP/1.1')), 400, 'an invalid escape to the API');

    // Bodies: broken JSON, an unknown type, too large.
    const body = (path: string, type: string, payload: string) =>
      req(`POST ${path} HTTP/1.1`, `Content-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n`) + payload;
    html(await raw(port, body('/comments/1', 'application/json', '{"body": ')), 400, 'broken JSON to a reader form');
    html(await raw(port, body('/comments/1', 'text/x-weird', 'hello')), 415, 'an unknown content type');
    html(await raw(port, body('/account/sign-in', 'application/x-www-form-urlencoded', `email=${'a'.repeat(1_100_000)}`)), 413, 'a body over the limit');
    json(await raw(port, body('/api/v1/newsroom/articles', 'application/json', '{"title": ')), 400, 'broken JSON to the API');
    json(await raw(port, body('/api/v1/newsroom/articles', 'text/x-weird', 'x')), 415, 'an unknown type to the API');

    // Through inject too: the 404 of an unknown API path and of an unknown page.
    const missing = await site.app.inject({ url: '/api/v1/nothing-here' });
    assert.equal(missing.statusCode, 404);
    assert.match(missing.json().error, /[\u0600-\u06FF]/);
    const page = await site.app.inject({ url: '/no/such/page/here/at/all' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
  } finally {
    await site.close();
  }
});
