import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoff } from './live-messages.js';

test('reconnection delays grow, stay bounded, and are spread by jitter', () => {
  assert.equal(backoff(0, () => 0), 500);
  assert.equal(backoff(0, () => 1), 1000);
  assert.ok(backoff(3, () => 0.5) > backoff(1, () => 0.5));
  assert.ok(backoff(50, () => 1) <= 60_000);
  const spread = new Set(Array.from({ length: 20 }, (_, i) => backoff(4, () => i / 20)));
  assert.equal(spread.size, 20);
});
