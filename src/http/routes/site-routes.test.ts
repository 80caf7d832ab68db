import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { articlePath } from '../../domain/index.js';
import { seedPageAvailable } from '../../../test/support/seed-page-fixture.js';
import { loadSeedPage, openTestSite, parse, words } from '../../../test/support/test-site.js';

for (const dialect of testDialects()) {
  test(`the seed's article page and home page on ${dialect.name}`, { skip: !seedPageAvailable() }, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const { seed, articleId, sectionSlug } = await loadSeedPage(site);
    const article = await site.minbar.services.site.article(articleId, sectionSlug, null);
    assert.equal(article.kind, 'moved');
    const canonical = article.kind === 'moved' ? articlePath({ sectionSlug, id: articleId, slug: article.slug }) : '';

    await t.test('every element of the seed page is on the article page', async () => {
      const res = await site.app.inject({ method: 'GET', url: canonical });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html; charset=utf-8/);
      const doc = parse(res.body);
      const html = doc.documentElement;
      assert.equal(html.getAttribute('lang'), 'ar');
      assert.equal(html.getAttribute('dir'), 'rtl');

      // Header: site name, مباشر, sections (أقسام مهمة), channels (أين يمكنك متابعتنا), skip link, one h1.
      assert.equal(doc.querySelector('a.skip-link')?.getAttribute('href'), '#content');
      assert.ok(doc.querySelector('main#content'));
      assert.equal(words(doc.querySelector('.masthead__name')?.textContent), 'منبر');
      const live = doc.querySelector('a[href="/live"]');
      assert.equal(words(live?.textContent), 'مباشر');
      const nav = doc.querySelector('nav[aria-label="أقسام مهمة"]');
      assert.ok(nav, 'sections navigation');
      assert.ok(nav.querySelector(`a[href="/${sectionSlug}"]`));
      const follow = [...doc.querySelectorAll('h2')].find((h) => words(h.textContent) === 'أين يمكنك متابعتنا');
      assert.ok(follow, 'follow-us heading');
      assert.ok(doc.querySelector('a[href="https://t.me/minbar_test"]'));
      assert.equal(doc.querySelectorAll('h1').length, 1);

      // Stories strip with trending chips and the live count: 49 published articles → "49 خبرًا".
      const stories = doc.querySelector('section.stories');
      assert.ok(stories);
      const chips = [...stories.querySelectorAll('.stories__chips a')].map((a) => words(a.textContent));
      assert.deepEqual(chips, seed.storyTitles.slice(0, 3).map((s) => words(s)));
      const firstCard = stories.querySelector('.story-card');
      assert.equal(words(firstCard?.querySelector('.story-card__count')?.textContent), '49 خبرًا');
      assert.ok(firstCard?.querySelector('img[alt="صورة غلاف القصة"]'));

      // The article: headline, lead, hero figure with caption and credit, body, quote, source, dates.
      const h1 = doc.querySelector('h1');
      assert.equal(words(h1?.textContent), words(seed.title));
      assert.equal(words(doc.querySelector('.article__lead')?.textContent), words(seed.lead));
      const figure = doc.querySelector('figure.article__hero');
      assert.ok(figure);
      const img = figure.querySelector('img');
      assert.equal(words(img?.getAttribute('alt')), words(seed.caption));
      assert.equal(img?.getAttribute('fetchpriority'), 'high');
      assert.ok(img?.getAttribute('width') && img.getAttribute('height'));
      assert.equal(figure.querySelectorAll('source').length, 2, 'AVIF and WebP sources');
      const caption = words(figure.querySelector('figcaption')?.textContent);
      assert.ok(caption.includes(words(seed.caption)));
      assert.equal(words(figure.querySelector('figcaption .credit bdi')?.textContent), 'Sputnik');

      const body = doc.querySelector('.article__body');
      assert.ok(body);
      const bodyText = words(body.textContent);
      for (const p of seed.paragraphs) assert.ok(bodyText.includes(words(p)), p.slice(0, 30));
      assert.ok(body.querySelector('blockquote'), 'the quote is a blockquote');
      const latin = [...body.querySelectorAll('bdi')];
      const hurriyet = latin.find((b) => b.textContent === 'Hürriyet');
      assert.ok(hurriyet, 'Hürriyet is isolated');
      assert.equal(hurriyet.getAttribute('lang'), 'en');
      assert.equal(words(doc.querySelector('.article__source')?.textContent), 'المصدر: RT');

      const times = [...doc.querySelectorAll('.article__dates time')];
      assert.ok(times.length >= 1);
      assert.match(times[0]!.getAttribute('datetime') ?? '', /^2026-11-29T11:59:00\+03:00$/);
      assert.match(words(times[0]!.textContent), /^29 نوفمبر 2026، 11:59$/);

      assert.ok(doc.querySelector('.article__stories a[href="/stories/story-1"]'));
      assert.equal(doc.querySelectorAll('.article__tags a[rel="tag"]').length, 3);

      // Comments section, then the latest headlines (the seed shows 19; Minbar shows at least 18).
      assert.equal(words(doc.querySelector('#comments-title')?.textContent?.replace(/\(.*\)/, '')), 'التعليقات');
      const headlines = [...doc.querySelectorAll('.headlines__list li a')].map((a) => words(a.textContent));
      assert.ok(headlines.length >= 18, `${headlines.length} headlines`);
      assert.deepEqual(headlines.slice(0, 19), seed.headlines.map(words));
      assert.ok(!headlines.includes(words(seed.title)), 'the article itself is not in its latest list');
    });

    await t.test('the id is authoritative: wrong or old slugs and sections redirect to the canonical URL', async () => {
      for (const url of [`/${sectionSlug}/${articleId}`, `/${sectionSlug}/${articleId}/old-slug`, `/world/${articleId}/${encodeURIComponent('عنوان')}`]) {
        const res = await site.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 301, url);
        assert.equal(res.headers.location, canonical, url);
      }
    });

    await t.test('unknown and malformed ids answer a real Arabic 404 page, never a 500', async () => {
      for (const url of ['/middle-east/999999', '/middle-east/0', '/middle-east/12abc', '/middle-east/-5/x', '/middle-east/99999999999999999999', '/no-such-page', '/MIDDLE/1', '/middle-east/1%00/x']) {
        const res = await site.app.inject({ method: 'GET', url });
        assert.equal(res.statusCode, 404, url);
        const doc = parse(res.body);
        assert.equal(doc.documentElement.getAttribute('lang'), 'ar');
        assert.equal(words(doc.querySelector('h1')?.textContent), 'الصفحة غير موجودة', url);
        assert.match(doc.querySelector('meta[name="robots"]')?.getAttribute('content') ?? '', /noindex/);
      }
    });

    await t.test('a draft is not public', async () => {
      const draft = await site.minbar.services.publishing.createArticle(
        { sectionId: 1, title: 'مسودة لم تُنشر', lead: '', body: [] },
        { status: 'draft' },
      );
      const res = await site.app.inject({ method: 'GET', url: `/${sectionSlug}/${draft}` });
      assert.equal(res.statusCode, 404);
    });

    await t.test('the home page has the stories strip with counts, the featured card and the latest headlines', async () => {
      const res = await site.app.inject({ method: 'GET', url: '/' });
      assert.equal(res.statusCode, 200);
      const doc = parse(res.body);
      assert.equal(doc.querySelectorAll('h1').length, 1);
      assert.equal(words(doc.querySelector('.lead-story .card__title')?.textContent), words(seed.title));
      const counts = [...doc.querySelectorAll('.story-card__count')].map((c) => words(c.textContent));
      assert.deepEqual(counts, ['49 خبرًا', 'لا أخبار', 'لا أخبار']);
      const featured = doc.querySelector('.featured-story');
      assert.equal(words(featured?.querySelector('h2')?.textContent), words(seed.storyTitles[0]));
      assert.equal(words(featured?.querySelector('.featured-story__count')?.textContent), '49 خبرًا');
      assert.ok(doc.querySelectorAll('.headlines__list li').length >= 18);
      assert.ok(doc.querySelector('nav[aria-label="أقسام مهمة"]'));
    });

    await t.test('responses carry a strict Content-Security-Policy and safe headers', async () => {
      const res = await site.app.inject({ method: 'GET', url: '/' });
      const csp = res.headers['content-security-policy'] as string;
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });

    await t.test('the stylesheet and fonts are served with immutable caching', async () => {
      const res = await site.app.inject({ method: 'GET', url: '/' });
      const doc = parse(res.body);
      const css = doc.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
      const cssRes = await site.app.inject({ method: 'GET', url: css });
      assert.equal(cssRes.statusCode, 200);
      assert.match(cssRes.headers['cache-control'] as string, /immutable/);
      const fonts = [...doc.querySelectorAll('link[rel="preload"][as="font"]')].map((l) => l.getAttribute('href') ?? '');
      assert.equal(fonts.length, 2, 'at most two font files on first view');
      for (const f of fonts) {
        assert.ok(cssRes.body.includes(f), 'the stylesheet names the preloaded font');
        const r = await site.app.inject({ method: 'GET', url: f });
        assert.equal(r.statusCode, 200);
        assert.equal(r.headers['content-type'], 'font/woff2');
      }
      const heroSrc = doc.querySelector('.lead-story img')?.getAttribute('src') ?? '';
      const media = await site.app.inject({ method: 'GET', url: heroSrc });
      assert.equal(media.statusCode, 200);
      assert.match(media.headers['cache-control'] as string, /immutable/);
    });
  });
}
