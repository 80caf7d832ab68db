// In Chromium, a reader follows a live blog while the desk posts, edits, pins and deletes entries: the
// island inserts entries at the top, shows "N تحديثات جديدة" and (N) in the title when scrolled down,
// announces politely, and the breaking bar appears and the coverage ends — all without reloading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../src/db/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { addNewsroomActors, correspondent, deskEditor, loadLiveBlog, paragraph } from '../support/live-fixture.js';
import { openTestSite, words } from '../support/test-site.js';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

test('a live blog followed in Chromium while the desk works', { skip: !chromiumAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  const blog = await loadLiveBlog(site);
  const live = site.minbar.services.live;
  for (let i = 1; i <= 20; i++) {
    site.clock.advance(60_000);
    await live.postEntry(correspondent, blog.blogId, { body: paragraph(`تحديث سابق رقم ${i}: ارتفاع منسوب المياه في الأحياء المنخفضة من الريحان واستمرار عمليات الإجلاء.`) });
  }
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 390, height: 700 }, locale: 'ar' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(base + blog.path);
  const title = await page.title();
  // The island has connected once the hub counts the reader.
  await waitFor(() => live.hub.connections >= 1);

  // At the top: a new entry goes straight in, first, and is announced politely.
  site.clock.advance(60_000);
  const first = await live.postEntry(correspondent, blog.blogId, { title: 'إجلاء ٣٠٠ أسرة', body: paragraph('بدأت فرق الدفاع المدني إجلاء ٣٠٠ أسرة من حي الميناء.'), keyEvent: true });
  await page.locator(`#entry-${first.id}`).waitFor();
  assert.equal(await page.locator('[data-live-entries] > li:first-child .live-entry').getAttribute('id'), `entry-${first.id}`);
  await page.waitForFunction(() => (document.querySelector('[data-live-announcer]')?.textContent ?? '') !== '');
  assert.equal(words(await page.locator('[data-live-announcer]').textContent()), 'وصل تحديث جديد');

  // Edited, pinned, deleted — each reflected in place.
  await live.editEntry(deskEditor, first.id, { title: 'إجلاء ٣٥٠ أسرة', body: paragraph('ارتفع عدد الأسر التي أُجليت إلى ٣٥٠.'), keyEvent: true });
  await page.locator(`#entry-${first.id} .live-entry__edited`).waitFor();
  assert.equal(words(await page.locator(`#entry-${first.id} h3`).textContent()), 'إجلاء ٣٥٠ أسرة');
  await live.pin(deskEditor, blog.blogId, first.id);
  await page.locator(`#pinned-entry-${first.id}`).waitFor();
  assert.ok(await page.locator('[data-live-pinned]').isVisible());
  site.clock.advance(60_000);
  const mistaken = await live.postEntry(correspondent, blog.blogId, { body: paragraph('تحديث نُشر خطأً') });
  await page.locator(`#entry-${mistaken.id}`).waitFor();
  await live.deleteEntry(deskEditor, mistaken.id);
  await page.locator(`#entry-${mistaken.id}`).waitFor({ state: 'detached' });

  // Scrolled down into older entries: new ones wait behind the button; the title counts them.
  await page.locator('[data-live-entries] > li:last-child').scrollIntoViewIfNeeded();
  const readingBefore = await page.locator('[data-live-entries] > li:last-child').boundingBox();
  site.clock.advance(60_000);
  const a = await live.postEntry(correspondent, blog.blogId, { body: paragraph('انقطاع الكهرباء عن حي السوق') });
  const b = await live.postEntry(correspondent, blog.blogId, { body: paragraph('إعادة فتح الطريق الساحلي جزئيًا') });
  const button = page.locator('[data-live-new]');
  await page.waitForFunction(() => document.querySelector('[data-live-new]')?.textContent === 'تحديثان جديدان');
  assert.ok(await button.isVisible());
  assert.equal(await page.locator(`#entry-${a.id}`).count(), 0, 'not inserted under the reader');
  assert.equal(await page.title(), `(2) ${title}`);
  const readingAfter = await page.locator('[data-live-entries] > li:last-child').boundingBox();
  assert.ok(Math.abs((readingAfter?.y ?? 0) - (readingBefore?.y ?? 0)) < 1, 'what the reader reads did not move');
  await button.click();
  await page.locator(`#entry-${b.id}`).waitFor();
  assert.equal(await page.locator('[data-live-entries] > li:first-child .live-entry').getAttribute('id'), `entry-${b.id}`);
  assert.ok(await button.isHidden());
  assert.equal(await page.title(), title);

  // The breaking bar appears on the open page; the coverage ends.
  await live.setBreaking(deskEditor, { text: 'عاجل: تعليق الدراسة في الساحل الشرقي غدًا', minutes: 30 });
  await page.locator('.breaking-bar').waitFor({ state: 'visible' });
  assert.equal(words(await page.locator('.breaking-bar__text').textContent()), 'عاجل: تعليق الدراسة في الساحل الشرقي غدًا');
  await live.clearBreaking(deskEditor);
  await page.locator('.breaking-bar').waitFor({ state: 'hidden' });
  await live.setState(deskEditor, blog.blogId, 'ended');
  await page.waitForFunction(() => document.querySelector('[data-live-state-label]')?.textContent === 'انتهت التغطية');

  assert.deepEqual(errors, []);
});

