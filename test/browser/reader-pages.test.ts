// In Chromium with JavaScript disabled, at phone and desktop widths, every page type of the reader site
// loads completely (nothing fails to load), shows its one h1, and never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../src/db/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { loadReaderFixture } from '../support/reader-fixture.js';
import { openTestSite } from '../support/test-site.js';

test('every reader page type works without JavaScript at 360 px and 1440 px', { skip: !chromiumAvailable() && 'no Chromium' }, async (t) => {
  const site = await openTestSite(testDialects().find((d) => d.name === 'sqlite')!);
  t.after(() => site.close());
  const f = await loadReaderFixture(site);
  for (const id of f.sectionArticleIds.slice(0, 5)) site.minbar.services.reads.record(id);
  await site.minbar.services.reads.flush();
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const problems: string[] = [];
  for (const width of [360, 1440]) {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 }, locale: 'ar' });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') failed.push(`${r.status()} ${r.url()}`);
    });
    // The search page too: its form shares the masthead search box's classes, not its layout.
    const pages = [...Object.entries(f.pages), ['search', `/search?q=${encodeURIComponent('الساحل الشرقي')}`]] as const;
    for (const [name, path] of pages) {
      const res = await page.goto(base + path);
      const expected = name === 'notFound' ? 404 : name === 'gone' ? 410 : 200;
      if (res?.status() !== expected) problems.push(`${name}@${width}: status ${res?.status()}`);
      if ((await page.locator('h1').count()) !== 1) problems.push(`${name}@${width}: not exactly one h1`);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (sideways > 0) problems.push(`${name}@${width}: scrolls sideways by ${sideways}px`);
      // Scroll through the page so lazy pictures load (and would fail here if broken).
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await page.waitForLoadState('load');
    }
    if (failed.length > 0) problems.push(`@${width} failed requests: ${[...new Set(failed)].join(', ')}`);
    await context.close();
  }
  assert.deepEqual(problems, []);
});
