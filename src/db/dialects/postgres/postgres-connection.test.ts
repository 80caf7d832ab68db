import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDialects } from '../../testing.js';
import { withoutNul } from './postgres-connection.js';

test('withoutNul drops U+0000 from string parameters only, and copies nothing when there is none', () => {
  const clean = ['عنوان', 3, null, Buffer.from([0])];
  assert.equal(withoutNul(clean), clean);
  assert.deepEqual(withoutNul(['خبر\u0000عاجل', 7, '\u0000\u0000']), ['خبرعاجل', 7, '']);
});

const pgDialect = testDialects().find((d) => d.name === 'postgres');
test('a NUL sent in any text reaches PostgreSQL without it, instead of failing the write', { skip: !pgDialect && 'TEST_DATABASE_URL is not set' }, async () => {
  const handle = await pgDialect!.open();
  try {
    const { db } = handle;
    await db.insertInto('sections').values({ slug: 'nul', name: 'أخبار\u0000عاجلة', position: 1, created_at: 1 } as never).execute();
    const row = await db.selectFrom('sections').select('name').where('slug', '=', 'nul').executeTakeFirstOrThrow();
    assert.equal(row.name, 'أخبارعاجلة');
    // In a filter too: the lookup runs instead of failing.
    assert.equal((await db.selectFrom('sections').select('id').where('name', '=', 'أخبار\u0000عاجلة').execute()).length, 1);
  } finally {
    await handle.close();
  }
});
