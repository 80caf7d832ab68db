// Quality gate for machines: JSON-LD parsed and asserted field by field on every page type; the news
// sitemap, the sitemap index and the URL sets validated by xmllint against the XSDs in schemas/; the
// RSS feeds read by rss-parser with our own checks of the elements RSS 2.0 readers rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Parser from 'rss-parser';
import { parse } from '../support/test-site.js';
import { openQualitySite } from './quality-site.js';

const run = promisify(execFile);
const SCHEMA = join(process.cwd(), 'test', 'quality', 'schemas', 'sitemap.xsd');
type Json = Record<string, unknown> & { '@type'?: string };

async function xmllintAvailable(): Promise<boolean> {
  try {
    await run('xmllint', ['--version']);
    return true;
  } catch {
    return false;
  }
}

test('structured data, sitemaps and feeds read by machines', async (t) => {
  const q = await openQualitySite();
  t.after(() => q.close());
  const base = q.site.minbar.config.publicUrl;
  const get = (url: string) => q.site.app.inject({ method: 'GET', url });
  const jsonLd = async (path: string): Promise<Json[]> => {
    const res = await get(path);
    assert.equal(res.statusCode, 200, path);
    const scripts = [...parse(res.body).querySelectorAll('script[type="application/ld+json"]')];
    assert.ok(!/<\/script>[^]*<\/script>/.test(scripts.map((s) => s.textContent).join('')));
    return scripts.map((s) => JSON.parse(s.textContent ?? '') as Json);
  };
  const ofType = (all: Json[], type: string) => {
    const found = all.find((j) => j['@type'] === type);
    assert.ok(found, `${type} in ${all.map((j) => j['@type']).join(', ')}`);
    assert.equal(found['@context'], 'https://schema.org');
    return found;
  };
  const isIso = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/.test(v);

  await t.test('NewsArticle: headline, three image ratios, dates, authors, publisher with logo, language, section, free', async () => {
    const all = await jsonLd(q.fixture.pages['article']!);
    const a = ofType(all, 'NewsArticle');
    assert.equal(a['headline'], 'الحكومة تقرّ موازنة العام المقبل بعجز أقل من المتوقع');
    const images = a['image'] as string[];
    assert.deepEqual(images.map((u) => u.split('/').slice(-2).join('/')), ['16x9/1200.jpg', '4x3/1200.jpg', '1x1/1200.jpg']);
    for (const url of images) assert.equal((await get(url.slice(base.length))).statusCode, 200, url);
    assert.ok(isIso(a['datePublished']) && isIso(a['dateModified']));
    assert.ok(String(a['dateModified']) > String(a['datePublished']));
    const authors = a['author'] as Json[];
    assert.deepEqual(authors.map((x) => [x['@type'], x['name']]), [['Person', 'سلمى الراشد'], ['Organization', 'غرفة أخبار منبر']]);
    const publisher = a['publisher'] as Json;
    assert.equal(publisher['@type'], 'NewsMediaOrganization');
    assert.equal(publisher['name'], 'منبر');
    const logo = publisher['logo'] as Json;
    assert.equal(logo['@type'], 'ImageObject');
    const logoRes = await get(String(logo['url']).slice(base.length));
    assert.equal(logoRes.headers['content-type'], 'image/png');
    assert.equal(a['inLanguage'], 'ar');
    assert.equal(a['articleSection'], 'اقتصاد');
    assert.equal(a['isAccessibleForFree'], true);
    assert.equal((a['mainEntityOfPage'] as Json)['@id'], `${base}${q.fixture.pages['article']}`);
    const crumbs = ofType(all, 'BreadcrumbList')['itemListElement'] as Json[];
    assert.deepEqual(crumbs.map((c) => c['name']), ['الرئيسية', 'اقتصاد', a['headline']]);
    assert.deepEqual(crumbs.map((c) => c['position']), [1, 2, 3]);
  });

  await t.test('VideoObject on the video article: name, thumbnails, upload date, ISO duration, content URL', async () => {
    const all = await jsonLd(q.fixture.pages['video']!);
    ofType(all, 'NewsArticle');
    const v = ofType(all, 'VideoObject');
    assert.equal(v['name'], 'فيديو: السيول تغمر شوارع الريحان');
    assert.equal((v['thumbnailUrl'] as string[]).length, 3);
    assert.ok(isIso(v['uploadDate']));
    assert.equal(v['duration'], 'PT1M35S');
    assert.match(String(v['contentUrl']), /^http:\/\/localhost:3000\/media\/.+\.mp4$/);
    assert.ok(v['description']);
  });

  await t.test('CollectionPage with ItemList and BreadcrumbList on every list page; WebSite on the home page', async () => {
    for (const name of ['home', 'section', 'sectionPage2', 'subsection', 'story', 'tag', 'author', 'latest']) {
      const all = await jsonLd(q.fixture.pages[name]!);
      const page = ofType(all, 'CollectionPage');
      const list = page['mainEntity'] as Json;
      assert.equal(list['@type'], 'ItemList', name);
      const items = list['itemListElement'] as Json[];
      assert.ok(items.length > 0, name);
      assert.equal(list['numberOfItems'], items.length);
      assert.ok(items.every((it, i) => it['position'] === i + 1 && String(it['url']).startsWith(`${base}/`)), name);
      assert.equal(page['inLanguage'], 'ar');
      if (name === 'home') {
        const site = ofType(all, 'WebSite');
        assert.equal((site['potentialAction'] as Json)['@type'], 'SearchAction');
      } else {
        assert.ok((ofType(all, 'BreadcrumbList')['itemListElement'] as Json[]).length >= 2, name);
      }
    }
    const staticPage = await jsonLd(q.fixture.pages['staticPage']!);
    ofType(staticPage, 'WebPage');
    ofType(staticPage, 'BreadcrumbList');
  });

  await t.test('the news sitemap, the index and the URL sets validate against the sitemap XSDs', { skip: !(await xmllintAvailable()) && 'xmllint is not installed' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minbar-xsd-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const files: string[] = [];
    for (const path of ['/sitemaps/news.xml', '/sitemap.xml', '/sitemaps/pages.xml', '/sitemaps/articles-0.xml']) {
      const file = join(dir, path.replace(/\//g, '_'));
      writeFileSync(file, (await get(path)).body);
      files.push(file);
    }
    const { stderr } = await run('xmllint', ['--noout', '--schema', SCHEMA, ...files]);
    for (const f of files) assert.match(stderr, new RegExp(`${f.split('/').pop()!.replace(/[.]/g, '\\.')} validates`));
    const news = (await get('/sitemaps/news.xml')).body;
    const urls = news.match(/<url>/g) ?? [];
    assert.ok(urls.length > 0 && urls.length <= 1000);
  });

  await t.test('RSS 2.0 feeds read by rss-parser: channel, self link, items with guid, RFC 822 date and enclosure', async () => {
    const parser = new Parser({ customFields: { feed: ['atom:link' as never] } });
    for (const path of ['/rss.xml', '/politics/rss.xml', `/stories/${q.fixture.storySlug}/rss.xml`]) {
      const body = (await get(path)).body;
      const feed = await parser.parseString(body);
      assert.ok(feed.title && feed.link && feed.description !== undefined, path);
      assert.match(body, /<rss version="2\.0"/);
      assert.ok(body.includes(`<atom:link href="${base}${path}" rel="self" type="application/rss+xml"/>`), path);
      for (const item of feed.items) {
        assert.ok(item.title && item.link && item.guid, path);
        assert.ok(!Number.isNaN(Date.parse(item.pubDate ?? '')), path);
      }
      assert.ok(feed.items.some((i) => i.enclosure?.url?.startsWith(`${base}/media/`)), path);
    }
  });
});
