// Whole-app test support for the suites that walk every route (`app.allRoutes`): a site with content of
// every kind (the reader fixture, a live blog, a comment), a signed-in administrator, a signed-in reader
// and an API token; row counts of every table in one query; and the checks every refusal must pass —
// an Arabic message, no stack trace, no SQL error, none of Fastify's English JSON.
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { CLI_OPERATOR } from '../../src/services/index.js';
import type { Actor } from '../../src/domain/index.js';
import { loadReaderFixture, type ReaderFixture } from './reader-fixture.js';
import { TEST_PASSWORD, createMember, signIn, type NewsroomSession } from './newsroom-session.js';
import { loadLiveBlog } from './live-fixture.js';
import type { TestSite } from './test-site.js';

export const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What a stack trace, an SQL error or Fastify's own English JSON look like in a body. */
export const LEAKS = /FST_ERR|"statusCode"|"Bad Request"|"Not Found"|Internal Server Error|Client Error|\bat [\w.<>]+ \(|node_modules|SQLITE_|SqliteError|syntax error at|violates .* constraint|ZodError|"code":\s*"invalid_|TypeError|ReferenceError|Cannot read propert/;
const ARABIC = /[\u0600-\u06FF]/;

export interface ReaderSession {
  /** "minbar_reader=…" for the cookie header. */
  readonly cookie: string;
  readonly csrf: string;
}

export interface WalkSite {
  readonly fixture: ReaderFixture;
  readonly liveBlogId: number;
  readonly commentId: number;
  readonly adminEmail: string;
  readonly adminId: number;
  readerEmail: string;
  readonly apiToken: string;
  admin: NewsroomSession;
  reader: ReaderSession;
}

export const READER_PASSWORD = 'a-long-reader-password-1';

/** Content of every kind, an administrator and a reader signed in, an API token with every scope. */
export async function loadWalkSite(site: TestSite): Promise<WalkSite> {
  const fixture = await loadReaderFixture(site);
  const live = await loadLiveBlog(site);
  const { moderation, comments, readers, apiTokens } = site.minbar.services;
  const moderator: Actor = { userId: 0, role: 'moderator', sections: 'all' };
  await moderation.saveSettings(moderator, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: true });
  const articleId = fixture.sectionArticleIds[0]!;
  const posted = await comments.post({ articleId, body: 'تعليق أول للتجربة', authorName: 'زائر' }, { reader: null, ip: '10.9.0.1' });
  const commentId = posted.id;
  const adminEmail = 'walk-admin@example.org';
  const admin = await createMember(site, 'admin', adminEmail, { displayName: 'مديرة الاختبار' });
  const token = (await apiTokens.create(CLI_OPERATOR, {
    name: 'مفتاح الاختبار',
    userId: admin.id,
    scopes: ['articles:read', 'articles:write', 'articles:submit', 'articles:publish'],
  })).token;
  const readerEmail = 'walk-reader@example.org';
  await readers.signUp({ email: readerEmail, password: READER_PASSWORD, displayName: 'قارئة الاختبار' });
  const walk: WalkSite = {
    fixture,
    liveBlogId: live.blogId,
    commentId,
    adminEmail,
    adminId: admin.id,
    readerEmail,
    apiToken: token,
    admin: await signIn(site, adminEmail),
    reader: await readerSignIn(site, readerEmail),
  };
  return walk;
}

export async function readerSignIn(site: TestSite, email: string): Promise<ReaderSession> {
  const r = await site.minbar.services.readers.signIn({ email, password: READER_PASSWORD });
  if ('error' in r) throw new Error(`reader sign-in failed: ${r.error}`);
  return { cookie: `minbar_reader=${r.token}`, csrf: r.session.csrfToken };
}

/**
 * Signs the administrator and the reader in again if a walked route ended their sessions or changed
 * their accounts (sign-out, a disabled account, required two-factor, a new password, a ban) — a fuzz run
 * may well do that with a valid token.
 */
