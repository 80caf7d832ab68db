// Copies a whole database to one file and back, for `minbar backup` and `minbar restore`: SQLite through
// its online backup API (consistent while the site serves), PostgreSQL through pg_dump's custom format
// and pg_restore. Knows dialects and files; nothing of media or manifests.
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget, Db } from './database.js';

const run = promisify(execFile);

export interface DatabaseDump {
  /** `sqlite` (a database file) or `pg_dump-custom` (pg_restore's input). */
  readonly format: 'sqlite' | 'pg_dump-custom';
  /** The tool that wrote it, e.g. "pg_dump (PostgreSQL) 15.20", or "better-sqlite3 backup". */
  readonly tool: string;
}

/** Major version of a PostgreSQL client tool (`pg_dump --version` → 15), or an error naming what is missing. */
async function toolMajor(tool: 'pg_dump' | 'pg_restore'): Promise<{ major: number; version: string }> {
  let out: string;
  try {
    out = (await run(tool, ['--version'])).stdout.trim();
  } catch {
    throw new Error(`${tool} was not found on PATH: install the PostgreSQL client tools (Debian: apt install postgresql-client).`);
  }
  const m = /(\d+)(?:\.(\d+))?/.exec(out);
  if (!m) throw new Error(`Could not read the version of ${tool} from "${out}".`);
  return { major: Number(m[1]), version: out };
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ server_version_num: string }>('show server_version_num');
    return Math.floor(Number(r.rows[0]!.server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

/** Writes a consistent copy of the database to `file` (which must not exist), safe while the site is serving. */
export async function dumpDatabase(target: DatabaseTarget, file: string): Promise<DatabaseDump> {
  if (target.kind === 'sqlite') {
    if (!target.sqlitePath || target.sqlitePath === ':memory:') throw new Error('An in-memory SQLite database cannot be backed up.');
    // A second connection: the serving process keeps writing (WAL); the backup API copies a consistent snapshot.
    const source = new BetterSqlite3(target.sqlitePath, { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    return { format: 'sqlite', tool: 'better-sqlite3 online backup' };
  }
  const { major, version } = await toolMajor('pg_dump');
  const server = await serverMajor(target.url);
  if (major < server) throw new Error(`${version} cannot dump a PostgreSQL ${server} server: install pg_dump ${server} or newer.`);
  // One snapshot of the whole database (pg_dump runs in one repeatable-read transaction).
  await run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${target.url}`], { maxBuffer: 16 * 1024 * 1024 });
  return { format: 'pg_dump-custom', tool: version };
}

/**
 * Replaces the database's content with a dump. SQLite: the file is swapped in atomically (the server
 * must be stopped). PostgreSQL: the public schema is replaced by the dump's in one transaction.
 */
export async function loadDatabase(target: DatabaseTarget, file: string, format: DatabaseDump['format']): Promise<void> {
  if (target.kind === 'sqlite') {
    if (format !== 'sqlite') throw new Error(`This site uses SQLite; the backup holds a ${format} dump.`);
    if (!target.sqlitePath || target.sqlitePath === ':memory:') throw new Error('Cannot restore into an in-memory SQLite database.');
    const tmp = `${target.sqlitePath}.restoring`;
    await mkdir(dirname(target.sqlitePath), { recursive: true });
    await copyFile(file, tmp);
    // Check the copy opens and is whole before it replaces anything.
    const check = new BetterSqlite3(tmp, { fileMustExist: true });
    try {
      const ok = check.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new Error(`The backup's SQLite file fails its integrity check: ${String(ok)}`);
    } finally {
      check.close();
    }
    // The old write-ahead log belongs to the old file: it must not be replayed over the restored one.
    await rm(`${target.sqlitePath}-wal`, { force: true });
    await rm(`${target.sqlitePath}-shm`, { force: true });
    await rename(tmp, target.sqlitePath);
    return;
  }
  if (format !== 'pg_dump-custom') throw new Error(`This site uses PostgreSQL; the backup holds a ${format} dump.`);
  const { major, version } = await toolMajor('pg_restore');
  const server = await serverMajor(target.url);
  if (major < server) throw new Error(`${version} cannot restore into a PostgreSQL ${server} server: install pg_restore ${server} or newer.`);
  // The site's schema is replaced as a whole, in one transaction: pg_restore writes the dump as SQL, psql
  // runs it after emptying the public schema, and any error rolls everything back.
  await new Promise<void>((resolvePromise, reject) => {
    const restore = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const psql = spawn('psql', ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', `--dbname=${target.url}`], { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    restore.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    psql.stderr.on('data', (d: Buffer) => (errors += d.toString()));
    restore.on('error', reject);
    psql.on('error', (e) => reject(new Error(`psql could not run (${e.message}): install the PostgreSQL client tools.`)));
    psql.stdin.on('error', () => undefined); // psql stopped early: its exit code says why
    psql.stdin.write('drop schema if exists public cascade;\ncreate schema public;\n');
    restore.stdout.pipe(psql.stdin);
    const exit = (child: ReturnType<typeof spawn>) => new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    void Promise.all([exit(restore), exit(psql)]).then(([restoreCode, psqlCode]) => {
      if (restoreCode === 0 && psqlCode === 0) resolvePromise();
      else reject(new Error(`pg_restore/psql failed (exit ${restoreCode}/${psqlCode}); the database is unchanged. ${errors.trim().slice(0, 2000)}`));
    });
  });
}

export interface SiteContent {
  readonly articles: number;
  readonly media: number;
  readonly comments: number;
  readonly users: number;
  /** The last migration applied, or null on an empty database. */
  readonly migration: string | null;
}

/** What a database holds, to refuse overwriting a site and to describe a backup. A database without tables is empty. */
export async function siteContent(db: Db): Promise<SiteContent> {
  const tables = new Set((await db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name));
  const count = async (table: 'articles' | 'media' | 'comments' | 'users') =>
    tables.has(table) ? Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) : 0;
  let migration: string | null = null;
  if (tables.has('kysely_migration')) {
    const r = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    migration = r.rows[0]?.name ?? null;
  }
  return { articles: await count('articles'), media: await count('media'), comments: await count('comments'), users: await count('users'), migration };
}

/** True when the SQLite file does not exist yet (nothing to look at) — PostgreSQL databases always exist. */
export async function databaseFileMissing(target: DatabaseTarget): Promise<boolean> {
  if (target.kind !== 'sqlite' || !target.sqlitePath || target.sqlitePath === ':memory:') return false;
  try {
    await stat(target.sqlitePath);
    return false;
  } catch {
    return true;
  }
}
