import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { currentTotp } from '../../services/index.js';
import { openTestSite, parse, words, type TestSite } from '../../../test/support/test-site.js';
import { TEST_PASSWORD, cookieFrom, createMember, csrfOf, form, post, signIn } from '../../../test/support/newsroom-session.js';
import { newsroomRoute } from './newsroom-route.js';

// A route without `access` must not compile.
export function routeWithoutAccessDoesNotTypecheck(app: Parameters<typeof newsroomRoute>[0]) {
  // @ts-expect-error — `access` is required
  newsroomRoute(app, { method: 'GET', url: '/x', handler: () => 'no access declared' });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function anonymousLoginForm(site: TestSite) {
  const page = await site.app.inject({ url: '/newsroom/login' });
  return { cookie: `minbar_csrf=${cookieFrom(page.headers['set-cookie'], 'minbar_csrf')}`, csrf: csrfOf(page.body), page };
}

for (const dialect of testDialects()) {
  test(`newsroom over HTTP on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const { curation, publishing, accounts } = site.minbar.services;
    const politics = await curation.createSection({ slug: 'politics', name: 'سياسة', position: 1 });
    const sport = await curation.createSection({ slug: 'sport', name: 'رياضة', position: 2 });
    const admin = await createMember(site, 'admin', 'admin@example.org', { displayName: 'مديرة' });
    const editor = await createMember(site, 'editor', 'editor@example.org', { sectionIds: [politics] });
    const writer = await createMember(site, 'writer', 'writer@example.org');
    await createMember(site, 'moderator', 'mod@example.org');
    const adminIn = () => signIn(site, 'admin@example.org');

    await t.test('the sign-in page is Arabic, right-to-left, never indexed, with a CSRF field and labelled inputs', async () => {
      const { page } = await anonymousLoginForm(site);
      assert.equal(page.statusCode, 200);
      const doc = parse(page.body);
      assert.equal(doc.documentElement.getAttribute('lang'), 'ar');
      assert.equal(doc.documentElement.getAttribute('dir'), 'rtl');
      assert.match(doc.querySelector('meta[name=robots]')?.getAttribute('content') ?? '', /noindex/);
      assert.equal(words(doc.querySelector('h1')?.textContent), 'تسجيل الدخول إلى غرفة الأخبار');
      assert.ok(doc.querySelector('input[type=hidden][name=_csrf]'));
      for (const name of ['email', 'password']) assert.ok(doc.querySelector(`label[for="${doc.querySelector(`input[name=${name}]`)?.id}"]`), name);
      assert.equal(doc.querySelectorAll('script:not([src])').length, 0, 'no inline script');
      assert.match(String(page.headers['set-cookie']), /HttpOnly; SameSite=Lax/);
      const css = doc.querySelector('link[rel=stylesheet]')?.getAttribute('href') ?? '';
      assert.match(css, /^\/assets\/newsroom\.[0-9a-f]{12}\.css$/);
      assert.equal((await site.app.inject({ url: css })).statusCode, 200);
    });

    await t.test('a wrong password is refused in Arabic; five lock the account (429) even with the right one', async () => {
      const f = await anonymousLoginForm(site);
      const bad = await site.app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ email: 'mod@example.org', password: 'wrong-password', _csrf: f.csrf }) });
      assert.equal(bad.statusCode, 401);
      assert.equal(words(parse(bad.body).querySelector('[role=alert]')?.textContent), 'البريد الإلكتروني أو كلمة المرور غير صحيحة.');
      for (let i = 0; i < 4; i++) {
        await site.app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ email: 'mod@example.org', password: 'wrong-password', _csrf: f.csrf }) });
      }
      const locked = await site.app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ email: 'mod@example.org', password: TEST_PASSWORD, _csrf: f.csrf }) });
      assert.equal(locked.statusCode, 429);
      assert.match(words(parse(locked.body).querySelector('[role=alert]')?.textContent), /أُوقف الدخول/);
      assert.equal(cookieFrom(locked.headers['set-cookie'], 'minbar_session'), null);
      site.clock.advance(accounts.policy.windowMs + 1);
    });

    await t.test('session fixation: signing in issues a new token and kills the one the browser had', async () => {
      const first = await signIn(site, 'writer@example.org');
      const page = await site.app.inject({ url: '/newsroom/login' });
      assert.equal(page.statusCode, 200);
      // The browser still carries the first session's cookie when someone signs in again.
      const res = await site.app.inject({
        method: 'POST',
        url: '/newsroom/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: first.cookie },
        payload: form({ email: 'editor@example.org', password: TEST_PASSWORD, _csrf: first.csrf }),
      });
      assert.equal(res.statusCode, 303);
      const second = cookieFrom(res.headers['set-cookie'], 'minbar_session');
      assert.ok(second && second !== first.token);
      assert.equal((await site.app.inject({ url: '/newsroom', headers: { cookie: first.cookie } })).statusCode, 303, 'the old token no longer signs anyone in');
      assert.equal((await site.app.inject({ url: '/newsroom', headers: { cookie: `minbar_session=${second}` } })).statusCode, 200);
    });

    await t.test('logout ends the session and clears the cookie', async () => {
      const s = await signIn(site, 'writer@example.org');
      const out = await post(site, '/newsroom/logout', s, { _csrf: s.csrf });
      assert.equal(out.statusCode, 303);
      assert.equal(out.headers.location, '/newsroom/login?signedOut=1');
      assert.match(String(out.headers['set-cookie']), /minbar_session=;.*Expires=Thu, 01 Jan 1970/);
      const after = await site.app.inject({ url: '/newsroom', headers: { cookie: s.cookie } });
      assert.equal(after.statusCode, 303);
      assert.match(String(after.headers.location), /^\/newsroom\/login\?next=/);
    });

    await t.test('an idle session expires', async () => {
      const s = await signIn(site, 'writer@example.org');
      site.clock.advance(accounts.policy.sessionIdleMs + 1);
      assert.equal((await site.app.inject({ url: '/newsroom', headers: { cookie: s.cookie } })).statusCode, 303);
    });

    await t.test('every state-changing newsroom route refuses a missing or wrong CSRF token with 403 in Arabic', async () => {
      const s = await signIn(site, 'admin@example.org');
      const unsafe = site.app.routeTable.filter((r) => r.area === 'newsroom' && UNSAFE.has(r.method));
      assert.ok(unsafe.length >= 15, `found ${unsafe.length}`);
      for (const r of unsafe) {
        const url = r.url.replace(/:[A-Za-z]+/g, String(writer.id));
        for (const token of [null, 'wrong-token']) {
          const res = await post(site, url, s, token ? { _csrf: token } : {});
          assert.equal(res.statusCode, 403, `${r.method} ${r.url} (${token ?? 'none'})`);
          assert.match(res.body, /انتهت صلاحية النموذج/, `${r.method} ${r.url}`);
        }
      }
      // The same with fetch-style JSON: the header is checked and the refusal is JSON.
      const json = await site.app.inject({ method: 'POST', url: '/newsroom/account/locale', headers: { cookie: s.cookie, 'content-type': 'application/json', 'x-csrf-token': 'nope' }, payload: { locale: 'en' } });
      assert.equal(json.statusCode, 403);
      assert.match(json.json().error, /انتهت صلاحية النموذج/);
      // Another session's token does not work either.
      const other = await signIn(site, 'editor@example.org');
      assert.equal((await post(site, '/newsroom/account/locale', s, { _csrf: other.csrf, locale: 'en' })).statusCode, 403);
    });

    await t.test('every newsroom route declared its access; the anonymous are sent to sign in, the unauthorised refused', async () => {
      const table = site.app.routeTable.filter((r) => r.area === 'newsroom');
      assert.ok(table.every((r) => typeof r.access === 'string' && r.access.length > 0));
      const anon = await site.app.inject({ url: '/newsroom/users' });
      assert.equal(anon.statusCode, 303);
      assert.equal(anon.headers.location, '/newsroom/login?next=%2Fnewsroom%2Fusers');
      const w = await signIn(site, 'writer@example.org');
      for (const url of ['/newsroom/users', '/newsroom/api-tokens', '/newsroom/audit']) {
        const res = await site.app.inject({ url, headers: { cookie: w.cookie } });
        assert.equal(res.statusCode, 403, url);
        assert.equal(words(parse(res.body).querySelector('[role=alert]')?.textContent), 'ليست لديك صلاحية القيام بهذا.');
      }
      const create = await post(site, '/newsroom/users', w, { _csrf: w.csrf, email: 'x@example.org', displayName: 'x', role: 'admin', password: TEST_PASSWORD });
      assert.equal(create.statusCode, 403, 'a writer cannot create an administrator');
      assert.equal((await accounts.countUsers()), 4);
      // The menu shows only what the member may use.
      const nav = [...parse((await site.app.inject({ url: '/newsroom', headers: { cookie: w.cookie } })).body).querySelectorAll('nav a')].map((a) => a.getAttribute('href'));
      for (const href of ['/newsroom', '/newsroom/account']) assert.ok(nav.includes(href), href);
      for (const href of ['/newsroom/users', '/newsroom/api-tokens', '/newsroom/audit']) assert.ok(!nav.includes(href), href);
    });

    await t.test('the article list is narrowed by role and filtered by status, section and search', async () => {
      const writerActor = { userId: writer.id, role: 'writer' as const, sections: 'all' as const };
      const adminActor = { userId: admin.id, role: 'admin' as const, sections: 'all' as const };
      await publishing.createDraft(writerActor, { sectionId: sport, title: 'مسودة الكاتبة عن المباراة' });
      await publishing.createDraft(adminActor, { sectionId: politics, title: 'مسودة المديرة عن الانتخابات' });
      const w = await signIn(site, 'writer@example.org');
      const titles = (html: string) => [...parse(html).querySelectorAll('table a')].map((a) => words(a.textContent));
      assert.deepEqual(titles((await site.app.inject({ url: '/newsroom', headers: { cookie: w.cookie } })).body), ['مسودة الكاتبة عن المباراة']);
      const e = await signIn(site, 'editor@example.org');
      assert.deepEqual(titles((await site.app.inject({ url: '/newsroom', headers: { cookie: e.cookie } })).body), ['مسودة المديرة عن الانتخابات'], 'a section editor sees their sections');
      const a = await adminIn();
      const all = (await site.app.inject({ url: '/newsroom', headers: { cookie: a.cookie } })).body;
      assert.equal(titles(all).length, 2);
      const doc = parse(all);
      assert.ok(doc.querySelector('form[role=search] select[name=status]') && doc.querySelector('select[name=section]') && doc.querySelector('select[name=author]') && doc.querySelector('select[name=story]'));
      assert.deepEqual(titles((await site.app.inject({ url: `/newsroom?section=${sport}`, headers: { cookie: a.cookie } })).body), ['مسودة الكاتبة عن المباراة']);
      assert.deepEqual(titles((await site.app.inject({ url: '/newsroom?q=' + encodeURIComponent('الانتخابات'), headers: { cookie: a.cookie } })).body), ['مسودة المديرة عن الانتخابات']);
      assert.deepEqual(titles((await site.app.inject({ url: '/newsroom?status=published', headers: { cookie: a.cookie } })).body), []);
      const paged = parse((await site.app.inject({ url: '/newsroom?limit=1', headers: { cookie: a.cookie } })).body);
      const next = paged.querySelector('a[rel=next]')?.getAttribute('href');
      assert.ok(next);
      assert.equal(titles((await site.app.inject({ url: next!, headers: { cookie: a.cookie } })).body).length, 1);
      const bad = await site.app.inject({ url: '/newsroom?status=nonsense', headers: { cookie: a.cookie } });
      assert.equal(bad.statusCode, 400);
      const lost = await site.app.inject({ url: '/newsroom/no-such-screen', headers: { cookie: a.cookie } });
      assert.equal(lost.statusCode, 404);
      assert.equal(words(parse(lost.body).querySelector('[role=alert]')?.textContent), 'لم نعثر على ما تبحث عنه في غرفة الأخبار.');
      const m = await signIn(site, 'mod@example.org');
      const mod = await site.app.inject({ url: '/newsroom', headers: { cookie: m.cookie } });
      assert.equal(mod.statusCode, 200);
      assert.match(words(parse(mod.body).querySelector('main')?.textContent), /لا تشمل صلاحياتك المقالات/);
    });

    await t.test('administrators manage accounts in the UI; invalid input answers 400 with Arabic field messages; all of it is audited', async () => {
      const s = await adminIn();
      const bad = await post(site, '/newsroom/users', s, { _csrf: s.csrf, email: 'not-an-address', displayName: '', role: 'writer', password: 'short', locale: 'ar' });
      assert.equal(bad.statusCode, 400);
      const doc = parse(bad.body);
      assert.equal(words(doc.querySelector('#f-email-error')?.textContent), 'البريد الإلكتروني غير صالح.');
      assert.equal(doc.querySelector('#f-email')?.getAttribute('aria-invalid'), 'true');
      assert.match(words(doc.querySelector('#f-password-error')?.textContent), /عشرة أحرف/);
      const ok = await post(site, '/newsroom/users', s, { _csrf: s.csrf, email: 'new@example.org', displayName: 'محرّرة جديدة', role: 'editor', password: TEST_PASSWORD, locale: 'en', sectionIds: [String(sport)] });
      assert.equal(ok.statusCode, 303);
      const created = await accounts.findByEmail({ userId: admin.id, role: 'admin', sections: 'all' }, 'new@example.org');
      assert.deepEqual(created?.sectionIds, [sport]);
      // English for a member who chose it.
      const en = await signIn(site, 'new@example.org');
      const enDoc = parse((await site.app.inject({ url: '/newsroom', headers: { cookie: en.cookie } })).body);
      assert.equal(enDoc.documentElement.getAttribute('lang'), 'en');
      assert.equal(enDoc.documentElement.getAttribute('dir'), 'ltr');
      assert.equal(words(enDoc.querySelector('h1')?.textContent), 'Articles');
      const dis = await post(site, `/newsroom/users/${created!.id}/disable`, s, { _csrf: s.csrf });
      assert.equal(dis.statusCode, 303);
      assert.equal((await site.app.inject({ url: '/newsroom', headers: { cookie: en.cookie } })).statusCode, 303, 'a disabled account is signed out');
      const audit = parse((await site.app.inject({ url: '/newsroom/audit', headers: { cookie: s.cookie } })).body);
      const actions = [...audit.querySelectorAll('tbody tr td:nth-child(3) code')].map((c) => c.textContent);
      assert.ok(actions.includes('user.create') && actions.includes('user.disable') && actions.includes('auth.login'), actions.join(','));
    });

    await t.test('two-factor: enrol with a QR code, then sign in with password and code', async () => {
      const s = await signIn(site, 'editor@example.org');
      const start = await post(site, '/newsroom/account/two-factor', s, { _csrf: s.csrf });
      assert.equal(start.statusCode, 200);
      const doc = parse(start.body);
      assert.match(doc.querySelector('img.nr-qr')?.getAttribute('src') ?? '', /^data:image\/png;base64,/);
      assert.ok(doc.querySelector('img.nr-qr')?.getAttribute('alt'));
      const secret = words(doc.querySelector('.nr-secret')?.textContent);
      const wrong = await post(site, '/newsroom/account/two-factor/confirm', s, { _csrf: s.csrf, code: '000000' });
      assert.equal(wrong.statusCode, 400);
      const ok = await post(site, '/newsroom/account/two-factor/confirm', s, { _csrf: s.csrf, code: currentTotp(site.clock, secret) });
      assert.equal(ok.statusCode, 200);
      assert.equal(words(parse(ok.body).querySelector('[role=status]')?.textContent), 'فُعّل التحقق بخطوتين.');
      site.clock.advance(30_000);

      const f = await anonymousLoginForm(site);
      const step1 = await site.app.inject({ method: 'POST', url: '/newsroom/login', headers: { cookie: f.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ email: 'editor@example.org', password: TEST_PASSWORD, _csrf: f.csrf }) });
      assert.equal(step1.statusCode, 303);
      assert.equal(step1.headers.location, '/newsroom/login/two-factor');
      const pending = `minbar_session=${cookieFrom(step1.headers['set-cookie'], 'minbar_session')}`;
      assert.equal((await site.app.inject({ url: '/newsroom', headers: { cookie: pending } })).statusCode, 303, 'the password alone opens nothing');
      const codePage = await site.app.inject({ url: '/newsroom/login/two-factor', headers: { cookie: pending } });
      assert.equal(codePage.statusCode, 200);
      const step2 = await site.app.inject({ method: 'POST', url: '/newsroom/login/two-factor', headers: { cookie: pending, 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ code: currentTotp(site.clock, secret), _csrf: csrfOf(codePage.body) }) });
      assert.equal(step2.statusCode, 303);
      const full = `minbar_session=${cookieFrom(step2.headers['set-cookie'], 'minbar_session')}`;
      assert.notEqual(full, pending);
      assert.equal((await site.app.inject({ url: '/newsroom', headers: { cookie: full } })).statusCode, 200);
    });

    await t.test('an administrator can require two-factor: the member must enrol before anything else', async () => {
      const s = await adminIn();
      assert.equal((await post(site, `/newsroom/users/${writer.id}`, s, { _csrf: s.csrf, displayName: 'كاتبة', role: 'writer', locale: 'ar', totpRequired: '1' })).statusCode, 303);
      const w = await signIn(site, 'writer@example.org').catch(() => null);
      assert.ok(w);
      const home = await site.app.inject({ url: '/newsroom', headers: { cookie: w!.cookie } });
      assert.equal(home.statusCode, 303);
      assert.equal(home.headers.location, '/newsroom/account');
      const account = parse((await site.app.inject({ url: '/newsroom/account', headers: { cookie: w!.cookie } })).body);
      assert.match(words(account.querySelector('[role=alert]')?.textContent), /يشترط مدير الموقع/);
    });

    await t.test('API tokens are created in the UI, shown once, and revoked', async () => {
      const s = await adminIn();
      const res = await post(site, '/newsroom/api-tokens', s, { _csrf: s.csrf, name: 'وكالة', userId: String(editor.id), scopes: ['articles:read', 'articles:write'] });
      assert.equal(res.statusCode, 201);
      assert.equal(res.headers['cache-control'], 'no-store');
      const token = words(parse(res.body).querySelector('#new-token')?.textContent);
      assert.match(token, /^mbr_/);
      const list = await site.app.inject({ url: '/newsroom/api-tokens', headers: { cookie: s.cookie } });
      assert.ok(!list.body.includes(token), 'never shown again');
      const id = (await site.minbar.services.apiTokens.list({ userId: admin.id, role: 'admin', sections: 'all' }))[0]!.id;
      assert.equal((await post(site, `/newsroom/api-tokens/${id}/revoke`, s, { _csrf: s.csrf })).statusCode, 303);
      assert.equal(await site.minbar.services.apiTokens.authenticate(token), null);
      const bad = await post(site, '/newsroom/api-tokens', s, { _csrf: s.csrf, name: '', userId: String(editor.id) });
      assert.equal(bad.statusCode, 400);
    });
  });
}

test('under https the cookies are __Host- prefixed and Secure', async () => {
  const site = await openTestSite(testDialects()[0]!, { PUBLIC_URL: 'https://news.example.org' });
  try {
    await createMember(site, 'writer', 'w@example.org');
    const page = await site.app.inject({ url: '/newsroom/login' });
    assert.match(String(page.headers['set-cookie']), /^__Host-minbar_csrf=[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const res = await site.app.inject({
      method: 'POST',
      url: '/newsroom/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `__Host-minbar_csrf=${cookieFrom(page.headers['set-cookie'], '__Host-minbar_csrf')}` },
      payload: form({ email: 'w@example.org', password: TEST_PASSWORD, _csrf: csrfOf(page.body) }),
    });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers['set-cookie']), /^__Host-minbar_session=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    assert.match(String(res.headers['strict-transport-security']), /max-age=/);
  } finally {
    await site.close();
  }
});
