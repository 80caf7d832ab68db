// Support for the durability and backup suites: a real `minbar serve` child process on a free port, over
// a SQLite file or a fresh PostgreSQL database; a site prepared with a newsroom account, an API token, a
// section and a hero picture; and clients for the newsroom API, reader comments and media uploads.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { loadConfig } from '../../src/config/index.js';
import { CLI_OPERATOR } from '../../src/services/index.js';
import { createMinbar } from '../../src/main.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/minbar.js');
export const PASSWORD = 'كلمة-مرور-المتانة-1';

/** A place for one site: its data directory and database (a SQLite file, or a fresh PostgreSQL database). */
export interface SiteLocation {
  readonly name: 'sqlite' | 'postgres';
  readonly env: Record<string, string>;
  readonly dataDir: string;
  readonly mediaDir: string;
  dispose(): Promise<void>;
}

async function adminQuery(url: string, text: string, values: unknown[] = []) {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** The dialects to run on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function siteDialects(): Array<{ name: 'sqlite' | 'postgres'; create(): Promise<SiteLocation> }> {
  const pgUrl = process.env['TEST_DATABASE_URL'];
  const list: Array<{ name: 'sqlite' | 'postgres'; create(): Promise<SiteLocation> }> = [
    {
      name: 'sqlite',
      async create() {
        const dataDir = mkdtempSync(join(tmpdir(), 'minbar-durable-'));
        return {
          name: 'sqlite',
          dataDir,
          mediaDir: join(dataDir, 'media'),
          env: { DATA_DIR: dataDir, DATABASE_URL: `sqlite:${join(dataDir, 'minbar.db')}` },
          async dispose() {
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  if (pgUrl) {
    list.push({
      name: 'postgres',
      async create() {
        const dataDir = mkdtempSync(join(tmpdir(), 'minbar-durable-'));
        const dbName = `minbar_durable_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
        await adminQuery(pgUrl, `create database ${dbName}`);
        const url = new URL(pgUrl);
        url.pathname = `/${dbName}`;
        return {
          name: 'postgres',
          dataDir,
          mediaDir: join(dataDir, 'media'),
          env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
          async dispose() {
            await adminQuery(pgUrl, `drop database if exists ${dbName} with (force)`);
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    });
  }
  return list;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

/** The environment of a child `minbar` process: the test's own environment minus anything site-related. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_OPTIONS']) if (process.env[k] !== undefined) base[k] = process.env[k];
  return { ...base, LOG_LEVEL: 'warn', TIME_ZONE: 'Asia/Riyadh', ...env };
}

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  /** SIGKILL: the power cut. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** SIGTERM and wait. */
  stop(): Promise<void>;
}

/** Starts `bin/minbar.js serve` and resolves once it listens. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: childEnv({ ...env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: 'true', PUBLIC_URL: `http://127.0.0.1:${port}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  await new Promise<void>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start within 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (out.includes('Minbar is serving')) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Runs `bin/minbar.js <args>` to completion. */
export async function runMinbar(args: readonly string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { code, stdout, stderr };
}

export interface PreparedSite {
  readonly token: string;
  readonly sectionId: number;
  readonly heroMediaId: number;
  readonly email: string;
}

/** A generated picture with some texture, so its encodings are not trivially small. */
export async function picture(seed: number, width = 900, height = 600): Promise<Buffer> {
  const hue = (seed * 47) % 255;
  return sharp({ create: { width, height, channels: 3, background: { r: hue, g: 255 - hue, b: (seed * 13) % 255 } } })
    .composite([{ input: Buffer.from(`<svg width="${width}" height="${height}"><circle cx="${(seed * 37) % width}" cy="${height / 2}" r="${height / 3}" fill="#fff"/></svg>`) }])
    .jpeg()
    .toBuffer();
}

/** Migrates the site and gives it an editor (with an API token for write and publish), a section and a picture. */
export async function prepareSite(location: SiteLocation): Promise<PreparedSite> {
  const minbar = await createMinbar(loadConfig({ ...location.env, LOG_LEVEL: 'warn' }));
  try {
    const { accounts, apiTokens, curation, media, moderation } = minbar.services;
    const email = 'editor@example.org';
    const editor = await accounts.createUser(CLI_OPERATOR, { email, displayName: 'محررة المناوبة', role: 'editor', password: PASSWORD, sectionIds: [] });
    const admin = await accounts.createUser(CLI_OPERATOR, { email: 'admin@example.org', displayName: 'المدير', role: 'admin', password: PASSWORD, sectionIds: [] });
    const { token } = await apiTokens.create(
      { userId: admin.id, role: 'admin', sections: 'all' },
      { name: 'وكالة المتانة', userId: editor.id, scopes: ['articles:read', 'articles:write', 'articles:publish'] },
    );
    // Guests may comment (held for moderation until approved): the site setting a small outlet would choose.
    await moderation.saveSettings({ userId: admin.id, role: 'admin', sections: 'all' }, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: true });
    const sectionId = await curation.createSection({ slug: 'local', name: 'محليات', position: 1 });
    const hero = await media.importImage(await picture(1), { caption: 'صورة', alt: 'صورة', credit: 'منبر' });
    return { token, sectionId, heroMediaId: hero.id, email };
  } finally {
    await minbar.close();
  }
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie();
}

function cookieValue(res: Response, name: string): string | null {
  for (const c of setCookies(res)) {
    const m = new RegExp(`^${name}=([^;]*)`).exec(c);
    if (m) return m[1]!;
  }
  return null;
}

function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error(`no _csrf field in the page: ${html.slice(0, 300)}`);
  return m[1]!;
}

/** Publishes through the newsroom API: create the draft, then publish it. Resolves with the id once acknowledged. */
export async function publishArticle(base: string, site: PreparedSite, title: string, signal?: AbortSignal): Promise<number> {
  const headers = { authorization: `Bearer ${site.token}`, 'content-type': 'application/json' };
  const created = await fetch(`${base}/api/v1/newsroom/articles`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ sectionId: site.sectionId, title, lead: `مقدمة ${title}`, heroMediaId: site.heroMediaId, body: [{ type: 'paragraph', content: [{ text: `نص ${title} للتحقق من المتانة.` }] }] }),
    ...(signal ? { signal } : {}),
  });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`);
  const { id } = (await created.json()) as { id: number };
  const published = await fetch(`${base}/api/v1/newsroom/articles/${id}/publish`, { method: 'POST', headers: { authorization: headers.authorization }, ...(signal ? { signal } : {}) });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${await published.text()}`);
  await published.arrayBuffer();
  return id;
}

/** A guest comment through the public form (CSRF double-submit cookie); resolves once acknowledged (303). */
export async function postComment(base: string, articleId: number, body: string, signal?: AbortSignal): Promise<void> {
  const address = `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;
  const page = await fetch(`${base}/comments/${articleId}`, { headers: { 'x-forwarded-for': address }, ...(signal ? { signal } : {}) });
  const html = await page.text();
  const cookie = cookieValue(page, 'minbar_reader_csrf');
  if (page.status !== 200 || !cookie) throw new Error(`comment form: ${page.status}`);
  const res = await fetch(`${base}/comments/${articleId}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `minbar_reader_csrf=${cookie}`, 'x-forwarded-for': address },
    body: new URLSearchParams({ _csrf: csrfOf(html), body, authorName: 'قارئ' }).toString(),
    ...(signal ? { signal } : {}),
  });
  await res.arrayBuffer();
  if (res.status !== 303) throw new Error(`comment: ${res.status}`);
}

export interface NewsroomCookie {
  readonly cookie: string;
  readonly csrf: string;
}

/** Signs in to the newsroom through its pages. */
export async function signInNewsroom(base: string, email: string): Promise<NewsroomCookie> {
  const page = await fetch(`${base}/newsroom/login`);
  const anon = cookieValue(page, 'minbar_csrf');
  const res = await fetch(`${base}/newsroom/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `minbar_csrf=${anon}` },
    body: new URLSearchParams({ email, password: PASSWORD, _csrf: csrfOf(await page.text()) }).toString(),
  });
  const token = cookieValue(res, 'minbar_session');
  if (res.status !== 303 || !token) throw new Error(`sign-in: ${res.status}`);
  const cookie = `minbar_session=${token}`;
  const account = await fetch(`${base}/newsroom/account`, { headers: { cookie } });
  return { cookie, csrf: csrfOf(await account.text()) };
}

/** Uploads a picture to the media library (JSON answer); resolves with its id once acknowledged (201). */
export async function uploadPicture(base: string, session: NewsroomCookie, bytes: Buffer, caption: string, signal?: AbortSignal): Promise<number> {
  const form = new FormData();
  form.set('_csrf', session.csrf);
  form.set('caption', caption);
  form.set('credit', 'منبر');
  form.set('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await fetch(`${base}/newsroom/media`, { method: 'POST', headers: { cookie: session.cookie, accept: 'application/json' }, body: form, ...(signal ? { signal } : {}) });
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}
