import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { openTestSite, parse, testPicture, words, type TestSite } from '../../../test/support/test-site.js';
import { createMember, post, signIn, type NewsroomSession } from '../../../test/support/newsroom-session.js';

function multipart(fields: Record<string, string>, file: Buffer, filename: string) {
  const boundary = '----minbar-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(site: TestSite, s: NewsroomSession, fields: Record<string, string>, file: Buffer) {
  const m = multipart({ _csrf: s.csrf, ...fields }, file, 'photo.txt');
  return site.app.inject({ method: 'POST', url: '/newsroom/media', headers: { cookie: s.cookie, 'content-type': m.contentType }, payload: m.payload });
}

for (const dialect of testDialects()) {
  test(`article editor, workflow, preview and media over HTTP on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const { curation } = site.minbar.services;
    const politics = await curation.createSection({ slug: 'politics', name: 'سياسة', position: 1 });
    const sport = await curation.createSection({ slug: 'sport', name: 'رياضة', position: 2 });
    await createMember(site, 'writer', 'writer@example.org', { displayName: 'سلمى الكاتبة' });
    await createMember(site, 'editor', 'editor@example.org', { displayName: 'خالد المحرر', sectionIds: [politics] });
    await createMember(site, 'editor', 'sport@example.org', { sectionIds: [sport] });
    const writer = await signIn(site, 'writer@example.org');
    const editor = await signIn(site, 'editor@example.org');
    const outsider = await signIn(site, 'sport@example.org');
    let id = 0;

    await t.test('the new-article form works without JavaScript: paragraphs from the textarea', async () => {
      const page = await site.app.inject({ url: '/newsroom/articles/new', headers: { cookie: writer.cookie } });
      assert.equal(page.statusCode, 200);
      const doc = parse(page.body);
      assert.equal(doc.documentElement.getAttribute('dir'), 'rtl');
      for (const name of ['title', 'lead', 'bodyText', 'heroCredit', 'tags']) {
        const input = doc.querySelector(`[name=${name}]`);
        assert.ok(doc.querySelector(`label[for="${input?.id}"]`), `label for ${name}`);
      }
      assert.match(doc.querySelector('script[type=module]')?.getAttribute('src') ?? '', /^\/assets\/editor\.[0-9a-f]{12}\.js$/);
      assert.equal(doc.querySelectorAll('script:not([src])').length, 0);
      const js = await site.app.inject({ url: doc.querySelector('script[type=module]')!.getAttribute('src')! });
      assert.equal(js.statusCode, 200);
      assert.match(String(js.headers['content-type']), /javascript/);

      const res = await post(site, '/newsroom/articles', writer, {
        _csrf: writer.csrf,
        title: 'لافروف يلتقي فيدان في أنقرة',
        lead: 'محادثات حول سوريا',
        bodyText: 'قال الوزير Sergey Lavrov إن المحادثات بنّاءة.\n\nوأضاف أن اللقاء المقبل في موسكو.',
        sectionId: String(politics),
        tags: 'تركيا، روسيا',
      });
      assert.equal(res.statusCode, 303);
      id = Number(/\/newsroom\/articles\/(\d+)/.exec(String(res.headers.location))?.[1]);
      const edit = await site.app.inject({ url: `/newsroom/articles/${id}?done=created`, headers: { cookie: writer.cookie } });
      const d = parse(edit.body);
      assert.equal(words(d.querySelector('[role=status]')?.textContent), 'أُنشئت المسودة.');
      const blocks = JSON.parse(d.querySelector('input[name=bodyJson]')?.getAttribute('data-blocks') ?? '[]') as unknown[];
      assert.equal(blocks.length, 2);
      assert.equal(d.querySelector('button[value=publish]'), null, 'a writer sees no publish button');
      assert.ok(d.querySelector('button[value=submit]'));
    });

    await t.test('a writer cannot publish (403, JSON too); an editor of another section cannot even read it', async () => {
      const refused = await post(site, `/newsroom/articles/${id}`, writer, { _csrf: writer.csrf, intent: 'publish', title: 'x', sectionId: String(politics) });
      assert.equal(refused.statusCode, 403);
      const api = await site.app.inject({
        method: 'POST',
        url: `/newsroom/articles/${id}`,
        headers: { cookie: writer.cookie, 'x-csrf-token': writer.csrf, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'intent=publish&title=x',
      });
      assert.equal(api.statusCode, 403);
      assert.equal((await site.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: outsider.cookie } })).statusCode, 403);
      // A visitor: sent to sign in, 401 as JSON, and a write without a session's token is refused.
      assert.match(String((await site.app.inject({ url: `/newsroom/articles/${id}` })).headers.location), /^\/newsroom\/login/);
      assert.equal((await site.app.inject({ url: `/newsroom/articles/${id}`, headers: { accept: 'application/json' } })).statusCode, 401);
      assert.equal((await site.app.inject({ method: 'POST', url: `/newsroom/articles/${id}`, headers: { accept: 'application/json' }, payload: {} })).statusCode, 403);
    });

    await t.test('edit lock: the editor sees "being edited by" the writer', async () => {
      const page = await site.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: editor.cookie } });
      const lock = parse(page.body).querySelector('.nr-lock');
      assert.match(words(lock?.textContent), /يحرّر سلمى الكاتبة هذا المقال الآن/);
      assert.ok(lock?.querySelector('button'), 'an editor may take over');
    });

    await t.test('submit, then publishing requires a hero picture with a credit; upload and publish', async () => {
      const edit = parse((await site.app.inject({ url: `/newsroom/articles/${id}`, headers: { cookie: writer.cookie } })).body);
      const body = edit.querySelector('textarea[name=bodyText]')?.textContent ?? '';
      const base = { title: 'لافروف يلتقي فيدان في أنقرة', lead: 'محادثات حول سوريا', bodyText: body, sectionId: String(politics), tags: 'تركيا، روسيا' };
      assert.equal((await post(site, `/newsroom/articles/${id}`, writer, { _csrf: writer.csrf, intent: 'submit', ...base })).statusCode, 303);
      await site.app.inject({ method: 'POST', url: `/newsroom/articles/${id}/lock`, headers: { cookie: editor.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(editor.csrf)}&takeOver=1` });
      const missing = await post(site, `/newsroom/articles/${id}`, editor, { _csrf: editor.csrf, intent: 'publish', ...base });
      assert.equal(missing.statusCode, 400);
      const errDoc = parse(missing.body);
      assert.equal(words(errDoc.querySelector('#f-heroMediaId-error')?.textContent), 'الصورة الرئيسية مطلوبة للنشر.');

      const bad = await upload(site, editor, { caption: 'ليست صورة' }, Buffer.from('just text, named .jpg'));
      assert.equal(bad.statusCode, 400);
      const up = await upload(site, editor, { caption: 'الوزيران في أنقرة', alt: 'لافروف وفيدان', credit: 'رويترز', source: '' }, await testPicture(800, 450));
      assert.equal(up.statusCode, 303);
      const lib = await site.app.inject({ url: '/newsroom/media?q=' + encodeURIComponent('أنقرة'), headers: { cookie: editor.cookie, accept: 'application/json' } });
      const items = (JSON.parse(lib.body) as { items: Array<{ id: number; credit: string; src: string }> }).items;
      assert.equal(items.length, 1);
      assert.equal(items[0]!.credit, 'رويترز');
      const published = await post(site, `/newsroom/articles/${id}`, editor, { _csrf: editor.csrf, intent: 'publish', ...base, heroMediaId: String(items[0]!.id) });
      assert.equal(published.statusCode, 303);
      const located = await site.minbar.services.publishing.forEditing({ userId: 0, role: 'admin', sections: 'all' }, id);
      assert.equal(located.status, 'published');
      const pub = await site.app.inject({ url: `/politics/${id}/${located.slug}` });
      assert.equal(pub.statusCode, 200);
      assert.match(words(parse(pub.body).querySelector('figcaption')?.textContent), /رويترز/);
    });

    await t.test('autosave answers JSON with the new revision; a stale revision is a conflict', async () => {
      const created = await post(site, '/newsroom/articles', writer, { _csrf: writer.csrf, title: 'مسودة ثانية', sectionId: String(politics) });
      const draftId = Number(/\/newsroom\/articles\/(\d+)/.exec(String(created.headers.location))?.[1]);
      const autosave = (revision: string) =>
        site.app.inject({
          method: 'POST',
          url: `/newsroom/articles/${draftId}`,
          headers: { cookie: writer.cookie, 'x-csrf-token': writer.csrf, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ intent: 'autosave', revision, title: 'مسودة ثانية معدّلة', sectionId: String(politics), bodyJson: JSON.stringify([{ type: 'quote', content: [{ text: 'اقتباس' }] }]) }).toString(),
        });
      const ok = await autosave('1');
      assert.equal(ok.statusCode, 200);
      assert.equal((JSON.parse(ok.body) as { revision: number }).revision, 2);
      assert.equal((await autosave('1')).statusCode, 409);
      const saved = await site.minbar.services.publishing.forEditing({ userId: 0, role: 'admin', sections: 'all' }, draftId);
      assert.deepEqual(saved.fields.body, [{ type: 'quote', content: [{ text: 'اقتباس' }] }]);
    });

    await t.test('curation: an editor chooses the home page lead; a writer is refused', async () => {
      assert.equal((await site.app.inject({ url: '/newsroom/curation', headers: { cookie: writer.cookie } })).statusCode, 403);
      const page = await site.app.inject({ url: '/newsroom/curation', headers: { cookie: editor.cookie } });
      assert.equal(page.statusCode, 200);
      assert.ok(parse(page.body).querySelector('select[name=leadArticleId]'));
      const res = await post(site, '/newsroom/curation/home', editor, { _csrf: editor.csrf, leadArticleId: String(id), featuredStoryId: '' });
      assert.equal(res.statusCode, 303);
      const home = parse((await site.app.inject({ url: '/' })).body);
      assert.match(home.querySelector('.lead-story a')?.getAttribute('href') ?? '', new RegExp(`^/politics/${id}/`));
    });

    await t.test('revisions list and a readable diff; preview behind a signed, expiring URL, noindex', async () => {
      const list = parse((await site.app.inject({ url: `/newsroom/articles/${id}/revisions`, headers: { cookie: editor.cookie } })).body);
      assert.ok(list.querySelectorAll('tbody tr').length >= 3);
      const diff = parse((await site.app.inject({ url: `/newsroom/articles/${id}/revisions/2`, headers: { cookie: editor.cookie } })).body);
      assert.ok(diff.querySelector('.nr-diff'));

      const link = await site.app.inject({ url: `/newsroom/articles/${id}/preview`, headers: { cookie: writer.cookie } });
      assert.equal(link.statusCode, 303);
      const url = String(link.headers.location);
      assert.match(url, /^\/preview\/\d+\?expires=\d+&signature=/);
      const preview = await site.app.inject({ url });
      assert.equal(preview.statusCode, 200);
      const doc = parse(preview.body);
      assert.equal(doc.querySelector('meta[name=robots]')?.getAttribute('content'), 'noindex, nofollow');
      assert.equal(preview.headers['x-robots-tag'], 'noindex, nofollow');
      assert.equal(words(doc.querySelector('h1')?.textContent), 'لافروف يلتقي فيدان في أنقرة');
      assert.equal((await site.app.inject({ url: url.replace(/signature=./, 'signature=x') })).statusCode, 404);
      site.clock.advance(2 * 3_600_000);
      assert.equal((await site.app.inject({ url })).statusCode, 404);
    });
  });
}
