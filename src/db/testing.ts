// Test support: the dialects every repository and service test runs on — SQLite always, and
// PostgreSQL when TEST_DATABASE_URL is set (a fresh database per call, dropped afterwards).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './database.js';

export interface TestDialect {
  readonly name: 'sqlite' | 'postgres';
  /** A migrated, empty database; `close()` also drops it. */
  open(): Promise<DatabaseHandle>;
}

async function adminQuery(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * Drops a test database once its connections are gone. A closed pool's sockets take a moment to
 * leave the server; dropping "with (force)" before then would kill them mid-close, and the client
 * would report that as an error after the test ended.
 */
async function dropWhenIdle(url: string, dbName: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await adminQuery(url, 'select count(*)::int as n from pg_stat_activity where datname = $1', [dbName]);
    if ((r.rows[0] as { n: number }).n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await adminQuery(url, `drop database if exists ${dbName} with (force)`);
}

export function testDialects(env: NodeJS.ProcessEnv = process.env): TestDialect[] {
  const list: TestDialect[] = [
    {
      name: 'sqlite',
      async open() {
        const h = openDatabase({ kind: 'sqlite', url: 'sqlite::memory:', sqlitePath: ':memory:' });
        await h.migrate();
        return h;
      },
    },
  ];
  const url = env['TEST_DATABASE_URL'];
  if (url) {
    list.push({
      name: 'postgres',
      async open() {
        const dbName = `minbar_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
        await adminQuery(url, `create database ${dbName}`);
        const target = new URL(url);
        target.pathname = `/${dbName}`;
        const h = openDatabase({ kind: 'postgres', url: target.toString(), sqlitePath: null }, { poolSize: 4 });
        await h.migrate();
        return {
          ...h,
          async close() {
            await h.close();
            await dropWhenIdle(url, dbName);
          },
        };
      },
    });
  }
  return list;
}
