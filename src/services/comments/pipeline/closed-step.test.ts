import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkOpen } from './closed-step.js';
import { CommentRefused } from './pipeline-types.js';
import { effectiveCommentsMode } from '../../../domain/index.js';

test('a closed story or article refuses comments; open and pre-moderated accept them', () => {
  assert.throws(() => checkOpen('closed'), (e: unknown) => e instanceof CommentRefused && e.key === 'closed');
  checkOpen('open');
  checkOpen('premoderated');
});

test('the mode in force: article over story over site; a passed closing time closes', () => {
  const now = 1_000;
  assert.equal(effectiveCommentsMode({ article: 'inherit', story: 'inherit', site: 'open' }, null, now), 'open');
  assert.equal(effectiveCommentsMode({ article: 'inherit', story: 'premoderated', site: 'open' }, null, now), 'premoderated');
  assert.equal(effectiveCommentsMode({ article: 'open', story: 'closed', site: 'open' }, null, now), 'open');
  assert.equal(effectiveCommentsMode({ article: 'open', story: 'inherit', site: 'open' }, 1_000, now), 'closed');
  assert.equal(effectiveCommentsMode({ article: 'open', story: 'inherit', site: 'open' }, 1_001, now), 'open');
});
