// Site benchmark at scale (issue 8): the real server in a child process over a generated archive
// (`minbar bench:data`), autocannon on loopback, bounded in time; the article page from cache and
// without (distinct article URLs), home, section, story, search, RSS, sitemaps and a comment submit,
// beside a ceiling run — a bare Node `http` server sending the article page's exact bytes — in the same
// run, so ratios compare like with like. Records the server's RSS under load. Writes
// .bench-data/results/<db>-<size>.json; `--report` prints every result found as Markdown.
// Usage: npm run bench:site -- --articles 1000000 --db sqlite [--connections 50] [--seconds 10] [--only home,section]
//        npm run bench:site -- --articles 1000000 --database-url sqlite:/work/bench-data/site-1m.sqlite --env PAGE_CACHE_MB=0 --tag nocache --only home,section,story
//        npm run bench:site -- --report
// With --env PAGE_CACHE_MB=0 every request takes the database path. After a run, and in --report, the list
// pages at the largest archive are compared with the smallest run of the same database and tag.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { openDatabase } from '../src/db/index.js';
import { loadConfig } from '../src/config/index.js';
import { ROOT, machine, startServer, type Server } from './support.js';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    db: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    port: { type: 'string', default: '3911' },
    only: { type: 'string' },
    env: { type: 'string', multiple: true, default: [] },
    tag: { type: 'string', default: '' },
    report: { type: 'boolean', default: false },
  },
});

const RESULTS = join(ROOT, '.bench-data', 'results');
mkdirSync(RESULTS, { recursive: true });

interface Row {
  readonly scenario: string;
  readonly url: string;
  readonly connections: number;
  readonly requestsPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly bad: number;
  readonly errors: number;
  readonly bytesPerReq: number;
  readonly rssMaxMb: number;
}

interface RunFile {
  readonly date: string;
  readonly machine: string;
  readonly db: string;
  readonly articles: number;
  readonly tag: string;
  readonly loadBefore: number[];
  readonly loadAfter: number[];
  readonly rows: Row[];
}

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}m` : `${n / 1000}k`);

if (values.report) {
  report();
  process.exit(0);
}

const articles = Number(values.articles);
const db = values.db === 'postgres' || values.db === 'pg' ? 'postgres' : 'sqlite';
const size = label(articles);
const dataDir = join(ROOT, '.bench-data', `${db}-${size}`);
const databaseUrl = values['database-url'] ?? (db === 'postgres' ? `postgres://postgres@127.0.0.1:5432/minbar_bench_${size}` : `sqlite:${join(dataDir, 'minbar.db')}`);
const sqliteFile = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : null;
if (db === 'sqlite' && sqliteFile !== null && !existsSync(sqliteFile)) {
  console.error(`No archive at ${dataDir}: run  npm run bench:data -- --articles ${articles} --database-url ${databaseUrl}`);
  process.exit(66);
}
mkdirSync(dataDir, { recursive: true });
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const only = values.only ? new Set(values.only.split(',')) : null;
const extraEnv = Object.fromEntries(values.env.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

// Guests may comment (so the submit scenario needs no account); everything else as generated.
{
  const h = openDatabase(loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }).database);
  const n = Number((await h.db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  if (n < articles) {
    console.error(`${databaseUrl} holds ${n} articles, fewer than ${articles}: run npm run bench:data first.`);
    process.exit(66);
  }
  await h.db.updateTable('comment_settings').set({ guests_allowed: 1, premoderate_first: 0 }).where('scope', '=', 'site').execute();
  await h.close();
}

/** One raw GET without Accept-Encoding (as autocannon sends it): status, headers and body bytes. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[]>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string | string[]>, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The server's resident set size, sampled every 200 ms while a run lasts. */
function rssSampler(pid: number) {
  let max = 0;
  const read = () => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      max = Math.max(max, Math.round(kb / 1024));
    } catch {
      // process gone
    }
  };
  const timer = setInterval(read, 200);
  return {
    stop() {
      clearInterval(timer);
      read();
      return max;
    },
  };
}

