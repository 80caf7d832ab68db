import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Conflict, Forbidden, InvalidInput, type Actor } from '../../domain/index.js';
import { createRepositories, testDialects, type DatabaseHandle } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { createPublishingService, type ArticleInput } from './publishing-service.js';
import { createScheduler } from './scheduler.js';

const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);
const writer: Actor = { userId: 10, role: 'writer', sections: 'all' };
const otherWriter: Actor = { userId: 11, role: 'writer', sections: 'all' };
const editor: Actor = { userId: 20, role: 'editor', sections: 'all' };
const admin: Actor = { userId: 1, role: 'admin', sections: 'all' };

for (const dialect of testDialects()) {
  describe(`publishing workflow (${dialect.name})`, () => {
    let h: DatabaseHandle;
    const clock = fixedClock(T0);
    let politics = 0;
    let sports = 0;
    let heroId = 0;
    let creditless = 0;
    let outsider: Actor;
    const svc = () => createPublishingService({ db: h.db, clock });
    const draft = (over: Partial<ArticleInput> = {}): ArticleInput => ({
      sectionId: politics,
      title: 'لافروف يلتقي نظيره التركي',
      lead: 'محادثات في أنقرة',
      body: [
        { type: 'paragraph', content: [{ text: 'قال الوزير ' }, { text: 'Sergey Lavrov', lang: 'en' }] },
        { type: 'quote', content: [{ text: 'نريد حلًا سياسيًا' }] },
      ],
      ...over,
    });

    before(async () => {
      h = await dialect.open();
      const repos = createRepositories(h.db);
      politics = await repos.sections.insert({ slug: 'politics', name: 'سياسة', description: '', parentId: null, position: 1, inNav: true }, T0);
      sports = await repos.sections.insert({ slug: 'sports', name: 'رياضة', description: '', parentId: null, position: 2, inNav: true }, T0);
      outsider = { userId: 21, role: 'editor', sections: [sports] };
      const media = { key: 'a1b2c3d4e5f6', mime: 'image/jpeg', width: 1280, height: 720, bytes: 1, caption: 'صورة', alt: 'صورة', source: null, variants: [] };
      heroId = await repos.media.insert({ ...media, credit: 'رويترز' }, T0);
      // Actors are real accounts: the audit log refers to them.
      for (const [id, role] of [[1, 'admin'], [10, 'writer'], [11, 'writer'], [20, 'editor'], [21, 'editor'], [30, 'moderator']] as const) {
        await h.db
          .insertInto('users')
          .values({ id, email: `u${id}@example.org`, display_name: `u${id}`, role, locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: T0, updated_at: T0 })
          .execute();
      }
      creditless = await repos.media.insert({ ...media, key: 'f6e5d4c3b2a1', credit: '' }, T0);
    });
    after(() => h.close());

    test('writer drafts and submits; may not publish; editors outside the section are refused', async () => {
      const p = svc();
      const { id, revision } = await p.createDraft(writer, draft());
      assert.equal(revision, 1);
      const saved = await p.save(writer, id, draft({ title: 'لافروف يلتقي فيدان في أنقرة' }), { baseRevision: 1 });
      assert.equal(saved.revision, 2);
      await assert.rejects(p.save(writer, id, draft(), { baseRevision: 1 }), Conflict);
      await assert.rejects(p.publish(writer, id), Forbidden);
      await assert.rejects(p.save(otherWriter, id, draft()), Forbidden);
      await assert.rejects(p.forEditing(otherWriter, id), Forbidden);
      await p.submit(writer, id);
      // In review the article is the editors': the writer may neither save it nor hold its lock.
      await assert.rejects(p.save(writer, id, draft()), Forbidden);
      await assert.rejects(p.openForEditing(writer, id, 'سلمى'), Forbidden);
      await assert.rejects(p.publish(outsider, id), Forbidden);
      await assert.rejects(p.schedule(outsider, id, T0 + 3_600_000), Forbidden);
      // A writer cannot move their article out of reach either: a section editor cannot pull it in.
      await assert.rejects(p.save(outsider, id, draft({ sectionId: sports })), Forbidden);
      const row = await p.forEditing(editor, id);
      assert.equal(row.status, 'review');
      assert.equal(row.createdBy, writer.userId);
    });

    test('tags whose names make one slug, and repeated authors or stories, are stored once (no 500)', async () => {
      const repos = createRepositories(h.db);
      const author = await repos.authors.insert({ slug: 'dup-author', name: 'كاتب', bio: '', kind: 'person' }, T0);
      const story = await repos.stories.insert({ slug: 'dup-story', title: 'قصة', description: '', coverMediaId: null, trendingRank: null, featured: false, status: 'active' }, T0);
      // "Gaza" and "gaza!" differ as names but share the slug "gaza" (so do many hostile tags).
      const { id } = await svc().createDraft(writer, draft({ tags: ['Gaza', 'gaza!', 'غزة'], authorIds: [author, author], storyIds: [story, story] }));
      const fields = (await svc().forEditing(writer, id)).fields;
      assert.deepEqual(fields.tags, ['Gaza', 'غزة']);
      assert.deepEqual(fields.authorIds, [author]);
      assert.deepEqual(fields.storyIds, [story]);
    });

    test('publishing validates required fields with Arabic messages and writes nothing on failure', async () => {
      const p = svc();
      const { id } = await p.createDraft(writer, draft({ lead: '', body: [] }));
      const err = await p.publish(editor, id).catch((e: unknown) => e);
      assert.ok(err instanceof InvalidInput);
      assert.equal(err.fields['lead'], 'المقدمة مطلوبة للنشر.');
      assert.equal(err.fields['body'], 'نص المقال مطلوب للنشر.');
      assert.equal(err.fields['heroMediaId'], 'الصورة الرئيسية مطلوبة للنشر.');
      await p.save(editor, id, draft({ heroMediaId: creditless }));
      const noCredit = await p.publish(editor, id).catch((e: unknown) => e);
      assert.ok(noCredit instanceof InvalidInput);
      assert.equal(noCredit.fields['heroCredit'], 'حقوق الصورة مطلوبة للنشر.');
      assert.equal((await p.forEditing(editor, id)).status, 'draft');
      await p.save(editor, id, draft({ heroMediaId: creditless, heroCredit: 'وكالة الأناضول' }));
      const published = await p.publish(editor, id);
      assert.equal(published.status, 'published');
      assert.equal(published.publishedAt, T0);
    });

    test('an update of a published article carries a correction readers see; unpublish', async () => {
      const p = svc();
      const { id } = await p.createDraft(writer, draft({ heroMediaId: heroId }));
      await p.publish(editor, id);
      // Writers may not change what is live.
      await assert.rejects(p.save(writer, id, draft({ heroMediaId: heroId })), Forbidden);
      await assert.rejects(p.save(editor, id, draft({ heroMediaId: heroId }), { autosave: true }), InvalidInput);
      clock.advance(60_000);
      await p.save(editor, id, draft({ heroMediaId: heroId, title: 'لافروف وفيدان: لا اتفاق بعد' }), { correction: 'صُحّح اسم الوزير.' });
      const article = await createRepositories(h.db).articles.load(id);
      assert.equal(article?.title, 'لافروف وفيدان: لا اتفاق بعد');
      assert.deepEqual(article?.corrections.map((c) => c.note), ['صُحّح اسم الوزير.']);
      assert.equal(article?.updatedAt, T0 + 60_000);
      assert.equal(article?.publishedAt, T0);
      await assert.rejects(p.unpublish(writer, id), Forbidden);
      assert.equal((await p.unpublish(editor, id)).status, 'unpublished');
    });

    test('scheduled publishing happens once, on time, with two schedulers racing', async () => {
      const p = svc();
      const { id } = await p.createDraft(writer, draft({ heroMediaId: heroId }));
      await p.submit(writer, id);
      await assert.rejects(p.schedule(editor, id, clock.now() - 1), InvalidInput);
      const at = clock.now() + 3_600_000;
      await p.schedule(editor, id, at);
      // Two processes: two service instances over the same database, each with its scheduler.
      const a = createScheduler({ publishDue: (n) => createPublishingService({ db: h.db, clock }).publishDue(n), batch: 1 });
      const b = createScheduler({ publishDue: (n) => createPublishingService({ db: h.db, clock }).publishDue(n), batch: 1 });
      assert.deepEqual([...(await a.tick()), ...(await b.tick())], []);
      clock.set(at);
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      assert.deepEqual([...ra, ...rb], [id]);
      assert.deepEqual([...(await a.tick()), ...(await b.tick())], []);
      const row = await p.forEditing(editor, id);
      assert.equal(row.status, 'published');
      assert.equal(row.publishedAt, at);
      assert.equal(row.publishAt, null);
      const history = await p.revisions(editor, id);
      assert.equal(history.filter((r) => r.kind === 'publish').length, 1);
    });

    test('revisions keep every save with a readable diff, and restore as a new revision', async () => {
      const p = svc();
      const { id } = await p.createDraft(writer, draft());
      await p.save(writer, id, draft({ title: 'عنوان ثانٍ' }), { autosave: true });
      clock.advance(1000);
      await p.save(writer, id, draft({ title: 'عنوان ثالث' }), { autosave: true });
      let history = await p.revisions(writer, id);
      assert.deepEqual(history.map((r) => r.kind), ['autosave', 'save']);
      const { lines } = await p.revisionDiff(writer, id, 2);
      const title = lines.find((l) => l.field === 'title');
      assert.equal(title?.change, 'changed');
      assert.ok(title?.parts.some((x) => x.change === 'added' && x.text.includes('ثالث')));
      assert.ok(title?.parts.some((x) => x.change === 'removed' && x.text.includes('لافروف')));
      await p.restoreRevision(writer, id, 1);
      history = await p.revisions(writer, id);
      assert.equal(history[0]?.kind, 'restore');
      assert.equal((await p.forEditing(writer, id)).fields.title, 'لافروف يلتقي نظيره التركي');
      await assert.rejects(p.restoreRevision(otherWriter, id, 1), Forbidden);
    });

    test('edit lock: being edited by …, expiry, take-over by an editor only', async () => {
      const p = svc();
      const { id } = await p.createDraft(writer, draft());
      const first = await p.openForEditing(writer, id, 'سلمى');
      assert.equal(first.mine, true);
      const seen = await p.openForEditing(editor, id, 'خالد');
      assert.equal(seen.mine, false);
      assert.equal(seen.lock.holderName, 'سلمى');
      await assert.rejects(p.save(editor, id, draft()), Conflict);
      const taken = await p.openForEditing(editor, id, 'خالد', { takeOver: true });
      assert.equal(taken.mine, true);
      await assert.rejects(p.save(writer, id, draft()), Conflict);
      clock.advance(10 * 60_000);
      // Expired: the writer may take it back without forcing.
      assert.equal((await p.openForEditing(writer, id, 'سلمى')).mine, true);
      await assert.rejects(p.openForEditing(writer, id, 'سلمى', { takeOver: true }), Forbidden);
      await p.closeEditing(writer, id);
      assert.equal((await p.forEditing(editor, id)).lock, null);
    });

    test('lists apply the access filter in SQL, with filters and pagination', async () => {
      const p = svc();
      const mine = await p.createDraft(otherWriter, draft({ title: 'خبر رياضي عن Messi', sectionId: sports }));
      const own = await p.list(otherWriter, {});
      assert.deepEqual(own.items.map((i) => i.id), [mine.id]);
      const sportsOnly = await p.list(outsider, {});
      assert.ok(sportsOnly.items.every((i) => i.sectionId === sports));
      assert.ok(sportsOnly.items.some((i) => i.id === mine.id));
      const all = await p.list(admin, { perPage: 2, page: 1 });
      assert.equal(all.items.length, 2);
      assert.ok(all.total > 2);
      assert.equal(all.pages, Math.ceil(all.total / 2));
      assert.deepEqual((await p.list(editor, { q: 'Messi' })).items.map((i) => i.id), [mine.id]);
      assert.ok((await p.list(editor, { status: 'published' })).items.every((i) => i.status === 'published'));
      await assert.rejects(p.list({ userId: 30, role: 'moderator', sections: 'all' }, {}), Forbidden);
    });

    test('a failing in-transaction hook leaves no half-saved article', async () => {
      const failing = createPublishingService({
        db: h.db,
        clock,
        hooks: {
          inTransaction: [
            async () => {
              throw new Error('index down');
            },
          ],
          afterCommit: [],
        },
      });
      const before = await createRepositories(h.db).articles.countAll();
      await assert.rejects(failing.createDraft(writer, draft()), /index down/);
      assert.equal(await createRepositories(h.db).articles.countAll(), before);
      const { id } = await svc().createDraft(writer, draft());
      await assert.rejects(failing.save(writer, id, draft({ title: 'لن يُحفظ' })));
      assert.equal((await svc().forEditing(writer, id)).fields.title, 'لافروف يلتقي نظيره التركي');
      assert.equal((await svc().revisions(writer, id)).length, 1);
    });
  });
}
