import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { createMember, post, signIn, type NewsroomSession } from '../../../test/support/newsroom-session.js';
import { openTestSite, parse, words, type TestSite } from '../../../test/support/test-site.js';
import { entryBlocks, parseLocalTime } from './live-routes.js';

test('console text becomes entry blocks; schedule times are read in the site time zone', () => {
  assert.deepEqual(entryBlocks('فقرة أولى\n\n> قال المحافظ: الوضع تحت السيطرة\n\n\nفقرة ثالثة'), [
    { type: 'paragraph', content: [{ text: 'فقرة أولى' }] },
    { type: 'quote', content: [{ text: 'قال المحافظ: الوضع تحت السيطرة' }] },
    { type: 'paragraph', content: [{ text: 'فقرة ثالثة' }] },
  ]);
  assert.equal(parseLocalTime('2026-11-29T12:00', 'Asia/Riyadh'), Date.UTC(2026, 10, 29, 9, 0));
  assert.equal(parseLocalTime('29/11/2026', 'Asia/Riyadh'), null);
});

for (const dialect of testDialects()) {
  describe(`the live console (${dialect.name})`, () => {
    let site: TestSite;
    let writer: NewsroomSession;
    let editor: NewsroomSession;
    let blogId = 0;

    before(async () => {
      site = await openTestSite(dialect);
      await createMember(site, 'writer', 'reporter@example.org', { displayName: 'ريم حداد' });
      await createMember(site, 'editor', 'desk@example.org', { displayName: 'مازن العلي' });
      writer = await signIn(site, 'reporter@example.org');
      editor = await signIn(site, 'desk@example.org');
      const sectionId = await site.minbar.services.curation.createSection({ slug: 'local', name: 'محليات', position: 1 });
      blogId = await site.minbar.services.publishing.createArticle(
        { sectionId, type: 'live', title: 'مباشر: فيضانات الساحل الشرقي', lead: 'تغطية', body: [{ type: 'paragraph', content: [{ text: 'تغطية' }] }] },
        { status: 'published', publishedAt: site.clock.now() },
      );
    });
    after(() => site.close());

    test('a correspondent posts from the keyboard-first form; refused input keeps the text; the desk pins, ends and sets the banner', async () => {
      const desk = await site.app.inject({ url: `/newsroom/live/${blogId}`, headers: { cookie: writer.cookie } });
      assert.equal(desk.statusCode, 200);
      const doc = parse(desk.body);
      assert.ok(doc.querySelector('textarea#f-body[autofocus]'), 'the entry text has the focus');

      const posted = await post(site, `/newsroom/live/${blogId}/entries`, writer, { _csrf: writer.csrf, title: '', body: 'وصلت فرق الإنقاذ\n\nوبدأت الإجلاء', mediaId: '', keyEvent: '1' });
      assert.equal(posted.statusCode, 303);
      assert.equal(posted.headers.location, `/newsroom/live/${blogId}?done=posted`);
      const entries = await site.minbar.services.live.entries(blogId, { page: 1, before: null });
      assert.equal(entries.entries[0]!.authorName, 'ريم حداد');
      assert.equal(entries.entries[0]!.body.length, 2);
      assert.equal(entries.entries[0]!.keyEvent, true);

      const refused = await post(site, `/newsroom/live/${blogId}/entries`, writer, { _csrf: writer.csrf, title: 'ع'.repeat(301), body: 'نص محفوظ', mediaId: '' });
      assert.equal(refused.statusCode, 400);
      const again = parse(refused.body);
      assert.equal(words(again.querySelector('textarea#f-body')?.textContent), 'نص محفوظ');
      assert.match(words(again.querySelector('[role="alert"]')?.textContent), /العنوان أطول/);

      assert.equal((await post(site, `/newsroom/live/${blogId}/entries`, writer, { body: 'بلا رمز' })).statusCode, 403, 'CSRF');
      assert.equal((await post(site, '/newsroom/live/breaking', writer, { _csrf: writer.csrf, text: 'عاجل', minutes: '5' })).statusCode, 403, 'writers may not set the banner');

      const id = entries.entries[0]!.id;
      assert.equal((await post(site, `/newsroom/live/${blogId}/pin`, editor, { _csrf: editor.csrf, entryId: String(id) })).statusCode, 303);
      assert.equal((await site.minbar.services.live.blog(blogId)).pinned?.id, id);
      assert.equal((await post(site, '/newsroom/live/breaking', editor, { _csrf: editor.csrf, text: 'عاجل: إغلاق الميناء', url: '', minutes: '10' })).statusCode, 303);
      assert.equal((await site.minbar.services.live.chrome()).breaking?.text, 'عاجل: إغلاق الميناء');
      const badBanner = await post(site, '/newsroom/live/breaking', editor, { _csrf: editor.csrf, text: '', url: '', minutes: 'x' });
      assert.equal(badBanner.statusCode, 400);
      assert.equal((await post(site, `/newsroom/live/${blogId}/state`, editor, { _csrf: editor.csrf, state: 'ended' })).statusCode, 303);
      assert.equal((await site.minbar.services.live.blog(blogId)).state, 'ended');
      const list = parse((await site.app.inject({ url: '/newsroom/live', headers: { cookie: editor.cookie } })).body);
      assert.match(words(list.body.textContent), /المعروض الآن: «عاجل: إغلاق الميناء»/);
    });
  });
}
