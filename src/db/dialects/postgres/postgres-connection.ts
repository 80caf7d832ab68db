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

/**
 * PostgreSQL text cannot hold U+0000 ("invalid byte sequence for encoding UTF8"): a NUL pasted or sent into
 * any field would fail the whole write. It carries nothing in news text, so it is dropped from every string
 * parameter before it reaches the server — one check per parameter, at the one place all queries pass.
 */
export function withoutNul(parameters: readonly unknown[]): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i];
    if (typeof p === 'string' && p.includes('\u0000')) (out ??= [...parameters])[i] = p.replaceAll('\u0000', '');
  }
  return out ?? (parameters as unknown[]);
}

/** The pool as Kysely sees it: every client's `query(sql, parameters)` goes through `withoutNul`. */
function nulSafe(pool: pg.Pool) {
  return {
    async connect() {
      const client = await pool.connect();
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      return Object.assign(Object.create(client) as pg.PoolClient, {
        query: (sql: unknown, parameters?: unknown) => (Array.isArray(parameters) ? query(sql, withoutNul(parameters)) : parameters === undefined ? query(sql) : query(sql, parameters)),
        release: (err?: Error | boolean) => client.release(err),
      });
    },
    end: () => pool.end(),
  };
}

export function openPostgres(url: string, max = 10): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: nulSafe(pool) as unknown as pg.Pool }) });
  return { db, pool };
}
