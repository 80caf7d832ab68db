// `minbar backup --out DIR|FILE.tar`: one consistent copy of a site — the database (SQLite online backup
// or pg_dump custom format, taken while the site serves), then the media directory — with a manifest
// (version, time, last migration, a SHA-256 per file). Written under a temporary name and renamed when
// complete, so an interrupted backup never looks like a good one.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

export const BACKUP_FORMAT = 'minbar-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

export interface BackupContent {
  readonly articles: number;
  readonly media: number;
  readonly comments: number;
  readonly users: number;
  readonly migration: string | null;
}

export interface BackupDeps {
  readonly databaseKind: 'sqlite' | 'postgres';
  readonly mediaDir: string;
  readonly minbarVersion: string;
  /** Writes a consistent copy of the database to `file`. */
  dumpDatabase(file: string): Promise<{ readonly format: 'sqlite' | 'pg_dump-custom'; readonly tool: string }>;
  content(): Promise<BackupContent>;
  now(): number;
  log(line: string): void;
  error(line: string): void;
}

export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export interface BackupManifest {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  readonly minbarVersion: string;
  readonly createdAt: string;
  readonly database: BackupContent & { readonly kind: 'sqlite' | 'postgres'; readonly file: string; readonly format: 'sqlite' | 'pg_dump-custom'; readonly tool: string };
  readonly files: readonly ManifestFile[];
}

const run = promisify(execFile);

export async function sha256File(path: string): Promise<{ sha256: string; bytes: number }> {
  const bytes = await readFile(path);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
}

/** Every regular file under `dir`, as paths relative to it with forward slashes. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string) {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw e;
    }
    for (const e of entries) {
      const full = join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push(relative(dir, full).split(sep).join('/'));
    }
  }
  await walk(dir);
  return out.sort();
}

async function syncFile(path: string): Promise<void> {
  const h = await open(path, 'r');
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

function parseOut(args: readonly string[]): string | null {
  const i = args.indexOf('--out');
  const v = i >= 0 ? args[i + 1] : args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  return v && !v.startsWith('--') ? v : null;
}

async function isEmptyOrMissing(path: string): Promise<boolean> {
  try {
    const s = await stat(path);
    return s.isDirectory() && (await readdir(path)).length === 0;
  } catch {
    return true;
  }
}

export async function backupCommand(args: readonly string[], deps: BackupDeps): Promise<number> {
  const outArg = parseOut(args);
  if (!outArg) {
    deps.error('minbar backup needs a destination: minbar backup --out DIR (a new or empty folder) or --out FILE.tar');
    return 2;
  }
  const out = resolve(outArg);
  const asTar = out.endsWith('.tar');
  if (!(await isEmptyOrMissing(out))) {
    deps.error(`${out} already exists and is not an empty folder: choose a new destination (a backup never overwrites another).`);
    return 1;
  }
  const work = `${asTar ? out.slice(0, -'.tar'.length) : out}.partial-${process.pid}`;
  await rm(work, { recursive: true, force: true });
  await mkdir(join(work, 'media'), { recursive: true });
  const started = deps.now();
  try {
    // The database first: every media row in it was inserted after its files were on disk, so the
    // media copied afterwards holds every file the database names (and perhaps newer ones, harmless).
    const content = await deps.content();
    const dbFile = deps.databaseKind === 'sqlite' ? 'database.sqlite' : 'database.pgdump';
    const dump = await deps.dumpDatabase(join(work, dbFile));
    await syncFile(join(work, dbFile));
    const files: ManifestFile[] = [{ path: dbFile, ...(await sha256File(join(work, dbFile))) }];

    for (const rel of await listFiles(deps.mediaDir)) {
      // Temporary files of a write in progress are not part of the site.
      if (rel.endsWith('.tmp') || basename(rel).startsWith('.')) continue;
      let bytes: Buffer;
      try {
        bytes = await readFile(join(deps.mediaDir, rel));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue; // removed meanwhile (a failed upload)
        throw e;
      }
      const target = join(work, 'media', rel);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
      files.push({ path: `media/${rel}`, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      minbarVersion: deps.minbarVersion,
      createdAt: new Date(started).toISOString(),
      database: { kind: deps.databaseKind, file: dbFile, format: dump.format, tool: dump.tool, ...content },
      files,
    };
    await writeFile(join(work, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    await syncFile(join(work, MANIFEST));

    if (asTar) {
      await mkdir(dirname(out), { recursive: true });
      const partialTar = `${out}.partial-${process.pid}`;
      await run('tar', ['-cf', partialTar, '-C', work, '.'], { maxBuffer: 16 * 1024 * 1024 });
      await syncFile(partialTar);
      await rename(partialTar, out);
      await rm(work, { recursive: true, force: true });
    } else {
      await rmdir(out).catch(() => undefined);
      await rename(work, out);
    }
    const media = files.length - 1;
    const total = files.reduce((n, f) => n + f.bytes, 0);
    deps.log(
      `Backup written to ${out}: ${deps.databaseKind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} at migration ${content.migration ?? '(none)'} ` +
        `(${content.articles} articles, ${content.comments} comments, ${content.media} pictures), ${media} media files, ` +
        `${(total / 1024 / 1024).toFixed(1)} MB, in ${((deps.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } catch (e) {
    await rm(work, { recursive: true, force: true });
    deps.error(`Backup failed, nothing was written to ${out}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
