// A reader signs up and posts a comment without JavaScript; it is held (new commenter); the demo
// moderator signs in through the newsroom, approves it from the queue; the reader and the article page
// then show it. One Chromium launch.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { testDialects } from '../../src/db/index.js';
import { CLI_OPERATOR } from '../../src/services/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { openTestSite } from '../support/test-site.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

test('post → hold → approve → visible', { skip: !chromiumAvailable() && 'no Chromium' }, async () => {
  const site = await openTestSite(testDialects()[0]!);
  const browser = await launchChromium();
  try {
    const { curation, publishing, accounts } = site.minbar.services;
    const sectionId = await curation.createSection({ slug: 'news', name: 'أخبار', position: 1 });
    const articleId = await publishing.createArticle({ sectionId, title: 'خبر يستحق النقاش', lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص' }] }] }, { status: 'published', publishedAt: site.clock.now() - 60_000 });
    await accounts.createUser(CLI_OPERATOR, { email: 'moderator@demo.minbar.local', displayName: 'مشرف التعليقات', role: 'moderator', password: 'moderator-password-1' });
    const url = await listen(site);

    const readerContext = await browser.newContext({ javaScriptEnabled: false });
    const reader = await readerContext.newPage();
    await reader.goto(`${url}/comments/${articleId}`);
    await reader.click('text=أنشئ حسابًا');
    await reader.fill('#reader-email', 'salma@example.org');
    await reader.fill('#reader-name', 'سلمى');
    await reader.fill('#reader-password', 'a-long-password');
    await Promise.all([reader.waitForNavigation(), reader.click('.reader-form button[type="submit"]')]);
    assert.equal(new URL(reader.url()).pathname, `/comments/${articleId}`);
    await reader.fill('#comment-body', 'تعليقي الأول على الخبر، بالعربية.');
    await Promise.all([reader.waitForNavigation(), reader.click('.comment-form button[type="submit"]')]);
    assert.match((await reader.locator('[role="status"]').textContent()) ?? '', /بعد مراجعته/);
    assert.equal(await reader.locator('.comment__body').count(), 0);

    const modContext = await browser.newContext();
    const mod = await modContext.newPage();
    await mod.goto(`${url}/newsroom/login`);
    await mod.fill('input[name="email"]', 'moderator@demo.minbar.local');
    await mod.fill('input[name="password"]', 'moderator-password-1');
    await Promise.all([mod.waitForNavigation(), mod.click('button[type="submit"]')]);
    await mod.goto(`${url}/newsroom/moderation`);
    assert.equal((await mod.locator('.nr-count[data-queue="pending"]').textContent())?.trim(), '1');
    const item = mod.locator('.nr-queue-item').first();
    assert.match((await item.textContent()) ?? '', /تعليقي الأول/);
    await item.locator('input[name="ids"]').check();
    await mod.fill('input[name="reason"]', 'تعليق مناسب');
    await Promise.all([mod.waitForNavigation(), mod.click('button[data-action="approve"]')]);
    assert.equal((await mod.locator('.nr-count[data-queue="pending"]').textContent())?.trim(), '0');
    await mod.goto(`${url}/newsroom/moderation/log`);
    assert.match((await mod.locator('table').textContent()) ?? '', /comment\.approve[\s\S]*تعليق مناسب/);

    // A second comment is still held (one approved so far); the moderator approves it from the keyboard.
    await reader.goto(`${url}/comments/${articleId}`);
    await reader.fill('#comment-body', 'تعليق ثان بعد المراجعة الأولى.');
    await Promise.all([reader.waitForNavigation(), reader.click('.comment-form button[type="submit"]')]);
    await mod.goto(`${url}/newsroom/moderation`);
    assert.match((await mod.locator('.nr-queue-item').first().textContent()) ?? '', /تعليق ثان/);
    await mod.keyboard.press('j');
    await Promise.all([mod.waitForNavigation(), mod.keyboard.press('a')]);
    assert.equal((await mod.locator('.nr-count[data-queue="pending"]').textContent())?.trim(), '0');

    await reader.reload();
    assert.equal(await reader.locator('.comment__body').count(), 2);
    const body = reader.locator('.comment__body').last();
    assert.equal(await body.getAttribute('dir'), 'auto');
    assert.match((await body.textContent()) ?? '', /تعليقي الأول/);
    await reader.goto(`${url}/news/${articleId}`);
    assert.match((await reader.locator('#comments-title').textContent()) ?? '', /تعليق/);
    assert.equal(await reader.locator('#comments .comment__body').count(), 2);
    assert.match((await reader.locator('#comments .comment__body').last().textContent()) ?? '', /تعليقي الأول/);

    // axe-core on the comment pages as the reader and the moderator see them (the audit bypasses the CSP).
    const found: string[] = [];
    for (const [cookies, paths] of [
      [await readerContext.cookies(), [`/comments/${articleId}`, `/comments/${articleId}?reply=1`, '/account', '/account/sign-up']],
      [await modContext.cookies(), ['/newsroom/moderation?queue=unmoderated', '/newsroom/moderation/words', '/newsroom/moderation/settings', '/newsroom/moderation/log']],
    ] as const) {
      const audit = await browser.newContext({ bypassCSP: true, locale: 'ar' });
      await audit.addCookies([...cookies]);
      const page = await audit.newPage();
      for (const path of paths) {
        await page.goto(url + path);
        await page.addScriptTag({ path: AXE });
        const result = (await page.evaluate(
          (tags) => (globalThis as unknown as { axe: { run(o: unknown, c: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
          TAGS,
        )) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
        for (const v of result.violations) found.push(`${path}: ${v.id} ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await audit.close();
    }
    assert.deepEqual(found, []);
  } finally {
    await browser.close();
    await site.close();
  }
});
