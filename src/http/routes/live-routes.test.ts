import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { listen } from '../../../test/support/browser.js';
import { correspondent, deskEditor, followEvents, loadLiveBlog, paragraph, type LiveFixture } from '../../../test/support/live-fixture.js';
import { openTestSite, parse, words, type TestSite } from '../../../test/support/test-site.js';

for (const dialect of testDialects()) {
  describe(`live pages and events (${dialect.name})`, () => {
    let site: TestSite;
    let blog: LiveFixture;
    let base = '';

    before(async () => {
      site = await openTestSite(dialect);
      blog = await loadLiveBlog(site);
      base = await listen(site);
    });
    after(() => site.close());

    const live = () => site.minbar.services.live;
    const get = (url: string) => site.app.inject({ method: 'GET', url });

    test('the live blog page: complete without JavaScript, newest first, edited mark, pinned, summary, pages, LiveBlogPosting', async () => {
      const first = await live().postEntry(correspondent, blog.blogId, { title: 'بدء التغطية', body: paragraph('نبدأ تغطيتنا المباشرة من الريحان'), keyEvent: true });
      for (let i = 1; i <= 21; i++) {
        site.clock.advance(60_000);
        await live().postEntry(correspondent, blog.blogId, { body: paragraph(`تحديث رقم ${i}`) });
      }
      site.clock.advance(60_000);
      const latest = await live().postEntry(deskEditor, blog.blogId, { body: paragraph('منسوب المياه يرتفع') });
      await live().editEntry(deskEditor, latest.id, { body: paragraph('منسوب المياه يرتفع نصف متر') });
      await live().pin(deskEditor, blog.blogId, first.id);
      await live().setSummary(deskEditor, blog.blogId, 'إغلاق الطريق الساحلي\nإجلاء ٣٠٠ أسرة');

      const res = await get(blog.path);
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      const entries = [...doc.querySelectorAll('[data-live-entries] .live-entry')];
      assert.equal(entries.length, 20, 'one page of twenty');
      assert.equal(entries[0]!.getAttribute('id'), `entry-${latest.id}`, 'newest first');
      assert.match(words(entries[0]!.textContent), /منسوب المياه يرتفع نصف متر/);
      assert.equal(words(entries[0]!.querySelector('.live-entry__edited')?.textContent), '· عُدِّل');
      assert.match(words(entries[0]!.querySelector('.live-entry__byline')?.textContent), /مازن العلي/);
      assert.equal(words(doc.querySelector('[data-live-pinned] h3')?.textContent), 'بدء التغطية');
      assert.deepEqual([...doc.querySelectorAll('.live-summary li')].map((li) => words(li.textContent)), ['إغلاق الطريق الساحلي', 'إجلاء ٣٠٠ أسرة']);
      assert.equal(words(doc.querySelector('.live-key-events a')?.textContent).includes('بدء التغطية'), true);
      assert.equal(doc.querySelectorAll('script[type="module"]').length, 1, 'the island, once');
      const bar = doc.querySelector('[data-breaking]')!;
      assert.equal(bar.getAttribute('data-events'), `/live/${blog.blogId}/events`, 'one connection per page');
      assert.equal(Number(bar.getAttribute('data-seq')), await live().head());

      const ld = [...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent ?? '{}'));
      const posting = ld.find((d) => d['@type'] === 'LiveBlogPosting');
      assert.ok(posting, 'LiveBlogPosting');
      assert.equal(posting.liveBlogUpdate.length, 10);
      assert.equal(posting.liveBlogUpdate[0].articleBody, 'منسوب المياه يرتفع نصف متر');
      assert.ok(posting.coverageStartTime);

      const older = doc.querySelector('a[rel="next"]')?.getAttribute('href') ?? '';
      assert.match(older, /\?page=2&before=\d+\.\d+$/);
      const page2 = parse((await get(older)).body);
      const ids2 = [...page2.querySelectorAll('[data-live-entries] .live-entry')].map((e) => e.getAttribute('id'));
      assert.equal(ids2.length, 3);
      assert.equal(ids2.at(-1), `entry-${first.id}`, 'oldest last');
      assert.equal((await get(`${blog.path}?page=2`)).statusCode, 301, 'a page without its cursor');
      assert.equal((await get(`${blog.path}?page=2&before=x`)).statusCode, 400);
    });

    test('the breaking bar appears on every page and disappears when expired or cleared (fixed clock)', async () => {
      const home = () => get('/').then((r) => parse(r.body));
      assert.equal((await home()).querySelector('[data-breaking]')?.hasAttribute('hidden'), true);
      await live().setBreaking(deskEditor, { text: 'عاجل: إغلاق ميناء الريحان', url: blog.path, minutes: 15 });
      for (const path of ['/', '/latest', blog.path, '/live']) {
        const doc = parse((await get(path)).body);
        const bar = doc.querySelector('[data-breaking]');
        assert.equal(bar?.hasAttribute('hidden'), false, path);
        assert.equal(words(bar?.querySelector('a')?.textContent), 'عاجل: إغلاق ميناء الريحان');
        assert.equal(bar?.querySelector('a')?.getAttribute('href'), blog.path);
      }
      site.clock.advance(16 * 60_000);
      assert.equal((await home()).querySelector('[data-breaking]')?.hasAttribute('hidden'), true, 'expired');
      await live().setBreaking(deskEditor, { text: 'عاجل آخر', minutes: 15 });
      assert.equal(words((await home()).querySelector('.breaking-bar__text')?.textContent), 'عاجل آخر');
      await live().clearBreaking(deskEditor);
      assert.equal((await home()).querySelector('[data-breaking]')?.hasAttribute('hidden'), true, 'cleared');
    });

    test('/live/status: what every page\'s breaking island asks — one cacheable answer for all readers', async () => {
      const doc = parse((await get('/latest')).body);
      const bar = doc.querySelector('[data-breaking]')!;
      assert.equal(bar.getAttribute('data-status'), '/live/status', 'every reader page can receive the bar');
      const scripts = [...doc.querySelectorAll('script[type="module"]')].map((s) => s.getAttribute('src') ?? '');
      assert.equal(scripts.length, 1);
      assert.match(scripts[0]!, /^\/assets\/breaking\.[0-9a-f]{12}\.js$/);
      const island = await get(scripts[0]!);
      assert.equal(island.statusCode, 200);
      assert.ok(island.rawPayload.length < 2048, `the breaking island stays tiny (${island.rawPayload.length} B)`);

      const quiet = await get('/live/status');
      assert.equal(quiet.statusCode, 200);
      assert.equal(quiet.headers['cache-control'], 'public, max-age=3');
      assert.match(String(quiet.headers['content-type']), /^application\/json/);
      assert.equal(quiet.json().breaking, null);
      assert.equal(quiet.json().onAir, true, 'the fixture\'s live blog is on');
      const etag = String(quiet.headers['etag']);
      assert.equal((await site.app.inject({ method: 'GET', url: '/live/status', headers: { 'if-none-match': etag } })).statusCode, 304);

      const banner = await live().setBreaking(deskEditor, { text: 'عاجل: إغلاق الطريق الساحلي', url: blog.path, minutes: 5 });
      const up = await site.app.inject({ method: 'GET', url: '/live/status', headers: { 'if-none-match': etag } });
      assert.equal(up.statusCode, 200, 'a new banner changes the answer');
      assert.deepEqual(up.json().breaking, { id: banner.id, text: 'عاجل: إغلاق الطريق الساحلي', url: blog.path, expiresAt: banner.expiresAt });
      site.clock.advance(6 * 60_000);
      assert.equal((await get('/live/status')).json().breaking, null, 'expired');
      await live().setState(deskEditor, blog.blogId, 'ended');
      assert.equal((await get('/live/status')).json().onAir, false, 'nothing on air once the coverage ends');
      await live().setState(deskEditor, blog.blogId, 'live');
      assert.equal((await get('/live/status')).json().onAir, true);
    });

    test('SSE through a real server: live events, exact resume from Last-Event-ID, reset past the log', async () => {
      const reader = await followEvents(`${base}/live/${blog.blogId}/events`);
      assert.equal(reader.res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.match(reader.res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      const entry = await live().postEntry(correspondent, blog.blogId, { body: paragraph('وصول فرق الإنقاذ') });
      await live().setBreaking(deskEditor, { text: 'عاجل: تعليق الدراسة', minutes: 10 });
      const [created, breaking] = await reader.until(2);
      assert.ok(reader.retry !== null && reader.retry >= 2000, 'a jittered retry');
      assert.equal(created!.event, 'entry.created');
      const data = JSON.parse(created!.data);
      assert.equal(data.id, entry.id);
      assert.match(data.html, /وصول فرق الإنقاذ/);
      assert.equal(breaking!.event, 'breaking');
      assert.equal(JSON.parse(breaking!.data).text, 'عاجل: تعليق الدراسة');
      const lastSeen = created!.id!;
      await reader.close();

      // Missed while away: an edit, a deletion and another entry — exactly those, in order.
      await live().editEntry(deskEditor, entry.id, { body: paragraph('وصول فرق الإنقاذ إلى الريحان') });
      const doomed = await live().postEntry(correspondent, blog.blogId, { body: paragraph('خطأ') });
      await live().deleteEntry(deskEditor, doomed.id);
      const back = await followEvents(`${base}/live/${blog.blogId}/events`, { 'last-event-id': lastSeen });
      const replay = await back.until(4);
      assert.deepEqual(replay.map((f) => f.event), ['breaking', 'entry.updated', 'entry.created', 'entry.deleted']);
      const ids = replay.map((f) => Number(f.id));
      assert.equal(ids[0], Number(lastSeen) + 1, 'no gap');
      assert.deepEqual(ids, [...new Set(ids)].sort((a, b) => a - b), 'no duplicate, in order');
      await back.close();

      // Site-wide stream, and a reset for an id the log no longer holds.
      site.clock.advance(7 * 3_600_000);
      await live().postEntry(correspondent, blog.blogId, { body: paragraph('بعد ساعات') });
      await live().prune();
      const stale = await followEvents(`${base}/live/events`, { 'last-event-id': lastSeen });
      const [reset] = await stale.until(1);
      assert.equal(reset!.event, 'reset');
      assert.equal(Number(reset!.id), await live().head());
      await stale.close();
      assert.equal((await get('/live/999999/events')).statusCode, 404);
    });

    test('comment counts: an approved comment reaches the live blog\'s readers as a count, once per change', async () => {
      const { comments, moderation } = site.minbar.services;
      const at = site.clock.now();
      await site.minbar.database.db
        .insertInto('users')
        .values({ id: 503, email: 'mod503@example.org', display_name: 'هالة', role: 'moderator', locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: at, updated_at: at })
        .execute();
      const moderator = { userId: 503, role: 'moderator' as const, sections: 'all' as const };
      await moderation.saveSettings(moderator, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: true });
      const before = parse((await get(blog.path)).body);
      const shown = before.querySelector('[data-live-comments]');
      assert.equal(words(shown?.textContent), 'لا تعليقات');
      assert.equal(shown?.getAttribute('href'), `/comments/${blog.blogId}`);

      const reader = await followEvents(`${base}/live/${blog.blogId}/events`);
      // A first-time guest is held for moderation: nothing visible changed, so no event.
      const held = await comments.post({ articleId: blog.blogId, body: 'متابعة ممتازة، شكرًا للمراسلين', authorName: 'سعاد' }, { reader: null, ip: '203.0.113.7' });
      assert.equal(held.status, 'pending');
      const head = await live().head();
      await moderation.act(moderator, { ids: [held.id], action: 'approve' });
      const [count] = await reader.until(1, (f) => f.event === 'comments');
      assert.deepEqual(JSON.parse(count!.data), { count: 1, label: '1 تعليق' });
      assert.equal(Number(count!.id), head + 1);
      // Featuring changes no count: the log gains nothing.
      await moderation.act(moderator, { ids: [held.id], action: 'feature' });
      assert.equal(await live().head(), head + 1);
      await moderation.act(moderator, { ids: [held.id], action: 'reject' });
      const [, zero] = await reader.until(2, (f) => f.event === 'comments');
      assert.equal(JSON.parse(zero!.data).count, 0);
      await reader.close();
      await moderation.act(moderator, { ids: [held.id], action: 'approve' });
      assert.equal(words(parse((await get(blog.path)).body).querySelector('[data-live-comments]')?.textContent), '1 تعليق', 'the page, server-rendered');
    });

    test('the JSON poll fallback: events after an id, cacheable for a few seconds; bad ids refused', async () => {
      const from = await live().head();
      await live().postEntry(correspondent, blog.blogId, { body: paragraph('تحديث عبر الاستطلاع') });
      const res = await get(`/live/${blog.blogId}/updates?after=${from}`);
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['cache-control'], 'public, max-age=3');
      const body = res.json();
      assert.equal(body.reset, false);
      assert.deepEqual(body.events.map((e: { event: string }) => e.event), ['entry.created']);
      assert.equal(body.events[0].id, from + 1);
      assert.equal((await get(`/live/${blog.blogId}/updates?after=abc`)).statusCode, 400);
      assert.equal((await get('/live/updates?after=0')).json().reset, true, 'the log was pruned past 0');
    });

    test('/live: honest when no stream is configured; a player with poster and captions when one is', async () => {
      let doc = parse((await get('/live')).body);
      assert.equal(doc.querySelector('video'), null);
      assert.equal(doc.querySelector('[data-stream-state]')?.getAttribute('data-stream-state'), 'unconfigured');
      assert.match(words(doc.querySelector('.live-channel')?.textContent), /لم يُعدّ البث المرئي/);
      assert.match(words(doc.body.textContent), /مباشر: فيضانات الساحل الشرقي/, 'the text coverage is the fallback');
      await live().configureStream(deskEditor, { title: 'قناة منبر', hlsUrl: '/media/live/channel.m3u8', captionsUrl: '/media/live/ar.vtt', enabled: true });
      await live().addScheduleItem(deskEditor, { title: 'نشرة الظهيرة', startsAt: site.clock.now() - 600_000, endsAt: site.clock.now() + 1_800_000 });
      doc = parse((await get('/live')).body);
      const video = doc.querySelector('video');
      assert.equal(video?.getAttribute('data-hls'), '/media/live/channel.m3u8');
      assert.equal(video?.querySelector('track')?.getAttribute('srclang'), 'ar');
      assert.equal(words(doc.querySelector('[aria-current="true"]')?.textContent).includes('نشرة الظهيرة'), true);
      assert.ok(doc.querySelector('a.live-link--on'), 'مباشر is lit');
    });
  });
}