export async function keepSessionsAlive(site: TestSite, walk: WalkSite): Promise<void> {
  const { accounts, readers } = site.minbar.services;
  const db = site.minbar.database.db;
  const adminToken = /=(.*)$/.exec(walk.admin.cookie)![1]!;
  const admin = await accounts.authenticate(adminToken);
  if (!admin || admin.stage !== 'full' || admin.mustEnrolTotp || admin.actor.role !== 'admin') {
    await db.updateTable('users').set({ disabled: 0, role: 'admin', totp_required: 0, totp_enabled: 0, locale: 'ar', email: walk.adminEmail }).where('id', '=', walk.adminId).execute();
    await accounts.setPassword(CLI_OPERATOR, walk.adminId, TEST_PASSWORD);
    await db.deleteFrom('login_attempts').execute();
    walk.admin = await signIn(site, walk.adminEmail);
  } else if (admin.user.locale !== 'ar') {
    await db.updateTable('users').set({ locale: 'ar' }).where('id', '=', walk.adminId).execute();
  }
  // A fuzzed revocation form may have revoked the API token.
  await db.updateTable('api_tokens').set({ revoked_at: null }).where('user_id', '=', walk.adminId).where('revoked_at', 'is not', null).execute();
  const readerToken = /=(.*)$/.exec(walk.reader.cookie)![1]!;
  const reader = await readers.authenticate(readerToken);
  if (!reader || reader.reader.status !== 'active') {
    const again = reader ? null : await readers.signIn({ email: walk.readerEmail, password: READER_PASSWORD });
    if (again && !('error' in again) && again.session.reader.status === 'active') walk.reader = { cookie: `minbar_reader=${again.token}`, csrf: again.session.csrfToken };
    else {
      // Banned, suspended or deleted by a fuzzed moderation form: a new reader takes over.
      walk.readerEmail = `walk-reader-${Date.now()}-${Math.random().toString(36).slice(2)}@example.org`;
      const fresh = await readers.signUp({ email: walk.readerEmail, password: READER_PASSWORD, displayName: 'قارئة الاختبار' });
      walk.reader = { cookie: `minbar_reader=${fresh.token}`, csrf: fresh.session.csrfToken };
    }
  }
}

/** Row counts of every table, in one query (so a check per request stays cheap on both dialects). */
export async function tableCounter(site: TestSite): Promise<() => Promise<Record<string, number>>> {
  const db = site.minbar.database.db;
  const tables = (await db.introspection.getTables()).map((t) => t.name).filter((n) => !n.startsWith('kysely_')).sort();
  assert.ok(tables.length >= 30, `found ${tables.length} tables`);
  const query = sql<Record<string, number | string>>`select ${sql.join(tables.map((t) => sql`(select count(*) from ${sql.table(t)}) as ${sql.ref(t)}`))}`;
  return async () => {
    const row = (await query.execute(db)).rows[0]!;
    return Object.fromEntries(tables.map((t) => [t, Number(row[t])]));
  };
}

/** The tables whose counts differ. */
export function changedTables(before: Record<string, number>, after: Record<string, number>, ignore: readonly string[] = []): string[] {
  return Object.keys(after).filter((t) => !ignore.includes(t) && before[t] !== after[t]);
}

/** Areas of the app, by path: each has its own session and CSRF scheme. */
export function areaOf(url: string): 'newsroom' | 'api' | 'site' {
  if (url === '/newsroom' || url.startsWith('/newsroom/')) return 'newsroom';
  if (url === '/api' || url.startsWith('/api/')) return 'api';
  return 'site';
}

interface Reply {
  readonly statusCode: number;
  readonly headers: Record<string, string | string[] | number | undefined>;
  readonly body: string;
}

/** The message of a refusal: JSON `error` (a string, or `{ message }` from the search API) or the page's text. */
export function refusalMessage(res: Reply): string {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    const parsed = JSON.parse(res.body) as { error?: unknown };
    const e = parsed.error;
    return typeof e === 'string' ? e : e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : '';
  }
  return res.body;
}

