// Opens an embedded SQLite database with the settings a server needs: WAL, foreign keys, busy timeout.
// Knows nothing of tables or repositories.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Capabilities } from '../../capabilities.js';
import type { Database } from '../../schema.js';
import { cacheStatements, type CachingSqliteDatabase } from './statement-cache.js';

export const sqliteCapabilities: Capabilities = {
  label: 'SQLite',
  serialType: 'integer',
  bigintType: 'integer',
  listenNotify: false,
  concurrentWriters: false,
  fullText: 'fts5',
  triggers: 'sqlite',
};

export function openSqlite(path: string): { db: Kysely<Database>; raw: BetterSqlite3.Database; statements: CachingSqliteDatabase } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -32000');
  raw.pragma('temp_store = MEMORY');
  if (path !== ':memory:') dropStat4Samples(raw);
  // Prepared statements are reused across queries (see statement-cache.ts).
  const statements = cacheStatements(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return { db, raw, statements };
}

/**
 * better-sqlite3 builds SQLite with STAT4. Once `sqlite_stat4` holds samples (any ANALYZE writes them), a
 * prepared statement whose bound value is compared with an indexed column is parsed and planned again each
 * time that value changes — on nearly every query of a page — which undoes the statement cache (measured:
 * the article page's SQLite time 0.58 → 0.35 ms). Minbar keeps `sqlite_stat1` (row counts per index, what the
 * planner needs) and drops the samples whenever a database is opened; `analyze sqlite_schema` reloads the
 * statistics without them.
 */
export function dropStat4Samples(raw: BetterSqlite3.Database): void {
  const stat4 = raw.prepare("select 1 from sqlite_master where type = 'table' and name = 'sqlite_stat4'").get();
  if (!stat4 || !raw.prepare('select 1 from sqlite_stat4 limit 1').get()) return;
  raw.exec('delete from sqlite_stat4; analyze sqlite_schema');
}
