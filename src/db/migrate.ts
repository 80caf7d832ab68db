// Runs the numbered migrations forward, each in its own transaction, recording them in kysely's table.
// Knows the list of migrations, not what they contain.
import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { Capabilities } from './capabilities.js';
import { migrations } from './migrations/index.js';

export interface MigrationReport {
  readonly applied: readonly string[];
}

function migrator(db: Kysely<unknown>, caps: Capabilities): Migrator {
  const provider = {
    async getMigrations(): Promise<Record<string, Migration>> {
      const out: Record<string, Migration> = {};
      for (const m of migrations) out[m.name] = { up: (d: Kysely<unknown>) => m.up(d, caps) };
      return out;
    },
  };
  return new Migrator({ db, provider });
}

/** Names of the known migrations this database has not applied yet (readiness: an instance started before `minbar migrate`). */
export async function pendingMigrations(db: Kysely<unknown>, caps: Capabilities): Promise<string[]> {
  const all = await migrator(db, caps).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

export async function migrateToLatest(db: Kysely<unknown>, caps: Capabilities): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(db, caps).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const cause = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migration ${failed} failed: ${cause}`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
