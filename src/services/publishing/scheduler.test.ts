import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScheduler } from './scheduler.js';

test('the scheduler catches up at start, repeats full batches, reports errors and stops cleanly', async () => {
  const due = [1, 2, 3, 4, 5];
  const calls: number[] = [];
  const published: number[][] = [];
  const s = createScheduler({
    batch: 2,
    intervalMs: 60_000,
    publishDue: async (n) => {
      calls.push(n);
      return due.splice(0, n);
    },
    onPublished: (ids) => published.push([...ids]),
  });
  s.start();
  await new Promise((r) => setImmediate(r));
  await s.stop();
  assert.deepEqual(published, [[1, 2, 3, 4, 5]]);
  assert.deepEqual(calls, [2, 2, 2]);

  const errors: unknown[] = [];
  const failing = createScheduler({
    publishDue: async () => {
      throw new Error('database down');
    },
    onError: (e) => errors.push(e),
  });
  assert.deepEqual([...(await failing.tick())], []);
  assert.equal(errors.length, 1);
});
