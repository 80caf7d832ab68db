// `npm run bench:search`: imports the generated archive (.bench-data/articles-100k.jsonl, made by
// bench/search-generate.ts) through `minbar import`'s service into a fresh SQLite file and/or PostgreSQL
// database, then measures the index size and query latency (p50/p95) of two-word and other queries.
// Usage: node --import tsx bench/search-bench.ts [--dialect sqlite|postgres|both] [--docs N] [--queries N] [--reuse]
//   [--kinds "one word,prefix"] (default every kind: two words, one word, three words, phrase, prefix)
// Where: BENCH_DATA_DIR (default .bench-data: the .jsonl, the SQLite file search-bench-100k.sqlite, result JSON),
// BENCH_DATABASE_URL (server, default local) and BENCH_PG_DATABASE (default minbar_search_bench).
import { createReadStream, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type DatabaseHandle } from '../src/db/index.js';
import { createImportService, createSearchService, systemClock, type ArticleHooks } from '../src/services/index.js';
import { isStopword, tokenize } from '../src/text/index.js';
import { readerSpelling, seeded } from '../eval/search-evaluation.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const dialects = arg('dialect', 'both') === 'both' ? ['sqlite', 'postgres'] : [arg('dialect', 'sqlite')];
const docs = Number(arg('docs', '100000'));
const queryCount = Number(arg('queries', '300'));
const dataDir = process.env['BENCH_DATA_DIR'] ?? join(import.meta.dirname, '..', '.bench-data');
const source = join(dataDir, 'articles-100k.jsonl');
const pgUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pgDatabase = process.env['BENCH_PG_DATABASE'] ?? 'minbar_search_bench';
if (!/^[a-z_][a-z0-9_]*$/.test(pgDatabase)) throw new Error(`BENCH_PG_DATABASE: ${pgDatabase} is not a plain database name`);
/** Measure queries on the database the last run imported, without importing again. */
const reuse = process.argv.includes('--reuse');

if (!existsSync(source)) {
  console.error(`${source} is missing: run node --import tsx bench/search-generate.ts first.`);
  process.exit(1);
}

async function* firstLines(n: number): AsyncGenerator<string> {
  let i = 0;
  for await (const line of createInterface({ input: createReadStream(source, 'utf8'), crlfDelay: Infinity })) {
    if (i++ >= n) break;
    yield line;
  }
}

