// Debian's sqlmap, in batch mode on loopback, against a real Minbar server: the search page and API,
// the content API (list with filters and a cursor, one article by id in the path), the comment form
// (a signed-in reader's session and CSRF token) and the newsroom sign-in form (CSRF cookie and field).
// Every run must end with sqlmap finding no injection.
//
// `npm test` runs a bounded set (level 1, risk 1, boolean/error/union/stacked techniques, the dialect's
// DBMS named, on SQLite). `npm run security:sqlmap` (SQLMAP_FULL=1) runs level 2 with the time-based
// technique too, without naming the DBMS, on SQLite and on PostgreSQL when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfig } from '../../src/config/index.js';
import { testDialects, type TestDialect } from '../../src/db/index.js';
import { assembleMinbar, createApp } from '../../src/main.js';
import { fixedClock } from '../../src/services/index.js';
import { cookieFrom, createMember, csrfOf } from '../support/newsroom-session.js';
import { loadReaderFixture } from '../support/reader-fixture.js';
import { TEST_NOW, type TestSite } from '../support/test-site.js';

const FULL = process.env['SQLMAP_FULL'] === '1';
const SQLMAP = '/usr/bin/sqlmap';
const available = spawnSync(SQLMAP, ['--version'], { encoding: 'utf8' }).status === 0;

interface Target {
  readonly name: string;
  readonly url: string;
  readonly data?: string;
  readonly cookie?: string;
  /** Parameters sqlmap must leave alone (the CSRF token: a changed one is refused before any query). */
  readonly skip?: string;
}

