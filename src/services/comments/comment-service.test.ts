// The comment, moderation and reader services on every dialect, with a fixed clock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createRepositories, testDialects, type Db } from '../../db/index.js';
import type { Actor } from '../../domain/index.js';
import { fixedClock } from '../clock.js';
import { createReaderService } from '../readers/reader-service.js';
import { createCommentService, type CommentingReader } from './comment-service.js';
import { createModerationService } from './moderation-service.js';
import { CommentRefused, DEFAULT_RATE_LIMITS } from './pipeline/pipeline-types.js';

const NOW = Date.UTC(2026, 10, 29, 9);
const moderator: Actor = { userId: 7, role: 'moderator', sections: 'all' };
const writer: Actor = { userId: 8, role: 'writer', sections: 'all' };
const refused = (key: string) => (e: unknown) => e instanceof CommentRefused && e.key === key;

async function article(db: Db, status: 'published' | 'draft' = 'published'): Promise<number> {
  const repos = createRepositories(db);
  const section = (await db.selectFrom('sections').select('id').executeTakeFirst())?.id ?? (await repos.sections.insert({ slug: 'news', name: 'أخبار', description: '', parentId: null, position: 1, inNav: true }, NOW));
  return repos.articles.insert({
    slug: `خبر-${Math.random().toString(36).slice(2, 8)}`, sectionId: section, type: 'news', status, title: 'عنوان', lead: 'مقدمة', body: [],
    heroMediaId: null, source: null, commentsMode: 'open', publishedAt: NOW - 3_600_000, updatedAt: NOW, createdAt: NOW,
  });
}

