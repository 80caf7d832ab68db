import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../config/index.js';
import { openDatabase, testDialects } from '../db/index.js';
import { systemClock } from '../services/index.js';
import { assembleMinbar, createApp } from '../main.js';
import { createLifecycle, readiness } from './health.js';

const redisUrl = process.env['TEST_REDIS_URL'];

async function site(env: Record<string, string>, before: (db: ReturnType<typeof openDatabase>) => Promise<void> = async () => {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'minbar-health-'));
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const database = openDatabase(config.database);
  await database.migrate();
  await before(database);
  const minbar = assembleMinbar(config, database, systemClock);
  const lifecycle = createLifecycle();
  const app = await createApp(minbar, { lifecycle });
  return {
    app,
    lifecycle,
    async close() {
      await app.close();
      await minbar.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('health and readiness', () => {
  for (const dialect of testDialects()) {
    test(`${dialect.name}: /healthz answers; /readyz is ready with the database migrated, 503 while draining`, async () => {
      const database = await dialect.open();
      const dataDir = mkdtempSync(join(tmpdir(), 'minbar-health-'));
      const minbar = assembleMinbar(loadConfig({ DATA_DIR: dataDir }), database, systemClock);
      const lifecycle = createLifecycle();
      const app = await createApp(minbar, { lifecycle });
      try {
        const live = await app.inject({ url: '/healthz' });
        assert.equal(live.statusCode, 200);
        assert.equal(live.json().status, 'ok');
        assert.equal(live.headers['cache-control'], 'no-store');

        const ready = await app.inject({ url: '/readyz' });
        assert.equal(ready.statusCode, 200);
        assert.deepEqual(ready.json(), { status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
        assert.equal(ready.headers['cache-control'], 'no-store');

        lifecycle.draining = true;
        const draining = await app.inject({ url: '/readyz' });
        assert.equal(draining.statusCode, 503);
        assert.equal(draining.json().status, 'draining');
        assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'alive while draining');
        assert.equal((await app.inject({ url: '/robots.txt' })).headers['connection'], 'close', 'draining answers close their connection');
      } finally {
        await app.close();
        await minbar.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }

  test('an instance whose code has a migration the database lacks is not ready, and names how many are pending', async () => {
    // As when new code starts before `minbar migrate` ran: the newest migration is not recorded.
    const s = await site({ DATABASE_URL: 'sqlite::memory:' }, async (database) => {
      await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(database.db);
    });
    try {
      const r = await s.app.inject({ url: '/readyz' });
      assert.equal(r.statusCode, 503);
      const body = r.json();
      assert.equal(body.status, 'not-ready');
      assert.equal(body.checks.database, 'ok');
      assert.equal(body.checks.migrations, '1 pending');
    } finally {
      await s.close();
    }
  });

  test('an unreachable Redis makes the instance not ready, without error details', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused.
    const s = await site({ DATABASE_URL: 'sqlite::memory:', REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const r = await s.app.inject({ url: '/readyz' });
      assert.equal(r.statusCode, 503);
      assert.equal(r.json().checks.redis, 'unreachable');
      assert.equal(r.json().checks.database, 'ok');
    } finally {
      await s.close();
    }
  });

  test('with Redis configured and up, readiness checks it', { skip: !redisUrl && 'TEST_REDIS_URL is not set' }, async () => {
    const s = await site({ DATABASE_URL: 'sqlite::memory:', REDIS_URL: redisUrl! });
    try {
      // The shared connection may still be opening: readiness turns ok once it is up.
      let body: { status: string; checks: Record<string, string> } = { status: '', checks: {} };
      for (let i = 0; i < 50 && body.status !== 'ready'; i++) {
        body = (await s.app.inject({ url: '/readyz' })).json();
        if (body.status !== 'ready') await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(body, { status: 'ready', checks: { database: 'ok', migrations: 'ok', redis: 'ok' } });
    } finally {
      await s.close();
    }
  });

  test('a probe that hangs counts as failed after its time limit', async () => {
    const report = await readiness({
      lifecycle: createLifecycle(),
      probeTimeoutMs: 50,
      probes: [
        { name: 'database', check: async () => null },
        { name: 'redis', check: () => new Promise<string | null>(() => {}) },
      ],
    });
    assert.deepEqual(report, { status: 'not-ready', checks: { database: 'ok', redis: 'timeout' } });
  });
});
