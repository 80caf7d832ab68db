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
  // Prepared statements are reused across queries (see statement-cache.ts).
  const statements = cacheStatements(raw);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return { db, raw, statements };
}
