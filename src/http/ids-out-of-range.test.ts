// Found by test/security/fuzz.test.ts on PostgreSQL: an id past its 32-bit `serial` (2147483648) in a
// path or a body answered 500 ("value out of range for type integer"). Every id read from a request is
// now checked against MAX_ID: a 404 for an article address, a 400 elsewhere, on both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../db/index.js';
import { InvalidInput, MAX_ID } from '../domain/index.js';
import { openTestSite } from '../../test/support/test-site.js';
import { assertClearRefusal, loadWalkSite } from '../../test/support/route-walk.js';

const FIXED = new Set([':section', ':slug', ':key', ':file', ':ratio']);

for (const dialect of testDialects()) {
  test(`ids past MAX_ID are refused in Arabic on every route that takes one, never a 500, on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const walk = await loadWalkSite(site);
    const big = String(MAX_ID + 1);
    let checked = 0;
    for (const r of site.app.allRoutes) {
      if (r.method === 'HEAD' || !/:(id|articleId|entryId|n)\b/.test(r.url) || r.url.endsWith('/events')) continue;
      const url = r.url.replace(/:[A-Za-z]+/g, (m) => (FIXED.has(m) ? 'politics' : big));
      const area = url.startsWith('/newsroom') ? 'newsroom' : url.startsWith('/api') ? 'api' : 'site';
      const headers: Record<string, string> =
        area === 'newsroom' ? { cookie: walk.admin.cookie, 'x-csrf-token': walk.admin.csrf } : area === 'api' ? { authorization: `Bearer ${walk.apiToken}` } : { cookie: walk.reader.cookie };
      const payload = r.method === 'GET' ? undefined : area === 'site' ? `_csrf=${encodeURIComponent(walk.reader.csrf)}` : '{}';
      if (payload) headers['content-type'] = area === 'site' ? 'application/x-www-form-urlencoded' : 'application/json';
      const res = await site.app.inject({ method: r.method as 'GET', url, headers, ...(payload ? { payload } : {}) });
      assertClearRefusal(res, `${r.method} ${url}`);
      checked++;
    }
    assert.ok(checked >= 30, `checked ${checked}`);
    // Ids inside a body: the article's picture, stories and authors.
    for (const body of [{ heroMediaId: MAX_ID + 1 }, { storyIds: [MAX_ID + 1] }, { authorIds: [MAX_ID + 1] }, { sectionId: MAX_ID + 1 }]) {
      const res = await site.app.inject({ method: 'POST', url: '/api/v1/newsroom/articles', headers: { authorization: `Bearer ${walk.apiToken}`, 'content-type': 'application/json' }, payload: JSON.stringify({ sectionId: 1, title: 'عنوان', ...body }) });
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    // Numbers in query strings and in curation: a filter, a log cursor, a position, a trending rank.
    for (const url of [`/api/v1/articles?section=${big}`, `/api/v1/articles?story=${big}`, `/newsroom/audit?before=${big}`, `/newsroom/moderation/log?before=${big}`]) {
      const headers: Record<string, string> = url.startsWith('/newsroom') ? { cookie: walk.admin.cookie } : {};
      const res = await site.app.inject({ url, headers });
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
    }
    const editor = { userId: 0, role: 'admin' as const, sections: 'all' as const };
    await assert.rejects(site.minbar.services.curation.createSection({ slug: 'far-away', name: 'بعيد', position: MAX_ID + 1 }), InvalidInput);
    await assert.rejects(site.minbar.services.curation.saveChannel(editor, null, { kind: 'x', label: 'إكس', url: 'https://x.com/a', position: MAX_ID + 1 }), InvalidInput);
  });
}
