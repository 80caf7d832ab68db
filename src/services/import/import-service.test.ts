import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRepositories, testDialects } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { createSearchService } from '../search/search-service.js';
import { bodyBlocks, createImportService, sectionSlugFor } from './import-service.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);

const lines = [
  JSON.stringify({ externalId: 'wire-1', title: 'افتتاح معرض الكتاب في الرياض', lead: 'افتُتح المعرض بمشاركة واسعة.', body: 'يشارك في المعرض مئات الناشرين.\nويستمر عشرة أيام.', section: 'ثقافة', tags: ['معرض الكتاب'], author: 'ليلى حسن', publishedAt: '2026-11-20T08:00:00Z' }),
  '{ not json',
  JSON.stringify({ externalId: 'wire-2', title: '', section: 'ثقافة', publishedAt: '2026-11-20T09:00:00Z' }),
  JSON.stringify({ externalId: 'wire-3', title: 'أمسية شعرية <i>مميزة</i>', body: '<p>قرأ الشعراء قصائد &amp; أغاني.</p><p>وحضر <b>جمهور</b> كبير.</p><script>alert(1)</script>', section: { slug: 'culture', name: 'ثقافة' }, publishedAt: Date.UTC(2026, 10, 21) }),
  '',
  JSON.stringify({ externalId: 'wire-1', title: 'نسخة مكررة', section: 'ثقافة', publishedAt: '2026-11-20T08:00:00Z' }),
];

for (const dialect of testDialects()) {
  test(`import on ${dialect.name}: per-line errors, new sections/tags/authors, idempotent, searchable`, async () => {
    const h = await dialect.open();
    try {
      const clock = fixedClock(NOW);
      const search = createSearchService({ db: h.db, caps: h.caps, clock });
      const imports = createImportService({ db: h.db, clock, hooks: { inTransaction: [search.indexArticle], inTransactionMany: [search.indexArticles], afterCommit: [] }, batchSize: 2 });
      const first = await imports.importLines(lines);
      assert.equal(first.imported, 2);
      assert.equal(first.skipped, 1, 'the repeated external id within the file');
      assert.deepEqual(first.errors.map((e) => e.line), [2, 3]);
      assert.match(first.errors[1]!.message, /title: العنوان مطلوب\./);

      const second = await imports.importLines(lines);
      assert.equal(second.imported, 0);
      assert.equal(second.skipped, 3);
      const repos = createRepositories(h.db);
      assert.equal(await repos.articles.countAll(), 2, 'a second import changes nothing');

      const sections = await repos.sections.listAll();
      assert.deepEqual(sections.map((s) => s.slug).sort(), ['culture', sectionSlugFor('ثقافة')].sort());
      const hit = await search.search({ q: 'معرض الكتاب' });
      assert.equal(hit.total, 1);
      const article = await repos.articles.load(hit.hits[0]!.id);
      assert.equal(article?.tags[0]?.name, 'معرض الكتاب');
      assert.equal(article?.authors[0]?.name, 'ليلى حسن');
      const poem = await search.search({ q: 'جمهور' });
      const loaded = await repos.articles.load(poem.hits[0]!.id);
      assert.deepEqual(loaded?.body.map((b) => (b.type === 'paragraph' ? b.content[0]!.text : '')), ['قرأ الشعراء قصائد & أغاني.', 'وحضر جمهور كبير.']);
    } finally {
      await h.close();
    }
  });
}

test('HTML bodies keep only their text', () => {
  assert.deepEqual(bodyBlocks('<h2>عنوان</h2><p onclick="x()">فقرة<br>ثانية</p><img src=x onerror=alert(1)>'), [
    { type: 'paragraph', content: [{ text: 'عنوان' }] },
    { type: 'paragraph', content: [{ text: 'فقرة' }] },
    { type: 'paragraph', content: [{ text: 'ثانية' }] },
  ]);
});
