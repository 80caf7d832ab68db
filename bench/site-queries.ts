// In-process timing of the site service's page data at one archive size: the database work behind each
// page without HTTP or rendering, median of repeated calls — finds the list query that grows with the archive.
// Usage: node --import tsx bench/site-queries.ts --database-url sqlite:.bench-data/sqlite-1m/minbar.db [--repeat 20]
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/index.js';
import { loadConfig } from '../src/config/index.js';
import { createSiteService } from '../src/services/index.js';

const { values } = parseArgs({ options: { 'database-url': { type: 'string' }, repeat: { type: 'string', default: '20' } } });
const h = openDatabase(loadConfig({ DATABASE_URL: values['database-url'] }).database);
await h.migrate();
const site = createSiteService({ db: h.db });
const repeat = Number(values.repeat);
const home = await site.home();
const story = home.stories[0]!;
const small = (await h.db.selectFrom('stories').select('slug').orderBy('published_articles').limit(1).executeTakeFirstOrThrow()).slug;
const lead = home.latest[0]!;
const old = await h.db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id').select(['a.id', 'a.slug', 's.slug as section']).where('a.status', '=', 'published').orderBy('a.id').limit(1).offset(1000).executeTakeFirstOrThrow();
const ops: Array<[string, () => Promise<unknown>]> = [
  ['home', () => site.home()],
  ['chrome', () => site.chrome()],
  ['section page 1', () => site.list('section', 'economy', { page: 1, before: null })],
  [`story page 1 (${story.articleCount} articles)`, () => site.list('story', story.slug, { page: 1, before: null })],
  ['story page 1 (smallest story)', () => site.list('story', small, { page: 1, before: null })],
  ['latest page 1', () => site.list('latest', '', { page: 1, before: null })],
  ['article (newest)', () => site.article(lead.id, lead.sectionSlug, lead.slug)],
  ['article (old)', () => site.article(old.id, old.section, old.slug)],
  ['rss', () => site.feed('latest', '')],
  ['sitemap index', () => site.sitemapIndex()],
];
console.log(`${values['database-url']} · load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, op] of ops) {
  await op();
  const t: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await op();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  console.log(`${name.padEnd(36)} median ${t[Math.floor(t.length / 2)]!.toFixed(2)} ms  max ${t.at(-1)!.toFixed(2)} ms`);
}
await h.close();
