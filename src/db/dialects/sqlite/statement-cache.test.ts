import { test } from 'node:test';
import assert from 'node:assert/strict';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cacheStatements } from './statement-cache.js';

test('the same SQL text is prepared once and gives the same results; the cache stays bounded', async () => {
  const raw = new BetterSqlite3(':memory:');
  const statements = cacheStatements(raw, 3);
  const db = new Kysely<{ t: { id: number; name: string } }>({ dialect: new SqliteDialect({ database: statements }) });
  await sql`create table t (id integer primary key, name text)`.execute(db);
  for (let i = 1; i <= 5; i++) await db.insertInto('t').values({ id: i, name: `n${i}` }).execute();
  const before = statements.stats();
  for (let i = 1; i <= 5; i++) {
    const row = await db.selectFrom('t').select('name').where('id', '=', i).executeTakeFirst();
    assert.equal(row?.name, `n${i}`);
  }
  const after = statements.stats();
  assert.equal(after.misses - before.misses, 1, 'one select text, prepared once');
  assert.equal(after.hits - before.hits, 4);
  for (let i = 0; i < 6; i++) await sql.raw(`select ${i} as v`).execute(db);
  assert.ok(statements.stats().size <= 3);
  // A schema change under a cached statement: SQLite re-prepares it.
  await sql`alter table t add column extra text`.execute(db);
  assert.equal((await db.selectFrom('t').select('name').where('id', '=', 2).executeTakeFirst())?.name, 'n2');
  await db.destroy();
});
