import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Forbidden, InvalidInput, type Actor } from '../../domain/index.js';
import { createRepositories, testDialects, type DatabaseHandle } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { createPublishingService } from '../publishing/publishing-service.js';
import { createLiveService, type LiveService } from './live-service.js';
import { MAX_REPLAY } from './live-event-log.js';
import type { LiveEvent } from './live-types.js';

const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);
const writer: Actor = { userId: 10, role: 'writer', sections: 'all' };
const editor: Actor = { userId: 20, role: 'editor', sections: 'all' };
const moderator: Actor = { userId: 30, role: 'moderator', sections: 'all' };
const para = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

/** A sink that records what a connected reader receives. */
function recorder() {
  const events: LiveEvent[] = [];
  const resets: number[] = [];
  let wake: (() => void) | null = null;
  return {
    events,
    resets,
    sink: {
      event: (e: LiveEvent) => {
        events.push(e);
        wake?.();
      },
      reset: (head: number) => {
        resets.push(head);
        wake?.();
      },
    },
    /** Resolves once `n` events have arrived. */
    async until(n: number) {
      while (events.length < n) await new Promise<void>((r) => (wake = r));
    },
  };
}

for (const dialect of testDialects()) {
  describe(`live coverage (${dialect.name})`, () => {
    let h: DatabaseHandle;
    const clock = fixedClock(T0);
    let live: LiveService;
    let blogId = 0;
    let otherBlogId = 0;

    before(async () => {
      h = await dialect.open();
      const repos = createRepositories(h.db);
      const sectionId = await repos.sections.insert({ slug: 'local', name: 'محليات', description: '', parentId: null, position: 1, inNav: true }, T0);
      for (const [id, role, name] of [[10, 'writer', 'ليلى'], [20, 'editor', 'سامر'], [30, 'moderator', 'هدى']] as const) {
        await h.db
          .insertInto('users')
          .values({ id, email: `u${id}@example.org`, display_name: name, role, locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: T0, updated_at: T0 })
          .execute();
      }
      const publishing = createPublishingService({ db: h.db, clock });
      const input = { sectionId, type: 'live' as const, title: 'مباشر: فيضانات', lead: 'تغطية', body: para('تغطية') };
      blogId = await publishing.createArticle(input, { status: 'published', publishedAt: T0 });
      otherBlogId = await publishing.createArticle({ ...input, title: 'تغطية أخرى' }, { status: 'published', publishedAt: T0 });
      live = createLiveService({ db: h.db, clock, hub: { pollMs: 60_000 } });
    });
    after(async () => {
      await live.close();
      await h.close();
    });

    test('entries: post, edit ("edited"), key events, pin, delete; newest first with keyset pages', async () => {
      const first = await live.postEntry(writer, blogId, { title: 'بدء التغطية', body: para('نبدأ التغطية'), keyEvent: true });
      assert.equal(first.authorName, 'ليلى');
      assert.equal(first.editedAt, null);
      clock.advance(60_000);
      const second = await live.postEntry(editor, blogId, { body: para('السيول تقطع الطريق الساحلي') });
      clock.advance(60_000);
      const edited = await live.editEntry(editor, second.id, { body: para('السيول تقطع الطريق الساحلي عند الكيلو ١٢') });
      assert.equal(edited.editedAt, clock.now());
      assert.equal(edited.createdAt, second.createdAt);
      await live.pin(editor, blogId, first.id);
      assert.equal((await live.blog(blogId)).pinned?.id, first.id);
      const page = await live.entries(blogId, { page: 1, before: null }, 1);
      assert.deepEqual(page.entries.map((e) => e.id), [second.id]);
      assert.ok(page.next);
      const page2 = await live.entries(blogId, { page: 2, before: page.next }, 1);
      assert.deepEqual(page2.entries.map((e) => e.id), [first.id]);
      assert.equal(page2.next, null);
      assert.deepEqual((await live.keyEvents(blogId)).map((k) => k.title), ['بدء التغطية']);
      await live.deleteEntry(editor, first.id);
      assert.equal((await live.blog(blogId)).pinned, null, 'deleting the pinned entry unpins it');
      assert.equal((await live.entries(blogId, { page: 1, before: null })).total, 1);
    });

    test('bad input is refused with Arabic field messages and writes nothing; rights are checked', async () => {
      const before = await live.head();
      await assert.rejects(live.postEntry(writer, blogId, { body: [] }), (e: unknown) => e instanceof InvalidInput && /مطلوب/.test(e.fields['body'] ?? ''));
      await assert.rejects(live.postEntry(moderator, blogId, { body: para('x') }), Forbidden);
      await assert.rejects(live.setBreaking(writer, { text: 'عاجل', minutes: 5 }), Forbidden);
      await assert.rejects(live.setBreaking(editor, { text: '', minutes: 0 }), (e: unknown) => e instanceof InvalidInput && 'text' in e.fields && 'minutes' in e.fields);
      await assert.rejects(live.configureStream(editor, { title: 'قناة', hlsUrl: 'https://example.org/x.mp4', enabled: true }), InvalidInput);
      assert.equal(await live.head(), before, 'no event appended');
    });

    test('resume: exactly the missed events of the scope, no gap, no duplicate; reset past the head or retention', async () => {
      const start = await live.head();
      await live.postEntry(writer, blogId, { body: para('١') });
      await live.postEntry(writer, otherBlogId, { body: para('في تغطية أخرى') });
      await live.setBreaking(editor, { text: 'عاجل: إغلاق الطريق الساحلي', minutes: 10 });
      await live.postEntry(writer, blogId, { body: para('٢') });
      const r = await live.resume(blogId, start);
      assert.equal(r.kind, 'events');
      if (r.kind !== 'events') return;
      assert.deepEqual(r.events.map((e) => e.data.kind), ['entry.created', 'breaking', 'entry.created'], 'site-wide events and this blog only');
      const seqs = r.events.map((e) => e.seq);
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      const fromMiddle = await live.resume(blogId, seqs[1]!);
      assert.deepEqual(fromMiddle.kind === 'events' && fromMiddle.events.map((e) => e.seq), [seqs[2]]);
      assert.equal((await live.resume(blogId, (await live.head()) + 5)).kind, 'reset', 'an id from the future');
      // Past the retention window: pruned events cannot be replayed.
      clock.advance(7 * 3_600_000);
      await live.postEntry(writer, blogId, { body: para('بعد ساعات') });
      assert.ok((await live.prune()) > 0);
      assert.equal((await live.resume(blogId, start)).kind, 'reset');
      const head = await live.head();
      const fresh = await live.resume(blogId, head - 1);
      assert.equal(fresh.kind, 'events');
      assert.ok(MAX_REPLAY >= 100);
    });

    test('a connected reader gets each event once, in order, including those committed while it caught up', async () => {
      const start = await live.head();
      await live.postEntry(writer, blogId, { body: para('قبل الاتصال') });
      const reader = recorder();
      const connecting = live.connect(blogId, start, reader.sink);
      // Posted while the reader is catching up from the log.
      const during = live.postEntry(writer, blogId, { body: para('أثناء الاتصال') });
      const conn = await connecting;
      await during;
      await live.postEntry(writer, otherBlogId, { body: para('لقارئ آخر') });
      await live.postEntry(writer, blogId, { body: para('بعد الاتصال') });
      await reader.until(3);
      const texts = reader.events.map((e) => (e.data.kind === 'entry.created' ? e.data.entry.body[0] : null)).map((b) => (b && 'content' in b ? b.content[0]!.text : ''));
      assert.deepEqual(texts, ['قبل الاتصال', 'أثناء الاتصال', 'بعد الاتصال']);
      const seqs = reader.events.map((e) => e.seq);
      assert.equal(new Set(seqs).size, seqs.length, 'no duplicate');
      conn.close();
      // Reconnecting from the last id received: nothing is missed and nothing repeated.
      await live.postEntry(writer, blogId, { body: para('أثناء الانقطاع') });
      const again = recorder();
      const c2 = await live.connect(blogId, seqs.at(-1)!, again.sink);
      await again.until(1);
      assert.equal(again.events.length, 1);
      assert.ok(again.events[0]!.seq > seqs.at(-1)!);
      c2.close();
    });

    test('breaking news: shown until cleared or expired; the chrome follows', async () => {
      await live.setBreaking(editor, { text: 'عاجل: انقطاع الكهرباء عن الريحان', url: '/local', minutes: 30 });
      let chrome = await live.chrome();
      assert.equal(chrome.breaking?.text, 'عاجل: انقطاع الكهرباء عن الريحان');
      assert.equal(chrome.onAir, true, 'a live blog is running');
      clock.advance(31 * 60_000);
      chrome = await live.chrome();
      assert.equal(chrome.breaking, null, 'expired');
      await live.setBreaking(editor, { text: 'عاجل ثانٍ', minutes: 30 });
      await live.clearBreaking(editor);
      assert.equal((await live.chrome()).breaking, null, 'cleared');
    });

    test('states: ending a coverage refuses new entries and takes مباشر off air', async () => {
      await live.setSummary(editor, blogId, 'النقطة الأولى\n\nالنقطة الثانية');
      assert.deepEqual((await live.blog(blogId)).summary, ['النقطة الأولى', 'النقطة الثانية']);
      await live.setState(editor, blogId, 'ended');
      await live.setState(editor, otherBlogId, 'ended');
      await assert.rejects(live.postEntry(writer, blogId, { body: para('بعد النهاية') }), InvalidInput);
      assert.equal((await live.chrome()).onAir, false);
      await live.configureStream(editor, { title: 'قناة منبر', hlsUrl: '/media/live/channel.m3u8', enabled: true });
      assert.equal((await live.chrome()).onAir, true, 'the stream is on');
      assert.equal((await live.stream()).onAir, true);
      await live.setState(editor, blogId, 'live');
      await live.setState(editor, otherBlogId, 'live');
    });
  });
}
