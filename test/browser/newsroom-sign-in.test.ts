// In Chromium, with the keyboard only: a newsroom member signs in, turns on two-step verification by
// reading the secret off the page, signs out, and signs in again with password and code. The CSP
// reports no violation and the QR image (a data: URL) is drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../src/db/index.js';
import { currentTotp } from '../../src/services/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { TEST_PASSWORD, createMember } from '../support/newsroom-session.js';
import { openTestSite, words } from '../support/test-site.js';

const sqlite = testDialects().find((d) => d.name === 'sqlite')!;

test('a member signs in, enrols in two-step verification and signs in with a code (keyboard only)', { skip: !chromiumAvailable() }, async (t) => {
  const site = await openTestSite(sqlite);
  t.after(() => site.close());
  await createMember(site, 'editor', 'editor@example.org', { displayName: 'سلمى المحررة' });
  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await (await browser.newContext({ locale: 'ar' })).newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });

  // Enter submits the focused form; wait for the page it leads to (through any redirect).
  const pressEnterAndWait = () => Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.keyboard.press('Enter')]);

  const signIn = async () => {
    await page.goto(`${base}/newsroom`);
    assert.match(page.url(), /\/newsroom\/login\?next=/);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    // Type the e-mail, Tab to the password, Enter submits.
    await page.locator('input[name=email]').focus();
    await page.keyboard.type('editor@example.org');
    await page.keyboard.press('Tab');
    await page.keyboard.type(TEST_PASSWORD);
    await pressEnterAndWait();
  };

  await signIn();
  assert.equal(new URL(page.url()).pathname, '/newsroom');
  assert.equal(words(await page.locator('h1').textContent()), 'المقالات');
  assert.match(words(await page.locator('.nr-user').textContent()), /سلمى المحررة/);

  // My account → turn on two-step verification.
  await page.goto(`${base}/newsroom/account`);
  await page.locator('button', { hasText: 'تفعيل التحقق بخطوتين' }).focus();
  await pressEnterAndWait();
  const qr = page.locator('img.nr-qr');
  assert.ok((await qr.evaluate((img: HTMLImageElement) => img.naturalWidth)) > 0, 'the QR code is drawn (img-src data: is allowed)');
  const secret = words(await page.locator('.nr-secret').textContent());
  await page.locator('input[name=code]').focus();
  await page.keyboard.type(currentTotp(site.clock, secret));
  await pressEnterAndWait();
  assert.equal(words(await page.locator('[role=status]').textContent()), 'فُعّل التحقق بخطوتين.');

  // Sign out, then in again: the password leads to the code page.
  await page.locator('button', { hasText: 'تسجيل الخروج' }).focus();
  await pressEnterAndWait();
  assert.equal(words(await page.locator('[role=status]').textContent()), 'سُجّل خروجك من غرفة الأخبار.');
  site.clock.advance(30_000);
  await signIn();
  assert.equal(new URL(page.url()).pathname, '/newsroom/login/two-factor');
  await page.locator('input[name=code]').focus();
  await page.keyboard.type(currentTotp(site.clock, secret));
  await pressEnterAndWait();
  assert.equal(new URL(page.url()).pathname, '/newsroom');
  assert.equal(words(await page.locator('h1').textContent()), 'المقالات');
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === 'minbar_session');
  assert.equal(session?.httpOnly, true);
  assert.equal(session?.sameSite, 'Lax');
  assert.deepEqual(problems, []);
});
