// Property-based fuzz of every route Fastify registered (`app.allRoutes`), with fast-check: path
// parameters filled with hostile values (huge, negative, unicode, `../`, SQL and HTML fragments, empty)
// or real ids, random query strings, urlencoded forms, JSON (wrong types, deep nesting, long strings,
// NUL and bidi characters) and garbage bodies — anonymously, and signed in (the administrator with the
// session's CSRF token in the newsroom, a reader with theirs on the site, a bearer token under /api)
// so that the validation behind authentication is reached too. Properties:
// - never a 5xx;
// - a 4xx carries an Arabic message (HTML page, text, or JSON `error`), never a stack trace, an SQL
//   error or Fastify's English JSON;
// - a redirect never leaves the site;
// - a refused (4xx) state-changing request writes nothing (row counts of every table, before and after).
// Bounded: seed FUZZ_SEED (fixed by default), FUZZ_RUNS runs per route and identity (default 4);
// SQLite always, a short pass (a quarter of the runs) on PostgreSQL when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { testDialects, type TestDialect } from '../../src/db/index.js';
import { listen } from '../support/browser.js';
import { openTestSite, parse, type TestSite } from '../support/test-site.js';
import { UNSAFE, areaOf, assertClearRefusal, changedTables, keepSessionsAlive, loadWalkSite, scrapeForms, tableCounter } from '../support/route-walk.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 9_2026);
const RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? 4));

/** Written by a refused request on purpose: failed sign-ins are counted for the lockout. */
const LEDGERS = ['login_attempts', 'article_reads'];

/** Names the app's forms and queries use, so random inputs reach the validation of real fields. */
const FIELDS = [
  'title', 'lead', 'body', 'sectionId', 'heroMediaId', 'heroCaption', 'heroCredit', 'storyIds', 'tags', 'authorIds', 'type', 'slug', 'name',
  'description', 'url', 'kind', 'label', 'position', 'parentId', 'email', 'password', 'newPassword', 'currentPassword', 'displayName', 'role',
  'locale', 'sectionIds', 'totpRequired', 'code', 'reason', 'note', 'authorName', 'next', 'q', 'status', 'section', 'author', 'story', 'page',
  'before', 'after', 'limit', 'cursor', 'sort', 'reply', 'queue', 'action', 'ids', 'scope', 'scopeId', 'mode', 'guestsAllowed', 'word', 'words',
  'text', 'link', 'expiresAt', 'startsAt', 'pinned', 'state', 'summary', 'baseRevision', 'revision', 'correction', 'publishAt', 'caption', 'alt',
  'credit', 'scopes', 'userId', 'lastEventId', 'expires', 'signature', 'from', 'to', 'featured', 'trendingRank', 'coverMediaId', 'parentId',
  'article', 'content', 'blocks', 'source', 'until', 'duration', 'days', 'lead', 'slot', 'articleId', 'entryId', 'reaction', '_csrf', '__proto__', 'constructor',
];

const HOSTILE = [
  '', ' ', '0', '-1', '-0', '1.5', '1e309', '99999999999999999999999', '9007199254740993', '2147483648', 'NaN', 'Infinity', 'null', 'undefined',
  'true', '[]', '{}', '../../../etc/passwd', '..\\..\\windows', '%2e%2e%2f', '.', '..', "' OR '1'='1", "1; DROP TABLE articles;--", "1' UNION SELECT password_hash FROM users--",
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '//evil.example', '/\\evil.example', 'https://evil.example/',
  '\u0000', 'a\u0000b', '\u202e\u2066مرحبا\u2069', '\u200f\u200e', '\ufeff', '\ud800', 'ﷺ', 'بسم الله', '🙂👨‍👩‍👧', 'x'.repeat(5_000), 'ا'.repeat(20_001),
  '%', '%%', '%zz', '\\', '\r\nSet-Cookie: a=b', '${7*7}', '{{7*7}}', '__proto__', 'constructor', '2026-02-30', '2026-11-29T09:00:00Z', '-2026-01-01',
];

const str = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.double()).map(String) },
);
const key = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: str });
const formFields = fc.dictionary(key, fc.oneof({ weight: 3, arbitrary: str }, { weight: 1, arbitrary: fc.array(str, { maxLength: 4 }) }), { maxKeys: 8 });
const deep = (n: number) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown;
const json = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(key, fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(deep(2_000), { title: { $gt: '' } }, { body: [{ type: 'paragraph', content: [{ text: '\u0000'.repeat(10) }] }] }, [], null, 0, '') },
);

