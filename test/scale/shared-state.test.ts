// State several instances share, on every dialect (PostgreSQL when TEST_DATABASE_URL is set) and Redis
// (TEST_REDIS_URL): the per-instance timers are safe to run everywhere at once, and the search rate
// limit is one budget per client across instances.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { openDatabase, testDialects } from '../../src/db/index.js';
import { createReadCounter, fixedClock, systemClock, utcDay } from '../../src/services/index.js';
import { createEventLog } from '../../src/services/live/live-event-log.js';
import { assembleMinbar, createApp } from '../../src/main.js';

const redisUrl = process.env['TEST_REDIS_URL'];
const NOW = Date.UTC(2026, 11, 4, 12);

describe('timers that every instance runs', () => {
  for (const dialect of testDialects()) {
    test(`${dialect.name}: read counts flushed by several instances at once add up`, async () => {
      const h = await dialect.open();
      try {
        const at = NOW;
        const articleId = await insertArticle(h.db, at);
        const clock = fixedClock(at);
        const counters = [0, 1, 2].map(() => createReadCounter({ db: h.db, clock, onError: (e) => assert.fail(String(e)) }, { flushEveryMs: 0 }));
        for (const [i, c] of counters.entries()) for (let n = 0; n <= i * 10; n++) c.record(articleId);
        await Promise.all(counters.map((c) => c.flush()));
        await Promise.all(counters.map((c) => (c.record(articleId), c.flush())));
        const row = await h.db.selectFrom('article_reads').select('reads').where('article_id', '=', articleId).where('day', '=', utcDay(at)).executeTakeFirstOrThrow();
        assert.equal(Number(row.reads), 1 + 11 + 21 + 3);
      } finally {
        await h.close();
      }
    });

    test(`${dialect.name}: live retention pruned by several instances at once never moves the mark back`, async () => {
      const h = await dialect.open();
      try {
        await h.db.insertInto('live_sequence').values({ id: 1, value: 0, pruned_through: 0 } as never).execute().catch(() => {});
        for (let seq = 1; seq <= 40; seq++) {
          await h.db.updateTable('live_sequence').set({ value: seq }).where('id', '=', 1).execute();
          await h.db.insertInto('live_events').values({ seq, article_id: null, kind: 'breaking', payload: '{"kind":"breaking","banner":null}', created_at: NOW + seq * 1000 }).execute();
        }
        const logs = [0, 1, 2, 3].map(() => createEventLog(h.db));
        // Instances with slightly different clocks prune at the same moment: later bounds first.
        await Promise.all(logs.map((log, i) => log.prune(NOW + (40 - i * 5) * 1000 + 500)));
        const seq = await h.db.selectFrom('live_sequence').select('pruned_through').where('id', '=', 1).executeTakeFirstOrThrow();
        assert.equal(Number(seq.pruned_through), 40);
        const left = await h.db.selectFrom('live_events').select('seq').execute();
        assert.deepEqual(left, []);
      } finally {
        await h.close();
      }
    });
  }
});

async function insertArticle(db: ReturnType<typeof openDatabase>['db'], at: number): Promise<number> {
  const { createPublishingService, createCurationService } = await import('../../src/services/index.js');
  const clock = fixedClock(at);
  const sectionId = await createCurationService({ db, clock }).createSection({ slug: 'reads', name: 'قراءات', position: 9 });
  return createPublishingService({ db, clock, hooks: { inTransaction: [], afterCommit: [] } }).createArticle(
    { sectionId, title: 'خبر مقروء', lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص.' }] }] },
    { status: 'published', publishedAt: at },
  );
}

describe('search rate limit across instances', { skip: !redisUrl && 'TEST_REDIS_URL is not set' }, () => {
  test('two instances with REDIS_URL share one budget per client: the 31st search in a minute is refused on either', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'minbar-rl-'));
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: `sqlite:${join(dataDir, 'minbar.db')}`, REDIS_URL: redisUrl!, TRUST_PROXY: '1' });
    const first = openDatabase(config.database);
    await first.migrate();
    const a = assembleMinbar(config, first, systemClock);
    const b = assembleMinbar(config, openDatabase(config.database), systemClock);
    const [appA, appB] = [await createApp(a), await createApp(b)];
    // A client address of its own, so other runs sharing this Redis do not count against it.
    const client = `10.${randomBytes(3).join('.')}`;
    const search = (app: typeof appA) => app.inject({ url: '/api/search?q=%D8%AE%D8%A8%D8%B1', headers: { 'x-forwarded-for': client } });
    try {
      for (const r of [a, b]) for (let i = 0; i < 50 && r.redis!.status !== 'ready'; i++) await new Promise((res) => setTimeout(res, 100));
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await search(i % 2 === 0 ? appA : appB)).statusCode);
      assert.deepEqual(statuses, Array(30).fill(200));
      assert.equal((await search(appA)).statusCode, 429);
      assert.equal((await search(appB)).statusCode, 429);
    } finally {
      await appA.close();
      await appB.close();
      await a.close();
      await b.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
