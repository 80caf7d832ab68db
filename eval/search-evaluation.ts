// Search-quality evaluation: loads the judged fixture (and, for the full run, known-item queries from the
// SaudiNewsNet corpus read at run time) into a real database through the product's services, runs the
// queries through the search service and scores the rankings with nDCG@10, Recall@10 and MRR@10.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseHandle } from '../src/db/index.js';
import {
  createCurationService,
  createImportService,
  createPublishingService,
  createSearchService,
  fixedClock,
  type ArticleHooks,
  type SearchService,
} from '../src/services/index.js';
import { stemmer as snowballArabic } from '@orama/stemmers/arabic';
import { isStopword, normalizeArabic, tokenize, type AnalyzerOptions } from '../src/text/index.js';

const here = dirname(fileURLToPath(import.meta.url));
export const NOW = Date.UTC(2026, 10, 29, 9, 0, 0);
const DAY = 86_400_000;
export const CUTOFF = 10;

export interface Metrics {
  readonly ndcg: number;
  readonly recall: number;
  readonly mrr: number;
  readonly queries: number;
}

export interface JudgedQuery {
  readonly kind: string;
  readonly q: string;
  /** Document key → grade (1–3); anything else is 0. */
  readonly judgments: Readonly<Record<string, number>>;
}

export interface QueryRun {
  readonly query: JudgedQuery;
  /** Keys of the first CUTOFF hits, best first. */
  readonly ranking: readonly string[];
  readonly scores: readonly number[];
}

