// The fast half of `npm run eval:search`, inside `npm test`: the judged fixture on every test database,
// compared with the committed baseline, and the same ranking on SQLite and PostgreSQL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testDialects } from '../../db/index.js';
import { evaluateFixture, summarize, type Metrics, type QueryRun } from '../../../eval/search-evaluation.js';

const baseline = JSON.parse(readFileSync(new URL('../../../eval/baseline.json', import.meta.url), 'utf8')) as { fixture: Record<string, Metrics> };

test('search quality on the judged fixture stays at or above the baseline, with one ranking on every database', async () => {
  const runs = new Map<string, QueryRun[]>();
  for (const dialect of testDialects()) {
    const h = await dialect.open();
    try {
      runs.set(dialect.name, await evaluateFixture(h));
    } finally {
      await h.close();
    }
  }
  for (const [name, list] of runs) {
    const table = summarize(list);
    for (const [kind, base] of Object.entries(baseline.fixture)) {
      for (const metric of ['ndcg', 'recall', 'mrr'] as const) {
        assert.ok((table[kind]?.[metric] ?? 0) >= base[metric] - 0.0005, `${name} ${kind} ${metric}: ${table[kind]?.[metric]} < ${base[metric]}`);
      }
    }
  }
  const sqlite = runs.get('sqlite')!;
  const postgres = runs.get('postgres');
  if (postgres) {
    for (const [i, run] of sqlite.entries()) {
      assert.deepEqual(postgres[i]!.ranking, run.ranking, `«${run.query.q}»`);
      assert.deepEqual(postgres[i]!.scores, run.scores, `scores of «${run.query.q}»`);
    }
  }
});
