// Opens a PostgreSQL connection pool through `pg`, with 64-bit integers read back as numbers.
// Knows nothing of tables or repositories.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Capabilities } from '../../capabilities.js';
import type { Database } from '../../schema.js';

export const postgresCapabilities: Capabilities = {
  label: 'PostgreSQL',
  serialType: 'serial',
  bigintType: 'bigint',
  listenNotify: true,
  concurrentWriters: true,
  fullText: 'tsvector',
  triggers: 'plpgsql',
};

// Times are milliseconds (< 2^53), and counts are small: int8 and numeric COUNT results fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export function openPostgres(url: string, max = 10): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