type Scenario = {
  readonly name: string;
  readonly url: string;
  readonly connections?: number;
  readonly expect: number;
  readonly options?: Partial<autocannon.Options>;
};

let forwarded = 0;
const nextAddress = () => {
  forwarded++;
  return `10.${(forwarded >> 16) & 255}.${(forwarded >> 8) & 255}.${forwarded & 255}`;
};

async function measure(pid: number, s: Scenario): Promise<Row> {
  const base = { url: s.url, connections: s.connections ?? connections, ...s.options } as autocannon.Options;
  await autocannon({ ...base, connections: Math.min(10, base.connections ?? 10), duration: Number(values.warmup) });
  const sampler = rssSampler(pid);
  const r = await autocannon({ ...base, duration: seconds });
  const rssMaxMb = sampler.stop();
  const codes = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const ok = codes[String(s.expect)]?.count ?? 0;
  const all = Object.values(codes).reduce((n, c) => n + c.count, 0);
  const row: Row = {
    scenario: s.name,
    url: s.url.replace(/^http:\/\/[^/]+/, ''),
    connections: base.connections ?? connections,
    requestsPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    ok,
    bad: all - ok,
    errors: r.errors + r.timeouts,
    bytesPerReq: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
    rssMaxMb,
  };
  console.log(`${row.scenario.padEnd(18)} ${String(row.requestsPerSec).padStart(6)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ok ${ok} other ${row.bad} errors ${row.errors}  RSS ≤ ${rssMaxMb} MB`);
  return row;
}

