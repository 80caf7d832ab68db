import { test } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { testDialects } from '../db/index.js';
import { loadReaderFixture } from '../../test/support/reader-fixture.js';
import { openTestSite, parse, testPicture, type TestSite } from '../../test/support/test-site.js';
import { addNewsroomActors, deskEditor } from '../../test/support/live-fixture.js';
import { ADMISSION_KEYS, createPageCache } from './page-cache.js';
import { createPurgeBus } from '../services/index.js';

const body = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

async function get(site: TestSite, url: string, headers: Record<string, string> = {}) {
  return site.app.inject({ method: 'GET', url, headers });
}

for (const dialect of testDialects()) {
  test(`page cache and exact purges on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const fixture = await loadReaderFixture(site);
    await addNewsroomActors(site);
    const { publishing, curation } = site.minbar.services;
    const sections = await curation.sections();
    const politics = sections.find((s) => s.slug === 'politics')!.id;
    const economy = sections.find((s) => s.slug === 'economy')!.id;
    const storyId = (await curation.stories()).find((s) => s.slug === 'coastal-floods')!.id;
    const xcache = async (url: string) => (await get(site, url)).headers['x-cache'];

    await t.test('a public page is stored once and then served from memory with the same bytes and headers', async () => {
      const first = await get(site, '/politics');
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['x-cache'], 'MISS');
      const cc = String(first.headers['cache-control']);
      assert.match(cc, /^public, max-age=60, s-maxage=300, stale-while-revalidate=\d+/);
      const keys = String(first.headers['surrogate-key']).split(' ');
      assert.ok(keys.includes(`section:${politics}`) && keys.includes('chrome'), keys.join(' '));
      assert.ok(keys.includes(`article:${fixture.sectionArticleIds[0]}`), 'tagged with the articles it lists');
      const second = await get(site, '/politics');
      assert.equal(second.headers['x-cache'], 'HIT');
      assert.equal(second.body, first.body);
      assert.equal(second.headers['etag'], first.headers['etag']);
      assert.equal(second.headers['cache-control'], cc);
      assert.equal(second.headers['last-modified'], first.headers['last-modified']);
      assert.match(String(second.headers['content-security-policy']), /script-src 'self'/);
      // Compressed once for the entry; decodes to the same page.
      const br = await get(site, '/politics', { 'accept-encoding': 'gzip, br' });
      assert.equal(br.headers['x-cache'], 'HIT');
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), first.body);
      // Conditional GET on a hit.
      const notModified = await get(site, '/politics', { 'if-none-match': String(first.headers['etag']) });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
    });

    await t.test('error pages, redirects and the newsroom are never stored', async () => {
      assert.equal((await get(site, '/no-such-section')).statusCode, 404);
      const again = await get(site, '/no-such-section');
      assert.equal(again.headers['x-cache'], undefined);
      assert.equal(again.headers['cache-control'], 'no-store');
      const moved = await get(site, `/economy/${fixture.correctedArticleId}`);
      assert.equal(moved.statusCode, 301);
      assert.equal((await get(site, `/economy/${fixture.correctedArticleId}`)).headers['x-cache'], undefined);
    });

    const pages = ['/', '/latest', '/politics', '/stories/coastal-floods', '/rss.xml', '/politics/rss.xml', '/sitemaps/news.xml', '/sitemaps/articles-0.xml', '/tags/%D8%A7%D9%84%D8%A8%D8%B1%D9%84%D9%85%D8%A7%D9%86'];
    const title = 'لجنة الطوارئ تعلن فتح طرق الساحل بعد انحسار المياه';
    let newId = 0;
    let heroId = 0;
    let input: Parameters<typeof publishing.save>[2];

    await t.test('publishing an article shows it at the next request on home, section, story, tag, feeds and sitemaps', async () => {
      for (const p of pages) await get(site, p);
      for (const p of pages) assert.equal(await xcache(p), 'HIT', p);
      const storyPage = await get(site, '/stories/coastal-floods');
      // An article page lists the latest headlines, which the site service shares between pages until a purge.
      const articleUrl = String((await get(site, `/economy/${fixture.correctedArticleId}`)).headers['location']);
      assert.equal((await get(site, articleUrl)).statusCode, 200);
      const hero = await site.minbar.services.media.importImage(await testPicture(), { caption: 'طريق الساحل', alt: 'طريق الساحل بعد انحسار المياه', credit: 'منبر' });
      heroId = hero.id;
      input = { sectionId: politics, heroMediaId: hero.id, heroCredit: 'منبر', title, lead: 'أعلنت لجنة الطوارئ فتح الطرق.', body: body('فتحت الطرق صباح اليوم.'), authorIds: [], tags: ['البرلمان'], storyIds: [storyId] };
      const draft = await publishing.createDraft(deskEditor, input);
      newId = draft.id;
      // A draft is nothing readers see: nothing is purged.
      assert.equal(await xcache('/stories/coastal-floods'), 'HIT');
      await publishing.publish(deskEditor, newId);
      for (const p of pages) {
        const res = await get(site, p);
        assert.equal(res.headers['x-cache'], 'MISS', `${p} purged`);
        assert.ok(res.body.includes(title) || res.body.includes(`/${newId}/`), `${p} shows the new article`);
      }
      assert.notEqual((await get(site, '/stories/coastal-floods')).body, storyPage.body);
      const headlines = /<section class="headlines"[\s\S]*?<\/section>/.exec((await get(site, articleUrl)).body)?.[0] ?? '';
      assert.ok(headlines.includes(`/${newId}/`), 'an article page shows the new article among the latest headlines');
    });

    await t.test('an update purges the pages showing the article, not an unrelated story page', async () => {
      for (const p of pages) await get(site, p);
      await get(site, '/markets');
      // An article of the markets section, in no story: its update leaves the story page alone.
      const marketsList = await site.minbar.services.site.list('section', 'markets', { page: 1, before: null });
      const other = marketsList.articles[0]!;
      const { fields } = await publishing.forEditing(deskEditor, other.id);
      await publishing.save(deskEditor, other.id, { ...fields, type: fields.type as 'news', commentsMode: fields.commentsMode as 'open', body: [...fields.body], authorIds: [...fields.authorIds], tags: [...fields.tags], storyIds: [...fields.storyIds], heroMediaId: heroId, heroCredit: 'منبر', title: `${other.title} (محدَّث)` });
      assert.equal(await xcache('/stories/coastal-floods'), 'HIT', 'the story page does not show it');
      assert.equal(await xcache('/politics'), 'HIT');
      const marketsPage = await get(site, '/markets');
      assert.equal(marketsPage.headers['x-cache'], 'MISS');
      assert.match(marketsPage.body, /\(محدَّث\)/);
      assert.equal(await xcache('/sitemaps/articles-0.xml'), 'MISS');
    });

    await t.test('moving an article to another section purges the old section and story too', async () => {
      for (const p of ['/politics', '/economy', '/stories/coastal-floods']) await get(site, p);
      await publishing.save(deskEditor, newId, { ...input, sectionId: economy, storyIds: [] });
      for (const p of ['/politics', '/economy', '/stories/coastal-floods']) assert.equal(await xcache(p), 'MISS', p);
      assert.ok(!(await get(site, '/politics')).body.includes(title));
      assert.ok(!(await get(site, '/stories/coastal-floods')).body.includes(title));
      assert.ok((await get(site, '/economy')).body.includes(title));
    });

    await t.test('a caption or alt text edit in the media library reaches the article and the lists showing the picture', async () => {
      const articlePage = (await get(site, '/economy')).body.match(new RegExp(`href="(/economy/${newId}/[^"]+)"`))?.[1];
      assert.ok(articlePage, 'the economy page links the moved article');
      for (const p of [articlePage, '/economy', '/stories/coastal-floods']) await get(site, p);
      assert.equal(await xcache(articlePage), 'HIT');
      await site.minbar.services.media.updateMeta({ ...deskEditor, role: 'admin' }, heroId, { caption: 'طريق الساحل بعد فتحه', alt: 'سيارات تعبر طريق الساحل', credit: 'منبر', source: '' });
      const res = await get(site, articlePage);
      assert.equal(res.headers['x-cache'], 'MISS', 'the article page showing the hero is purged');
      assert.match(res.body, /طريق الساحل بعد فتحه/);
      assert.equal(await xcache('/economy'), 'MISS', 'a list whose card shows the picture is purged');
      assert.equal(await xcache('/stories/coastal-floods'), 'HIT', 'a page without the picture is kept');
    });

    await t.test('unpublishing removes the article from every page at once', async () => {
      for (const p of ['/', '/latest', '/economy', '/rss.xml']) await get(site, p);
      await publishing.unpublish(deskEditor, newId);
      for (const p of ['/', '/latest', '/economy', '/rss.xml']) {
        const res = await get(site, p);
        assert.equal(res.headers['x-cache'], 'MISS', p);
        assert.ok(!res.body.includes(title), `${p} no longer shows it`);
      }
    });

    await t.test('curation changes every page that shows the chrome', async () => {
      await get(site, '/politics');
      await get(site, fixture.pages['article'] ?? '/');
      await curation.saveChannel({ ...deskEditor, role: 'admin' }, null, { kind: 'x', label: 'إكس', url: 'https://x.com/minbar_test', position: 5 });
      const res = await get(site, '/politics');
      assert.equal(res.headers['x-cache'], 'MISS');
      assert.ok(parse(res.body).querySelector('a[href="https://x.com/minbar_test"]'));
    });
  });
}

