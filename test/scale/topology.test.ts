// The scaled-out deployment on loopback: two `minbar serve` processes on one fresh PostgreSQL database
// with REDIS_URL, behind Debian's nginx running deploy/nginx/minbar.conf (upstreams, listen and TLS lines
// rewritten for the test). A publish through instance A is visible through B and nginx at once, also
// after every instance has rendered the home page; a scheduled article is published exactly once; a live
// entry posted on A reaches an SSE reader on B through nginx.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/config/index.js';
import { createMinbar } from '../../src/main.js';
import { followEvents } from '../support/live-fixture.js';
import { api, freePort, prepareNewsroom, sleep, startMinbar, stopMinbar, waitFor200, type MinbarProcess, type Newsroom } from './processes.js';

const url = process.env['TEST_DATABASE_URL'];
const redisUrl = process.env['TEST_REDIS_URL'];
const NGINX = '/usr/sbin/nginx';
const skip = !url ? 'TEST_DATABASE_URL is not set' : !redisUrl ? 'TEST_REDIS_URL is not set' : !existsSync(NGINX) ? `${NGINX} is not installed (apt-get install nginx)` : false;
const TEMPLATE = fileURLToPath(new URL('../../deploy/nginx/minbar.conf', import.meta.url));

async function admin(sql: string): Promise<void> {
  const u = new URL(url!);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** deploy/nginx/minbar.conf for loopback: our upstreams, a plain listen, no TLS; in a main config of its own. */
function nginxConfig(dir: string, port: number, upstreams: readonly number[]): string {
  let site = readFileSync(TEMPLATE, 'utf8');
  site = site.replace(/^\s*server 127\.0\.0\.1:\d+[^\n]*\n/gm, '');
  site = site.replace(/upstream minbar \{\n/, `upstream minbar {\n${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=5s;\n`).join('')}`);
  site = site.replace(/^\s*(listen|ssl_certificate|ssl_certificate_key|server_name)\b[^\n]*\n/gm, '');
  site = site.replace(/server \{\n/, `server {\n    listen 127.0.0.1:${port};\n`);
  for (const t of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, t), { recursive: true });
  writeFileSync(join(dir, 'minbar.conf'), site);
  const main = [
    process.getuid?.() === 0 ? 'user root;' : '',
    'worker_processes 1;',
    `pid ${join(dir, 'nginx.pid')};`,
    `error_log ${join(dir, 'error.log')} warn;`,
    'events { worker_connections 512; }',
    'http {',
    '  access_log off;',
    `  client_body_temp_path ${join(dir, 'body')};`,
    `  proxy_temp_path ${join(dir, 'proxy')};`,
    `  fastcgi_temp_path ${join(dir, 'fastcgi')};`,
    `  uwsgi_temp_path ${join(dir, 'uwsgi')};`,
    `  scgi_temp_path ${join(dir, 'scgi')};`,
    `  include ${join(dir, 'minbar.conf')};`,
    '}',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), main);
  return join(dir, 'nginx.conf');
}

async function text(u: string): Promise<string> {
  const res = await fetch(u);
  assert.equal(res.status, 200, `${u} → ${res.status}`);
  return res.text();
}

describe('two instances behind nginx on PostgreSQL and Redis', { skip }, () => {
  const dbName = `minbar_scale_${randomBytes(4).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'minbar-scale-'));
  let env: Record<string, string>;
  let a: MinbarProcess | undefined;
  let b: MinbarProcess | undefined;
  let nginx: ChildProcess | undefined;
  let front = '';
  let newsroom: Newsroom;
  let blogId = 0;

  before(async () => {
    await admin(`create database ${dbName}`);
    const target = new URL(url!);
    target.pathname = `/${dbName}`;
    env = { DATABASE_URL: target.toString(), REDIS_URL: redisUrl!, DATA_DIR: join(dir, 'data'), PREVIEW_SECRET: randomBytes(24).toString('hex'), TRUST_PROXY: 'true' };
    newsroom = await prepareNewsroom(env);
    const minbar = await createMinbar(loadConfig(env));
    try {
      blogId = await minbar.services.publishing.createArticle(
        { sectionId: newsroom.sectionId, type: 'live', title: 'مباشر: السيول في الوادي', lead: 'تغطية مباشرة', body: [{ type: 'paragraph', content: [{ text: 'تغطية' }] }] },
        { status: 'published', publishedAt: Date.now() - 60_000 },
      );
    } finally {
      await minbar.close();
    }
    [a, b] = await Promise.all([startMinbar(env), startMinbar(env)]);
    const port = await freePort();
    const conf = nginxConfig(join(dir, 'nginx'), port, [a.port, b.port]);
    nginx = spawn(NGINX, ['-p', join(dir, 'nginx'), '-e', join(dir, 'nginx', 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    front = `http://127.0.0.1:${port}`;
    await waitFor200(`${front}/healthz`, 20_000);
  });

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx!.once('exit', r));
    }
    await Promise.all([stopMinbar(a), stopMinbar(b)]);
    await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  test('every instance is ready, and nginx reaches both', async () => {
    for (const p of [a!, b!]) {
      const r = await (await fetch(`${p.base}/readyz`)).json();
      assert.deepEqual(r, { status: 'ready', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });
    }
    assert.equal((await fetch(`${front}/readyz`)).status, 200, 'nginx lets loopback read readiness');
  });

  test('an article published through A is on B and through nginx at once: home, article, RSS — after every instance rendered them', async () => {
    // Every instance (and both nginx upstreams) renders home and feed first, so any cache holds them.
    for (let i = 0; i < 2; i++) for (const base of [a!.base, b!.base, front]) await Promise.all([text(`${base}/`), text(`${base}/rss.xml`)]);
    const title = `خبر عاجل من المكتب ${randomBytes(3).toString('hex')}`;
    const created = await api(a!.base, newsroom.token, 'POST', '/api/v1/newsroom/articles', {
      sectionId: newsroom.sectionId,
      heroMediaId: newsroom.heroMediaId,
      title,
      lead: 'مقدمة الخبر المنشور على النسخة الأولى',
      body: [{ type: 'paragraph', content: [{ text: 'نص الخبر.' }] }],
    });
    assert.equal(created.status, 201, created.text);
    const id = Number(created.json()['id']);
    const published = await api(a!.base, newsroom.token, 'POST', `/api/v1/newsroom/articles/${id}/publish`);
    assert.equal(published.status, 200, published.text);
    // At once: no waiting, no retry. Twice through nginx, so both upstreams answer.
    for (const base of [b!.base, front, front, a!.base]) {
      assert.ok((await text(`${base}/`)).includes(title), `home through ${base}`);
      assert.ok((await text(`${base}/local/${id}/x`)).includes(title), `article through ${base}`);
      assert.ok((await text(`${base}/rss.xml`)).includes(title), `RSS through ${base}`);
    }
  });

  test('a scheduled article is published exactly once by the two schedulers: one revision, one audit entry', async () => {
    const created = await api(a!.base, newsroom.token, 'POST', '/api/v1/newsroom/articles', {
      sectionId: newsroom.sectionId,
      heroMediaId: newsroom.heroMediaId,
      title: 'خبر مجدول للنشر',
      lead: 'مقدمة',
      body: [{ type: 'paragraph', content: [{ text: 'نص.' }] }],
    });
    assert.equal(created.status, 201, created.text);
    const id = Number(created.json()['id']);
    const at = new Date(Date.now() + 3_000).toISOString();
    const scheduled = await api(b!.base, newsroom.token, 'POST', `/api/v1/newsroom/articles/${id}/schedule`, { publishAt: at });
    assert.equal(scheduled.status, 200, scheduled.text);
    // Both schedulers pass every 5 s: wait for the article, then two more passes.
    const until = Date.now() + 60_000;
    while (Date.now() < until && (await fetch(`${front}/api/v1/articles/${id}`)).status !== 200) await sleep(500);
    assert.equal((await fetch(`${front}/api/v1/articles/${id}`)).status, 200, 'published by a scheduler');
    await sleep(11_000);
    const c = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await c.connect();
    try {
      const revisions = await c.query(`select count(*)::int as n from article_revisions where article_id = $1 and kind = 'publish'`, [id]);
      const audits = await c.query(`select count(*)::int as n from audit_log where action = 'article.publish' and target_id = $1`, [String(id)]);
      assert.equal(revisions.rows[0].n, 1, 'one publish revision');
      assert.equal(audits.rows[0].n, 1, 'one audit entry');
    } finally {
      await c.end();
    }
  });

  test('a live entry posted on A reaches an SSE reader on B through nginx, unbuffered, once', async () => {
    // The reader is on B: nginx is asked until it routes the stream there (round robin).
    const reader = await followEvents(`${front}/live/${blogId}/events`);
    const direct = await followEvents(`${b!.base}/live/${blogId}/events`);
    // Sign in on A through the newsroom's pages and post from the live console.
    const login = await fetch(`${a!.base}/newsroom/login`);
    const anon = /minbar_csrf=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1]!;
    const csrf0 = /name="_csrf" value="([^"]+)"/.exec(await login.text())![1]!;
    const signed = await fetch(`${a!.base}/newsroom/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `minbar_csrf=${anon}` },
      body: new URLSearchParams({ email: 'desk@example.org', password: 'كلمة-مرور-للاختبار-1', _csrf: csrf0 }).toString(),
    });
    const session = /minbar_session=([^;]+)/.exec(signed.headers.get('set-cookie') ?? '')?.[1];
    assert.ok(session, `signed in (${signed.status})`);
    const cookie = `minbar_session=${session}`;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await (await fetch(`${a!.base}/newsroom/account`, { headers: { cookie } })).text())![1]!;
    const posted = await fetch(`${a!.base}/newsroom/live/${blogId}/entries`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf, title: '', body: 'وصلت فرق الدفاع المدني إلى الوادي', mediaId: '' }).toString(),
    });
    assert.equal(posted.status, 303, 'posted on A');
    for (const r of [reader, direct]) {
      const [created] = await r.until(1, (f) => f.event === 'entry.created');
      assert.ok(created!.data.includes('وصلت فرق الدفاع المدني'));
    }
    await sleep(1_000);
    assert.equal(reader.frames.filter((f) => f.event === 'entry.created').length, 1, 'delivered once');
    assert.equal(reader.res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    await reader.close();
    await direct.close();
  });
});
