import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModerationPipeline } from './moderation-pipeline.js';
import { CommentRefused, DEFAULT_RATE_LIMITS, type PipelineContext } from './pipeline-types.js';
import { createWordMatcher } from './word-list-step.js';

const ctx: PipelineContext = {
  mode: 'open',
  reader: { id: 1, approvedCount: 5 },
  premoderateFirst: 2,
  words: createWordMatcher([
    { word: 'وسخ', kind: 'banned' },
    { word: 'يا كذاب', kind: 'suspect' },
  ]),
  recent: { readerMinute: 0, readerHour: 0, networkMinute: 0, networkHour: 0, hashes: [] },
  limits: DEFAULT_RATE_LIMITS,
};
const draft = (body: string) => ({ body, authorName: 'قارئ', guest: false });

test('a trusted reader on an open story is approved; reasons accumulate in order', () => {
  assert.equal(runModerationPipeline(draft('خبر مهم'), ctx).status, 'approved');
  const held = runModerationPipeline(draft('يا كذاااب https://spam.example'), { ...ctx, reader: { id: 1, approvedCount: 0 }, mode: 'premoderated' });
  assert.equal(held.status, 'pending');
  assert.deepEqual(held.reasons, ['suspectWord', 'linkFromNewUser', 'newCommenter', 'premoderated']);
  const rejected = runModerationPipeline(draft('أنت وَسِــخ'), ctx);
  assert.equal(rejected.status, 'rejected');
  assert.deepEqual(rejected.matched, ['وسخ']);
});

test('guests are always held and their names are checked too', () => {
  const v = runModerationPipeline({ body: 'تعليق', authorName: 'الوسخ', guest: true }, { ...ctx, reader: null });
  assert.equal(v.status, 'rejected');
  assert.ok(runModerationPipeline({ body: 'تعليق', authorName: 'سلمى', guest: true }, { ...ctx, reader: null }).reasons.includes('guest'));
});

test('refusals come before anything is decided: closed, repeated, flood; an edit skips the flood checks', () => {
  assert.throws(() => runModerationPipeline(draft('نص'), { ...ctx, mode: 'closed' }), (e: unknown) => e instanceof CommentRefused && e.key === 'closed');
  const first = runModerationPipeline(draft('نص مكرر'), ctx);
  assert.throws(() => runModerationPipeline(draft('نص مكرر'), { ...ctx, recent: { ...ctx.recent, hashes: [first.bodyHash] } }), (e: unknown) => e instanceof CommentRefused && e.key === 'repeated');
  const flood = { ...ctx, recent: { ...ctx.recent, readerMinute: 99 } };
  assert.throws(() => runModerationPipeline(draft('نص'), flood), (e: unknown) => e instanceof CommentRefused && e.key === 'rateLimited');
  assert.equal(runModerationPipeline(draft('نص'), flood, { edit: true }).status, 'approved');
});
