// Over 200 hostile payloads posted as comment bodies and names (guests and reader display names),
// approved, then rendered in Chromium — the thread pages, the article page and the moderators' queue —
// with a dialog listener and a window.__xss probe: no script may run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDialects } from '../../src/db/index.js';
import { CLI_OPERATOR } from '../../src/services/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { openTestSite } from '../support/test-site.js';
import { xssPayloads } from './xss-payloads.js';

const moderator = { userId: 0, role: 'moderator' as const, sections: 'all' as const };

test('no comment payload executes in Chromium', { skip: !chromiumAvailable() && 'no Chromium' }, async () => {
  const site = await openTestSite(testDialects()[0]!);
  const browser = await launchChromium();
  try {
    const { curation, publishing, comments, moderation, readers, accounts } = site.minbar.services;
    const sectionId = await curation.createSection({ slug: 'news', name: 'أخبار', position: 1 });
    const articleId = await publishing.createArticle({ sectionId, title: 'خبر للتجربة', lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص' }] }] }, { status: 'published', publishedAt: site.clock.now() - 60_000 });
    await moderation.saveSettings(moderator, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: true });
    const payloads = xssPayloads();
    assert.ok(payloads.length >= 200);
    let posted = 0;
    for (const [i, p] of payloads.entries()) {
      site.clock.advance(1_000);
      const name = [...p].slice(0, 50).join('');
      const r = await comments.post({ articleId, body: `${p}\nتعليق رقم ${i}`, authorName: name.trim().length >= 2 ? name : `زائر ${i}` }, { reader: null, ip: `10.1.${i >> 8}.${i & 255}` });
      if (r.status !== 'rejected') posted++;
    }
    // Readers whose display names are payloads, replying to each other.
    for (const [i, p] of payloads.slice(0, 12).entries()) {
      const { session } = await readers.signUp({ email: `x${i}@example.org`, password: 'a-long-password', displayName: [...p].slice(0, 50).join('').trim() || `قارئ ${i}` });
      site.clock.advance(61_000);
      await comments.post({ articleId, body: p }, { reader: session.reader, ip: `10.2.0.${i}` });
    }
    const queue = await moderation.queue(moderator, { queue: 'pending', page: 1 });
    assert.ok(queue.items.length > 0 && posted >= 200);
    for (let page = 1; ; page++) {
      const q = await moderation.queue(moderator, { queue: 'pending', page: 1 });
      if (q.items.length === 0) break;
      await moderation.act(moderator, { ids: q.items.map((i) => i.id), action: 'approve' });
      assert.ok(page < 20);
    }
    // A moderator to view the queue (rejected and featured ones keep the payloads on screen too).
    await accounts.createUser(CLI_OPERATOR, { email: 'mod@example.org', displayName: 'مشرف', role: 'moderator', password: 'moderator-password-1' });
    const url = await listen(site);
    const context = await browser.newContext();
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    const probe = async (path: string) => {
      await page.goto(`${url}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(50);
      const fired = await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null);
      assert.equal(fired, null, `script ran on ${path}`);
    };
    const total = (await comments.thread(articleId, 'newest', 1)).total;
    assert.ok(total >= 200, `${total} approved`);
    for (let p = 1; p <= Math.ceil(total / 20); p++) await probe(`/comments/${articleId}?page=${p}`);
    await probe(`/news/${articleId}`);
    await page.goto(`${url}/newsroom/login`);
    await page.fill('input[name="email"]', 'mod@example.org');
    await page.fill('input[name="password"]', 'moderator-password-1');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    await probe('/newsroom/moderation?queue=unmoderated');
    await probe('/newsroom/moderation?queue=rejected');
    assert.equal(dialogs, 0);
    // The payloads are there, as text.
    await page.goto(`${url}/comments/${articleId}?sort=oldest`);
    assert.ok((await page.locator('.comment__body').first().textContent())?.includes('<'));
  } finally {
    await browser.close();
    await site.close();
  }
});
