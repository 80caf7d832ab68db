import { test } from 'node:test';
import assert from 'node:assert/strict';
import { utf8Bytes } from './utf8-bytes.js';

test('a page encodes to the same bytes as Buffer.from, each in a buffer of its own', () => {
  const samples = [
    '',
    '<p>ASCII only</p>',
    '<h1>لافروف يوضح نقطة الخلاف مع <bdi>NATO</bdi></h1>',
    'emoji 📰 and a lone surrogate \ud800 and \udfff at the end',
    'ب'.repeat(200_000), // 400 KB: within the scratch buffer
    'ب'.repeat(400_000), // beyond it: encoded the plain way
  ];
  const made = samples.map((s) => utf8Bytes(s));
  samples.forEach((s, i) => assert.ok(made[i]!.equals(Buffer.from(s)), `sample ${i}`));
  // Later pages do not overwrite earlier ones (the scratch buffer is copied out).
  assert.equal(made[2]!.toString('utf8'), samples[2]);
  assert.equal(made[3]!.toString('utf8'), Buffer.from(samples[3]!).toString('utf8'));
});
