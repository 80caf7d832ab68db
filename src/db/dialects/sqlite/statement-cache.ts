// Kysely's SQLite driver prepares every statement anew, and preparing is a fifth of a page's database
// time. This wraps the better-sqlite3 handle Kysely receives so `prepare(sql)` is memoized in a bounded
// LRU keyed by the SQL text. Safe because Kysely runs one query at a time on its one SQLite connection
// (a streamed query holds the connection until it ends), and SQLite re-prepares a cached statement
// itself when the schema changes under it.
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export interface StatementCacheStats {
  readonly size: number;
  readonly hits: number;
  readonly misses: number;
}

export interface CachingSqliteDatabase extends SqliteDatabase {
  stats(): StatementCacheStats;
}

/** Statements kept: a site's pages use a few hundred distinct SQL texts (IN lists vary in length). */
export const STATEMENT_CACHE_SIZE = 1000;

export function cacheStatements(database: SqliteDatabase, capacity = STATEMENT_CACHE_SIZE): CachingSqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  let hits = 0;
  let misses = 0;
  return {
    prepare(sql: string): SqliteStatement {
      const found = cache.get(sql);
      if (found) {
        hits++;
        // Most recently used last: Map keeps insertion order.
        cache.delete(sql);
        cache.set(sql, found);
        return found;
      }
      misses++;
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value!);
      return statement;
    },
    close(): void {
      cache.clear();
      database.close();
    },
    stats: () => ({ size: cache.size, hits, misses }),
  };
}
