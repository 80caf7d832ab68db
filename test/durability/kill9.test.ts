// The power cut: a real `minbar serve` process takes publishes (newsroom API, Bearer token), guest
// comments and picture uploads concurrently, and is killed with SIGKILL at a random moment. After a
// restart every acknowledged write is there and complete, and nothing half-written is visible.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { migrations } from '../../src/db/migrations/index.js';
import { picture, postComment, prepareSite, publishArticle, signInNewsroom, siteDialects, startServer, uploadPicture, type SiteLocation } from './site-process.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const dialect of siteDialects()) {
  describe(`kill -9 under load (${dialect.name})`, () => {
    let location: SiteLocation;
    before(async () => {
      location = await dialect.create();
    });
    after(async () => location.dispose());

    test('every acknowledged publish, comment and upload survives; nothing half-written is visible', async (t) => {
      const site = await prepareSite(location);
      const server = await startServer(location.env);
      const acked = { articles: new Map<number, string>(), comments: [] as Array<{ articleId: number; body: string }>, media: new Map<number, string>() };
      let killed = false;
      const failures: string[] = [];
      // A write that fails after the kill is expected; one that fails before it is a bug.
      const guard = async (what: string, write: () => Promise<void>) => {
        try {
          await write();
        } catch (e) {
          if (!killed) failures.push(`${what}: ${(e as Error).message}`);
        }
      };
      const session = await signInNewsroom(server.url, site.email);
      const firstArticle = await publishArticle(server.url, site, 'خبر أول قبل الانقطاع');
      acked.articles.set(firstArticle, 'خبر أول قبل الانقطاع');

      const publisher = async (worker: number) => {
        for (let i = 0; !killed; i++) {
          const title = `خبر المتانة ${worker} رقم ${i} ${randomBytes(2).toString('hex')}`;
          await guard('publish', async () => {
            acked.articles.set(await publishArticle(server.url, site, title), title);
          });
        }
      };
      const commenter = async (worker: number) => {
        for (let i = 0; !killed; i++) {
          const articleId = [...acked.articles.keys()][i % acked.articles.size]!;
          const body = `تعليق المتانة ${worker}-${i}-${randomBytes(3).toString('hex')}`;
          await guard('comment', async () => {
            await postComment(server.url, articleId, body);
            acked.comments.push({ articleId, body });
          });
        }
      };
      const uploader = async () => {
        for (let i = 0; !killed; i++) {
          const caption = `صورة المتانة ${i}`;
          const bytes = await picture(100 + i, 800, 500);
          await guard('upload', async () => {
            acked.media.set(await uploadPicture(server.url, session, bytes, caption), caption);
          });
        }
      };
      const workers = [publisher(1), publisher(2), commenter(1), commenter(2), uploader()];
      // Wait for some of each kind to be acknowledged, then cut the power at a random moment.
      for (let i = 0; i < 600 && (acked.articles.size < 4 || acked.comments.length < 2 || acked.media.size < 1); i++) await sleep(50);
      await sleep(Math.floor(Math.random() * 1500));
      killed = true;
      await server.kill9();
      await Promise.all(workers);
      assert.deepEqual(failures, [], 'no write failed while the server was up');
      assert.ok(acked.articles.size >= 4 && acked.comments.length >= 2 && acked.media.size >= 1, `writes were acknowledged: ${acked.articles.size} articles, ${acked.comments.length} comments, ${acked.media.size} pictures`);

      t.diagnostic(`acknowledged before the kill: ${acked.articles.size} publishes, ${acked.comments.length} comments, ${acked.media.size} uploads`);
      // Restart: migrations run at start and must find the schema as they left it.
      const again = await startServer(location.env);
      try {
        for (const [id, title] of acked.articles) {
          const api = await fetch(`${again.url}/api/v1/articles/${id}`);
          assert.equal(api.status, 200, `acknowledged article ${id} is published after the restart`);
          assert.equal(((await api.json()) as { title: string }).title, title);
          const search = await fetch(`${again.url}/api/search?q=${encodeURIComponent(`"${title}"`)}`, { headers: { 'x-forwarded-for': `10.9.${id % 250}.${(id >> 8) % 250}` } });
          assert.equal(search.status, 200);
          const hits = ((await search.json()) as { hits: Array<{ id: number }> }).hits.map((h) => h.id);
          assert.ok(hits.includes(id), `searching its title finds article ${id}`);
        }
      } finally {
        await again.stop();
      }

      const h = openDatabase(loadConfig(location.env).database, { poolSize: 1 });
      try {
        const db = h.db;
        // Migrations: exactly the known list, all applied.
        const applied = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name);
        assert.deepEqual(applied, migrations.map((m) => m.name));

        const ids = [...acked.articles.keys()];
        const revisions = await db.selectFrom('article_revisions').select(['article_id', 'kind']).where('article_id', 'in', ids).execute();
        const audit = await db.selectFrom('audit_log').select(['action', 'target_type', 'target_id']).execute();
        for (const id of ids) {
          assert.ok(revisions.some((r) => r.article_id === id && r.kind === 'publish'), `article ${id} has its publish revision`);
          assert.ok(audit.some((a) => a.action === 'article.publish' && a.target_id === String(id)), `article ${id} has its audit entry`);
        }
        // Nothing half-written: no article without a revision; the search rows are exactly the published articles.
        const orphans = await db
          .selectFrom('articles as a')
          .select('a.id')
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('article_revisions as r').select('r.id').whereRef('r.article_id', '=', 'a.id'))))
          .execute();
        assert.deepEqual(orphans, [], 'every article has a revision');
        const published = (await db.selectFrom('articles').select('id').where('status', '=', 'published').orderBy('id').execute()).map((r) => r.id);
        const indexed = (await db.selectFrom('search_documents').select('article_id').orderBy('article_id').execute()).map((r) => r.article_id);
        assert.deepEqual(indexed, published, 'the search rows are exactly the published articles');

        const comments = await db.selectFrom('comments').select(['article_id', 'body']).execute();
        for (const c of acked.comments) assert.ok(comments.some((x) => x.article_id === c.articleId && x.body === c.body), `comment "${c.body}" is stored`);

        // Every picture row names files that are on disk and whole (files are written, flushed and renamed before the row).
        const media = await db.selectFrom('media').select(['id', 'caption', 'variants']).execute();
        for (const [id, caption] of acked.media) {
          assert.equal(media.find((m) => m.id === id)?.caption, caption, `picture ${id} is stored`);
          assert.ok(audit.some((a) => a.action === 'media.upload' && a.target_id === String(id)), `picture ${id} has its audit entry`);
        }
        for (const m of media) {
          const variants = JSON.parse(m.variants) as Array<{ key: string; width: number }>;
          assert.ok(variants.length >= 3, `picture ${m.id} has its variants`);
          for (const v of variants) {
            const file = join(location.mediaDir, v.key);
            assert.ok(existsSync(file), `${v.key} of picture ${m.id} exists`);
            // Fully decoded, failing on a truncated file.
            const { info } = await sharp(readFileSync(file), { failOn: 'truncated' }).raw().toBuffer({ resolveWithObject: true });
            assert.equal(info.width, v.width, `${v.key} decodes whole`);
          }
        }
      } finally {
        await h.close();
      }
    });
  });
}
