// The newsroom journey in Chromium: a writer writes an Arabic article with a quote, a Latin name and an
// uploaded photo and submits it; an editor schedules it; when the (test) clock reaches the time, the
// scheduler publishes it and it is on the home page and in its story. A writer who tries to publish, an
// editor outside the section and a logged-out visitor are refused, by the UI and by the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { testDialects } from '../../src/db/index.js';
import { createScheduler } from '../../src/services/index.js';
import { utcToLocalInput } from '../../src/http/newsroom/article-form.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { createMember, TEST_PASSWORD } from '../support/newsroom-session.js';
import { openTestSite, testPicture, words } from '../support/test-site.js';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;
const TITLE = 'لافروف يلتقي فيدان في أنقرة لبحث الملف السوري';
const QUOTE = 'نريد حلًا سياسيًا يحفظ وحدة سوريا';

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/newsroom/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await Promise.all([page.waitForURL(/\/newsroom(\/|\?|$)/), page.click('form button[type=submit]')]);
}

async function signOut(page: Page): Promise<void> {
  await Promise.all([page.waitForURL(/\/newsroom\/login/), page.click('form[action="/newsroom/logout"] button')]);
}

test('newsroom journey: write, submit, schedule, publish on time; refusals by UI and API', { skip: !chromiumAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  const dir = mkdtempSync(join(tmpdir(), 'minbar-journey-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const { curation } = site.minbar.services;
  const politics = await curation.createSection({ slug: 'politics', name: 'سياسة', position: 1 });
  const sport = await curation.createSection({ slug: 'sport', name: 'رياضة', position: 2 });
  await curation.createStory({ slug: 'syria-talks', title: 'محادثات سوريا', trendingRank: 1 });
  await createMember(site, 'writer', 'writer@example.org', { displayName: 'سلمى' });
  await createMember(site, 'editor', 'editor@example.org', { displayName: 'خالد', sectionIds: [politics] });
  await createMember(site, 'editor', 'sport@example.org', { sectionIds: [sport] });
  // The scheduler of a serving process, on the test clock.
  const scheduler = createScheduler({ publishDue: (n) => site.minbar.services.publishing.publishDue(n) });
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const context = await browser.newContext({ locale: 'ar', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => void d.dismiss());

  // ── The writer uploads a photo and writes the article ─────────────────────────────────
  await signIn(page, base, 'writer@example.org');
  await page.goto(`${base}/newsroom/media`);
  const photo = join(dir, 'ankara.jpg');
  writeFileSync(photo, await testPicture(1000, 560));
  await page.setInputFiles('#f-file', photo);
  await page.fill('form.nr-upload input[name=caption]', 'الوزيران في أنقرة');
  await page.fill('form.nr-upload input[name=alt]', 'لافروف وفيدان أمام الصحفيين');
  await page.fill('form.nr-upload input[name=credit]', 'رويترز');
  await Promise.all([page.waitForURL(/done=uploaded/), page.click('form.nr-upload button[type=submit]')]);
  assert.equal(await page.locator('.media-grid img').count(), 1);

  await page.goto(`${base}/newsroom/articles/new`);
  // The island replaces the textarea with the right-to-left editor.
  await page.waitForSelector('[data-editor-root]:not([hidden])');
  assert.equal(await page.getAttribute('.editor__editable', 'dir'), 'rtl');
  await page.fill('input[name=title]', TITLE);
  await page.fill('textarea[name=lead]', 'محادثات روسية تركية حول سوريا');
  await page.click('.editor__editable');
  await page.keyboard.type('قال وزير الخارجية الروسي Sergey Lavrov إن المحادثات كانت بنّاءة.');
  await page.keyboard.press('Enter');
  await page.click('button[data-cmd=quote]');
  // The toolbar hands the focus back to the editor; type only once it has it, or the first key is lost.
  await page.waitForFunction(() => document.activeElement?.closest('.editor__editable') !== null);
  await page.keyboard.type(QUOTE);
  assert.match(words(await page.locator('[data-editor-count]').textContent()), /\d/);
  await page.click('[data-pick-hero]');
  await page.click('dialog[data-media-picker] .media-pick');
  assert.equal(await page.inputValue('input[name=heroCredit]'), 'رويترز');
  await page.selectOption('select[name=sectionId]', String(politics));
  await page.selectOption('select[name=storyIds]', { label: 'محادثات سوريا' });
  await Promise.all([page.waitForURL(/\/newsroom\/articles\/\d+\?done=created/), page.click('button[value=save]')]);
  const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);
  assert.ok(id > 0);

  // A writer is offered no publish button, and the API refuses the publication.
  assert.equal(await page.locator('button[value=publish]').count(), 0);
  const csrf = await page.inputValue('input[name=_csrf] >> nth=0');
  const refused = await page.request.post(`${base}/newsroom/articles/${id}`, {
    headers: { 'x-csrf-token': csrf, accept: 'application/json' },
    form: { intent: 'publish', title: TITLE, sectionId: String(politics) },
  });
  assert.equal(refused.status(), 403);
  await page.waitForSelector('[data-editor-root]:not([hidden])');
  await Promise.all([page.waitForURL(/done=submitted/), page.click('button[value=submit]')]);
  assert.equal(words(await page.locator('.nr-article-status .nr-status').textContent()), 'الحالة: قيد المراجعة');
  assert.equal(await page.locator('button[value=save]').count(), 0, 'in review, the article is the editors’');
  await signOut(page);

  // ── An editor of another section is refused ──────────────────────────────────────────
  await signIn(page, base, 'sport@example.org');
  const outside = await page.goto(`${base}/newsroom/articles/${id}`);
  assert.equal(outside?.status(), 403);
  await signOut(page);

  // ── The section's editor approves and schedules it ───────────────────────────────────
  await signIn(page, base, 'editor@example.org');
  await page.goto(`${base}/newsroom/articles/${id}`);
  await page.waitForSelector('[data-editor-root]:not([hidden])');
  assert.match(await page.locator('.editor__editable blockquote').innerText(), new RegExp(QUOTE));
  const at = site.clock.now() + 3_600_000;
  await page.fill('input[name=publishAt]', utcToLocalInput(at, site.minbar.config.timeZone));
  await Promise.all([page.waitForURL(/done=scheduled/), page.click('button[value=schedule]')]);
  assert.match(words(await page.locator('.nr-article-status').textContent()), /مجدول/);
  assert.equal((await page.goto(`${base}/`))?.status(), 200);
  assert.equal(await page.locator(`a[href^="/politics/${id}/"]`).count(), 0, 'not public before its time');

  // ── A logged-out visitor is refused ──────────────────────────────────────────────────
  const visitor = await browser.newContext({ locale: 'ar' });
  const anon = await visitor.newPage();
  await anon.goto(`${base}/newsroom/articles/${id}`);
  assert.match(anon.url(), /\/newsroom\/login/);
  assert.equal((await anon.request.get(`${base}/newsroom/articles/${id}`, { headers: { accept: 'application/json' } })).status(), 401);
  assert.equal((await anon.request.post(`${base}/newsroom/articles/${id}`, { form: { intent: 'publish' } })).status(), 403);
  await visitor.close();

  // ── Time passes: the scheduler publishes it, on the home page and in its story ───────
  assert.deepEqual([...(await scheduler.tick())], []);
  site.clock.set(at);
  assert.deepEqual([...(await scheduler.tick())], [id]);
  assert.deepEqual([...(await scheduler.tick())], [], 'exactly once');
  // A reader (a fresh browser context: the editor's cached copy of the home page is a minute old).
  const readerContext = await browser.newContext({ locale: 'ar' });
  t.after(() => readerContext.close());
  const reader = await readerContext.newPage();
  reader.on('pageerror', (e) => errors.push(e.message));
  await reader.goto(`${base}/`);
  assert.ok((await reader.locator(`a[href^="/politics/${id}/"]`).count()) > 0, 'on the home page');
  await reader.goto(`${base}/stories/syria-talks`);
  assert.ok((await reader.locator(`a[href^="/politics/${id}/"]`).count()) > 0, 'in its story');
  await reader.locator(`a[href^="/politics/${id}/"]`).first().click();
  assert.equal(words(await reader.locator('h1').textContent()), TITLE);
  assert.match(words(await reader.locator('article blockquote').textContent()), new RegExp(QUOTE));
  assert.equal(await reader.locator('article bdi[lang=en]', { hasText: 'Sergey Lavrov' }).count(), 1);
  assert.match(words(await reader.locator('article figcaption').first().textContent()), /رويترز/);
  assert.deepEqual(errors, []);
});
