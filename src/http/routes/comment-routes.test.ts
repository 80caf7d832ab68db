// The public comment and account routes through app.inject on every dialect: CSRF on every POST (reader
// session token, signed double-submit cookie for guests), posting without JavaScript, refusals that keep
// the text (400/429, never 500), hostile ids, the thread's sort and pages, export and deletion.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDialects } from '../../db/index.js';
import { openTestSite, parse, words } from '../../../test/support/test-site.js';

const moderator = { userId: 0, role: 'moderator' as const, sections: 'all' as const };

function cookieOf(res: { cookies: Array<{ name: string; value: string }> }, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

for (const dialect of testDialects()) {
  test(`comment routes on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const { app } = site;
    const { curation, publishing, moderation } = site.minbar.services;
    const sectionId = await curation.createSection({ slug: 'news', name: 'أخبار', position: 1 });
    const articleId = await publishing.createArticle({ sectionId, title: 'خبر', lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص' }] }] }, { status: 'published', publishedAt: site.clock.now() - 60_000 });

    await t.test('guests: a signed double-submit cookie; posting refused until the site allows guests, then held', async () => {
      const page = await app.inject({ url: `/comments/${articleId}` });
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['cache-control'], 'no-store');
      const csrf = cookieOf(page, 'minbar_reader_csrf')!;
      assert.ok(csrf.includes('.'));
      const doc = parse(page.body);
      assert.equal(doc.querySelector('#comment-form textarea'), null);
      const post = (payload: string, cookie = csrf) =>
        app.inject({ method: 'POST', url: `/comments/${articleId}`, cookies: { minbar_reader_csrf: cookie }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload });
      assert.equal((await post(`_csrf=${encodeURIComponent(csrf)}&authorName=x&body=abc`)).statusCode, 400);
      await moderation.saveSettings(moderator, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: true });
      // Forged: a cookie the attacker made up, sent back in the form too.
      assert.equal((await post('_csrf=abc.def&authorName=علي&body=نص', 'abc.def')).statusCode, 403);
      assert.equal((await post(`authorName=علي&body=نص`)).statusCode, 403);
      const ok = await post(`_csrf=${encodeURIComponent(csrf)}&authorName=${encodeURIComponent('علي')}&body=${encodeURIComponent('تعليق زائر')}`);
      assert.equal(ok.statusCode, 303);
      assert.match(String(ok.headers.location), /done=pending/);
      const tooLong = await post(`_csrf=${encodeURIComponent(csrf)}&authorName=${encodeURIComponent('علي')}&body=${encodeURIComponent('ب'.repeat(3001))}`);
      assert.equal(tooLong.statusCode, 400);
      const kept = parse(tooLong.body);
      assert.equal(kept.querySelector('#comment-body')?.textContent?.length, 3001);
      assert.equal(words(kept.querySelector('#comment-body-error')?.textContent), 'التعليق أطول من المسموح.');
    });

    await t.test('readers: sign up, post with the session token, react, export, delete', async () => {
      const form = await app.inject({ url: '/account/sign-up' });
      const guestCsrf = cookieOf(form, 'minbar_reader_csrf')!;
      const signUp = await app.inject({
        method: 'POST', url: '/account/sign-up', cookies: { minbar_reader_csrf: guestCsrf }, headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(guestCsrf)}&email=reader%40example.org&displayName=${encodeURIComponent('<b>سلمى</b>')}&password=a-long-password&next=${encodeURIComponent(`/comments/${articleId}`)}`,
      });
      assert.equal(signUp.statusCode, 303);
      assert.equal(signUp.headers.location, `/comments/${articleId}`);
      const session = cookieOf(signUp, 'minbar_reader')!;
      const page = await app.inject({ url: `/comments/${articleId}`, cookies: { minbar_reader: session } });
      const doc = parse(page.body);
      const token = doc.querySelector('#comment-form input[name="_csrf"]')?.getAttribute('value') ?? '';
      assert.ok(token.length > 20 && !token.includes('.'));
      assert.equal(doc.querySelector('.comment-form__as bdi')?.textContent, '<b>سلمى</b>');
      const post = (body: string, csrf = token) =>
        app.inject({ method: 'POST', url: `/comments/${articleId}`, cookies: { minbar_reader: session }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(csrf)}&body=${encodeURIComponent(body)}` });
      assert.equal((await post('نص', guestCsrf)).statusCode, 403);
      const r = await post('تعليق قارئة https://example.org');
      assert.equal(r.statusCode, 303);
      const pending = await moderation.queue(moderator, { queue: 'pending', page: 1 });
      const mine = pending.items.find((i) => i.readerId !== null)!;
      assert.deepEqual(mine.reasons, ['linkFromNewUser', 'newCommenter']);
      await moderation.act(moderator, { ids: [mine.id], action: 'approve' });
      const thread = parse((await app.inject({ url: `/comments/${articleId}`, cookies: { minbar_reader: session } })).body);
      const link = thread.querySelector(`#comment-${mine.id} .comment__body a`);
      assert.equal(link?.getAttribute('rel'), 'ugc nofollow noopener');
      assert.equal(thread.querySelector(`#comment-${mine.id} .comment__body`)?.getAttribute('dir'), 'auto');
      const replyForm = parse((await app.inject({ url: `/comments/${articleId}?reply=${mine.id}`, cookies: { minbar_reader: session } })).body);
      assert.equal(replyForm.querySelector('#comment-form input[name="parentId"]')?.getAttribute('value'), String(mine.id));
      assert.equal(replyForm.querySelector('.comment-form__reply-to bdi')?.textContent, '<b>سلمى</b>');
      const react = await app.inject({ method: 'POST', url: `/comments/c/${mine.id}/react`, cookies: { minbar_reader: session }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}` });
      assert.equal(react.statusCode, 303);
      // The article page and the section's cards count approved comments.
      const article = parse((await app.inject({ url: `/news/${articleId}/${encodeURIComponent('خبر')}` })).body);
      assert.match(words(article.querySelector('#comments-title')?.textContent), /تعليق/);
      assert.equal(article.querySelectorAll('#comments .comment__body').length, 1);
      const list = parse((await app.inject({ url: '/news' })).body);
      assert.ok(list.querySelector('.card__comments'));
      // Sorting and hostile parameters: never a 500.
      for (const url of [`/comments/${articleId}?sort=top`, `/comments/${articleId}?sort=<x>&page=-3`, '/comments/99999', '/comments/1e99', `/comments/c/${mine.id}/edit`]) {
        const res = await app.inject({ url, cookies: { minbar_reader: session } });
        assert.ok(res.statusCode < 500, `${url} → ${res.statusCode}`);
      }
      const exported = await app.inject({ url: '/account/export', cookies: { minbar_reader: session } });
      assert.equal(exported.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(JSON.parse(exported.body).comments.length, 1);
      const wrong = await app.inject({ method: 'POST', url: '/account/delete', cookies: { minbar_reader: session }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&password=nope` });
      assert.equal(wrong.statusCode, 400);
      const del = await app.inject({ method: 'POST', url: '/account/delete', cookies: { minbar_reader: session }, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token)}&password=a-long-password` });
      assert.equal(del.statusCode, 200);
      const after = parse((await app.inject({ url: `/comments/${articleId}` })).body);
      assert.equal(after.querySelector(`#comment-${mine.id} .comment__body`), null);
    });

    await t.test('accounts made in bulk from one network are refused after a few an hour', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const form = await app.inject({ url: '/account/sign-up' });
        const csrf = cookieOf(form, 'minbar_reader_csrf')!;
        const r = await app.inject({
          method: 'POST', url: '/account/sign-up', cookies: { minbar_reader_csrf: csrf }, headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `_csrf=${encodeURIComponent(csrf)}&email=bulk${i}%40example.org&displayName=${encodeURIComponent(`قارئ ${i}`)}&password=a-long-password`,
        });
        statuses.push(r.statusCode);
      }
      // One account was made from this network in the test above.
      assert.deepEqual(statuses, [303, 303, 303, 303, 429, 429]);
    });
  });
}
