import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsLinks } from './link-step.js';

test('links from guests and new readers are held; trusted readers and text without links pass', () => {
  assert.equal(holdsLinks(true, null, 2), true);
  assert.equal(holdsLinks(true, { approvedCount: 1 }, 2), true);
  assert.equal(holdsLinks(true, { approvedCount: 2 }, 2), false);
  assert.equal(holdsLinks(true, { approvedCount: 0 }, 0), true);
  assert.equal(holdsLinks(false, null, 2), false);
});
