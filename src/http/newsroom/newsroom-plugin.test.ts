import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { messages } from '../../i18n/index.js';
import { openTestSite, parse, words } from '../../../test/support/test-site.js';
import { signIn, createMember } from '../../../test/support/newsroom-session.js';

// Found by test/security/fuzz.test.ts: a multipart body that does not parse answered 500.
test('a multipart body that does not parse is a 400 in Arabic on any newsroom route, signed in or not', async (t) => {
  const site = await openTestSite(testDialects()[0]!);
  t.after(() => site.close());
  await createMember(site, 'admin', 'admin@example.org');
  const s = await signIn(site, 'admin@example.org');
  const broken: Array<[string, string]> = [
    ['multipart/form-data; boundary=xyz', '\u0000\u0001\u0002'],
    ['multipart/form-data', 'no boundary at all'],
    ['multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\ncut short'],
  ];
  for (const url of ['/newsroom/media', '/newsroom/logout', '/newsroom/users']) {
    for (const [type, payload] of broken) {
      for (const cookie of [null, s.cookie]) {
        const res = await site.app.inject({ method: 'POST', url, headers: { 'content-type': type, 'x-csrf-token': s.csrf, ...(cookie ? { cookie } : {}) }, payload });
        assert.equal(res.statusCode, 400, `${url} ${type} ${JSON.stringify(payload)}: ${res.body.slice(0, 200)}`);
        assert.equal(res.json().error, messages('ar').newsroom.errors.invalid);
      }
    }
  }
  // As a page when the browser did not ask for JSON.
  const page = await site.app.inject({ method: 'POST', url: '/newsroom/media', headers: { 'content-type': 'multipart/form-data', cookie: s.cookie }, payload: 'x' });
  assert.equal(page.statusCode, 400);
  assert.equal(words(parse(page.body).querySelector('[role=alert]')?.textContent), messages('ar').newsroom.errors.invalid);
});

// Found by test/security/fuzz.test.ts: route parameters and queries read with `schema.parse` answered 500.
test('ids and queries a route schema refuses are a 400 in Arabic, never a 500', async (t) => {
  const site = await openTestSite(testDialects()[0]!);
  t.after(() => site.close());
  await createMember(site, 'admin', 'admin@example.org');
  const s = await signIn(site, 'admin@example.org');
  for (const url of ['/newsroom/articles/%EF%BB%BF', '/newsroom/articles/-1', '/newsroom/articles/1e309/revisions', '/newsroom/media/99999999999999999999', '/newsroom/live/abc', '/newsroom/moderation/readers/0']) {
    const res = await site.app.inject({ url, headers: { cookie: s.cookie } });
    assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
    assert.equal(words(parse(res.body).querySelector('[role=alert]')?.textContent), messages('ar').newsroom.errors.invalid, url);
  }
});
