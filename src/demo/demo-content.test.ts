// Checks the demo outlet's content: unique keys, references that resolve, Arabic text, complete images, sane times, story counts.
// Knows only the demo data modules and their types; nothing of the database, the seed or the views.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { demoArticlesA } from './demo-articles-a.js';
import { demoAuthors, demoChannels, demoComments, demoOutlet, demoSections, demoStories } from './demo-outlet.js';
import type { DemoArticle, DemoBodyBlock, DemoImage } from './demo-types.js';

const ARABIC = /[\u0600-\u06FF]/;
const sectionSlugs = new Set(demoSections.map((s) => s.slug));
const authorSlugs = new Set(demoAuthors.map((a) => a.slug));
const storySlugs = new Set(demoStories.map((s) => s.slug));

/** Articles 31–60 are written in parallel; until that file exists only articles 1–30 are checked. */
async function loadArticlesB(): Promise<readonly DemoArticle[] | undefined> {
  // A specifier held in a variable keeps tsc from resolving a file that may not exist yet.
  const specifier = './demo-articles-b.js';
  try {
    const mod = (await import(specifier)) as { demoArticlesB?: readonly DemoArticle[] };
    assert.ok(Array.isArray(mod.demoArticlesB), 'demo-articles-b.ts must export the array demoArticlesB');
    return mod.demoArticlesB;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'ERR_MODULE_NOT_FOUND' && (e.message ?? '').includes('demo-articles-b')) return undefined;
    throw err;
  }
}

async function allArticles(): Promise<readonly DemoArticle[]> {
  return [...demoArticlesA, ...((await loadArticlesB()) ?? [])];
}

function isArabic(text: string): boolean {
  return text.trim().length > 0 && ARABIC.test(text);
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function blockText(block: DemoBodyBlock): string {
  if (typeof block === 'string') return block;
  if ('quote' in block) return block.quote;
  if ('heading' in block) return block.heading;
  return block.list.join(' ');
}

function countStories(articles: readonly DemoArticle[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of articles) for (const s of a.stories) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

function checkImage(image: DemoImage, where: string): void {
  assert.ok(isArabic(image.caption), `${where}: caption must be Arabic text`);
  assert.ok(isArabic(image.alt), `${where}: alt must be Arabic text`);
  assert.ok(isArabic(image.credit), `${where}: credit must be Arabic text`);
  const { palette, seed } = image.art;
  assert.ok(Number.isInteger(palette) && palette >= 0 && palette <= 11, `${where}: palette ${palette} out of 0..11`);
  assert.ok(Number.isInteger(seed), `${where}: seed must be an integer`);
}

function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const v of values) {
    assert.ok(!seen.has(v), `duplicate ${what}: ${v}`);
    seen.add(v);
  }
}

test('the outlet, its sections, authors, stories and channels are well formed', () => {
  assert.equal(demoOutlet.name, 'منبر الأخبار');
  assert.ok(isArabic(demoOutlet.tagline) && isArabic(demoOutlet.description));

  assertUnique(demoSections.map((s) => s.slug), 'section slug');
  demoSections.forEach((section, i) => {
    assert.ok(isArabic(section.name) && isArabic(section.description), `section ${section.slug}`);
    if (section.parent !== undefined) {
      const parentIndex = demoSections.findIndex((s) => s.slug === section.parent);
      assert.ok(parentIndex >= 0 && parentIndex < i, `section ${section.slug}: parent must be listed before it`);
    }
  });

  assertUnique(demoAuthors.map((a) => a.slug), 'author slug');
  for (const author of demoAuthors) assert.ok(isArabic(author.name) && isArabic(author.bio), `author ${author.slug}`);

  assertUnique(demoStories.map((s) => s.slug), 'story slug');
  for (const story of demoStories) {
    assert.ok(isArabic(story.title) && isArabic(story.description), `story ${story.slug}`);
    checkImage(story.cover, `story ${story.slug}`);
  }
  const trending = demoStories.flatMap((s) => (s.trending === null ? [] : [s.trending])).sort((a, b) => a - b);
  assert.deepEqual(trending, trending.map((_, i) => i + 1), 'trending positions run 1, 2, 3 … without gaps');

  assertUnique(demoChannels.map((c) => c.kind), 'channel kind');
  for (const channel of demoChannels) {
    assert.ok(isArabic(channel.label), `channel ${channel.kind}: label must be Arabic`);
    assert.match(channel.url, /^(https:\/\/|\/)/, `channel ${channel.kind}: url`);
  }
});