const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
const port = Number(values.port);
const server: Server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, TRUST_PROXY: 'true', ...extraEnv }, port);
const rows: Row[] = [];
try {
  const home = (await rawGet(server.url + '/')).body.toString('utf8');
  const articlePath = /class="card__title"><a href="([^"]+)"/.exec(home)?.[1];
  const storyPath = /href="(\/stories\/[^"?#]+)"/.exec(home)?.[1];
  if (!articlePath || !storyPath) throw new Error('the home page links no article or no story');
  const articleId = Number(/\/(\d+)\//.exec(articlePath)?.[1]);
  // The story with the fewest published articles: listed from the same link index as the largest.
  const smallStory = await (async () => {
    const h = openDatabase(loadConfig({ DATABASE_URL: databaseUrl, DATA_DIR: dataDir }).database);
    try {
      return (await h.db.selectFrom('stories').select('slug').where('published_articles', '>', 0).orderBy('published_articles').limit(1).executeTakeFirst())?.slug;
    } finally {
      await h.close();
    }
  })();

  // Canonical article URLs across the archive, from three sitemap files (oldest, middle, newest) — only when a
  // scenario needs them.
  const wants = (name: string) => !only || only.has(name.split(' ')[0]!) || only.has(name);
  const needsPool = wants('article (miss)') || wants('sitemap articles');
  const index = needsPool ? (await rawGet(server.url + '/sitemap.xml')).body.toString('utf8') : '';
  const buckets = [...index.matchAll(/<loc>[^<]*?(\/sitemaps\/articles-\d+\.xml)<\/loc>/g)].map((m) => m[1]!);
  const picked = [...new Set([buckets[0], buckets[Math.floor(buckets.length / 2)], buckets.at(-1)])].filter((b): b is string => !!b);
  const pool: string[] = [];
  for (const b of picked) {
    const xml = (await rawGet(server.url + b)).body.toString('utf8');
    for (const m of xml.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]+)<\/loc>/g)) pool.push(m[1]!);
  }
  // A deterministic shuffle, then at most 30,000 distinct URLs.
  let x = 12345;
  for (let i = pool.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) >>> 0;
    const j = x % (i + 1);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const distinct = pool.slice(0, 30_000);
  if (distinct.length === 0) distinct.push(articlePath);
  let cursor = 0;

  // The article page's exact response for the ceiling.
  const sample = await rawGet(server.url + articlePath);
  if (sample.status !== 200) throw new Error(`article answered ${sample.status}`);
  const saved: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(sample.headers)) if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(k)) saved[k] = v;
  const responseFile = join(RESULTS, `article-response-${db}-${size}.json`);
  writeFileSync(responseFile, JSON.stringify({ headers: saved, body: sample.body.toString('base64') }));

  // The guest's comment form: CSRF cookie and token.
  const form = await rawGet(`${server.url}/comments/${articleId}`);
  const setCookie = ([] as string[]).concat(form.headers['set-cookie'] ?? []);
  const csrfCookie = setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('minbar_reader_csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body.toString('utf8'))?.[1];
  if (!csrfCookie || !token) throw new Error('no guest CSRF token on the comment form');
  let comment = 0;

  const words = ['السعودية', 'الاقتصاد', 'وزير', 'الرياض', 'مجلس', 'النفط', 'الهلال', 'التعليم', 'الصحة', 'مشروع'];
  let query = 0;

  const ceilingPort = port + 1;
  const ceiling = spawn(process.execPath, [join(ROOT, 'bench', 'ceiling-server.mjs'), responseFile, String(ceilingPort)], { stdio: ['ignore', 'ignore', 'inherit'] });
  await new Promise((r) => setTimeout(r, 500));

  const scenarios: Scenario[] = [
    { name: 'ceiling', url: `http://127.0.0.1:${ceilingPort}${articlePath}`, expect: 200 },
    { name: 'article (hit)', url: server.url + articlePath, expect: 200 },
    {
      name: 'article (miss)',
      url: server.url + articlePath,
      expect: 200,
      options: { requests: [{ setupRequest: (req) => ({ ...req, path: distinct[cursor++ % distinct.length]! }) }] },
    },
    { name: 'home', url: server.url + '/', expect: 200 },
    { name: 'section', url: server.url + '/economy', expect: 200 },
    { name: 'story', url: server.url + storyPath, expect: 200 },
    ...(smallStory ? [{ name: 'story (small)', url: `${server.url}/stories/${encodeURIComponent(smallStory)}`, expect: 200 }] : []),
    {
      name: 'search',
      url: server.url + '/search',
      expect: 200,
      options: {
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              path: `/search?q=${encodeURIComponent(words[query++ % words.length]!)}`,
              headers: { ...req.headers, 'x-forwarded-for': nextAddress() },
            }),
          },
        ],
      },
    },
    { name: 'rss', url: server.url + '/rss.xml', expect: 200 },
    { name: 'sitemap index', url: server.url + '/sitemap.xml', expect: 200 },
    // The middle article sitemap: a full one (the newest may hold a handful of URLs).
    { name: 'sitemap articles', url: server.url + (picked[Math.floor(picked.length / 2)] ?? '/sitemap.xml'), connections: 10, expect: 200 },
    { name: 'sitemap tags', url: server.url + '/sitemaps/tags-0.xml', connections: 10, expect: 200 },
    { name: 'sitemap pages', url: server.url + '/sitemaps/pages.xml', expect: 200 },
    { name: 'sitemap news', url: server.url + '/sitemaps/news.xml', expect: 200 },
    {
      name: 'comment submit',
      url: `${server.url}/comments/${articleId}`,
      connections: 10,
      expect: 303,
      options: {
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              comment++;
              const body = `_csrf=${encodeURIComponent(token)}&authorName=${encodeURIComponent('قارئ')}&body=${encodeURIComponent(`تعليق رقم ${comment} على هذا الخبر: رأيي أن التفاصيل تستحق المتابعة.`)}`;
              return {
                ...req,
                method: 'POST',
                path: `/comments/${articleId}`,
                body,
                headers: { ...req.headers, cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextAddress() },
              };
            },
          },
        ],
      },
    },
  ];
  try {
    for (const s of scenarios) {
      if (!wants(s.name)) continue;
      rows.push(await measure(s.name === 'ceiling' ? ceiling.pid! : server.child.pid!, s));
    }
  } finally {
    ceiling.kill('SIGTERM');
  }
} finally {
  await server.stop();
}
const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
const run: RunFile = { date: new Date().toISOString(), machine: machine(), db, articles, tag: values.tag ?? '', loadBefore, loadAfter, rows };
const file = join(RESULTS, `${db}-${size}${values.tag ? `-${values.tag}` : ''}.json`);
writeFileSync(file, JSON.stringify(run, null, 2));
console.log(`\n${run.date} · ${run.machine} · ${db} · ${articles} articles · load ${loadBefore.join(' ')} → ${loadAfter.join(' ')}`);
printRun(run);
console.log(`→ ${file}`);
compare(
  readdirSync(RESULTS)
    .filter((f) => /^(sqlite|postgres)-.*\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as RunFile)
    .filter((r) => r.db === run.db && r.tag === run.tag),
);

