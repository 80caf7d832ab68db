import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyHash, checkRepeated } from './repeat-step.js';
import { normalizeForMatching } from './normalize-step.js';
import { CommentRefused } from './pipeline-types.js';

test('the same text again — even with other diacritics, punctuation or stretching — is refused', () => {
  const first = bodyHash(normalizeForMatching('هذا خبر مهم!'));
  const again = bodyHash(normalizeForMatching('هَذا خَبَرٌ مُهــــم!!!'));
  assert.equal(first, again);
  assert.throws(() => checkRepeated(again, [first]), (e: unknown) => e instanceof CommentRefused && e.key === 'repeated');
  checkRepeated(bodyHash(normalizeForMatching('خبر آخر')), [first]);
});