type Body =
  | { kind: 'none' }
  | { kind: 'form'; fields: Record<string, string | string[]> }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; type: string; text: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  formFields.map((fields) => ({ kind: 'form' as const, fields })),
  json.map((value) => ({ kind: 'json' as const, value })),
  fc.record({
    kind: fc.constant('raw' as const),
    type: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz', 'multipart/form-data', 'text/plain', 'application/xml', 'image/png', ''),
    text: fc.oneof(str, fc.constantFrom('{"title":', '--xyz\r\nContent-Disposition: form-data; name="file"; filename="../../a.svg"\r\n\r\n<svg onload=alert(1)>\r\n--xyz--\r\n', 'a=%ZZ&b', '\u0000\u0001\u0002')),
  }),
);

interface Attempt {
  readonly params: string[];
  readonly query: Record<string, string | string[]>;
  readonly body: Body;
  readonly csrfIn: 'field' | 'header';
  /** Signed in, on a route some page has a form for: that form with a few fields changed, instead of `body`. */
  readonly fromForm: { readonly which: number; readonly asJson: boolean; readonly edits: ReadonlyArray<{ field: number | string; value: string | string[] }> } | null;
}

function encodeForm(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

/** Fills `:param`s and the wildcard, each with its own value (percent-encoded, so the URL is well-formed). */
function pathOf(url: string, values: readonly string[]): string {
  // A lone surrogate has no UTF-8: it travels as U+FFFD, as a browser would send it.
  const enc = (v: string) => encodeURIComponent(v.replace(/[\ud800-\udfff]/gu, '\ufffd')) || 'x';
  let i = 0;
  return url.replace(/:[A-Za-z]+/g, () => enc(values[i++ % values.length] ?? '')).replace(/\*$/, () => values.slice(0, 3).map(enc).join('/'));
}

async function fuzzSite(dialect: TestDialect, runs: number, t: test.TestContext) {
  const site = await openTestSite(dialect);
  t.after(() => site.close());
  const walk = await loadWalkSite(site);
  const count = await tableCounter(site);
  const base = await listen(site);
  const realIds = [walk.fixture.sectionArticleIds[0]!, walk.fixture.correctedArticleId, walk.liveBlogId, walk.commentId, 1, 2].map(String);
  const realSlugs = [walk.fixture.sectionSlug, walk.fixture.storySlug, walk.fixture.authorSlug, 'editorial-principles', walk.fixture.heroKey, '16x9', '640.jpg', 'articles-1.xml'];
  const param = fc.oneof({ weight: 3, arbitrary: str }, { weight: 1, arbitrary: fc.constantFrom(...realIds, ...realSlugs) });
  const attempt: fc.Arbitrary<Attempt> = fc.record({
    params: fc.array(param, { minLength: 3, maxLength: 3 }),
    query: fc.dictionary(key, fc.oneof(str, fc.array(str, { maxLength: 3 })), { maxKeys: 5 }),
    body,
    csrfIn: fc.constantFrom('field' as const, 'header' as const),
    fromForm: fc.option(
      fc.record({
        which: fc.nat(),
        asJson: fc.boolean(),
        edits: fc.array(fc.record({ field: fc.oneof(fc.nat(), key), value: fc.oneof({ weight: 4, arbitrary: str }, { weight: 1, arbitrary: fc.array(str, { maxLength: 3 }) }) }), { minLength: 1, maxLength: 3 }),
      }),
      { freq: 2 },
    ),
  });
  const forms = await scrapeForms(site, walk, parse);
  const formRoutes = [...forms.keys()];
  assert.ok(formRoutes.length >= 30, `forms found for ${formRoutes.length} routes`);

  const routes = site.app.allRoutes.filter((r) => r.method !== 'HEAD');
  let requests = 0;
  // Signed-in writes that got past the CSRF check and sign-in (so the validation behind them was reached).
  let pastTheGate = 0;
  let formAttempts = 0;
  const statuses = new Map<number, number>();
  for (const [index, route] of routes.entries()) {
    const area = areaOf(route.url);
    const unsafe = UNSAFE.has(route.method);
    const streams = /\/events$/.test(route.url);
    for (const identity of ['anonymous', 'signed in'] as const) {
      await fc.assert(
        fc.asyncProperty(attempt, async (a) => {
          const signedIn = identity === 'signed in';
          const headers: Record<string, string> = {};
          let payload: string | undefined;
          let csrf: string | null = null;
          if (signedIn && area === 'newsroom') {
            headers['cookie'] = walk.admin.cookie;
            csrf = walk.admin.csrf;
          } else if (signedIn && area === 'site') {
            headers['cookie'] = walk.reader.cookie;
            csrf = walk.reader.csrf;
          } else if (signedIn) headers['authorization'] = `Bearer ${walk.apiToken}`;
          if (csrf && a.csrfIn === 'header') headers['x-csrf-token'] = csrf;
          let b = a.body;
          let path = pathOf(route.url, a.params);
          const baselines = forms.get(route.url);
          if (signedIn && a.fromForm && baselines && route.method === 'POST') {
            const base = baselines[a.fromForm.which % baselines.length]!;
            const names = Object.keys(base.fields);
            const fields: Record<string, string | string[]> = { ...base.fields };
            for (const e of a.fromForm.edits) fields[typeof e.field === 'number' ? (names[e.field % names.length] ?? 'x') : e.field] = e.value;
            delete fields['_csrf'];
            path = base.url;
            b = a.fromForm.asJson ? { kind: 'json', value: fields } : { kind: 'form', fields };
            formAttempts++;
          }
          if (route.method !== 'GET') {
            if (b.kind === 'form') {
              headers['content-type'] = 'application/x-www-form-urlencoded';
              payload = encodeForm(csrf && a.csrfIn === 'field' ? { ...b.fields, _csrf: csrf } : b.fields);
            } else if (b.kind === 'json') {
              headers['content-type'] = 'application/json';
              const v = csrf && a.csrfIn === 'field' && b.value && typeof b.value === 'object' && !Array.isArray(b.value) ? { ...b.value, _csrf: csrf } : b.value;
              payload = JSON.stringify(v);
            } else if (b.kind === 'raw') {
              if (b.type) headers['content-type'] = b.type;
              payload = b.text;
            }
          }
          const qs = encodeForm(a.query);
          const url = `${path}${qs ? `?${qs}` : ''}`;
          const what = `${route.method} ${route.url} as ${identity}: ${route.method} ${url.slice(0, 300)} ${payload ? `[${headers['content-type'] ?? 'no type'}] ${payload.slice(0, 200)}` : ''}`;
          const before = unsafe ? await count() : null;
          const res = streams ? await overHttp(base, route.method, url, headers, payload) : await inject(site, route.method, url, headers, payload);
          requests++;
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          assert.ok(res.statusCode < 500, `${what}\n→ ${res.statusCode} ${res.body.slice(0, 500)}`);
          if (res.statusCode >= 400) assertClearRefusal(res, what);
          if (res.statusCode >= 300 && res.statusCode < 400 && res.headers['location']) {
            const to = String(res.headers['location']);
            assert.ok((to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\')) || to.startsWith(site.minbar.config.publicUrl), `${what}: redirects to ${to}`);
          }
          if (signedIn && unsafe && ![401, 403, 413, 415].includes(res.statusCode)) pastTheGate++;
          if (before) {
            const after = await count();
            if (res.statusCode >= 400) assert.deepEqual(changedTables(before, after, LEDGERS), [], `${what}: refused with ${res.statusCode} but wrote`);
            else await keepSessionsAlive(site, walk);
          }
        }),
        { seed: SEED + index * 2 + (identity === 'anonymous' ? 0 : 1), numRuns: runs, endOnFailure: true },
      );
    }
  }
  return { requests, pastTheGate, formAttempts, formRoutes: formRoutes.length, routes: routes.length, statuses: Object.fromEntries([...statuses].sort(([x], [y]) => x - y)) };
}

interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

async function inject(site: TestSite, method: string, url: string, headers: Record<string, string>, payload: string | undefined): Promise<Reply> {
  // From another address than the helpers' sign-ins, so a fuzzed run of failed sign-ins never locks them out.
  const res = await site.app.inject({ method: method as 'GET', url, headers, remoteAddress: '198.51.100.7', ...(payload !== undefined ? { payload } : {}) });
  return { statusCode: res.statusCode, headers: res.headers, body: res.body };
}

/** Event streams never end: over real HTTP, read the status and headers, and the body only if it is not a stream. */
async function overHttp(base: string, method: string, url: string, headers: Record<string, string>, payload: string | undefined): Promise<Reply> {
  const controller = new AbortController();
  const res = await fetch(`${base}${url}`, { method, headers, signal: controller.signal, ...(payload !== undefined ? { body: payload } : {}) });
  const out: Reply = { statusCode: res.status, headers: Object.fromEntries(res.headers), body: '' };
  if (String(out.headers['content-type']).startsWith('text/event-stream')) controller.abort();
  else out.body = await res.text();
  return out;
}

for (const [i, dialect] of testDialects().entries()) {
  // PostgreSQL: a short pass (a quarter of the runs), for what only its stricter types and errors reveal.
  const runs = i === 0 ? RUNS : Math.max(1, Math.floor(RUNS / 4));
  test(`fuzz every route on ${dialect.name} (seed ${SEED}, ${runs} run(s) per route and identity)`, async (t) => {
    const r = await fuzzSite(dialect, runs, t);
    t.diagnostic(`${r.requests} requests over ${r.routes} routes (${r.pastTheGate} signed-in writes past CSRF and access, ${r.formAttempts} of them a page's form with fields changed, forms of ${r.formRoutes} routes); statuses ${JSON.stringify(r.statuses)}`);
    assert.ok(r.routes >= 100, `${r.routes} routes`);
    assert.ok(r.pastTheGate >= r.routes / 4, `only ${r.pastTheGate} signed-in writes reached their handlers`);
  });
}