for (const dialect of testDialects()) {
  test(`comments on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const clock = fixedClock(NOW);
    const comments = createCommentService({ db: h.db, clock });
    const moderation = createModerationService({ db: h.db, clock });
    const readers = createReaderService({ db: h.db, clock });
    const a1 = await article(h.db);
    const signUp = async (email: string, name: string): Promise<CommentingReader> => (await readers.signUp({ email, password: 'كلمة-سر-طويلة-1', displayName: name })).session.reader;
    const trusted = await signUp('trusted@example.org', 'قارئ موثوق');
    const newbie = await signUp('new@example.org', 'قارئة جديدة');
    const ip = '203.0.113.7';

    await t.test('a new reader is held until N approved; then approved; the network is only a salted hash', async () => {
      const first = await comments.post({ articleId: a1, body: 'أول تعليق لي' }, { reader: trusted, ip });
      assert.equal(first.status, 'pending');
      assert.deepEqual(first.reasons, ['newCommenter']);
      clock.advance(61_000);
      await comments.post({ articleId: a1, body: 'تعليق ثان' }, { reader: trusted, ip });
      const pending = await moderation.queue(moderator, { queue: 'pending', page: 1 });
      assert.equal(pending.items.length, 2);
      assert.equal(await moderation.act(moderator, { ids: pending.items.map((i) => i.id), action: 'approve', reason: 'مقبول' }), 2);
      clock.advance(61_000);
      const third = await comments.post({ articleId: a1, body: 'الآن أنا موثوق' }, { reader: trusted, ip });
      assert.equal(third.status, 'approved');
      const row = await h.db.selectFrom('comments').select(['ip_hash']).where('id', '=', third.id).executeTakeFirstOrThrow();
      assert.match(row.ip_hash ?? '', /^[0-9a-f]{32}$/);
      assert.ok(!JSON.stringify(await h.db.selectFrom('comments').selectAll().execute()).includes(ip));
      const log = await moderation.log(moderator);
      assert.ok(log.some((e) => e.action === 'comment.approve' && e.reason === 'مقبول'));
      assert.ok(log.some((e) => e.action === 'pipeline.hold'));
    });

    await t.test('banned words reject (kept for a moderator), suspect words hold; word lists edited by moderators', async () => {
      await moderation.saveWords(moderator, { banned: 'وسخ\nيا حمار', suspect: 'يا كذاب' });
      await assert.rejects(() => moderation.saveWords(writer, { banned: '', suspect: '' }), /comments.moderate/);
      clock.advance(11_000); // past the word-list cache
      const bad = await comments.post({ articleId: a1, body: 'يـــا حِمَــــااار' }, { reader: trusted, ip });
      assert.equal(bad.status, 'rejected');
      clock.advance(61_000);
      const sus = await comments.post({ articleId: a1, body: 'يا كَذّاب' }, { reader: trusted, ip });
      assert.equal(sus.status, 'pending');
      const rejected = await moderation.queue(moderator, { queue: 'rejected', page: 1 });
      assert.ok(rejected.items.some((i) => i.id === bad.id && i.reasons.includes('bannedWord')));
    });

    await t.test('rate limits per account and per network with the fixed clock', async () => {
      const a2 = await article(h.db);
      clock.advance(3_600_000);
      for (let i = 0; i < DEFAULT_RATE_LIMITS.readerPerMinute; i++) await comments.post({ articleId: a2, body: `تعليق رقم ${i}` }, { reader: trusted, ip: `198.51.100.${i}` });
      await assert.rejects(() => comments.post({ articleId: a2, body: 'واحد زيادة' }, { reader: trusted, ip: '198.51.100.99' }), refused('rateLimited'));
      clock.advance(60_001);
      await comments.post({ articleId: a2, body: 'بعد دقيقة' }, { reader: trusted, ip: '198.51.100.98' });
      clock.advance(60_001);
      await assert.rejects(() => comments.post({ articleId: a2, body: 'بَعد دقيقــة!' }, { reader: trusted, ip: '198.51.100.3' }), refused('repeated'));
      // One network, many accounts.
      clock.advance(3_600_000);
      const crowd = await Promise.all(Array.from({ length: DEFAULT_RATE_LIMITS.networkPerMinute + 1 }, (_, i) => signUp(`crowd${i}@example.org`, `قارئ ${i}`)));
      for (let i = 0; i < DEFAULT_RATE_LIMITS.networkPerMinute; i++) await comments.post({ articleId: a2, body: `من الشبكة ${i}` }, { reader: crowd[i]!, ip: '192.0.2.1' });
      await assert.rejects(() => comments.post({ articleId: a2, body: 'من الشبكة أيضا' }, { reader: crowd.at(-1)!, ip: '192.0.2.1' }), refused('rateLimited'));
    });

    await t.test('replies nest to depth 3 and flatten below; deleting keeps the thread shape; 20 a page', async () => {
      const a3 = await article(h.db);
      clock.advance(3_600_000);
      const root = await comments.post({ articleId: a3, body: 'الجذر' }, { reader: trusted, ip });
      let parent = root.id;
      for (let d = 1; d <= 5; d++) {
        clock.advance(61_000);
        parent = (await comments.post({ articleId: a3, parentId: parent, body: `رد بعمق ${d}` }, { reader: trusted, ip })).id;
      }
      await comments.remove(root.id, trusted);
      const thread = await comments.thread(a3, 'newest', 1);
      assert.equal(thread.comments.length, 1);
      const top = thread.comments[0]!;
      assert.equal(top.status, 'deleted');
      assert.equal(top.html, '');
      const d1 = top.replies[0]!;
      const d2 = d1.replies[0]!;
      const d3 = d2.replies[0]!;
      assert.equal(d3.depth, 3);
      // Depths 4 and 5 sit beside depth 3 and say whom they answer.
      assert.equal(d2.replies.length, 3);
      assert.equal(d2.replies[1]!.inReplyTo, 'قارئ موثوق');
      // Pages of 20 top-level comments.
      for (let i = 0; i < 25; i++) {
        clock.advance(61_000);
        await h.db.insertInto('comments').values({ article_id: a3, parent_id: null, author_name: 'ق', body: `ن${i}`, html: `<p>ن${i}</p>`, status: 'approved', created_at: clock.now(), reaction_count: i % 7 }).execute();
      }
      const p1 = await comments.thread(a3, 'newest', 1);
      const p2 = await comments.thread(a3, 'newest', 2);
      assert.equal(p1.comments.length, 20);
      assert.equal(p1.hasMore, true);
      assert.equal(p2.hasMore, false);
      assert.equal(p1.comments[0]!.html, '<p>ن24</p>');
      const top1 = await comments.thread(a3, 'top', 1);
      assert.equal(top1.comments[0]!.reactions, 6);
      assert.equal((await comments.thread(a3, 'oldest', 1)).comments[0]!.status, 'deleted');
    });

    await t.test('edit within the window re-runs moderation; react toggles; reports queue the comment', async () => {
      const a4 = await article(h.db);
      clock.advance(3_600_000);
      const c = await comments.post({ articleId: a4, body: 'نص أصلي' }, { reader: trusted, ip });
      clock.advance(60_000);
      const edited = await comments.edit(c.id, trusted, 'أنت وسخ');
      assert.equal(edited.status, 'rejected');
      await assert.rejects(() => comments.edit(c.id, newbie, 'ليس لي'), /NotFound|comment/);
      const c2 = await comments.post({ articleId: a4, body: 'نص آخر' }, { reader: trusted, ip });
      clock.advance(121_000);
      await assert.rejects(() => comments.edit(c2.id, trusted, 'متأخر'), refused('editWindow'));
      assert.equal((await comments.react(c2.id, newbie)).reactions, 1);
      assert.equal((await comments.react(c2.id, newbie)).reactions, 0);
      await comments.report(c2.id, { reason: 'spam' }, { reader: newbie, ip });
      await comments.report(c2.id, { reason: 'spam' }, { reader: newbie, ip });
      const reported = await moderation.queue(moderator, { queue: 'reported', page: 1 });
      const item = reported.items.find((i) => i.id === c2.id);
      assert.equal(item?.reports.length, 1);
      await moderation.act(moderator, { ids: [c2.id], action: 'feature' });
      assert.equal((await moderation.counts(moderator)).featured, 1);
    });

    await t.test('closed stories, guests only when enabled (always held), suspended and banned readers', async () => {
      const a5 = await article(h.db);
      await moderation.saveSettings(moderator, { scope: 'article', scopeId: a5, mode: 'closed' });
      await assert.rejects(() => comments.post({ articleId: a5, body: 'مغلق' }, { reader: trusted, ip }), refused('closed'));
      await moderation.saveSettings(moderator, { scope: 'article', scopeId: a5, mode: 'inherit', closesAt: NOW + 10 * 3_600_000 });
      await assert.rejects(() => comments.post({ articleId: a5, body: 'زائر' }, { reader: null, ip }), refused('guestsClosed'));
      await moderation.saveSettings(moderator, { scope: 'site', scopeId: 0, mode: 'open', guestsAllowed: true });
      clock.advance(3_600_000);
      const guest = await comments.post({ articleId: a5, body: 'تعليق زائر', authorName: 'زائر كريم' }, { reader: null, ip: '192.0.2.200' });
      assert.equal(guest.status, 'pending');
      clock.advance(10 * 3_600_000);
      await assert.rejects(() => comments.post({ articleId: a5, body: 'بعد الإغلاق' }, { reader: trusted, ip }), refused('closed'));
      await moderation.setReaderStatus(moderator, newbie.id, { status: 'banned', reason: 'إساءة' });
      await assert.rejects(() => comments.post({ articleId: a1, body: 'ممنوع' }, { reader: { ...newbie, status: 'banned' }, ip }), refused('suspended'));
      const draft = await article(h.db, 'draft');
      await assert.rejects(() => comments.post({ articleId: draft, body: 'مسودة' }, { reader: trusted, ip }), /article/);
    });

    await t.test('export my comments; delete my account keeps replies in place and removes the text', async () => {
      const exported = await readers.exportData(trusted.id);
      assert.ok(exported.comments.length > 5);
      assert.equal(exported.account.email, 'trusted@example.org');
      assert.equal(await readers.deleteAccount(trusted.id, 'wrong password'), false);
      assert.equal(await readers.deleteAccount(trusted.id, 'كلمة-سر-طويلة-1'), true);
      const left = await h.db.selectFrom('comments').select(['body', 'html', 'author_name', 'status']).where('reader_id', '=', trusted.id).execute();
      assert.ok(left.length > 5 && left.every((c) => c.body === '' && c.html === '' && c.author_name === '' && c.status === 'deleted'));
      assert.ok('error' in (await readers.signIn({ email: 'trusted@example.org', password: 'كلمة-سر-طويلة-1' })));
      const r = await h.db.selectFrom('readers').selectAll().where('id', '=', trusted.id).executeTakeFirstOrThrow();
      assert.equal(r.password_hash, '');
      assert.doesNotMatch(r.email, /trusted/);
    });
  });
}
