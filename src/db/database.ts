// Opens the configured database (embedded SQLite or PostgreSQL) behind one Kysely handle and its capabilities.
// The only place that knows which dialect is in use; everything above asks the capability flags.
import type { Kysely, Transaction } from 'kysely';
import type { Capabilities } from './capabilities.js';
import type { Database } from './schema.js';
import { openSqlite, sqliteCapabilities } from './dialects/sqlite/sqlite-connection.js';
import { openPostgres, postgresCapabilities } from './dialects/postgres/postgres-connection.js';
import { migrateToLatest, pendingMigrations, type MigrationReport } from './migrate.js';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

export interface DatabaseTarget {
  readonly kind: 'sqlite' | 'postgres';
  readonly url: string;
  readonly sqlitePath: string | null;
}

export interface DatabaseHandle {
  readonly db: Db;
  readonly caps: Capabilities;
  migrate(): Promise<MigrationReport>;
  /** Migrations known to this code and not yet applied to the database. */
  pendingMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

export function openDatabase(target: DatabaseTarget, options: { poolSize?: number } = {}): DatabaseHandle {
  if (target.kind === 'postgres') {
    const { db } = openPostgres(target.url, options.poolSize);
    return handle(db, postgresCapabilities);
  }
  const { db } = openSqlite(target.sqlitePath ?? ':memory:');
  return handle(db, sqliteCapabilities);
}

function handle(db: Db, caps: Capabilities): DatabaseHandle {
  let closed = false;
  return {
    db,
    caps,
    migrate: () => migrateToLatest(db as unknown as Kysely<unknown>, caps),
    pendingMigrations: () => pendingMigrations(db as unknown as Kysely<unknown>, caps),
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
