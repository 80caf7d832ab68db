import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modeHolds } from './mode-step.js';

test('pre-moderated stories hold every comment; open ones do not', () => {
  assert.equal(modeHolds('premoderated'), true);
  assert.equal(modeHolds('open'), false);
});