test('the cache is bounded by bytes, evicting the least recently used page', () => {
  const cache = createPageCache({ maxBytes: 64 * 1024 });
  const page = (key: string) => ({ key, body: Buffer.alloc(6000, 'x'), etag: 'W/"x"', headers: [], tags: [`t:${key}`, 'all'], storedAt: 0, expiresAt: Infinity, meta: null });
  for (let i = 0; i < 8; i++) assert.ok(cache.set(page(`k${i}`), cache.generation));
  assert.ok(cache.get('k0'));
  for (let i = 8; i < 20; i++) {
    // Once full, a page is kept the second time it is offered (admission, below).
    if (!cache.set(page(`k${i}`), cache.generation)) assert.ok(cache.set(page(`k${i}`), cache.generation));
    cache.get('k0');
  }
  assert.ok(cache.stats().bytes <= 64 * 1024);
  assert.ok(cache.get('k0'), 'recently used survives');
  assert.equal(cache.get('k1'), undefined, 'least recently used went first');
  // A page rendered while a purge happened is not stored.
  const started = cache.generation;
  cache.purge(['t:k0']);
  assert.equal(cache.get('k0'), undefined);
  assert.equal(cache.set(page('late'), started), false);
  assert.ok(cache.purge(['all']) > 0);
  assert.equal(cache.stats().entries, 0);
});