function printRun(run: RunFile): void {
  const ceiling = run.rows.find((r) => r.scenario === 'ceiling');
  console.log('| scenario | conns | req/s | % of ceiling | p50 ms | p99 ms | expected / other | RSS max MB |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of run.rows) {
    const pct = ceiling && r.scenario !== 'ceiling' ? `${((100 * r.requestsPerSec) / ceiling.requestsPerSec).toFixed(1)} %` : '';
    console.log(`| ${r.scenario} | ${r.connections} | ${r.requestsPerSec} | ${pct} | ${r.p50} | ${r.p99} | ${r.ok} / ${r.bad + r.errors} | ${r.scenario === 'ceiling' ? '' : r.rssMaxMb} |`);
  }
}

function report(): void {
  const runs = readdirSync(RESULTS)
    .filter((f) => /^(sqlite|postgres)-.*\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as RunFile)
    .sort((a, b) => a.db.localeCompare(b.db) || a.articles - b.articles || a.tag.localeCompare(b.tag));
  for (const run of runs) {
    console.log(`\n### ${run.db}, ${run.articles.toLocaleString('en')} articles${run.tag ? ` (${run.tag})` : ''}\n`);
    console.log(`${run.date.slice(0, 16).replace('T', ' ')} UTC · load average ${run.loadBefore.join(', ')} before, ${run.loadAfter.join(', ')} after\n`);
    printRun(run);
  }
  const groups = new Map<string, RunFile[]>();
  for (const run of runs) groups.set(`${run.db} ${run.tag}`, [...(groups.get(`${run.db} ${run.tag}`) ?? []), run]);
  for (const group of groups.values()) compare(group);
}

/** Pages at the largest archive against the smallest of runs with the same database and tag (issue 8: ≤ 1.5×). */
function compare(runs: RunFile[]): void {
  const sorted = [...runs].sort((a, b) => a.articles - b.articles);
  if (sorted.length < 2 || sorted[0]!.articles === sorted.at(-1)!.articles) return;
  const small = sorted[0]!;
  const large = sorted.at(-1)!;
  console.log(`\n${large.db}${large.tag ? ` (${large.tag})` : ''}: ${large.articles.toLocaleString('en')} vs ${small.articles.toLocaleString('en')} articles (p50 latency ratio, req/s ratio; load ${large.loadBefore[0]} vs ${small.loadBefore[0]})`);
  for (const name of ['home', 'section', 'story', 'story (small)', 'article (miss)', 'rss', 'search']) {
    const a = small.rows.find((r) => r.scenario === name);
    const b = large.rows.find((r) => r.scenario === name);
    if (a && b) console.log(`- ${name}: p50 ${b.p50} vs ${a.p50} ms (×${(b.p50 / Math.max(a.p50, 0.01)).toFixed(2)}); ${b.requestsPerSec} vs ${a.requestsPerSec} req/s (${(a.requestsPerSec / Math.max(b.requestsPerSec, 1)).toFixed(2)}× slower); RSS ≤ ${b.rssMaxMb} vs ${a.rssMaxMb} MB`);
  }
}
