// Two instances (two buildApps on two ports over one PostgreSQL database): an entry posted on one reaches
// a reader connected to the other — through Redis pub/sub, and through LISTEN/NOTIFY without Redis.
// Runs when TEST_DATABASE_URL is set (Redis from TEST_REDIS_URL, default redis://127.0.0.1:6379).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase } from '../../src/db/index.js';
import { systemClock } from '../../src/services/index.js';
import { assembleMinbar, createApp, type Minbar } from '../../src/main.js';
import { correspondent, deskEditor, followEvents, paragraph } from '../support/live-fixture.js';

const url = process.env['TEST_DATABASE_URL'];
const redisUrl = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

async function admin(sql: string): Promise<void> {
  const u = new URL(url!);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

interface Instance {
  readonly minbar: Minbar;
  readonly app: Awaited<ReturnType<typeof createApp>>;
  readonly base: string;
}

async function instance(dbUrl: string, env: Record<string, string>, dataDir: string): Promise<Instance> {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: dbUrl, ...env });
  const database = openDatabase(config.database, { poolSize: 4 });
  await database.migrate();
  const minbar = assembleMinbar(config, database, systemClock);
  const app = await createApp(minbar);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { minbar, app, base: `http://127.0.0.1:${address.port}` };
}

for (const [name, env, transport] of [
  ['Redis pub/sub', { REDIS_URL: redisUrl }, 'redis'],
  ['PostgreSQL LISTEN/NOTIFY', {}, 'listen-notify'],
] as const) {
  describe(`two instances through ${name}`, { skip: !url && 'TEST_DATABASE_URL is not set' }, () => {
    const dbName = `minbar_live_${randomBytes(4).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'minbar-live-'));
    let a: Instance;
    let b: Instance;
    let blogId = 0;

    before(async () => {
      await admin(`create database ${dbName}`);
      const target = new URL(url!);
      target.pathname = `/${dbName}`;
      a = await instance(target.toString(), env, dataDir);
      b = await instance(target.toString(), env, dataDir);
      const db = a.minbar.database.db;
      for (const [actor, display] of [[correspondent, 'ريم حداد'], [deskEditor, 'مازن العلي']] as const) {
        await db
          .insertInto('users')
          .values({ id: actor.userId, email: `i${actor.userId}@example.org`, display_name: display, role: actor.role, locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: Date.now(), updated_at: Date.now() })
          .execute();
      }
      const sectionId = await a.minbar.services.curation.createSection({ slug: 'local', name: 'محليات', position: 1 });
      blogId = await a.minbar.services.publishing.createArticle(
        { sectionId, type: 'live', title: 'مباشر: فيضانات الساحل الشرقي', lead: 'تغطية', body: paragraph('تغطية') },
        { status: 'published', publishedAt: Date.now() },
      );
    });

    after(async () => {
      for (const i of [a, b]) {
        if (!i) continue;
        await i.app.close();
        await i.minbar.close();
      }
      await admin(`drop database if exists ${dbName} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('an entry posted on one instance reaches a reader of the other; a reconnect there resumes exactly', async () => {
      assert.equal(a.minbar.services.live.transport, transport);
      assert.equal(b.minbar.services.live.transport, transport);
      const reader = await followEvents(`${b.base}/live/${blogId}/events`);
      const siteReader = await followEvents(`${b.base}/live/events`);
      const entry = await a.minbar.services.live.postEntry(correspondent, blogId, { body: paragraph('وصلت فرق الإنقاذ إلى الريحان') });
      await a.minbar.services.live.setBreaking(deskEditor, { text: 'عاجل: إغلاق الطريق الساحلي', minutes: 5 });
      const [created, breaking] = await reader.until(2);
      assert.equal(created!.event, 'entry.created');
      assert.equal(JSON.parse(created!.data).id, entry.id);
      assert.equal(breaking!.event, 'breaking');
      const [siteBreaking] = await siteReader.until(1);
      assert.equal(siteBreaking!.event, 'breaking', 'the site-wide stream carries the banner only');
      await reader.close();
      await siteReader.close();

      // Posted on B while the reader is away; it comes back to A with its last id.
      const missed = await b.minbar.services.live.postEntry(correspondent, blogId, { body: paragraph('ارتفاع منسوب المياه') });
      const back = await followEvents(`${a.base}/live/${blogId}/events`, { 'last-event-id': breaking!.id! });
      const [again] = await back.until(1);
      assert.equal(JSON.parse(again!.data).id, missed.id);
      assert.equal(Number(again!.id), Number(breaking!.id) + 1, 'no gap, no duplicate');
      await back.close();
    });
  });
}
