// Whole-app test support for the newsroom: create accounts through the service, sign in through the
// real pages (CSRF token from the form, session cookie from Set-Cookie), and send form posts.
import type { Role } from '../../src/domain/index.js';
import { CLI_OPERATOR } from '../../src/services/index.js';
import type { TestSite } from './test-site.js';

export const TEST_PASSWORD = 'كلمة-مرور-للاختبار-1';

export interface NewsroomSession {
  /** "minbar_session=…" for the cookie header. */
  readonly cookie: string;
  readonly token: string;
  /** The session's CSRF token, as rendered into every form. */
  readonly csrf: string;
}

export async function createMember(site: TestSite, role: Role, email: string, extra: { sectionIds?: number[]; displayName?: string } = {}) {
  return site.minbar.services.accounts.createUser(CLI_OPERATOR, {
    email,
    displayName: extra.displayName ?? `${role} ${email}`,
    role,
    password: TEST_PASSWORD,
    sectionIds: extra.sectionIds ?? [],
  });
}

/** The first cookie value of a Set-Cookie header with this name. */
export function cookieFrom(setCookie: string | string[] | undefined, name: string): string | null {
  for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const m = new RegExp(`^${name}=([^;]*)`).exec(c);
    if (m) return m[1]!;
  }
  return null;
}

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no _csrf field in the page');
  return m[1]!;
}

export function form(fields: Record<string, string | readonly string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of typeof v === 'string' ? [v] : v) p.append(k, x);
  return p.toString();
}

export async function post(site: TestSite, url: string, session: { cookie: string } | null, fields: Record<string, string | readonly string[]>) {
  return site.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(session ? { cookie: session.cookie } : {}) },
    payload: form(fields),
  });
}

/** Signs in through GET/POST /newsroom/login (no second factor) and returns the session. */
export async function signIn(site: TestSite, email: string, password = TEST_PASSWORD): Promise<NewsroomSession> {
  const page = await site.app.inject({ url: '/newsroom/login' });
  const anon = cookieFrom(page.headers['set-cookie'], 'minbar_csrf');
  const res = await site.app.inject({
    method: 'POST',
    url: '/newsroom/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `minbar_csrf=${anon}` },
    payload: form({ email, password, _csrf: csrfOf(page.body) }),
  });
  const token = cookieFrom(res.headers['set-cookie'], 'minbar_session');
  if (res.statusCode !== 303 || !token) throw new Error(`sign-in failed: ${res.statusCode}`);
  const cookie = `minbar_session=${token}`;
  const home = await site.app.inject({ url: '/newsroom/account', headers: { cookie } });
  return { cookie, token, csrf: csrfOf(home.body) };
}
