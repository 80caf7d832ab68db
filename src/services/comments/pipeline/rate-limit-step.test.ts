import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRateLimits } from './rate-limit-step.js';
import { CommentRefused, DEFAULT_RATE_LIMITS } from './pipeline-types.js';

const quiet = { readerMinute: 0, readerHour: 0, networkMinute: 0, networkHour: 0, hashes: [] };
const limited = (e: unknown) => e instanceof CommentRefused && e.key === 'rateLimited' && e.statusCode === 429;

test('per account and per network, per minute and per hour', () => {
  checkRateLimits(quiet, DEFAULT_RATE_LIMITS, true);
  assert.throws(() => checkRateLimits({ ...quiet, readerMinute: DEFAULT_RATE_LIMITS.readerPerMinute }, DEFAULT_RATE_LIMITS, true), limited);
  assert.throws(() => checkRateLimits({ ...quiet, readerHour: DEFAULT_RATE_LIMITS.readerPerHour }, DEFAULT_RATE_LIMITS, true), limited);
  assert.throws(() => checkRateLimits({ ...quiet, networkMinute: DEFAULT_RATE_LIMITS.networkPerMinute }, DEFAULT_RATE_LIMITS, false), limited);
  assert.throws(() => checkRateLimits({ ...quiet, networkHour: DEFAULT_RATE_LIMITS.networkPerHour }, DEFAULT_RATE_LIMITS, true), limited);
  // A guest has no account counts.
  checkRateLimits({ ...quiet, readerMinute: 99 }, DEFAULT_RATE_LIMITS, false);
});
