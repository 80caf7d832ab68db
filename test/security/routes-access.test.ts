// Generated from the route table: every route Fastify registered (`app.allRoutes`) is walked.
// - Every state-changing route outside /api (comments, reader accounts, the newsroom, sign-in forms)
//   refuses a missing, wrong or foreign CSRF token with 403 and an Arabic message, and writes nothing.
// - Every /api route that is not public refuses a request that carries only cookies (401): cookies
//   never authenticate the API, so CSRF cannot apply there.
// - Every /newsroom and /api route is in `app.routeTable` with an access rule of the matrix; the routes
//   open to the anonymous are an explicit list.
// A route added without protection makes this file fail.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACTIONS } from '../../src/domain/index.js';
import { testDialects } from '../../src/db/index.js';
import { messages } from '../../src/i18n/index.js';
import { openTestSite } from '../support/test-site.js';
import { cookieFrom, csrfOf, form } from '../support/newsroom-session.js';
import { UNSAFE, areaOf, assertClearRefusal, changedTables, keepSessionsAlive, loadWalkSite, tableCounter } from '../support/route-walk.js';

const t = messages('ar');

/**
 * State-changing routes that take no CSRF token, each with its reason. Empty: even the sign-in and
 * sign-up forms carry one (a double-submit cookie before any session exists, against login CSRF).
 */
const NO_CSRF: ReadonlyMap<string, string> = new Map();

/** Newsroom routes open to the anonymous: signing in and out, and the newsroom's own 404. */
const PUBLIC_NEWSROOM = new Set(['GET /newsroom/login', 'POST /newsroom/login', 'GET /newsroom/login/two-factor', 'POST /newsroom/login/two-factor', 'POST /newsroom/logout', 'GET /newsroom/*']);

/** Fills every `:param` with an id that exists (CSRF and access are checked before a handler reads it). */
const fill = (url: string, id: number) => url.replace(/:[A-Za-z]+/g, String(id)).replace(/\*$/, 'x');

