import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Forbidden, InvalidInput, type Actor } from '../../domain/index.js';
import { createRepositories, testDialects, type DatabaseHandle } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { createPublishingService } from '../publishing/publishing-service.js';
import { createCurationService } from './curation-service.js';
import { curateHome } from './home-curation.js';

const T0 = Date.UTC(2026, 10, 29);
const admin: Actor = { userId: 1, role: 'admin', sections: 'all' };
const editor: Actor = { userId: 20, role: 'editor', sections: 'all' };
const writer: Actor = { userId: 10, role: 'writer', sections: 'all' };

for (const dialect of testDialects()) {
  describe(`curation (${dialect.name})`, () => {
    let h: DatabaseHandle;
    const clock = fixedClock(T0);
    before(async () => {
      h = await dialect.open();
      for (const [id, role] of [[1, 'admin'], [10, 'writer'], [20, 'editor']] as const) {
        await h.db
          .insertInto('users')
          .values({ id, email: `u${id}@example.org`, display_name: `u${id}`, role, locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: T0, updated_at: T0 })
          .execute();
      }
    });
    after(() => h.close());

    test('sections nest one level and follow the editorial order; only admins change them', async () => {
      const c = createCurationService({ db: h.db, clock });
      const world = await c.saveSection(admin, null, { slug: 'world', name: 'العالم' });
      const asia = await c.saveSection(admin, null, { slug: 'asia', name: 'آسيا', parentId: world });
      await assert.rejects(c.saveSection(admin, null, { slug: 'china', name: 'الصين', parentId: asia }), InvalidInput);
      await assert.rejects(c.saveSection(admin, world, { slug: 'world', name: 'العالم', parentId: asia }), InvalidInput);
      await assert.rejects(c.saveSection(editor, null, { slug: 'x', name: 'س' }), Forbidden);
      const economy = await c.saveSection(admin, null, { slug: 'economy', name: 'اقتصاد' });
      await c.orderSections(admin, [economy, world, asia]);
      assert.deepEqual((await c.sections()).map((s) => s.slug), ['economy', 'world', 'asia']);
    });

    test('stories: one featured, the strip order, archive; home lead and section block order', async () => {
      const c = createCurationService({ db: h.db, clock });
      const a = await c.saveStory(editor, null, { slug: 'gaza', title: 'غزة', featured: true });
      const b = await c.saveStory(editor, null, { slug: 'sudan', title: 'السودان', featured: true });
      await assert.rejects(c.saveStory(writer, null, { slug: 'x', title: 'س' }), Forbidden);
      let list = await c.stories();
      assert.deepEqual(list.filter((s) => s.featured).map((s) => s.id), [b]);
      await c.orderStrip(editor, [b, a]);
      list = await c.stories();
      assert.deepEqual(list.map((s) => [s.id, s.trendingRank]), [[b, 1], [a, 2]]);
      await c.saveStory(editor, b, { slug: 'sudan', title: 'السودان', status: 'archived', featured: true });
      list = await c.stories();
      assert.deepEqual(list.map((s) => [s.id, s.status, s.featured]), [[a, 'active', false], [b, 'archived', false]]);

      const sections = await c.sections();
      const p = createPublishingService({ db: h.db, clock });
      const old = await p.createArticle({ sectionId: sections[0]!.id, title: 'خبر قديم', lead: 'م', body: [{ type: 'paragraph', content: [{ text: 'ن' }] }] }, { status: 'published', publishedAt: T0 - 10_000 });
      const draft = await p.createArticle({ sectionId: sections[0]!.id, title: 'مسودة' }, { status: 'draft' });
      await assert.rejects(c.setHome(editor, { leadArticleId: draft }), InvalidInput);
      await assert.rejects(c.setHome(writer, { leadArticleId: old }), Forbidden);
      await c.setHome(editor, { leadArticleId: old, featuredStoryId: a, sectionIds: [sections[1]!.id, sections[0]!.id] });
      assert.deepEqual(await c.home(), { leadArticleId: old, featuredStoryId: a, sectionIds: [sections[1]!.id, sections[0]!.id] });
      assert.equal((await c.stories()).find((s) => s.id === a)?.featured, true);
      const newest = await createRepositories(h.db).articles.listPublished({ limit: 5 });
      const curated = await curateHome(h.db, {
        lead: newest.at(99) ?? null,
        latest: newest,
        sectionBlocks: sections.slice(0, 2).map((section) => ({ section, articles: newest.slice(0, 0) })),
      });
      assert.equal(curated.lead?.id, old);
      assert.equal(curated.sectionBlocks?.[0]?.section.id, sections[1]!.id);
    });

    test('channels and menus', async () => {
      const c = createCurationService({ db: h.db, clock });
      const id = await c.saveChannel(admin, null, { kind: 'telegram', label: 'تلغرام', url: 'https://t.me/minbar' });
      await assert.rejects(c.saveChannel(admin, id, { kind: 'telegram', label: 'تلغرام', url: 'javascript:alert(1)' }), InvalidInput);
      await assert.rejects(c.saveChannel(editor, null, { kind: 'x', label: 'X', url: 'https://x.com/minbar' }), Forbidden);
      await c.deleteChannel(admin, id);
      assert.deepEqual(await c.channels(), []);
      const m = await c.saveMenuItem(admin, null, { menu: 'footer', label: 'من نحن', url: '/about', position: 1 });
      assert.deepEqual((await c.menu('footer')).map((x) => x.id), [m]);
      const audit = await h.db.selectFrom('audit_log').select('action').execute();
      assert.ok(audit.some((e) => e.action === 'menu.create'));
    });
  });
}
