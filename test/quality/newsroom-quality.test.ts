// Quality gate for the newsroom's own pages (sign-in, article list, account with its QR code, accounts,
// API tokens, audit log, refusals): the Nu HTML Checker finds 0 errors and axe-core 0 violations at
// 1280 px (and 360 px for the reflowing lists and forms). One site, one Java call, one browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testDialects } from '../../src/db/index.js';
import { chromiumAvailable, launchChromium, listen } from '../support/browser.js';
import { createMember, post, signIn } from '../support/newsroom-session.js';
import { openTestSite } from '../support/test-site.js';

const run = promisify(execFile);
const VNU = join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const javaAvailable = await run('java', ['-version']).then(
  () => true,
  () => false,
);

test('the newsroom pages are valid HTML and pass axe-core', { skip: (!javaAvailable || !chromiumAvailable()) && 'needs java and Chromium' }, async (t) => {
  const site = await openTestSite(testDialects()[0]!);
  t.after(() => site.close());
  const { curation, publishing } = site.minbar.services;
  const section = await curation.createSection({ slug: 'politics', name: 'سياسة', position: 1 });
  const admin = await createMember(site, 'admin', 'admin@example.org', { displayName: 'مديرة الموقع' });
  const writer = await createMember(site, 'writer', 'writer@example.org', { displayName: 'كاتبة' });
  await publishing.createDraft({ userId: writer.id, role: 'writer', sections: 'all' }, { sectionId: section, title: 'مسودة عن Reuters والانتخابات' });
  const s = await signIn(site, 'admin@example.org');
  await post(site, '/newsroom/api-tokens', s, { _csrf: s.csrf, name: 'وكالة', userId: String(writer.id), scopes: ['articles:write'] });
  const w = await signIn(site, 'writer@example.org');

  const pages: Array<{ name: string; path: string; status: number; cookie: string | null }> = [
    { name: 'login', path: '/newsroom/login', status: 200, cookie: null },
    { name: 'articles', path: '/newsroom', status: 200, cookie: s.cookie },
    { name: 'account', path: '/newsroom/account', status: 200, cookie: s.cookie },
    { name: 'users', path: '/newsroom/users', status: 200, cookie: s.cookie },
    { name: 'user-new', path: '/newsroom/users/new', status: 200, cookie: s.cookie },
    { name: 'user-edit', path: `/newsroom/users/${admin.id}`, status: 200, cookie: s.cookie },
    { name: 'api-tokens', path: '/newsroom/api-tokens', status: 200, cookie: s.cookie },
    { name: 'audit', path: '/newsroom/audit', status: 200, cookie: s.cookie },
    { name: 'forbidden', path: '/newsroom/users', status: 403, cookie: w.cookie },
    { name: 'not-found', path: '/newsroom/nothing', status: 404, cookie: s.cookie },
  ];

  // The enrolment page (QR code and secret) is the answer to a POST: validate it from there.
  const dir = mkdtempSync(join(tmpdir(), 'minbar-vnu-newsroom-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files: string[] = [];
  const save = (name: string, body: string) => {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, body);
    files.push(file);
  };
  for (const p of pages) {
    const res = await site.app.inject({ url: p.path, headers: p.cookie ? { cookie: p.cookie } : {} });
    assert.equal(res.statusCode, p.status, p.name);
    save(p.name, res.body);
  }
  save('enrolment', (await post(site, '/newsroom/account/two-factor', w, { _csrf: w.csrf })).body);
  save('invalid-user', (await post(site, '/newsroom/users', s, { _csrf: s.csrf, email: 'x', displayName: '', role: 'writer', password: 'short' })).body);
  const out = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 32 * 1024 * 1024 }).catch((e: { stderr?: string }) => ({ stderr: e.stderr ?? '' }));
  const report = JSON.parse(out.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; extract?: string }> };
  assert.deepEqual(
    report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error').map((e) => `${e.url.split('/').pop()}: ${e.message} — ${e.extract ?? ''}`),
    [],
  );

  const base = await listen(site);
  const browser = await launchChromium();
  t.after(() => browser.close());
  const found: string[] = [];
  for (const width of [360, 1280]) {
    for (const [who, cookie] of [['admin', s.token], ['writer', w.token], ['anonymous', null]] as const) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true, locale: 'ar' });
      if (cookie) await context.addCookies([{ name: 'minbar_session', value: cookie, url: base }]);
      const page = await context.newPage();
      // Every page at 1280 px; at 360 px the pages whose tables and forms reflow.
      const mine = pages.filter((x) => (x.cookie === null) === (who === 'anonymous') && (x.cookie === w.cookie) === (who === 'writer'));
      for (const p of width === 1280 ? mine : mine.filter((x) => ['login', 'articles', 'users', 'api-tokens'].includes(x.name))) {
        const res = await page.goto(base + p.path);
        assert.equal(res?.status(), p.status, `${p.name} as ${who}`);
        await page.addScriptTag({ path: AXE });
        const result = (await page.evaluate(
          (tags) => (globalThis as unknown as { axe: { run(o: unknown, c: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
          TAGS,
        )) as { violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> };
        for (const v of result.violations) found.push(`${p.name} @${width}px: ${v.id} ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});