test('every route: CSRF on every state-changing one, no cookie ever authenticates the API, every newsroom and API route declares its access', async (tt) => {
  const site = await openTestSite(testDialects()[0]!);
  tt.after(() => site.close());
  const walk = await loadWalkSite(site);
  const count = await tableCounter(site);
  const routes = site.app.allRoutes;
  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
  const id = walk.fixture.sectionArticleIds[0]!;
  const unsafe = routes.filter((r) => UNSAFE.has(r.method));

  await tt.test('every /newsroom and /api route is in the route table with an access rule of the matrix', () => {
    const table = new Map(site.app.routeTable.map((r) => [key(r), r]));
    const valid = new Set<string>([...ACTIONS, 'signedIn', 'public']);
    let checked = 0;
    for (const r of routes) {
      if (areaOf(r.url) === 'site') continue;
      // HEAD is answered by the GET route's handler (Fastify adds HEAD /newsroom/ beside the prefix's root).
      const entry = table.get(key({ method: r.method === 'HEAD' ? 'GET' : r.method, url: r.url.replace(/(.)\/$/, '$1') }));
      assert.ok(entry, `${key(r)} is not in app.routeTable`);
      assert.ok(valid.has(entry.access), `${key(r)}: access "${entry.access}" is not an action of the matrix`);
      assert.equal(entry.area, areaOf(r.url), key(r));
      if (entry.area === 'newsroom' && entry.access === 'public') assert.ok(PUBLIC_NEWSROOM.has(key(entry)), `${key(entry)} is open to the anonymous`);
      if (entry.area === 'api' && UNSAFE.has(entry.method)) assert.notEqual(entry.access, 'public', `${key(entry)} changes state without a token`);
      checked++;
    }
    assert.ok(checked >= 120, `checked ${checked}`);
    for (const k of PUBLIC_NEWSROOM) assert.ok(table.has(k), `${k} (listed as public) exists`);
    for (const k of NO_CSRF.keys()) assert.ok(routes.some((r) => key(r) === k), `${k} (allowlisted) exists`);
  });

  await tt.test('every state-changing route outside /api refuses a missing, wrong or foreign CSRF token: 403, Arabic, nothing written', async () => {
    const guestPage = await site.app.inject({ url: `/comments/${id}` });
    const guestCsrf = cookieFrom(guestPage.headers['set-cookie'], 'minbar_reader_csrf');
    assert.ok(guestCsrf);
    let checked = 0;
    for (const r of unsafe) {
      const area = areaOf(r.url);
      if (area === 'api' || NO_CSRF.has(key(r))) continue;
      await keepSessionsAlive(site, walk);
      const url = fill(r.url, id);
      const session = area === 'newsroom' ? walk.admin : walk.reader;
      const expected = area === 'newsroom' ? t.newsroom.errors.csrf : t.comments.errors.csrf;
      const attempts: Array<[string, string | null, string | undefined]> = [
        ['signed in, no token', session.cookie, undefined],
        ['signed in, a wrong token', session.cookie, 'wrong-token'],
        // The guest double-submit cookie's own value does not stand in for a session's token.
        ['signed in, a guest token', `${session.cookie}; minbar_reader_csrf=${guestCsrf}; minbar_csrf=${guestCsrf}`, guestCsrf!],
        ['anonymous, no cookie', null, 'wrong-token'],
      ];
      for (const [what, cookie, token] of attempts) {
        for (const as of ['form', 'json'] as const) {
          const before = await count();
          const fields = { _csrf: token ?? '', body: 'نص', email: 'x@example.org', password: 'password-123456', title: 'عنوان' };
          if (token === undefined) delete (fields as Partial<typeof fields>)._csrf;
          const res = await site.app.inject({
            method: r.method as 'POST',
            url,
            headers: { ...(cookie ? { cookie } : {}), 'content-type': as === 'form' ? 'application/x-www-form-urlencoded' : 'application/json' },
            payload: as === 'form' ? form(fields) : JSON.stringify(fields),
          });
          const label = `${key(r)} (${what}, ${as})`;
          assert.equal(res.statusCode, 403, `${label}: ${res.body.slice(0, 200)}`);
          assertClearRefusal(res, label);
          assert.ok(res.body.includes(expected), `${label}: the CSRF message`);
          assert.deepEqual(changedTables(before, await count()), [], `${label} wrote nothing`);
        }
      }
      // And the same request with the session's own token is not refused as a forgery: the check above
      // is the CSRF check, not a refusal of everything.
      const ok = await site.app.inject({ method: r.method as 'POST', url, headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ _csrf: session.csrf }) });
      assert.ok(!ok.body.includes(expected), `${key(r)} accepts its session's token (${ok.statusCode})`);
      assert.ok(ok.statusCode < 500, `${key(r)} with its token: ${ok.statusCode}`);
      checked++;
    }
    assert.ok(checked >= 50, `checked ${checked}`);
  });

  await tt.test('sign-in forms before any session: a double-submit cookie, refused without it or with another value', async () => {
    for (const [page, action, cookieName, expected] of [
      ['/newsroom/login', '/newsroom/login', 'minbar_csrf', t.newsroom.errors.csrf],
      ['/account/sign-in', '/account/sign-in', 'minbar_reader_csrf', t.comments.errors.csrf],
      ['/account/sign-up', '/account/sign-up', 'minbar_reader_csrf', t.comments.errors.csrf],
    ] as const) {
      const get = await site.app.inject({ url: page });
      const cookie = cookieFrom(get.headers['set-cookie'], cookieName);
      const token = csrfOf(get.body);
      assert.ok(cookie && token, page);
      const send = (headers: Record<string, string>, fields: Record<string, string>) =>
        site.app.inject({ method: 'POST', url: action, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: form({ email: 'nobody@example.org', password: 'password-123456', displayName: 'أحد', ...fields }) });
      const noCookie = await send({}, { _csrf: token });
      assert.equal(noCookie.statusCode, 403, `${action} without the cookie`);
      assert.ok(noCookie.body.includes(expected));
      const otherValue = await send({ cookie: `${cookieName}=${cookie}` }, { _csrf: `${token}x` });
      assert.equal(otherValue.statusCode, 403, `${action} with another value`);
      if (cookieName === 'minbar_reader_csrf') {
        // The reader forms' guest cookie is signed, so a value the site did not issue is refused. (The
        // newsroom's is a plain random value: under https its `__Host-` name keeps other hosts from setting it.)
        const forged = await send({ cookie: `${cookieName}=forged.value` }, { _csrf: 'forged.value' });
        assert.equal(forged.statusCode, 403, `${action} with a cookie the site did not sign`);
      }
      const good = await send({ cookie: `${cookieName}=${cookie}` }, { _csrf: token });
      assert.notEqual(good.statusCode, 403, `${action} with the pair: ${good.statusCode}`);
    }
  });

  await tt.test('no /api route but the public ones is reached with cookies alone: 401 with a Bearer challenge, in Arabic', async () => {
    const table = new Map(site.app.routeTable.map((r) => [key(r), r]));
    let checked = 0;
    for (const r of routes) {
      if (areaOf(r.url) !== 'api' || r.method === 'HEAD' || r.method === 'OPTIONS' || table.get(key(r))?.access === 'public') continue;
      await keepSessionsAlive(site, walk);
      const url = fill(r.url, id);
      const body = UNSAFE.has(r.method) ? { payload: JSON.stringify({ sectionId: 1, title: 'عنوان', _csrf: walk.admin.csrf }) } : {};
      for (const [what, cookie] of [
        ['the administrator’s session and its CSRF token', `${walk.admin.cookie}; ${walk.reader.cookie}`],
        ['a reader session', walk.reader.cookie],
      ] as const) {
        const before = await count();
        const res = await site.app.inject({ method: r.method as 'GET', url, headers: { cookie, 'x-csrf-token': walk.admin.csrf, 'content-type': 'application/json' }, ...body });
        const label = `${key(r)} with ${what}`;
        assert.equal(res.statusCode, 401, `${label}: ${res.body.slice(0, 200)}`);
        assert.equal(res.headers['www-authenticate'], 'Bearer realm="minbar"', label);
        assertClearRefusal(res, label);
        assert.equal(res.json().error, t.api.unauthorized, label);
        assert.deepEqual(changedTables(before, await count()), [], `${label} wrote nothing`);
      }
      // The token is what opens it.
      const withToken = await site.app.inject({ method: r.method as 'GET', url, headers: { authorization: `Bearer ${walk.apiToken}`, 'content-type': 'application/json' }, ...body });
      assert.notEqual(withToken.statusCode, 401, `${key(r)} with a token`);
      checked++;
    }
    assert.ok(checked >= 8, `checked ${checked}`);
  });
});
