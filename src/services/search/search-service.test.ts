import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSearchIndex, testDialects } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { createCurationService } from '../curation/curation-service.js';
import { createPublishingService } from '../publishing/publishing-service.js';
import { createSearchService } from './search-service.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const DAY = 86_400_000;
const p = (text: string) => ({ type: 'paragraph' as const, content: [{ text }] });

for (const dialect of testDialects()) {
  test(`search on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const clock = fixedClock(NOW);
    const search = createSearchService({ db: h.db, caps: h.caps, clock });
    const publishing = createPublishingService({ db: h.db, clock, hooks: { inTransaction: [search.indexArticle], afterCommit: [] } });
    const curation = createCurationService({ db: h.db, clock });
    const economy = await curation.createSection({ slug: 'economy', name: 'اقتصاد', position: 1 });
    const sport = await curation.createSection({ slug: 'sport', name: 'رياضة', position: 2 });
    const publish = (sectionId: number, title: string, lead: string, body: string[], daysAgo: number, tags: string[] = []) =>
      publishing.createArticle({ sectionId, title, lead, body: body.map(p), tags }, { status: 'published', publishedAt: NOW - daysAgo * DAY });

    const oil = await publish(economy, 'أسعار النفط ترتفع بعد قرار أوبك', 'ارتفعت أسعار النّفط الخام في الأسواق العالمية.', ['قال محللون إن قرار خفض الإنتاج سيؤثر في الأسواق الآسيوية.'], 1);
    const stadium = await publish(sport, 'افتتاح الملعب الجديد في المدينة', 'احتفلت المدينة بافتتاح ملعبها.', ['حضر المباراة الافتتاحية آلاف المشجعين.'], 2);
    const lions = await publish(economy, 'شركة الأسد للاستثمار تعلن أرباحها', 'أعلنت الشركة عن نمو الأرباح.', ['قالت الشركة إن الأرباح نمت بفضل الاستثمار في النفط.'], 3, ['الأسد']);
    const draft = await publishing.createArticle({ sectionId: economy, title: 'مسودة عن النفط', lead: '', body: [] }, { status: 'draft' });

    await t.test('spelling variants, clitics and diacritics find the article; drafts never appear', async () => {
      for (const q of ['النفط', 'والنفط', 'نفط', 'اسعار', 'الأسعار', 'النِّفْطِ', 'اوبك']) {
        const r = await search.search({ q });
        const ids = r.hits.map((x) => x.id);
        assert.ok(ids.includes(oil), `${q}: ${JSON.stringify(ids)}`);
        assert.ok(!ids.includes(draft), q);
      }
      const r = await search.search({ q: 'النفط' });
      assert.equal(r.hits[0]?.id, oil, 'title match ranks first');
    });

    await t.test('phrases, prefixes, exclusions and filters', async () => {
      assert.deepEqual((await search.search({ q: '"أسعار النفط"' })).hits.map((x) => x.id), [oil]);
      assert.ok((await search.search({ q: 'استثمار*' })).hits.some((x) => x.id === lions));
      assert.deepEqual((await search.search({ q: 'النفط -أوبك' })).hits.map((x) => x.id), [lions]);
      assert.deepEqual((await search.search({ q: 'الملعب', section: 'sport' })).hits.map((x) => x.id), [stadium]);
      assert.equal((await search.search({ q: 'الملعب', section: 'economy' })).total, 0);
      assert.deepEqual((await search.search({ q: 'النفط', from: '2026-11-27', to: '2026-11-28' })).hits.map((x) => x.id), [oil]);
    });

    await t.test('all words first, any word when too few articles have them all', async () => {
      const r = await search.search({ q: 'الملعب الأرباح' });
      assert.equal(r.mode, 'any');
      assert.deepEqual(new Set(r.hits.map((x) => x.id)), new Set([stadium, lions]));
      // Widened, the article with every word still comes first.
      assert.equal((await search.search({ q: 'النفط الأسواق' })).hits[0]?.id, oil);
    });

    await t.test('snippets mark matches in the original text', async () => {
      const r = await search.search({ q: 'النفط' });
      const hit = r.hits.find((x) => x.id === oil)!;
      const marked = hit.snippet.filter((s) => s.mark).map((s) => s.text);
      assert.deepEqual(marked, ['النّفط']);
      assert.ok(hit.titleSegments.some((s) => s.mark && s.text === 'النفط'));
      assert.equal(hit.url, `/economy/${oil}/${encodeURIComponent('أسعار-النفط-ترتفع-بعد-قرار-أوبك')}`);
    });

    await t.test('protected names are not stemmed', async () => {
      const r = await search.search({ q: 'الأسد' });
      assert.deepEqual(r.hits.map((x) => x.id), [lions]);
    });

    await t.test('bad queries are InvalidInput with a field key, never a crash', async () => {
      for (const [params, field, key] of [
        [{ q: '' }, 'q', 'empty'],
        [{ q: '   ' }, 'q', 'empty'],
        [{ q: 'ا'.repeat(201) }, 'q', 'tooLong'],
        [{ q: '؟؟؟ !!! 🙂' }, 'q', 'garbled'],
        [{ q: 'a\u0000b' }, 'q', 'garbled'],
        [{ q: '\uD800x' }, 'q', 'garbled'],
        [{ q: '-النفط' }, 'q', 'onlyExclusions'],
        [{ q: 'النفط', page: '0' }, 'page', 'page'],
        [{ q: 'النفط', section: 'nope' }, 'section', 'section'],
        [{ q: 'النفط', from: '2026-02-30' }, 'from', 'from'],
        [{ q: 'النفط', type: 'poem' }, 'type', 'type'],
      ] as const) {
        await assert.rejects(search.search(params), (e: Error & { fields?: Record<string, string> }) => {
          assert.equal(e.name, 'InvalidInput');
          assert.equal(e.fields?.[field], key, JSON.stringify(params));
          return true;
        });
      }
    });

    await t.test('reindex rebuilds the same index', async () => {
      const before = await search.search({ q: 'النفط' });
      const n = await search.reindex();
      assert.equal(n, 3);
      const after = await search.search({ q: 'النفط' });
      assert.deepEqual(after.hits.map((x) => [x.id, x.score]), before.hits.map((x) => [x.id, x.score]));
    });

    await t.test('a hard delete takes the article and its terms out of the index, in its own transaction', async () => {
      const index = createSearchIndex(h.db, h.caps);
      const stems = ['ملعب', 'افتتاح', 'مدين', 'نفط'];
      const statsBefore = await index.stats();
      const termsBefore = await index.termDocuments(stems);
      assert.equal(termsBefore.get('ملعب'), 1);
      const hardDelete = (fail: boolean) =>
        h.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('articles').where('id', '=', stadium).execute();
          if (fail) throw new Error('rolled back');
        });

      await assert.rejects(hardDelete(true), /rolled back/);
      assert.deepEqual(await index.stats(), statsBefore, 'a rolled-back delete changes nothing');
      assert.deepEqual(await index.termDocuments(stems), termsBefore);
      assert.equal((await search.search({ q: 'الملعب' })).total, 1);

      await hardDelete(false);
      const statsAfter = await index.stats();
      assert.equal(statsAfter.documents, statsBefore.documents - 1);
      assert.ok(statsAfter.titleTokens < statsBefore.titleTokens && statsAfter.bodyTokens < statsBefore.bodyTokens);
      const termsAfter = await index.termDocuments(stems);
      assert.equal(termsAfter.get('ملعب'), 0);
      assert.equal(termsAfter.get('افتتاح'), 0);
      assert.equal(termsAfter.get('نفط'), termsBefore.get('نفط'), 'other articles\' terms are untouched');
      assert.equal((await search.search({ q: 'الملعب' })).total, 0);
      assert.equal((await search.search({ q: 'افتتاح*' })).total, 0);

      // The counts the delete left are the ones a full rebuild computes.
      const rebuiltStems = [...stems, 'اسعار', 'شرك', 'ارباح'];
      const kept = await index.termDocuments(rebuiltStems);
      await search.reindex();
      assert.deepEqual(await index.stats(), statsAfter);
      const rebuilt = await index.termDocuments(rebuiltStems);
      for (const stem of rebuiltStems) assert.equal(kept.get(stem) ?? 0, rebuilt.get(stem) ?? 0, stem);
    });

    await t.test('indexing many articles at once leaves the same index as one by one', async () => {
      const index = createSearchIndex(h.db, h.caps);
      const before = await index.stats();
      const ranked = await search.search({ q: 'النفط' });
      await h.db.transaction().execute((trx) => search.indexArticles(trx, [oil, lions, draft, oil]));
      assert.deepEqual(await index.stats(), before);
      assert.deepEqual((await search.search({ q: 'النفط' })).hits.map((x) => [x.id, x.score]), ranked.hits.map((x) => [x.id, x.score]));
    });
  });
}
