import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { testDialects } from '../db/index.js';
import { createImportService, createSearchService, fixedClock } from '../services/index.js';
import { importCommand } from './import-command.js';
import { reindexCommand } from './reindex-command.js';

test('minbar import names rejected lines and reports; minbar reindex rebuilds', async () => {
  const h = await testDialects()[0]!.open();
  const dir = mkdtempSync(join(tmpdir(), 'minbar-import-'));
  try {
    const clock = fixedClock(Date.UTC(2026, 10, 29));
    const search = createSearchService({ db: h.db, caps: h.caps, clock });
    const imports = createImportService({ db: h.db, clock, hooks: { inTransaction: [search.indexArticle], afterCommit: [] } });
    const file = join(dir, 'archive.jsonl');
    writeFileSync(file, [JSON.stringify({ externalId: 'a1', title: 'خبر أول', body: 'نص', section: 'news', publishedAt: '2026-11-01T10:00:00Z' }), '{"externalId": "a2"}'].join('\n'));
    const out: string[] = [];
    const err: string[] = [];
    const progress = new PassThrough();
    progress.resume();
    const code = await importCommand({ imports, log: (s) => out.push(s), error: (s) => err.push(s), progressStream: progress }, file);
    assert.equal(code, 1);
    assert.equal(err.length, 1);
    assert.match(err[0]!, /^line 2: /);
    assert.match(out[0]!, /^Imported 1 articles, 0 already imported, 1 lines rejected/);
    assert.equal(await importCommand({ imports, log: () => {}, error: (s) => err.push(s) }, join(dir, 'missing.jsonl')), 66);

    const logged: string[] = [];
    assert.equal(await reindexCommand({ search, log: (s) => logged.push(s), progressStream: progress }), 0);
    assert.match(logged[0]!, /^Reindexed 1 articles/);
    assert.equal((await search.search({ q: 'خبر' })).total, 1);
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