/** Query sets drawn from the archive's own titles, as a reader would type them. */
async function querySets(n: number) {
  const titles: string[] = [];
  for await (const line of firstLines(Math.min(docs, 30_000))) titles.push((JSON.parse(line) as { title: string }).title);
  const random = seeded(42);
  const sets: Record<string, string[]> = { 'two words': [], 'one word': [], 'three words': [], phrase: [], prefix: [] };
  while (sets['two words']!.length < n) {
    const title = titles[Math.floor(random() * titles.length)]!;
    const words = tokenize(title).filter((t) => !isStopword(t.norm) && t.norm.length >= 3 && /^\p{Script=Arabic}+$/u.test(t.norm));
    if (words.length < 3) continue;
    const start = Math.floor(random() * (words.length - 2));
    const w = words.slice(start, start + 3).map((t) => readerSpelling(title.slice(t.start, t.end)));
    sets['two words']!.push(`${w[0]} ${w[1]}`);
    sets['one word']!.push(w[0]!);
    sets['three words']!.push(w.join(' '));
    sets['phrase']!.push(`"${w[0]} ${w[1]}"`);
    // A word's first letters (at least 3, at most 4 after an ال), as a reader types ahead.
    const head = w[0]!.startsWith('ال') ? w[0]!.slice(0, 6) : w[0]!.slice(0, 4);
    sets['prefix']!.push(`${head.slice(0, Math.max(3, head.length - 1))}*`);
  }
  return sets;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function open(dialect: string): Promise<{ handle: DatabaseHandle; fileBytes: () => number }> {
  if (dialect === 'sqlite') {
    const path = join(dataDir, `search-bench-${docs / 1000}k.sqlite`);
    if (!reuse) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    const handle = openDatabase({ kind: 'sqlite', url: `sqlite:${path}`, sqlitePath: path });
    await handle.migrate();
    return { handle, fileBytes: () => statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0) };
  }
  if (!reuse) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${pgDatabase} with (force)`);
    await admin.query(`create database ${pgDatabase}`);
    await admin.end();
  }
  const url = new URL(pgUrl);
  url.pathname = `/${pgDatabase}`;
  const handle = openDatabase({ kind: 'postgres', url: url.toString(), sqlitePath: null }, { poolSize: 4 });
  await handle.migrate();
  return { handle, fileBytes: () => 0 };
}

const results: Record<string, unknown>[] = [];
const sets = await querySets(queryCount);
for (const dialect of dialects) {
  const { handle, fileBytes } = await open(dialect);
  const search = createSearchService({ db: handle.db, caps: handle.caps, clock: systemClock });
  const hooks: ArticleHooks = { inTransaction: [search.indexArticle], inTransactionMany: [search.indexArticles], afterCommit: [] };
  const imports = createImportService({ db: handle.db, clock: systemClock, hooks, batchSize: 500 });
  const started = Date.now();
  let last = started;
  const previous = join(dataDir, `search-bench-${dialect}-${docs}.json`);
  const report = reuse
    ? { imported: (JSON.parse(readFileSync(previous, 'utf8')) as { articles: number }).articles, errors: [] }
    : await imports.importLines(firstLines(docs), (r) => {
    if (Date.now() - last > 30_000) {
      last = Date.now();
      console.error(`${dialect}: ${r.lines} lines, ${((r.lines / (Date.now() - started)) * 1000).toFixed(0)} articles/s`);
    }
  });
  const importSeconds = reuse ? (JSON.parse(readFileSync(previous, 'utf8')) as { importSeconds: number }).importSeconds : (Date.now() - started) / 1000;
  if (dialect === 'postgres' && !reuse) await sql`vacuum analyze`.execute(handle.db);
  if (!reuse) writeFileSync(previous, JSON.stringify({ articles: report.imported, importSeconds }));
  const indexBytes = await search.storageBytes();
  const latency: Record<string, Record<string, number>> = {};
  const loadBefore = loadavg()[0]!.toFixed(2);
  const kinds = arg('kinds', '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const [kind, queries] of Object.entries(sets)) {
    if (kinds.length > 0 && !kinds.includes(kind)) continue;
    for (const q of queries.slice(0, 20)) await search.search({ q }); // warm-up
    const times: number[] = [];
    let hits = 0;
    for (const q of queries) {
      const t = performance.now();
      const r = await search.search({ q });
      times.push(performance.now() - t);
      hits += r.total;
    }
    times.sort((a, b) => a - b);
    latency[kind] = {
      p50: +percentile(times, 50).toFixed(1),
      p95: +percentile(times, 95).toFixed(1),
      p99: +percentile(times, 99).toFixed(1),
      meanHits: Math.round(hits / queries.length),
    };
  }
  const result = {
    dialect,
    articles: report.imported,
    rejected: report.errors.length,
    importSeconds: +importSeconds.toFixed(1),
    articlesPerSecond: Math.round(report.imported / importSeconds),
    indexMiB: +(indexBytes / 1_048_576).toFixed(1),
    databaseFileMiB: dialect === 'sqlite' ? +(fileBytes() / 1_048_576).toFixed(1) : null,
    latencyMs: latency,
    loadAverage: `${loadBefore} → ${loadavg()[0]!.toFixed(2)} (1 min, before → after the queries)`,
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    date: new Date().toISOString().slice(0, 10),
  };
  results.push(result);
  console.log(JSON.stringify(result, null, 2));
  writeFileSync(join(dataDir, `search-bench-${dialect}-${docs}.json`), JSON.stringify(result, null, 2));
  await handle.close();
}

// One line per engine and query kind, to paste into BENCHMARKS.md (with the load average, which this run shares).
console.log(`\nload average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log('| engine | query kind | p50 / p95 / p99 ms | mean hits |');
for (const r of results) {
  for (const [kind, l] of Object.entries(r['latencyMs'] as Record<string, Record<string, number>>)) {
    console.log(`| ${String(r['dialect'])} | ${kind} | ${l['p50']} / ${l['p95']} / ${l['p99']} | ${l['meanHits']} |`);
  }
}
