// In-process timing of the site service's page data at one archive size: the database work behind each
// page without HTTP or rendering, median of repeated calls — finds the list query that grows with the archive.
// Usage: node --import tsx bench/site-queries.ts --database-url sqlite:/work/bench-data/site-1m.sqlite [--repeat 20] [--explain] [--sitemaps] [--only NAME-PART]
// --explain prints, for each page, every query it makes with its time and (SQLite) its EXPLAIN QUERY PLAN.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { CompiledQuery, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { openDatabase } from '../src/db/index.js';
import { loadConfig } from '../src/config/index.js';
import { createSiteService } from '../src/services/index.js';

/** Records each query's SQL, parameters and time (from compilation to result). */
class QueryLog implements KyselyPlugin {
  readonly entries: Array<{ sql: string; parameters: readonly unknown[]; ms: number }> = [];
  private readonly started = new WeakMap<object, { sql: string; parameters: readonly unknown[]; t0: number }>();
  constructor(private readonly compile: (node: RootOperationNode) => { sql: string; parameters: readonly unknown[] }) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const c = this.compile(args.node);
    this.started.set(args.queryId, { ...c, t0: performance.now() });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const s = this.started.get(args.queryId);
    if (s) this.entries.push({ sql: s.sql, parameters: s.parameters, ms: performance.now() - s.t0 });
    return args.result;
  }
}

const { values } = parseArgs({
  options: { 'database-url': { type: 'string' }, repeat: { type: 'string', default: '20' }, explain: { type: 'boolean', default: false }, sitemaps: { type: 'boolean', default: false }, only: { type: 'string' } },
});
const h = openDatabase(loadConfig({ DATABASE_URL: values['database-url'] }).database);
await h.migrate();
const log = new QueryLog((node) => h.db.getExecutor().compileQuery(node, { queryId: '' } as never));
const site = createSiteService({ db: values.explain ? h.db.withPlugin(log) : h.db });
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
];
if (values.sitemaps) {
  // The sitemap index, every kind of sitemap file (the fullest article bucket, the first tag bucket), and the news sitemap.
  const index = await site.sitemapIndex();
  const fullest = index.articleBuckets.reduce((a, b) => (b.count >= a.count ? b : a), { bucket: 0, count: 0 }).bucket;
  ops.push(
    ['sitemap index', () => site.sitemapIndex()],
    [`sitemap articles-${fullest}`, () => site.sitemapArticles(fullest)],
    ['sitemap tags-0', () => site.sitemapTags(0)],
    ['sitemap pages', () => site.sitemapPages()],
    ['sitemap news', () => site.newsSitemap()],
  );
}
console.log(`${values['database-url']} · load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, op] of ops) {
  if (values.only && !name.includes(values.only)) continue;
  await op();
  if (values.explain) {
    log.entries.length = 0;
    await op();
    console.log(`\n## ${name}`);
    for (const e of log.entries) {
      console.log(`${e.ms.toFixed(2).padStart(9)} ms  ${e.sql.replace(/\s+/g, ' ').slice(0, 400)}  ${JSON.stringify(e.parameters).slice(0, 200)}`);
      const prefix = h.caps.triggers === 'sqlite' ? 'explain query plan ' : 'explain ';
      const plan = await h.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + e.sql, [...e.parameters])).catch(() => null);
      for (const row of plan?.rows ?? []) console.log(`             ${String(row['detail'] ?? row['QUERY PLAN'] ?? JSON.stringify(row))}`);
    }
    continue;
  }
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
