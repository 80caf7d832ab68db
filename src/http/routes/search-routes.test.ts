import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { openTestSite, parse, words } from '../../../test/support/test-site.js';

const p = (text: string) => ({ type: 'paragraph' as const, content: [{ text }] });

for (const dialect of testDialects()) {
  test(`search page and API on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const { curation, publishing } = site.minbar.services;
    const economy = await curation.createSection({ slug: 'economy', name: 'اقتصاد', position: 1 });
    const now = site.clock.now();
    const oil = await publishing.createArticle(
      { sectionId: economy, title: 'أسعار النفط ترتفع بعد قرار <b>أوبك</b>', lead: 'ارتفعت أسعار النّفط الخام في الأسواق العالمية.', body: [p('قال محللون إن قرار خفض الإنتاج سيؤثر في الأسواق.')] },
      { status: 'published', publishedAt: now - 3_600_000 },
    );
    for (let i = 0; i < 12; i++) {
      await publishing.createArticle(
        { sectionId: economy, title: `تقرير السوق رقم ${i + 1}`, lead: 'تراجع مؤشر السوق في تداولات اليوم.', body: [p('قال المحللون إن السوق تنتظر بيانات التضخم.')] },
        { status: 'published', publishedAt: now - (i + 2) * 3_600_000 },
      );
    }

    await t.test('the page finds an article typed without hamza or with diacritics, marking the original words', async () => {
      const res = await site.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('اسعار النِّفط')}` });
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.documentElement.getAttribute('dir'), 'rtl');
      assert.match(doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '', /noindex/);
      assert.equal(res.headers['x-robots-tag'], 'noindex');
      const input = doc.querySelector('form.search-form[role="search"][action="/search"][method="get"] input#search-q[name="q"]');
      assert.equal(input?.getAttribute('dir'), 'auto');
      assert.equal(input?.getAttribute('value'), 'اسعار النِّفط');
      const results = doc.querySelectorAll('ol.search-results > li');
      assert.equal(results.length, 1);
      const link = results[0]!.querySelector('h2 a');
      assert.match(link?.getAttribute('href') ?? '', new RegExp(`^/economy/${oil}/`));
      // The title is escaped text: the "<b>" typed by the writer is shown, never parsed.
      assert.equal(results[0]!.querySelector('h2 b'), null);
      assert.ok(words(link?.textContent).includes('<b>أوبك</b>'));
      const marks = [...results[0]!.querySelectorAll('.search-result__snippet mark')].map((m) => m.textContent);
      assert.deepEqual(marks, ['أسعار النّفط']);
      assert.equal(doc.querySelectorAll('script:not([src])').length, 0);
    });

    await t.test('the empty page is a form; refused queries are Arabic 400s, never 500s', async () => {
      const empty = await site.app.inject({ method: 'GET', url: '/search' });
      assert.equal(empty.statusCode, 200);
      assert.ok(parse(empty.body).querySelector('input#search-q[name="q"]'));
      for (const [q, text] of [
        ['', 'اكتب كلمة واحدة على الأقل للبحث.'],
        ['!!!', 'لم نتعرّف على كلمات في عبارة البحث. اكتب كلمات بالعربية أو بالإنجليزية.'],
        ['ب'.repeat(300), 'عبارة البحث طويلة جدًا؛ اختصرها إلى 200 حرف أو أقل.'],
        ['%00%01', 'لم نتعرّف على كلمات في عبارة البحث. اكتب كلمات بالعربية أو بالإنجليزية.'],
      ] as const) {
        const res = await site.app.inject({ method: 'GET', url: `/search?q=${q.startsWith('%') ? q : encodeURIComponent(q)}` });
        assert.equal(res.statusCode, 400, q);
        assert.equal(words(parse(res.body).querySelector('[role="alert"]')?.textContent), text);
      }
      const bad = await site.app.inject({ method: 'GET', url: '/search?q=نفط&page=abc&section=nowhere' });
      assert.equal(bad.statusCode, 400);
    });

    await t.test('the API returns JSON hits and pages; errors are JSON with Arabic messages', async () => {
      const res = await site.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('السوق')}&page=2&section=economy` });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.query, 'السوق');
      assert.equal(body.total, 12);
      assert.equal(body.hits.length, 2);
      const hit = body.hits[0];
      assert.deepEqual(Object.keys(hit).sort(), ['id', 'publishedAt', 'score', 'section', 'snippet', 'title', 'type', 'url']);
      assert.match(hit.url, /^http.*\/economy\/\d+\//);
      assert.ok(hit.snippet.some((s: { mark: boolean; text: string }) => s.mark && s.text === 'السوق'));
      assert.match(hit.publishedAt, /^2026-11-\d\dT/);

      const err = await site.app.inject({ method: 'GET', url: '/api/search?q=' });
      assert.equal(err.statusCode, 400);
      assert.equal(err.json().error.message, 'اكتب كلمة واحدة على الأقل للبحث.');
      const type = await site.app.inject({ method: 'GET', url: '/api/search?q=نفط&type=poem' });
      assert.equal(type.json().error.fields.type, 'نوع المحتوى المطلوب غير معروف.');
    });

    await t.test('the story filter keeps the story\'s articles, says so, and offers the whole archive', async () => {
      const floods = await curation.createStory({ slug: 'floods', title: 'سيول الساحل' });
      const inStory = await publishing.createArticle(
        { sectionId: economy, title: 'خسائر السيول في الأسواق', lead: 'تضررت الأسواق من السيول.', body: [p('قدّر التجار الخسائر.')], storyIds: [floods] },
        { status: 'published', publishedAt: now - 7_200_000 },
      );
      const res = await site.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('الأسواق')}&story=floods` });
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.deepEqual(
        [...doc.querySelectorAll('ol.search-results h2 a')].map((a) => a.getAttribute('href')?.split('/')[2]),
        [String(inStory)],
      );
      assert.equal(doc.querySelector('input[type="hidden"][name="story"]')?.getAttribute('value'), 'floods');
      const scope = doc.querySelector('.search-form__scope');
      assert.ok(words(scope?.textContent).includes('سيول الساحل'));
      assert.equal(scope?.querySelector('a')?.getAttribute('href'), `/search?q=${encodeURIComponent('الأسواق')}`);

      const byId = await site.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('الأسواق')}&story=${floods}` });
      assert.deepEqual(byId.json().hits.map((h: { id: number }) => h.id), [inStory]);
      assert.equal(byId.json().story.title, 'سيول الساحل');
      for (const story of ['999999', 'no-such-story']) {
        const missing = await site.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('الأسواق')}&story=${story}` });
        assert.equal(missing.statusCode, 400, story);
        assert.equal(missing.json().error.message, 'القصة المطلوبة غير موجودة.');
      }
    });

    await t.test('searches are rate-limited per client with an Arabic 429', async () => {
      const from = { remoteAddress: '203.0.113.9' };
      let last = await site.app.inject({ method: 'GET', url: '/api/search?q=نفط', ...from });
      for (let i = 0; i < 40 && last.statusCode !== 429; i++) last = await site.app.inject({ method: 'GET', url: '/api/search?q=نفط', ...from });
      assert.equal(last.statusCode, 429);
      assert.equal(last.json().error.message, 'أجريت عمليات بحث كثيرة في وقت قصير. انتظر دقيقة ثم حاول مجددًا.');
      const page = await site.app.inject({ method: 'GET', url: '/search?q=نفط', ...from });
      assert.equal(page.statusCode, 429);
      assert.ok(words(parse(page.body).querySelector('[role="alert"]')?.textContent).startsWith('أجريت عمليات بحث كثيرة'));
      const other = await site.app.inject({ method: 'GET', url: '/api/search?q=نفط', remoteAddress: '203.0.113.10' });
      assert.equal(other.statusCode, 200, 'another client is not limited');
    });
  });
}
