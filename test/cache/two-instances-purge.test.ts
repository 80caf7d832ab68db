// Two instances (two apps over one PostgreSQL database, each with its own page cache) and a real Redis:
// a purge on one reaches the other's cache, so a publication on A is on B's pages at the next request.
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
}

async function instance(dbUrl: string, dataDir: string): Promise<Instance> {
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: dbUrl, REDIS_URL: redisUrl });
  const database = openDatabase(config.database, { poolSize: 4 });
  await database.migrate();
  const minbar = assembleMinbar(config, database, systemClock);
  return { minbar, app: await createApp(minbar) };
}

/** Waits (bounded) until B has heard of A's purge: Redis delivers asynchronously. */
async function until(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

describe('page cache purges across two instances through Redis', { skip: !url && 'TEST_DATABASE_URL is not set' }, () => {
  const dbName = `minbar_cache_${randomBytes(4).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'minbar-cache-'));
  let a: Instance;
  let b: Instance;
  let sectionId = 0;

  before(async () => {
    await admin(`create database ${dbName}`);
    const target = new URL(url!);
    target.pathname = `/${dbName}`;
    a = await instance(target.toString(), dataDir);
    b = await instance(target.toString(), dataDir);
    sectionId = await a.minbar.services.curation.createSection({ slug: 'local', name: 'محليات', position: 1 });
    await a.minbar.services.publishing.createArticle(
      { sectionId, title: 'افتتاح جسر الميناء الجديد', lead: 'افتُتح الجسر صباح اليوم.', body: [{ type: 'paragraph', content: [{ text: 'نص الخبر.' }] }] },
      { status: 'published' },
    );
  });

  after(async () => {
    for (const i of [a, b]) {
      await i?.app.close();
      await i?.minbar.close();
    }
    await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('both instances use Redis for purges', () => {
    assert.equal(a.minbar.services.purges.label, 'redis');
    assert.equal(b.minbar.services.purges.label, 'redis');
  });

  test("a publication on A purges B's cached pages; B shows it at the next request", async () => {
    await a.minbar.services.purges.settled();
    const page = () => b.app.inject({ method: 'GET', url: '/local' });
    const home = () => b.app.inject({ method: 'GET', url: '/' });
    // The set-up's own purges may still be on their way to B: wait until B keeps its pages.
    assert.ok(await until(async () => (await page()).headers['x-cache'] === 'HIT'));
    assert.ok(await until(async () => (await home()).headers['x-cache'] === 'HIT'));

    const title = 'وصول أول سفينة إلى الرصيف الشمالي';
    await a.minbar.services.publishing.createArticle(
      { sectionId, title, lead: 'رست السفينة ظهر اليوم.', body: [{ type: 'paragraph', content: [{ text: 'نص الخبر.' }] }] },
      { status: 'published' },
    );
    await a.minbar.services.purges.settled();
    assert.ok(await until(async () => (await page()).headers['x-cache'] === 'MISS'), "B's section page was purged");
    assert.ok((await page()).body.includes(title));
    assert.ok((await home()).body.includes(title), "B's home page too");
  });

  test('a purge published by A drops exactly the tagged pages on B', async () => {
    const local = () => b.app.inject({ method: 'GET', url: '/local' });
    const rss = () => b.app.inject({ method: 'GET', url: '/rss.xml' });
    await local();
    await rss();
    assert.equal((await local()).headers['x-cache'], 'HIT');
    assert.equal((await rss()).headers['x-cache'], 'HIT');
    a.minbar.services.purges.purge([`section:${sectionId}`]);
    await a.minbar.services.purges.settled();
    assert.ok(await until(async () => (await local()).headers['x-cache'] === 'MISS'));
    assert.equal((await rss()).headers['x-cache'], 'HIT', 'the feed does not carry the tag');
  });
});
