// `npm run eval:search`: the fixture and the corpus known-item queries on SQLite and PostgreSQL, metrics
// per query kind, a check that both databases rank the fixture identically, and a comparison with the
// committed baseline (eval/baseline.json): any metric below it fails the run. `--write-baseline` records.
// `--snowball` runs the same evaluation again with Snowball Arabic in place of light10 and prints both side
// by side (the comparison is reported, never held to the baseline).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testDialects } from '../src/db/index.js';
import { evaluateCorpus, evaluateFixture, summarize, type Metrics, type QueryRun, type StemmerName } from './search-evaluation.js';

const here = dirname(fileURLToPath(import.meta.url));
const BASELINE = join(here, 'baseline.json');
/** Rounding noise allowed below the baseline. */
const TOLERANCE = 0.0005;

type Table = Record<string, Metrics>;
type Baseline = Record<'fixture' | 'corpus', Table>;

const args = process.argv.slice(2);
const write = args.includes('--write-baseline');
const stemmers: StemmerName[] = args.includes('--snowball') ? ['light10', 'snowball'] : ['light10'];
const documents = Number(process.env['EVAL_CORPUS_DOCS'] ?? 6000);
const items = Number(process.env['EVAL_CORPUS_ITEMS'] ?? 150);
const env = { ...process.env, TEST_DATABASE_URL: process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres' };

function print(title: string, table: Table) {
  console.log(`\n${title}`);
  console.log('kind              queries  nDCG@10  Recall@10  MRR@10');
  for (const [kind, m] of Object.entries(table)) {
    console.log(`${kind.padEnd(18)}${String(m.queries).padStart(7)}  ${m.ndcg.toFixed(3).padStart(7)}  ${m.recall.toFixed(3).padStart(9)}  ${m.mrr.toFixed(3).padStart(6)}`);
  }
}

const results: { dialect: string; fixture: QueryRun[]; corpus: QueryRun[] }[] = [];
const compared: { dialect: string; stemmer: StemmerName; fixture: Table; corpus: Table }[] = [];
for (const dialect of testDialects(env)) {
  for (const stemmer of stemmers) {
    const started = Date.now();
    const h1 = await dialect.open();
    let fixture: QueryRun[];
    try {
      fixture = await evaluateFixture(h1, stemmer);
    } finally {
      await h1.close();
    }
    const h2 = await dialect.open();
    let corpus: QueryRun[];
    try {
      corpus = await evaluateCorpus(h2, { documents, items, stemmer });
    } finally {
      await h2.close();
    }
    if (stemmer === 'light10') results.push({ dialect: dialect.name, fixture, corpus });
    compared.push({ dialect: dialect.name, stemmer, fixture: summarize(fixture), corpus: summarize(corpus) });
    print(`${dialect.name}, ${stemmer} — fixture (${fixture.length} judged queries)`, summarize(fixture));
    print(`${dialect.name}, ${stemmer} — corpus known items (${documents} SaudiNewsNet articles, ${corpus.length} queries)`, summarize(corpus));
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

if (stemmers.length > 1) {
  console.log('\nlight10 vs Snowball Arabic, nDCG@10 / Recall@10 / MRR@10');
  const f = (m: Metrics | undefined) => (m ? `${m.ndcg.toFixed(3)} / ${m.recall.toFixed(3)} / ${m.mrr.toFixed(3)}` : '—');
  for (const dialect of new Set(compared.map((c) => c.dialect))) {
    const [light, snow] = (['light10', 'snowball'] as const).map((st) => compared.find((c) => c.dialect === dialect && c.stemmer === st)!);
    for (const set of ['fixture', 'corpus'] as const) {
      for (const kind of Object.keys(light![set])) {
        console.log(`| ${dialect} | ${set}: ${kind} | ${light![set][kind]!.queries} | ${f(light![set][kind])} | ${f(snow![set][kind])} |`);
      }
    }
  }
}

let failed = false;
// The same queries must be ranked identically on every database.
const [first, ...others] = results;
for (const other of others) {
  for (const [i, run] of first!.fixture.entries()) {
    const theirs = other.fixture[i]!;
    if (run.ranking.join(' ') !== theirs.ranking.join(' ')) {
      failed = true;
      console.error(`ranking differs on ${other.dialect} for «${run.query.q}»: ${run.ranking.join(', ')} ≠ ${theirs.ranking.join(', ')}`);
    }
  }
}
if (others.length > 0 && !failed) console.log(`\nThe fixture ranking is identical on ${results.map((r) => r.dialect).join(' and ')}.`);

// Baseline: the lowest figure over the databases, per dataset, kind and metric.
const current: Baseline = { fixture: {}, corpus: {} };
for (const set of ['fixture', 'corpus'] as const) {
  for (const r of results) {
    for (const [kind, m] of Object.entries(summarize(r[set]))) {
      const prev = current[set][kind];
      current[set][kind] = prev
        ? { ndcg: Math.min(prev.ndcg, m.ndcg), recall: Math.min(prev.recall, m.recall), mrr: Math.min(prev.mrr, m.mrr), queries: m.queries }
        : m;
    }
  }
}
const round = (t: Table): Table =>
  Object.fromEntries(Object.entries(t).map(([k, m]) => [k, { ndcg: +m.ndcg.toFixed(4), recall: +m.recall.toFixed(4), mrr: +m.mrr.toFixed(4), queries: m.queries }]));

if (write) {
  writeFileSync(BASELINE, `${JSON.stringify({ fixture: round(current.fixture), corpus: round(current.corpus) }, null, 2)}\n`);
  console.log(`\nBaseline written to ${BASELINE}.`);
} else {
  const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Baseline;
  for (const set of ['fixture', 'corpus'] as const) {
    for (const [kind, base] of Object.entries(baseline[set])) {
      const now = current[set][kind];
      for (const metric of ['ndcg', 'recall', 'mrr'] as const) {
        if (!now || now[metric] < base[metric] - TOLERANCE) {
          failed = true;
          console.error(`${set}/${kind}: ${metric} ${now ? now[metric].toFixed(4) : 'missing'} is below the baseline ${base[metric].toFixed(4)}`);
        }
      }
    }
  }
  if (!failed) console.log('\nEvery metric is at or above the committed baseline.');
}
process.exit(failed ? 1 : 0);
