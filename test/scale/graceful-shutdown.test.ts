// SIGTERM on a real `minbar serve` process (bin/minbar.js, SQLite file): a request in flight when the
// signal arrives is answered and its write kept, a live stream is ended with a short retry so its reader
// reconnects elsewhere, new connections are refused, and the process exits 0.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/index.js';
import { createMinbar } from '../../src/main.js';
import { followEvents } from '../support/live-fixture.js';
import { prepareNewsroom, sleep, startMinbar, stopMinbar, type MinbarProcess } from './processes.js';

const dataDir = mkdtempSync(join(tmpdir(), 'minbar-sigterm-'));
const env = { DATA_DIR: dataDir, SITE_NAME: 'منبر', SHUTDOWN_TIMEOUT: '20' };
let server: MinbarProcess | undefined;

after(async () => {
  await stopMinbar(server);
  rmSync(dataDir, { recursive: true, force: true });
});

test('SIGTERM drains: the slow in-flight request completes, live streams end with a short retry, exit code 0', async () => {
  const newsroom = await prepareNewsroom(env);
  server = await startMinbar(env);
  const { port, base } = server;

  const reader = await followEvents(`${base}/live/events`);

  // A newsroom client sends its article slowly: headers and half the body now, the rest after the signal.
  const body = Buffer.from(
    JSON.stringify({ sectionId: newsroom.sectionId, title: 'خبر وصل أثناء الإيقاف', lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص الخبر كاملًا.' }] }] }),
  );
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/newsroom/articles', headers: { authorization: `Bearer ${newsroom.token}`, 'content-type': 'application/json', 'content-length': body.length } },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.write(body.subarray(0, 40));
    setTimeout(() => {
      server!.child.kill('SIGTERM');
      // The live stream's end shows the shutdown has begun; then the rest of the body arrives.
      void reader.ended.then(async () => {
        await sleep(300);
        req.end(body.subarray(40));
      });
    }, 300);
  });

  await reader.ended;
  assert.ok(reader.comments.includes(': closing'), `the stream ends with a closing comment (got ${JSON.stringify(reader.comments)})`);
  assert.ok(reader.retry !== null && reader.retry < 2_000, `a short retry sends the reader elsewhere soon (got ${reader.retry})`);

  // The listening socket is closed: a new client is refused (nginx then tries the next instance).
  await assert.rejects(fetch(`${base}/healthz`), 'new connections are refused while draining');

  const res = await answer;
  assert.equal(res.status, 201, res.body);
  const { id } = JSON.parse(res.body) as { id: number };
  assert.equal(await server.exited, 0, server.output());

  // The acknowledged write is in the database.
  const minbar = await createMinbar(loadConfig(env));
  try {
    const row = await minbar.database.db.selectFrom('articles').select(['title']).where('id', '=', id).executeTakeFirst();
    assert.equal(row?.title, 'خبر وصل أثناء الإيقاف');
  } finally {
    await minbar.close();
  }
});