/** nDCG@k (gain 2^g − 1), Recall@k (grade ≥ 1) and reciprocal rank of the first relevant hit within k. */
export function scoreQuery(ranking: readonly string[], judgments: Readonly<Record<string, number>>, k = CUTOFF) {
  const top = ranking.slice(0, k);
  const dcg = top.reduce((sum, key, i) => sum + (2 ** (judgments[key] ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = Object.values(judgments)
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const relevant = Object.values(judgments).filter((g) => g > 0).length;
  const found = top.filter((key) => (judgments[key] ?? 0) > 0).length;
  const first = top.findIndex((key) => (judgments[key] ?? 0) > 0);
  return { ndcg: ideal > 0 ? dcg / ideal : 0, recall: relevant > 0 ? found / relevant : 0, mrr: first >= 0 ? 1 / (first + 1) : 0 };
}

/** Mean metrics per query kind, plus "all". */
export function summarize(runs: readonly QueryRun[]): Record<string, Metrics> {
  const groups = new Map<string, { ndcg: number; recall: number; mrr: number }[]>();
  for (const run of runs) {
    const s = scoreQuery(run.ranking, run.query.judgments);
    for (const kind of [run.query.kind, 'all']) {
      const list = groups.get(kind) ?? [];
      list.push(s);
      groups.set(kind, list);
    }
  }
  const out: Record<string, Metrics> = {};
  for (const [kind, list] of [...groups].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
    const mean = (f: (x: { ndcg: number; recall: number; mrr: number }) => number) => list.reduce((s, x) => s + f(x), 0) / list.length;
    out[kind] = { ndcg: mean((x) => x.ndcg), recall: mean((x) => x.recall), mrr: mean((x) => x.mrr), queries: list.length };
  }
  return out;
}

/** The analyzers compared: Minbar's light10 with protected names, and Snowball Arabic in its place. */
export type StemmerName = 'light10' | 'snowball';

/**
 * Snowball Arabic (@orama/stemmers, generated from the Snowball project's algorithm) sees each word as
 * written — it does its own normalization — and its stem is then normalized like every index term.
 */
export const snowballAnalyzer: AnalyzerOptions = {
  stem: (normalized, written) => (/^\p{Script=Arabic}+$/u.test(normalized) ? normalizeArabic(snowballArabic(written)) || normalized : normalized),
};

function services(h: DatabaseHandle, stemmer: StemmerName = 'light10') {
  const clock = fixedClock(NOW);
  const search = createSearchService({ db: h.db, caps: h.caps, clock, ...(stemmer === 'snowball' ? { analyzer: snowballAnalyzer } : {}) });
  const hooks: ArticleHooks = { inTransaction: [search.indexArticle], inTransactionMany: [search.indexArticles], afterCommit: [] };
  return {
    clock,
    search,
    publishing: createPublishingService({ db: h.db, clock, hooks }),
    curation: createCurationService({ db: h.db, clock }),
    imports: createImportService({ db: h.db, clock, hooks, batchSize: 500 }),
  };
}

async function runQueries(search: SearchService, queries: readonly JudgedQuery[], keyOf: (id: number) => string): Promise<QueryRun[]> {
  const runs: QueryRun[] = [];
  for (const query of queries) {
    const r = await search.search({ q: query.q });
    runs.push({ query, ranking: r.hits.map((h) => keyOf(h.id)), scores: r.hits.map((h) => h.score) });
  }
  return runs;
}

// ---------------------------------------------------------------------------------------------------
// (a) The judged fixture: original Arabic items, loaded through the newsroom's publishing service.

interface FixtureArticle {
  readonly key: string;
  readonly section: string;
  readonly daysAgo: number;
  readonly tags?: readonly string[];
  readonly title: string;
  readonly lead: string;
  readonly body: readonly string[];
}

export function readFixture(): { sections: { slug: string; name: string }[]; articles: FixtureArticle[]; queries: JudgedQuery[] } {
  const a = JSON.parse(readFileSync(join(here, 'fixture', 'articles.json'), 'utf8')) as { sections: { slug: string; name: string }[]; articles: FixtureArticle[] };
  const q = JSON.parse(readFileSync(join(here, 'fixture', 'queries.json'), 'utf8')) as { queries: JudgedQuery[] };
  return { sections: a.sections, articles: a.articles, queries: q.queries };
}

export async function evaluateFixture(h: DatabaseHandle, stemmer: StemmerName = 'light10'): Promise<QueryRun[]> {
  const fixture = readFixture();
  const s = services(h, stemmer);
  const sectionIds = new Map<string, number>();
  for (const [position, sec] of fixture.sections.entries()) sectionIds.set(sec.slug, await s.curation.createSection({ ...sec, position }));
  const keys = new Map<number, string>();
  for (const a of fixture.articles) {
    const id = await s.publishing.createArticle(
      {
        sectionId: sectionIds.get(a.section)!,
        title: a.title,
        lead: a.lead,
        body: a.body.map((text) => ({ type: 'paragraph' as const, content: [{ text }] })),
        tags: [...(a.tags ?? [])],
      },
      { status: 'published', publishedAt: NOW - a.daysAgo * DAY },
    );
    keys.set(id, a.key);
  }
  return runQueries(s.search, fixture.queries, (id) => keys.get(id) ?? `#${id}`);
}

// ---------------------------------------------------------------------------------------------------
// (b) Known-item queries from the titles of the real corpus, read from ../shared/corpus at run time.

export const CORPUS_DIR = join(here, '..', '..', 'shared', 'corpus', 'saudinewsnet', 'dataset');

export interface CorpusArticle {
  readonly source: string;
  readonly url: string;
  readonly date_extracted: string;
  readonly title: string;
  readonly author: string;
  readonly content: string;
}

/** The corpus, day by day, unzipped with the system's unzip (never copied into the repository). */
export function* readCorpus(dir = CORPUS_DIR): Generator<CorpusArticle> {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.zip')).sort()) {
    const json = execFileSync('unzip', ['-p', join(dir, file)], { maxBuffer: 1 << 30, encoding: 'utf8' });
    for (const a of JSON.parse(json) as CorpusArticle[]) yield a;
  }
}

/** Deterministic pseudo-random numbers (mulberry32), so every run draws the same sample. */
export function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a reader retypes a title: hamza dropped, ة as ه, ى as ي. */
export function readerSpelling(s: string): string {
  return s.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي');
}

/** Known-item queries: the title as typed by a reader, and three of its content words. */
export function knownItemQueries(articles: readonly CorpusArticle[], count: number, seed = 7): JudgedQuery[] {
  const byTitle = new Map<string, string[]>();
  for (const a of articles) {
    const key = normalizeArabic(a.title);
    byTitle.set(key, [...(byTitle.get(key) ?? []), a.url]);
  }
  const random = seeded(seed);
  const out: JudgedQuery[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (out.length < count * 2 && guard++ < count * 50) {
    const a = articles[Math.floor(random() * articles.length)]!;
    const norm = normalizeArabic(a.title);
    if (seen.has(norm)) continue;
    const words = tokenize(a.title).filter((t) => !isStopword(t.norm) && t.norm.length >= 3);
    if (words.length < 4 || a.title.length > 150) continue;
    seen.add(norm);
    const judgments = Object.fromEntries((byTitle.get(norm) ?? [a.url]).map((url) => [url, 1]));
    out.push({ kind: 'corpus-title', q: readerSpelling(a.title).replace(/["«»“”]/g, ' '), judgments });
    const picked = [...words].sort((x, y) => y.norm.length - x.norm.length || x.start - y.start).slice(0, 3).sort((x, y) => x.start - y.start);
    out.push({ kind: 'corpus-words', q: readerSpelling(picked.map((t) => a.title.slice(t.start, t.end)).join(' ')), judgments });
  }
  return out;
}

export interface CorpusOptions {
  /** Articles indexed (every one of the corpus's first files until this many). */
  readonly documents: number;
  /** Known items drawn (two queries each). */
  readonly items: number;
  readonly stemmer?: StemmerName;
}

export async function evaluateCorpus(h: DatabaseHandle, options: CorpusOptions): Promise<QueryRun[]> {
  const articles: CorpusArticle[] = [];
  for (const a of readCorpus()) {
    if (!a.title.trim() || !a.content.trim()) continue;
    articles.push(a);
    if (articles.length >= options.documents) break;
  }
  const s = services(h, options.stemmer);
  const lines = articles.map((a, i) =>
    JSON.stringify({
      externalId: a.url,
      title: a.title.slice(0, 300),
      body: a.content,
      section: a.source,
      author: a.author && a.author.length <= 100 ? a.author : undefined,
      publishedAt: Date.parse(`${a.date_extracted.replace(' ', 'T')}Z`) || NOW - i * 60_000,
    }),
  );
  const report = await s.imports.importLines(lines);
  if (report.errors.length > 0) throw new Error(`corpus import rejected ${report.errors.length} lines, first: ${report.errors[0]!.message}`);
  const urls = new Map<number, string>();
  const rows = await h.db.selectFrom('articles').select(['id', 'external_id']).execute();
  for (const r of rows) urls.set(r.id, r.external_id ?? '');
  return runQueries(s.search, knownItemQueries(articles, options.items), (id) => urls.get(id) ?? `#${id}`);
}
