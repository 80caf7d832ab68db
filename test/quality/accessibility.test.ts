// Quality gate: axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices) finds 0 violations on every page
// type of the reader site at 360 px and 1280 px, and in the dark colour scheme. One server, one browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { openQualitySite } from './quality-site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeResult {
  violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>;
}

test('every page type passes axe-core at 360 px and 1280 px', { skip: !chromiumAvailable() && 'no Chromium' }, async (t) => {
  const q = await openQualitySite();
  t.after(() => q.close());
  const base = await listen(q.site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const found: string[] = [];
  let checked = 0;
  // Dark mode once, at phone width: its colours are the same at every width.
  for (const [width, scheme] of [[360, 'light'], [1280, 'light'], [360, 'dark']] as const) {
    // The page's CSP forbids injected scripts (as it should): the audit context bypasses it.
    const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, bypassCSP: true, locale: 'ar' });
    const page = await context.newPage();
    for (const p of q.pages) {
      const res = await page.goto(base + p.path);
      assert.equal(res?.status(), p.status, p.name);
      await page.addScriptTag({ path: AXE });
      const result = (await page.evaluate(
        (tags) => (globalThis as unknown as { axe: { run(o: unknown, c: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
        TAGS,
      )) as AxeResult;
      checked++;
      for (const v of result.violations) {
        found.push(`${p.name} @${width}px ${scheme}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
    }
    await context.close();
  }
  assert.deepEqual(found, []);
  assert.equal(checked, q.pages.length * 3);
});
