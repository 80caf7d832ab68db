// `minbar backup` while the site serves and publishes, then `minbar restore` into a fresh location: the
// same articles, pages, comments and picture files; a damaged backup or a non-empty site is refused.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { backupCli } from '../../src/main.js';
import {
  picture,
  postComment,
  prepareSite,
  publishArticle,
  runMinbar,
  signInNewsroom,
  siteDialects,
  startServer,
  uploadPicture,
  type SiteLocation,
} from './site-process.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const dialect of siteDialects()) {
  describe(`backup and restore (${dialect.name})`, () => {
    let source: SiteLocation;
    let restored: SiteLocation;
    let out: string;
    before(async () => {
      source = await dialect.create();
      restored = await dialect.create();
      out = mkdtempSync(join(tmpdir(), 'minbar-backup-'));
    });
    after(async () => {
      await source.dispose();
      await restored.dispose();
      rmSync(out, { recursive: true, force: true });
    });

    test('a backup taken while the site serves and publishes restores into a fresh site with the same content', async () => {
      const site = await prepareSite(source);
      const server = await startServer(source.env);
      const articles = new Map<number, string>();
      const pictures = new Map<number, string>();
      try {
        const session = await signInNewsroom(server.url, site.email);
        for (let i = 0; i < 4; i++) {
          const title = `خبر قبل النسخة ${i}`;
          articles.set(await publishArticle(server.url, site, title), title);
          pictures.set(await uploadPicture(server.url, session, await picture(10 + i), `صورة ${i}`), `صورة ${i}`);
        }
        const first = [...articles.keys()][0]!;
        await postComment(server.url, first, 'تعليق محفوظ في النسخة الاحتياطية');

        // Publishing goes on while the backup runs; only what was acknowledged before it began is required.
        let writing = true;
        const during = (async () => {
          for (let i = 0; writing; i++) await publishArticle(server.url, site, `خبر أثناء النسخ ${i}`);
        })();
        const dest = join(out, 'site-backup');
        const backup = await runMinbar(['backup', '--out', dest], source.env);
        writing = false;
        await during;
        assert.equal(backup.code, 0, backup.stderr + backup.stdout);
        assert.match(backup.stdout, /Backup written to/);
        const manifest = JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8'));
        assert.equal(manifest.format, 'minbar-backup');
        assert.equal(manifest.database.kind, dialect.name);
        assert.match(manifest.database.migration, /^\d{4}-/);
        assert.ok(manifest.files.every((f: { sha256: string }) => /^[0-9a-f]{64}$/.test(f.sha256)));

        // The same commands in this process (one child is enough to prove the command line; each costs seconds).
        const cli = async (command: 'backup' | 'restore', args: string[], env: Record<string, string>) => {
          const lines = { stdout: '', stderr: '' };
          const code = await backupCli(command, args, env, { log: (s) => (lines.stdout += `${s}\n`), error: (s) => (lines.stderr += `${s}\n`) });
          return { code, ...lines };
        };
        // A second backup never overwrites the first.
        assert.equal((await cli('backup', ['--out', dest], source.env)).code, 1);

        // A backup whose bytes changed is refused before anything is touched.
        const damaged = join(out, 'damaged.tar');
        const copy = await cli('backup', ['--out', damaged], source.env);
        assert.equal(copy.code, 0, copy.stderr);
        const unpacked = join(out, 'unpacked');
        mkdirSync(unpacked);
        execFileSync('tar', ['-xf', damaged, '-C', unpacked]);
        const mediaFile = JSON.parse(readFileSync(join(unpacked, 'manifest.json'), 'utf8')).files.find((f: { path: string }) => f.path.startsWith('media/')).path;
        writeFileSync(join(unpacked, mediaFile), 'not the picture');
        const refused = await cli('restore', [unpacked], restored.env);
        assert.equal(refused.code, 1);
        assert.match(refused.stderr, /damaged/);

        const restore = await cli('restore', [dest], restored.env);
        assert.equal(restore.code, 0, restore.stderr + restore.stdout);
        assert.match(restore.stdout, /Restored the backup/);

        // The restored site is not empty any more: restoring over it needs --force (here from the .tar).
        const twice = await cli('restore', [damaged], restored.env);
        assert.equal(twice.code, 1);
        assert.match(twice.stderr, /not empty/);
        assert.equal((await cli('restore', [damaged, '--force'], restored.env)).code, 0, 'the intact .tar restores with --force');
        assert.equal((await cli('restore', [dest, '--force'], restored.env)).code, 0);
      } finally {
        await server.stop();
      }

      const copy = await startServer(restored.env);
      try {
        for (const [id, title] of articles) {
          const api = await fetch(`${copy.url}/api/v1/articles/${id}`);
          assert.equal(api.status, 200, `article ${id} is restored`);
          assert.equal(((await api.json()) as { title: string }).title, title);
          const page = await fetch(`${copy.url}/local/${id}/x`);
          assert.equal(page.status, 200);
          assert.ok((await page.text()).includes(title), 'its page renders');
          const search = await fetch(`${copy.url}/api/search?q=${encodeURIComponent(title)}`);
          assert.equal(search.status, 200);
          assert.ok(JSON.stringify(await search.json()).includes(`"id":${id}`), `search finds article ${id}`);
        }
        // Rows a page does not show: the held guest comment, the pictures with their metadata.
        const db = openDatabase(loadConfig(restored.env).database, { poolSize: 1 });
        try {
          const comments = await db.db.selectFrom('comments').select(['article_id', 'body']).execute();
          assert.ok(comments.some((c) => c.article_id === [...articles.keys()][0] && c.body.includes('تعليق محفوظ في النسخة الاحتياطية')));
          const media = await db.db.selectFrom('media').select(['id', 'caption']).execute();
          for (const [id, caption] of pictures) assert.equal(media.find((m) => m.id === id)?.caption, caption, `picture ${id} is restored`);
        } finally {
          await db.close();
        }
        for (const file of listMedia(source.mediaDir)) {
          const original = readFileSync(join(source.mediaDir, file));
          const served = await fetch(`${copy.url}/media/${file}`);
          assert.equal(served.status, 200, `${file} is served by the restored site`);
          assert.equal(sha(Buffer.from(await served.arrayBuffer())), sha(original), `${file} is identical`);
        }
      } finally {
        await copy.stop();
      }
    });
  });
}

function listMedia(dir: string): string[] {
  const out: string[] = [];
  for (const key of readdirSync(dir)) {
    if (!statSync(join(dir, key)).isDirectory()) continue;
    for (const f of readdirSync(join(dir, key))) if (/^\d+\.(avif|webp|jpg)$/.test(f)) out.push(`${key}/${f}`);
  }
  return out;
}