async function openSite(dialect: TestDialect): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'minbar-sqlmap-'));
  const config = loadConfig({ DATA_DIR: dataDir, TIME_ZONE: 'Asia/Riyadh' });
  const database = await dialect.open();
  const clock = fixedClock(TEST_NOW);
  const minbar = assembleMinbar(config, database, clock);
  // The search budget per client is lifted, or sqlmap would only ever see 429 pages.
  const app = await createApp(minbar, { now: () => clock.now(), searchRateLimit: { max: 1_000_000, windowMs: 60_000 } });
  // Four minutes pass per request: sign-in lockouts and comment rate limits (real, clock-driven) never
  // turn sqlmap's probes into identical refusals, and sessions (idle 8 h, 30 days) outlive the run.
  app.addHook('onRequest', async () => clock.advance(4 * 60_000));
  return {
    minbar,
    app,
    clock,
    async close() {
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await minbar.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function runSqlmap(target: Target, dbms: string, outDir: string): Promise<{ code: number | null; output: string }> {
  const args = [
    '-u', target.url,
    '--batch',
    '--disable-coloring',
    '--flush-session',
    `--output-dir=${outDir}`,
    `--level=${FULL ? 2 : 1}`,
    '--risk=1',
    `--technique=${FULL ? 'BEUST' : 'BEUS'}`,
    '--timeout=10',
    '--retries=1',
    '--time-sec=2',
    '--threads=2',
    '--skip-waf',
    '--skip-heuristics',
    // A wrong password is 401 and a refused comment 4xx: answers to compare, not reasons to stop.
    '--ignore-code=401,400,403,429',
    ...(FULL ? [] : [`--dbms=${dbms}`]),
    ...(target.data ? [`--data=${target.data}`] : []),
    ...(target.cookie ? [`--cookie=${target.cookie}`] : []),
    ...(target.skip ? [`--skip=${target.skip}`] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(SQLMAP, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

for (const dialect of FULL ? testDialects() : testDialects().slice(0, 1)) {
  test(`sqlmap finds no injection (${dialect.name}${FULL ? ', full' : ', bounded'})`, { skip: !available && 'sqlmap is not installed', timeout: FULL ? 3_600_000 : 600_000 }, async () => {
    const site = await openSite(dialect);
    const outDir = mkdtempSync(join(tmpdir(), 'minbar-sqlmap-out-'));
    try {
      const fixture = await loadReaderFixture(site);
      const articleId = fixture.correctedArticleId;
      const moderator = { userId: 0, role: 'moderator' as const, sections: 'all' as const };
      await site.minbar.services.moderation.saveSettings(moderator, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: false });
      await createMember(site, 'writer', 'writer@example.org');
      // A reader, signed in through the real form.
      await site.minbar.services.readers.signUp({ email: 'reader@example.org', password: 'a-long-password-1', displayName: 'قارئ' });
      await site.app.listen({ port: 0, host: '127.0.0.1' });
      const address = site.app.server.address();
      assert.ok(address && typeof address !== 'string');
      const base = `http://127.0.0.1:${address.port}`;
      const signInPage = await fetch(`${base}/account/sign-in`);
      const guestCsrf = cookieFrom(signInPage.headers.getSetCookie(), 'minbar_reader_csrf');
      const signedIn = await fetch(`${base}/account/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `minbar_reader_csrf=${guestCsrf}` },
        body: new URLSearchParams({ email: 'reader@example.org', password: 'a-long-password-1', _csrf: csrfOf(await signInPage.text()) }).toString(),
      });
      const readerCookie = `minbar_reader=${cookieFrom(signedIn.headers.getSetCookie(), 'minbar_reader')}`;
      assert.ok(readerCookie.length > 20, `reader sign-in: ${signedIn.status}`);
      const thread = await fetch(`${base}/comments/${articleId}`, { headers: { cookie: readerCookie } });
      const readerCsrf = csrfOf(await thread.text());
      // The newsroom sign-in form: the CSRF cookie and the field that matches it.
      const login = await fetch(`${base}/newsroom/login`);
      const loginCookie = `minbar_csrf=${cookieFrom(login.headers.getSetCookie(), 'minbar_csrf')}`;
      const loginCsrf = csrfOf(await login.text());
      // A real cursor from the API's first page.
      const first = (await (await fetch(`${base}/api/v1/articles?section=politics`)).json()) as { next: string | null };
      assert.ok(first.next, 'the list has a second page');

      const q = encodeURIComponent('البرلمان');
      const targets: Target[] = [
        { name: 'search page', url: `${base}/search?q=${q}&section=politics&type=article&page=1` },
        { name: 'search API', url: `${base}/api/search?q=${q}&story=coastal-floods` },
        { name: 'content API list', url: `${base}/api/v1/articles?section=politics&cursor=${encodeURIComponent(first.next)}` },
        { name: 'content API article', url: `${base}/api/v1/articles/${articleId}*` },
        { name: 'comment form', url: `${base}/comments/${articleId}`, data: `body=${encodeURIComponent('تعليق للتجربة من قارئ')}&_csrf=${readerCsrf}`, cookie: readerCookie, skip: '_csrf' },
        { name: 'newsroom sign-in', url: `${base}/newsroom/login`, data: `email=writer%40example.org&password=wrong-password-1&_csrf=${loginCsrf}`, cookie: loginCookie, skip: '_csrf' },
      ];
      for (const target of targets) {
        const { code, output } = await runSqlmap(target, dialect.name === 'postgres' ? 'PostgreSQL' : 'SQLite', outDir);
        const tail = output.split('\n').slice(-25).join('\n');
        assert.equal(code, 0, `${target.name}: sqlmap exited ${code}\n${tail}`);
        assert.doesNotMatch(output, /sqlmap identified the following injection point|is vulnerable|appears to be injectable|back-end DBMS is/i, `${target.name}: injection found\n${output}`);
        assert.doesNotMatch(output, /unable to connect|connection refused|connection timed out to the target|HTTP error codes detected during run:\n?.*500/i, `${target.name}: the target did not answer properly\n${tail}`);
        assert.match(output, /do not appear to be injectable|does not seem to be injectable/, `${target.name}: sqlmap tested the parameters\n${tail}`);
      }
    } finally {
      await site.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  });
}
