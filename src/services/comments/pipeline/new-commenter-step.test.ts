import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newCommenterHold } from './new-commenter-step.js';

test('guests always, new readers until N approved comments', () => {
  assert.equal(newCommenterHold(null, 0), 'guest');
  assert.equal(newCommenterHold({ approvedCount: 1 }, 2), 'newCommenter');
  assert.equal(newCommenterHold({ approvedCount: 2 }, 2), null);
  assert.equal(newCommenterHold({ approvedCount: 0 }, 0), null);
});
