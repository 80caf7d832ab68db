import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects } from '../../db/index.js';
import { CLI_OPERATOR } from '../../services/index.js';
import { loadSeedPage, openTestSite } from '../../../test/support/test-site.js';
import { createMember } from '../../../test/support/newsroom-session.js';
import { openApiPath } from './openapi-document.js';

for (const dialect of testDialects()) {
  test(`content API on ${dialect.name}`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const seeded = await loadSeedPage(site);
    const { app } = site;
    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

    await t.test('articles: keyset pages that cover every published article once, newest first', async () => {
      const seen: number[] = [];
      let url: string | null = '/api/v1/articles?limit=7';
      let last = Infinity;
      while (url) {
        const res = await get(url);
        assert.equal(res.statusCode, 200);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        const body = res.json() as { items: Array<{ id: number; publishedAt: string; url: string; title: string }>; next: string | null };
        for (const a of body.items) {
          const at = Date.parse(a.publishedAt);
          assert.ok(at <= last);
          last = at;
          seen.push(a.id);
          assert.match(a.url, /^http:\/\/.+\/middle-east\/\d+\//);
        }
        url = body.next ? `/api/v1/articles?limit=7&cursor=${body.next}` : null;
      }
      assert.equal(new Set(seen).size, seen.length);
      assert.equal(seen.length, 49);
      assert.equal(seen[0], seeded.articleId);
      const inStory = (await get('/api/v1/articles?story=story-1&limit=100')).json() as { items: unknown[] };
      assert.equal(inStory.items.length, 49);
      assert.deepEqual((await get('/api/v1/articles?section=world')).json(), { items: [], next: null });
    });

    await t.test('ETags: a matching If-None-Match gets 304 without a body', async () => {
      const first = await get('/api/v1/articles');
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[\w-]+"$/);
      assert.match(String(first.headers['cache-control']), /public, max-age=\d+/);
      const again = await get('/api/v1/articles', { 'if-none-match': etag });
      assert.equal(again.statusCode, 304);
      assert.equal(again.body, '');
      assert.equal((await get('/api/v1/articles', { 'if-none-match': '"other"' })).statusCode, 200);
    });

    await t.test('one article: body blocks, image credit, tags, stories; drafts are 404, withdrawn ones 410', async () => {
      const a = (await get(`/api/v1/articles/${seeded.articleId}`)).json();
      assert.equal(a.title, seeded.seed.title);
      assert.equal(a.image.credit, seeded.seed.credit);
      assert.equal(a.body[1].type, 'quote');
      assert.deepEqual(a.tags.map((x: { name: string }) => x.name), ['سيرغي لافروف', 'تركيا', 'سوريا']);
      assert.equal(a.stories[0].slug, 'story-1');
      const admin = await site.minbar.services.accounts.createUser(CLI_OPERATOR, { email: 'root@example.org', displayName: 'root', role: 'admin', password: 'password-1234' });
      const actor = { userId: admin.id, role: 'admin' as const, sections: 'all' as const };
      const draft = await site.minbar.services.publishing.createDraft(actor, { sectionId: a.section.id, title: 'مسودة لم تُنشر' });
      assert.equal((await get(`/api/v1/articles/${draft.id}`)).statusCode, 404);
      await site.minbar.services.publishing.unpublish(actor, seeded.headlineIds[0]!);
      const gone = await get(`/api/v1/articles/${seeded.headlineIds[0]}`);
      assert.equal(gone.statusCode, 410);
      assert.equal(gone.json().error, 'لم يعد هذا المحتوى متاحًا.');
      assert.equal((await get('/api/v1/articles/abc')).statusCode, 400);
      const unknown = await get('/api/v1/nothing-here');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error, 'غير موجود.');
      const bad = await get('/api/v1/articles?limit=1000');
      assert.equal(bad.statusCode, 400);
      assert.ok(bad.json().fields.limit);
      assert.equal((await get('/api/v1/articles?cursor=%%%')).statusCode, 400);
    });

    await t.test('sections, stories and authors', async () => {
      const sections = (await get('/api/v1/sections')).json();
      assert.deepEqual(sections.items.map((s: { slug: string }) => s.slug), ['middle-east', 'world']);
      const stories = (await get('/api/v1/stories?limit=2')).json();
      assert.equal(stories.items.length, 2);
      assert.ok(stories.next);
      const rest = (await get(`/api/v1/stories?limit=2&cursor=${stories.next}`)).json();
      assert.equal(rest.items.length, 1);
      assert.equal([...stories.items, ...rest.items].find((s: { slug: string }) => s.slug === 'story-1').articleCount, 48, 'one of the 49 was withdrawn above');
      assert.equal((await get('/api/v1/authors')).statusCode, 200);
    });

    await t.test('the OpenAPI 3.1 document describes every route of the route table', async () => {
      const res = await get('/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.equal(doc.openapi, '3.1.0');
      const routes = app.routeTable.filter((r) => r.area === 'api' && r.method !== 'OPTIONS' && !r.url.endsWith('/*'));
      assert.ok(routes.length >= 14, `found ${routes.length}`);
      for (const r of routes) {
        const op = doc.paths[openApiPath(r.url.replace(/^\/api/, ''))]?.[r.method.toLowerCase()];
        assert.ok(op, `${r.method} ${r.url} is documented`);
        if (op.operationId !== 'getOpenApi') assert.equal(op['x-minbar-access'], r.access, `${r.method} ${r.url}`);
      }
      assert.ok(doc.paths['/api/v1/newsroom/articles'].post.requestBody.content['application/json'].schema.properties.title);
    });

    await t.test('the newsroom API: bearer tokens, scopes, and the same rules as the newsroom', async () => {
      const adminUser = await site.minbar.services.accounts.findByEmail(CLI_OPERATOR, 'root@example.org');
      const admin = { userId: adminUser!.id, role: 'admin' as const, sections: 'all' as const };
      const writer = await createMember(site, 'writer', 'bot-writer@example.org');
      const editor = await createMember(site, 'editor', 'bot-editor@example.org');
      const tokens = site.minbar.services.apiTokens;
      const writerToken = (await tokens.create(admin, { name: 'وكالة', userId: writer.id, scopes: ['articles:read', 'articles:write', 'articles:publish'] })).token;
      const editorToken = (await tokens.create(admin, { name: 'مكتب', userId: editor.id, scopes: ['articles:read', 'articles:publish'] })).token;
      const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string | null, payload?: unknown) =>
        app.inject({ method, url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) }, ...(payload ? { payload: JSON.stringify(payload) } : {}) });

      const anon = await call('GET', '/api/v1/newsroom/articles', null);
      assert.equal(anon.statusCode, 401);
      assert.equal(anon.headers['www-authenticate'], 'Bearer realm="minbar"');
      assert.equal((await call('GET', '/api/v1/newsroom/articles', 'mbr_forged')).statusCode, 401);

      const sectionId = (await get('/api/v1/sections')).json().items[0].id;
      const heroMediaId = (await site.minbar.database.db.selectFrom('media').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      const invalid = await call('POST', '/api/v1/newsroom/articles', writerToken, { sectionId, title: '' });
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().fields.title, 'العنوان مطلوب.');
      const created = await call('POST', '/api/v1/newsroom/articles', writerToken, {
        sectionId,
        title: 'خبر من وكالة الأنباء',
        lead: 'مقدمة الخبر',
        heroMediaId,
        body: [{ type: 'paragraph', content: [{ text: 'نص الخبر.' }] }],
      });
      assert.equal(created.statusCode, 201);
      const { id } = created.json();
      const mine = (await call('GET', '/api/v1/newsroom/articles', writerToken)).json();
      assert.deepEqual(mine.items.map((a: { id: number }) => a.id), [id], 'a writer token sees its account’s own articles');
      const saved = await call('PUT', `/api/v1/newsroom/articles/${id}`, writerToken, { article: { sectionId, heroMediaId, title: 'خبر من وكالة الأنباء (محدّث)', lead: 'مقدمة الخبر', body: [{ type: 'paragraph', content: [{ text: 'نص.' }] }] }, baseRevision: 1 });
      assert.equal(saved.statusCode, 200);
      assert.equal((await call('POST', `/api/v1/newsroom/articles/${id}/submit`, writerToken)).statusCode, 403, 'no articles:submit scope');
      assert.equal((await call('POST', `/api/v1/newsroom/articles/${id}/publish`, writerToken)).statusCode, 403, 'the scope cannot make a writer an editor');
      assert.equal((await call('POST', '/api/v1/newsroom/articles', editorToken, { sectionId, title: 'x' })).statusCode, 403, 'no articles:write scope');
      const published = await call('POST', `/api/v1/newsroom/articles/${id}/publish`, editorToken);
      assert.equal(published.statusCode, 200, published.body);
      assert.equal((await get(`/api/v1/articles/${id}`)).json().title, 'خبر من وكالة الأنباء (محدّث)');
      const log = await site.minbar.services.audit.list(admin, { targetType: 'article', targetId: String(id) });
      assert.ok(log.some((e) => e.action === 'article.create' && e.actorUserId === writer.id));
    });
  });
}