/** A 4xx answer is clear: an Arabic message (HTML page, text or JSON `error`), nothing leaked. */
export function assertClearRefusal(res: Reply, what: string): void {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${what}: ${res.statusCode}`);
  if (res.statusCode === 405 || (res.statusCode === 401 && res.body === '')) return;
  const type = String(res.headers['content-type'] ?? '');
  assert.match(type, /^(text\/html|text\/plain|application\/json); charset=utf-8$/, `${what}: content-type ${type}`);
  assert.match(refusalMessage(res), ARABIC, `${what}: an Arabic message in ${res.body.slice(0, 300)}`);
  assert.doesNotMatch(res.body, LEAKS, `${what}: leaks ${res.body.slice(0, 300)}`);
}

/** A form as a page renders it: where it posts and the values it would send untouched. */
export interface ScrapedForm {
  readonly url: string;
  readonly fields: Record<string, string | string[]>;
}

/** The route pattern a concrete path belongs to (static segments preferred over parameters). */
export function routeOf(path: string, routes: ReadonlyArray<{ method: string; url: string }>, method = 'POST'): string | null {
  const candidates = routes
    .filter((r) => r.method === method)
    .filter((r) => new RegExp(`^${r.url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+').replace(/\*$/, '.*')}$`).test(path))
    .sort((a, b) => (a.url.match(/:/g)?.length ?? 0) - (b.url.match(/:/g)?.length ?? 0));
  return candidates[0]?.url ?? null;
}

/**
 * Every POST form the signed-in administrator and reader are shown: each GET route is opened with the
 * ids of the fixture in its parameters, and each form's action and untouched values are kept, by the
 * route they post to — so a fuzz can change a few fields of a form that is otherwise valid.
 */
export async function scrapeForms(site: TestSite, walk: WalkSite, parse: (html: string) => Document): Promise<Map<string, ScrapedForm[]>> {
  const routes = site.app.allRoutes;
  const mediaId = (await site.minbar.database.db.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
  const ids = [walk.fixture.correctedArticleId, walk.liveBlogId, walk.commentId, mediaId, walk.adminId];
  const out = new Map<string, ScrapedForm[]>();
  const seen = new Set<string>();
  for (const r of routes) {
    if (r.method !== 'GET' || r.url.endsWith('*') || r.url.endsWith('/events') || !(r.url.startsWith('/newsroom') || r.url.startsWith('/comments') || r.url.startsWith('/account'))) continue;
    const urls = r.url.includes(':') ? ids.map((id) => r.url.replace(/:[A-Za-z]+/g, String(id))) : [r.url];
    for (const url of urls) {
      const cookie = r.url.startsWith('/newsroom') ? walk.admin.cookie : walk.reader.cookie;
      const res = await site.app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
      for (const f of parse(res.body).querySelectorAll('form')) {
        if ((f.getAttribute('method') ?? 'get').toLowerCase() !== 'post') continue;
        const action = new URL(f.getAttribute('action') || url, 'http://x').pathname;
        const pattern = routeOf(action, routes);
        if (!pattern) continue;
        const fields: Record<string, string | string[]> = {};
        const add = (name: string, value: string) => {
          const v = fields[name];
          fields[name] = v === undefined ? value : Array.isArray(v) ? [...v, value] : [v, value];
        };
        for (const el of f.querySelectorAll('input, textarea, select')) {
          const name = el.getAttribute('name');
          const type = (el.getAttribute('type') ?? '').toLowerCase();
          if (!name || type === 'submit' || type === 'file' || type === 'button') continue;
          if ((type === 'checkbox' || type === 'radio') && !el.hasAttribute('checked')) continue;
          if (el.tagName === 'SELECT') {
            const option = el.querySelector('option[selected]') ?? el.querySelector('option');
            if (option) add(name, option.getAttribute('value') ?? option.textContent ?? '');
          } else if (el.tagName === 'TEXTAREA') add(name, el.textContent ?? '');
          else add(name, el.getAttribute('value') ?? '');
        }
        const key = `${action} ${Object.keys(fields).sort().join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.set(pattern, [...(out.get(pattern) ?? []), { url: action, fields }]);
      }
    }
  }
  return out;
}
