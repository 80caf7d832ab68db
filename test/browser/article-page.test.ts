// In Chromium with JavaScript disabled, a reader finds every element of the seed page on Minbar's
// article page, and the menu opens without JavaScript.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../src/db/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { seedPageAvailable } from '../support/seed-page-fixture.js';
import { loadSeedPage, openTestSite, words } from '../support/test-site.js';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

test('a reader without JavaScript finds every element of the seed page', { skip: !chromiumAvailable() || !seedPageAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  const { seed, articleId, sectionSlug } = await loadSeedPage(site);
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, locale: 'ar' });
  const page = await context.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(r.url()));

  const res = await page.goto(`${base}/${sectionSlug}/${articleId}`);
  assert.equal(res?.status(), 200, 'followed the redirect to the canonical URL');
  assert.match(decodeURIComponent(page.url()), new RegExp(`/${sectionSlug}/${articleId}/لافروف-يوضح`));

  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.equal(words(await page.locator('h1').textContent()), words(seed.title));
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(words(await page.locator('.article__lead').textContent()), words(seed.lead));

  // The hero picture is really loaded and decoded by the browser (an AVIF, WebP or JPEG variant).
  const hero = page.locator('figure.article__hero img');
  await hero.scrollIntoViewIfNeeded();
  const natural = await hero.evaluate((img: HTMLImageElement) => img.naturalWidth);
  assert.ok(natural > 0, 'hero image decoded');
  assert.match(words(await page.locator('figure.article__hero figcaption').textContent()), /Sputnik/);

  const body = words(await page.locator('.article__body').textContent());
  for (const p of seed.paragraphs) assert.ok(body.includes(words(p)));
  assert.equal(await page.locator('.article__body bdi[lang="en"]', { hasText: 'Hürriyet' }).count(), 1);
  assert.equal(words(await page.locator('.article__source').textContent()), 'المصدر: RT');
  assert.ok((await page.locator('.article__dates time[datetime]').count()) >= 1);
  assert.ok(await page.locator('#comments-title').isVisible());
  assert.ok((await page.locator('.headlines__list li').count()) >= 18);
  assert.ok(await page.locator('.stories .story-card__count', { hasText: '49 خبرًا' }).first().isVisible());
  assert.ok(await page.getByRole('link', { name: 'مباشر' }).isVisible());

  // The menu (أقسام مهمة and أين يمكنك متابعتنا) opens without JavaScript.
  const followUs = page.locator('.menu h2', { hasText: 'أين يمكنك متابعتنا' });
  assert.equal(await followUs.isVisible(), false);
  await page.locator('.menu__toggle').click();
  assert.equal(await followUs.isVisible(), true);
  assert.ok(await page.locator('.menu nav a', { hasText: 'الشرق الأوسط' }).isVisible());

  // The web font is the self-hosted one, and nothing failed to load.
  const fontLoaded = await page.evaluate(() => document.fonts.check('16px "Minbar Naskh"', 'خبر'));
  assert.equal(fontLoaded, true);
  assert.deepEqual(failed, []);
});
