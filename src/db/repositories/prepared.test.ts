import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../testing.js';
import { prepared } from './prepared.js';

for (const dialect of testDialects()) {
  test(`a prepared query runs its one SQL text with each call's values on ${dialect.name}`, async (t) => {
    const h = await dialect.open();
    t.after(() => h.close());
    const db = h.db;
    const now = Date.UTC(2026, 11, 5);
    const ids: number[] = [];
    for (const [slug, position] of [['a', 3], ['b', 1], ['c', 2]] as const) {
      const r = await db.insertInto('sections').values({ slug, name: `قسم ${slug}`, description: '', parent_id: null, position, in_nav: 1, created_at: now }).returning('id').executeTakeFirstOrThrow();
      ids.push(r.id);
    }
    let builds = 0;
    // Placeholders in a where, an IN list and a limit, one of them used twice.
    const sections = prepared(db, 3, (first: number, second: number, limit: number) => {
      builds++;
      return db
        .selectFrom('sections')
        .select(['id', 'slug'])
        .where((eb) => eb.or([eb('id', 'in', [first, second]), eb('id', '=', first)]))
        .orderBy('position')
        .limit(limit);
    });
    assert.deepEqual(await sections(ids[0]!, ids[1]!, 5), [{ id: ids[1], slug: 'b' }, { id: ids[0], slug: 'a' }]);
    assert.deepEqual(await sections(ids[2]!, ids[0]!, 1), [{ id: ids[2], slug: 'c' }]);
    assert.deepEqual(await sections(999_999, 999_998, 5), []);
    assert.equal(builds, 1, 'built and compiled once');

    // A builder that leaves a placeholder out (the types refuse it too) is refused at once, never run with a wrong value.
    const broken = prepared(db, 2 as 1, (id: number) => db.selectFrom('sections').select('id').where('id', '=', id)) as unknown as (...ids: number[]) => Promise<unknown>;
    await assert.rejects(broken(1, 2), /uses 1 of its 2 placeholders/);
  });
}