test('every article has a unique key and references that exist', async () => {
  const articles = await allArticles();
  assertUnique(articles.map((a) => a.key), 'article key');
  for (const a of articles) {
    assert.ok(sectionSlugs.has(a.section), `${a.key}: unknown section ${a.section}`);
    assert.ok(a.authors.length > 0, `${a.key}: needs an author`);
    for (const author of a.authors) assert.ok(authorSlugs.has(author), `${a.key}: unknown author ${author}`);
    for (const story of a.stories) assert.ok(storySlugs.has(story), `${a.key}: unknown story ${story}`);
    assertUnique(a.tags, `tag in ${a.key}`);
  }
});

test('every article has Arabic title, lead and body, and a complete hero image', async () => {
  for (const a of await allArticles()) {
    assert.ok(isArabic(a.title), `${a.key}: title`);
    assert.ok(isArabic(a.lead), `${a.key}: lead`);
    assert.ok(a.body.length > 0, `${a.key}: body`);
    for (const block of a.body) assert.ok(isArabic(blockText(block)), `${a.key}: empty or non-Arabic body block`);
    checkImage(a.hero, `${a.key} hero`);
    if (a.correction !== undefined) assert.ok(isArabic(a.correction), `${a.key}: correction`);
  }
});

test('an article is updated after it is published', async () => {
  for (const a of await allArticles()) {
    assert.ok(a.hoursAgo > 0, `${a.key}: hoursAgo must be positive`);
    if (a.updatedHoursAgo !== undefined) {
      assert.ok(a.updatedHoursAgo > 0, `${a.key}: updatedHoursAgo must be positive`);
      assert.ok(a.hoursAgo > a.updatedHoursAgo, `${a.key}: updated (${a.updatedHoursAgo} h ago) before published (${a.hoursAgo} h ago)`);
    }
  }
});

test('every comment is Arabic and written after its article', async () => {
  const byKey = new Map((await allArticles()).map((a) => [a.key, a]));
  for (const c of demoComments) {
    const article = byKey.get(c.article);
    assert.ok(article, `comment by ${c.name}: unknown article ${c.article}`);
    assert.ok(isArabic(c.name) && isArabic(c.body), `comment by ${c.name}`);
    assert.ok(c.hoursAgo > 0 && c.hoursAgo < article.hoursAgo, `comment by ${c.name} predates article ${c.article}`);
  }
});

test('articles a01–a30 keep the shape the demo relies on', () => {
  const a = demoArticlesA;
  assert.deepEqual(a.map((x) => x.key), Array.from({ length: 30 }, (_, i) => `a${String(i + 1).padStart(2, '0')}`));
  assert.deepEqual(Object.fromEntries(countStories(a)), {
    'coastal-floods': 12,
    'city-elections': 6,
    'youth-cup': 4,
    'capital-metro': 2,
    'book-fair': 1,
    'ai-classrooms': 1,
  });
  for (const slug of sectionSlugs) {
    assert.ok(a.filter((x) => x.section === slug).length >= 2, `section ${slug} needs at least two articles`);
  }
  const opinion = a.filter((x) => x.type === 'opinion');
  assert.equal(opinion.length, 3);
  for (const x of opinion) assert.equal(x.section, 'opinion', `${x.key}: opinion pieces live in the opinion section`);
  for (const x of a.filter((y) => y.section === 'football')) assert.ok(x.stories.includes('youth-cup'), `${x.key}: football belongs to youth-cup`);
  assert.ok(a.filter((x) => x.hoursAgo < 48).length >= 8, 'at least eight articles from the last two days');
  assert.ok(a.some((x) => x.correction !== undefined), 'one article carries a correction');
  for (const x of a) {
    assert.ok(x.tags.length >= 3 && x.tags.length <= 5, `${x.key}: 3–5 tags`);
    assert.ok(words(x.title) >= 8 && words(x.title) <= 16, `${x.key}: headline of 8–16 words`);
    const bodyWords = x.body.filter((b) => typeof b !== 'object' || !('heading' in b)).reduce((n, b) => n + words(blockText(b)), 0);
    assert.ok(bodyWords >= 150 && bodyWords <= 300, `${x.key}: body of ${bodyWords} words, expected 150–300`);
  }
});

test('with articles 31–60, the demo has 60 articles and the agreed story counts', async (t: TestContext) => {
  const b = await loadArticlesB();
  if (b === undefined) {
    t.skip('demo-articles-b.ts does not exist yet');
    return;
  }
  const articles = [...demoArticlesA, ...b];
  assert.ok(articles.length >= 60, `expected at least 60 articles, found ${articles.length}`);
  const counts = countStories(articles);
  const expected: Record<string, number> = {
    'coastal-floods': 23,
    'city-elections': 12,
    'youth-cup': 7,
    'capital-metro': 4,
    'book-fair': 2,
    'ai-classrooms': 1,
  };
  for (const [slug, n] of Object.entries(expected)) assert.equal(counts.get(slug) ?? 0, n, `story ${slug}`);
});