test('a full cache admits a page the second time it is rendered: a walk through the archive does not push out the pages readers want', () => {
  const cache = createPageCache({ maxBytes: 64 * 1024 });
  const page = (key: string) => ({ key, body: Buffer.alloc(6000, 'x'), etag: 'W/"x"', headers: [], tags: ['all'], storedAt: 0, expiresAt: Infinity, meta: null });
  // While there is room, every page is stored at once.
  for (let i = 0; i < 10; i++) assert.ok(cache.set(page(`hot${i}`), cache.generation));
  const full = cache.stats();
  // Full: a thousand archive pages asked for once each are refused and change nothing.
  for (let i = 0; i < 1000; i++) assert.equal(cache.set(page(`old${i}`), cache.generation), false);
  assert.deepEqual(cache.stats(), full);
  for (let i = 0; i < 10; i++) assert.ok(cache.get(`hot${i}`), `hot${i} is still there`);
  // A page asked for again is stored (the least recently used makes room), and a stored page is replaced at once.
  assert.ok(cache.set(page('old999'), cache.generation));
  assert.ok(cache.get('old999'));
  assert.ok(cache.set(page('old999'), cache.generation));
  assert.ok(cache.stats().bytes <= 64 * 1024);
  // Refusals are remembered for the last ADMISSION_KEYS pages only.
  const other = createPageCache({ maxBytes: 64 * 1024 });
  for (let i = 0; i < 10; i++) other.set(page(`hot${i}`), other.generation);
  assert.equal(other.set(page('again'), other.generation), false);
  for (let i = 0; i < ADMISSION_KEYS; i++) assert.equal(other.set(page(`walk${i}`), other.generation), false);
  assert.equal(other.set(page('again'), other.generation), false, 'forgotten after a long walk');
  assert.ok(other.set(page('again'), other.generation), 'and admitted when asked for once more');
});

test('purges reach a CDN or proxy through the purge webhook (a real local HTTP server)', async (t) => {
  const calls: Array<{ method: string; keys: string; body: unknown }> = [];
  const server = createServer((req: IncomingMessage, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', keys: String(req.headers['surrogate-key'] ?? ''), body: JSON.parse(data) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => new Promise<void>((r) => server.close(() => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`;
  const bus = createPurgeBus({ webhookUrls: [url] });
  const seen: string[][] = [];
  bus.subscribe((tags) => seen.push([...tags]));
  bus.purge(['article:7', 'section:2']);
  bus.purge(['home', 'article:7']);
  assert.deepEqual(seen, [['article:7', 'section:2'], ['home', 'article:7']], 'this instance at once');
  await bus.settled();
  assert.equal(calls.length, 1, 'purges of one moment go out together');
  assert.equal(calls[0]!.method, 'POST');
  assert.deepEqual(calls[0]!.body, { keys: ['article:7', 'section:2', 'home'] });
  assert.equal(calls[0]!.keys, 'article:7 section:2 home');
  await bus.close();
});
