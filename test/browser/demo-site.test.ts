// The demo outlet as a reader meets it, in Chromium with JavaScript disabled: the home page's stories
// strip with Arabic plural counts, and a demo article with every element of the seed page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seedDemo } from '../../src/cli/seed-command.js';
import { demoArticlesA, demoChannels, demoStories } from '../../src/demo/index.js';
import { testDialects } from '../../src/db/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { openTestSite, words } from '../support/test-site.js';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

test('the demo outlet in a browser without JavaScript', { skip: !chromiumAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  const lines: string[] = [];
  const { articles } = await seedDemo({
    ...site.minbar.services,
    clock: site.clock,
    log: (l) => lines.push(l),
    artSize: { width: 480, height: 270 },
  });
  assert.equal(articles, 60);
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await (await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })).newPage();

  await t.test('the home page shows every active story with its count in the right Arabic plural', async () => {
    await page.goto(base + '/');
    const cards = page.locator('.stories .story-card');
    const active = demoStories.filter((s) => !s.archived);
    assert.equal(await cards.count(), active.length);
    const counts = (await page.locator('.stories .story-card__count').allTextContents()).map(words);
    // coastal-floods 23 (many), city-elections 12 (many), youth-cup 7 (few), capital-metro 4 (few), book-fair 2 (two)
    assert.deepEqual(counts, ['23 خبرًا', '12 خبرًا', '7 أخبار', '4 أخبار', '2 خبران']);
    assert.equal(await page.locator('.stories__chips a').count(), 4, 'four trending chips');
    assert.equal(words(await page.locator('.featured-story h2').textContent()), 'فيضانات الساحل الشرقي');
    assert.ok((await page.locator('.headlines__list li').count()) >= 18);
    assert.equal(await page.locator('h1').count(), 1);
  });

  await t.test('a demo article has every element of the seed page', async () => {
    const demo = demoArticlesA.find((a) => a.key === 'a06')!;
    const row = await site.minbar.database.db.selectFrom('articles').select(['id']).where('title', '=', demo.title).executeTakeFirstOrThrow();
    const res = await page.goto(`${base}/world/${row.id}`);
    assert.equal(res?.status(), 200);
    assert.equal(words(await page.locator('h1').textContent()), words(demo.title));
    assert.equal(words(await page.locator('.article__lead').textContent()), words(demo.lead));
    const hero = page.locator('figure.article__hero');
    assert.equal(await hero.locator('img').getAttribute('alt'), demo.hero.alt);
    assert.ok(words(await hero.locator('figcaption').textContent()).includes(demo.hero.credit));
    assert.equal(await page.locator('.article__body bdi[lang="en"]', { hasText: 'The Harbour Times' }).count(), 1);
    assert.equal(await page.locator('.article__body blockquote cite').count(), 1);
    assert.equal(words(await page.locator('.article__source').textContent()), 'المصدر: Minbar Wire');
    assert.ok(await page.locator('.article__byline a[rel="author"]').isVisible());
    assert.equal(await page.locator('.article__tags a').count(), demo.tags.length);
    assert.ok(await page.locator('.article__stories a', { hasText: 'فيضانات الساحل الشرقي' }).isVisible());
    assert.ok(await page.locator('#comments-title').isVisible());
    assert.ok((await page.locator('.headlines__list li').count()) >= 18);
    assert.ok(await page.locator('nav[aria-label="أقسام مهمة"] a', { hasText: 'سياسة' }).isVisible());
    const telegram = demoChannels.find((c) => c.kind === 'telegram')!;
    assert.ok(await page.locator(`footer .channels a[href="${telegram.url}"]`, { hasText: telegram.label }).isVisible());
  });
});
