import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plural } from './plural.js';

test('plural picks the form for the category and falls back to other', () => {
  const m = plural({ one: (n) => `${n} item`, other: (n) => `${n} items` });
  assert.equal(m('1', 'one'), '1 item');
  assert.equal(m('7', 'other'), '7 items');
  assert.equal(m('0', 'zero'), '0 items');
  assert.equal(m('3', 'few'), '3 items');
});