test('two browsers follow one live blog; cut off mid-stream, they get exactly what they missed', { skip: !chromiumAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  const blog = await loadLiveBlog(site);
  const live = site.minbar.services.live;
  const first = await live.postEntry(correspondent, blog.blogId, { body: paragraph('بداية التغطية') });
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const pages = await Promise.all([0, 1].map(async () => (await browser.newContext({ viewport: { width: 390, height: 700 }, locale: 'ar' })).newPage()));
  for (const page of pages) await page.goto(base + blog.path);
  await waitFor(() => live.hub.connections >= 2);
  // Every reader's connection drops (a proxy restart); the desk keeps working meanwhile.
  site.app.server.closeAllConnections();
  await waitFor(() => live.hub.connections === 0);
  site.clock.advance(60_000);
  const missed = await live.postEntry(correspondent, blog.blogId, { body: paragraph('تحديث فاته القراء') });
  await live.editEntry(deskEditor, first.id, { body: paragraph('بداية التغطية من الميناء') });
  const gone = await live.postEntry(correspondent, blog.blogId, { body: paragraph('نُشر خطأً') });
  await live.deleteEntry(deskEditor, gone.id);
  for (const page of pages) {
    // EventSource reconnects by itself (retry 2–10 s) with Last-Event-ID: the missed events, once each.
    await page.locator(`#entry-${missed.id}`).waitFor({ timeout: 20_000 });
    await page.locator(`#entry-${first.id} .live-entry__edited`).waitFor();
    assert.equal(await page.locator(`#entry-${missed.id}`).count(), 1, 'no duplicate');
    assert.equal(await page.locator(`#entry-${gone.id}`).count(), 0, 'the deleted entry never shows');
    assert.deepEqual(await page.locator('[data-live-entries] .live-entry').evaluateAll((els) => els.map((e) => e.id)), [`entry-${missed.id}`, `entry-${first.id}`]);
  }
});

test('a page opened with nothing live: the breaking bar and the مباشر link arrive within seconds, and go', { skip: !chromiumAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  await addNewsroomActors(site);
  const live = site.minbar.services.live;
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 390, height: 700 }, locale: 'ar' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(base + '/latest');
  const bar = page.locator('.breaking-bar');
  assert.ok(await bar.isHidden());
  assert.equal(await page.locator('.live-link--on').count(), 0);
  // The island checks every 5–10 s (answers cacheable for 3 s): every wait below is bounded by that.
  const soon = { timeout: 20_000 };

  await live.setBreaking(deskEditor, { text: 'عاجل: إغلاق مطار الريحان بسبب العاصفة', url: '/latest', minutes: 30 });
  await bar.waitFor({ state: 'visible', ...soon });
  assert.equal(words(await page.locator('.breaking-bar__text').textContent()), 'عاجل: إغلاق مطار الريحان بسبب العاصفة');
  assert.equal(await page.locator('a.breaking-bar__text').getAttribute('href'), '/latest');
  await live.clearBreaking(deskEditor);
  await bar.waitFor({ state: 'hidden', ...soon });

  // A one-minute banner, and a live blog goes on: the header's مباشر lights up.
  await live.setBreaking(deskEditor, { text: 'عاجل: بدء التغطية المباشرة للعاصفة', minutes: 1 });
  const sectionId = await site.minbar.services.curation.createSection({ slug: 'weather', name: 'طقس', position: 1 });
  await site.minbar.services.publishing.createArticle(
    { sectionId, type: 'live', title: 'مباشر: العاصفة', lead: 'تغطية مباشرة', body: paragraph('تغطية') },
    { status: 'published', publishedAt: site.clock.now() },
  );
  await page.locator('.live-link--on').waitFor(soon);
  await bar.waitFor({ state: 'visible', ...soon });
  assert.equal(words(await page.locator('.breaking-bar__text').textContent()), 'عاجل: بدء التغطية المباشرة للعاصفة');
  // Its minute passes (the site's clock): the bar goes without a reload.
  site.clock.advance(2 * 60_000);
  await bar.waitFor({ state: 'hidden', ...soon });
  assert.deepEqual(errors, []);
});

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 25));
}
