import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from './sqlite-connection.js';

test('opening a database drops STAT4 samples (re-prepared statements) and keeps the planner row counts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'minbar-stat4-'));
  try {
    const file = join(dir, 'site.db');
    const setup = new BetterSqlite3(file);
    setup.exec('create table t (id integer primary key, k integer not null); create index t_k on t (k);');
    const insert = setup.prepare('insert into t (k) values (?)');
    setup.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(i % 50);
    })();
    setup.exec('analyze');
    const count = (db: BetterSqlite3.Database, table: string) => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    assert.ok(count(setup, 'sqlite_stat4') > 0, 'ANALYZE wrote samples');
    setup.close();

    const { raw, db } = openSqlite(file);
    assert.equal(count(raw, 'sqlite_stat4'), 0);
    assert.ok(count(raw, 'sqlite_stat1') > 0, 'row counts per index stay');
    // Queries answer as before.
    assert.deepEqual(raw.prepare('select count(*) as n from t where k = ?').get(7), { n: 40 });
    await db.destroy();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
