// `minbar restore FROM [--force]`: puts a backup made by `minbar backup` (a folder or a .tar) into the
// configured site. Verifies every checksum before touching anything, refuses to overwrite a site that
// has content unless --force, restores the database then the media files, and runs the migrations.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, MANIFEST, listFiles, sha256File, type BackupContent } from './backup-command.js';

const run = promisify(execFile);

const safePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.startsWith('/') && !p.split('/').some((s) => s === '..' || s === '' || s === '.') && !p.includes('\\'), 'unsafe path');

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  minbarVersion: z.string(),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    file: safePath,
    format: z.enum(['sqlite', 'pg_dump-custom']),
    tool: z.string(),
    migration: z.string().nullable(),
    articles: z.number().int(),
    media: z.number().int(),
    comments: z.number().int(),
    users: z.number().int(),
  }),
  files: z.array(z.object({ path: safePath, bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).min(1),
});

export interface RestoreDeps {
  readonly databaseKind: 'sqlite' | 'postgres';
  readonly mediaDir: string;
  /** What the configured database holds now (empty when it does not exist yet). */
  content(): Promise<BackupContent>;
  loadDatabase(file: string, format: 'sqlite' | 'pg_dump-custom'): Promise<void>;
  migrate(): Promise<{ readonly applied: readonly string[] }>;
  log(line: string): void;
  error(line: string): void;
}

export async function restoreCommand(args: readonly string[], deps: RestoreDeps): Promise<number> {
  const force = args.includes('--force');
  const fromArg = args.find((a) => !a.startsWith('--'));
  if (!fromArg) {
    deps.error('minbar restore needs a backup: minbar restore DIR|FILE.tar [--force]');
    return 2;
  }
  const from = resolve(fromArg);
  let dir = from;
  let extracted: string | null = null;
  try {
    if (!(await stat(from).catch(() => null))) {
      deps.error(`${from} does not exist.`);
      return 1;
    }
    if (from.endsWith('.tar')) {
      extracted = await mkdtemp(join(tmpdir(), 'minbar-restore-'));
      await run('tar', ['-xf', from, '-C', extracted, '--no-same-owner', '--no-same-permissions'], { maxBuffer: 16 * 1024 * 1024 });
      dir = extracted;
    }

    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(join(dir, MANIFEST), 'utf8'));
    } catch {
      deps.error(`${from} is not a Minbar backup: ${MANIFEST} is missing or not JSON.`);
      return 1;
    }
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success) {
      deps.error(`${from}: ${MANIFEST} is not a valid Minbar backup manifest (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`);
      return 1;
    }
    const manifest = parsed.data;
    if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
      deps.error(`This backup has format version ${manifest.formatVersion}; this Minbar reads up to ${BACKUP_FORMAT_VERSION}. Restore it with a newer Minbar.`);
      return 1;
    }
    if (manifest.database.kind !== deps.databaseKind) {
      deps.error(`This backup holds a ${manifest.database.kind} database; the configured site uses ${deps.databaseKind}. Set DATABASE_URL accordingly.`);
      return 1;
    }

    // Every byte is checked before anything is changed.
    const listed = new Set(manifest.files.map((f) => f.path));
    if (!listed.has(manifest.database.file)) {
      deps.error(`The manifest does not list the database file ${manifest.database.file}.`);
      return 1;
    }
    const bad: string[] = [];
    for (const f of manifest.files) {
      const actual = await sha256File(join(dir, f.path)).catch(() => null);
      if (!actual) bad.push(`${f.path} (missing)`);
      else if (actual.bytes !== f.bytes || actual.sha256 !== f.sha256) bad.push(`${f.path} (checksum differs)`);
    }
    if (bad.length > 0) {
      deps.error(`The backup is damaged; nothing was restored. ${bad.length} file(s) fail verification: ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}`);
      return 1;
    }

    const now = await deps.content();
    const mediaNow = (await listFiles(deps.mediaDir)).length;
    const hasContent = now.articles + now.media + now.comments + now.users > 0 || mediaNow > 0;
    if (hasContent && !force) {
      deps.error(
        `The configured site is not empty (${now.articles} articles, ${now.comments} comments, ${now.media} pictures, ${now.users} accounts, ${mediaNow} media files). ` +
          'Restoring would replace it: take a backup of it first, then run minbar restore again with --force.',
      );
      return 1;
    }

    await deps.loadDatabase(join(dir, manifest.database.file), manifest.database.format);
    let media = 0;
    for (const f of manifest.files) {
      if (!f.path.startsWith('media/')) continue;
      const target = join(deps.mediaDir, f.path.slice('media/'.length));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, await readFile(join(dir, f.path)), { mode: 0o644 });
      media++;
    }
    const { applied } = await deps.migrate();
    deps.log(
      `Restored the backup of ${manifest.createdAt} (Minbar ${manifest.minbarVersion}, migration ${manifest.database.migration ?? '(none)'}): ` +
        `${manifest.database.articles} articles, ${manifest.database.comments} comments, ${manifest.database.media} pictures, ${media} media files. ` +
        (applied.length ? `Migrations applied since: ${applied.join(', ')}.` : 'The schema is up to date.'),
    );
    return 0;
  } catch (e) {
    deps.error(`Restore failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    if (extracted) await rm(extracted, { recursive: true, force: true });
  }
}
