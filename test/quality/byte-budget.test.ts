// Quality gate: the article page's first view — HTML, CSS, fonts and the breaking bar's small island —
// weighs at most 120 KB compressed (gzip and Brotli measured with zlib), and reading it needs 0 bytes of
// JavaScript (checked in Chromium with JavaScript off; with it on, the breaking island is the only script).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { parse } from '../support/test-site.js';
import { openQualitySite } from './quality-site.js';

const BUDGET = 120 * 1024;

test('the article page fits the byte budget and needs no JavaScript', async (t) => {
  const q = await openQualitySite();
  t.after(() => q.close());
  const path = q.fixture.pages['article']!;
  const html = await q.site.app.inject({ method: 'GET', url: path });
  const doc = parse(html.body);
  const css = doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
  const fonts = [...doc.querySelectorAll('link[rel="preload"][as="font"]')].map((l) => l.getAttribute('href') ?? '');
  assert.equal(fonts.length, 2, 'two WOFF2 files at most');
  const scriptUrls = [...doc.querySelectorAll('script[src]')].map((s) => s.getAttribute('src') ?? '');
  assert.ok(scriptUrls.every((u) => /^\/assets\/breaking\.[0-9a-f]+\.js$/.test(u)), `only the breaking island: ${scriptUrls.join(', ')}`);
  const parts = [html.rawPayload];
  for (const url of [css, ...fonts, ...scriptUrls]) parts.push((await q.site.app.inject({ method: 'GET', url })).rawPayload);
  const gzip = parts.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  const brotli = parts.reduce((n, b) => n + brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length, 0);
  t.diagnostic(`article first view: HTML ${html.rawPayload.length} B raw; total gzip ${gzip} B, brotli ${brotli} B (budget ${BUDGET} B)`);
  assert.ok(gzip <= BUDGET, `gzip ${gzip} B > ${BUDGET} B`);
  assert.ok(brotli <= BUDGET, `brotli ${brotli} B > ${BUDGET} B`);

  // What the server really sends: Brotli when the reader accepts it.
  const sent = await q.site.app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'br' } });
  assert.equal(sent.headers['content-encoding'], 'br');

  if (!chromiumAvailable()) return;
  const base = await listen(q.site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(base + path, { waitUntil: 'load' });
  assert.deepEqual(scripts, scriptUrls, 'no script but the breaking island is requested');
  const noScript = await browser.newPage({ viewport: { width: 360, height: 800 }, javaScriptEnabled: false });
  await noScript.goto(base + path, { waitUntil: 'load' });
  assert.ok(await noScript.locator('h1').isVisible(), 'the article reads without JavaScript');
  assert.ok(await noScript.locator('.article__body p').first().isVisible());
});
