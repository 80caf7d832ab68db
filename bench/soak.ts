// Soak: the real server (`minbar serve`, SQLite unless --database-url) under a bounded mixed load on
// loopback for N minutes — page reads, searches, guest comments, newsroom publishes, live SSE readers
// with entries posted — counting every unexpected status or timeout, and sampling the server's RSS and
// heap every 10 s right after a full GC (the probe, bench/memory-probe.mjs). Memory is judged flat when the last minute's mean is within +10 % of minute 2's.
// Usage: npm run bench:soak -- --minutes 10 [--database-url postgres://…] [--sse 50]
// Not part of npm test. Exit code 1 when there were errors or memory grew.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { createMinbar } from '../src/main.js';
import { SERVER_NODE_FLAGS } from './support.js';
import { freePort, postComment, prepareSite, publishArticle, ROOT, signInNewsroom, siteDialects, type SiteLocation } from '../test/durability/site-process.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const MINUTES = Number(arg('minutes', '10'));
const SSE_READERS = Number(arg('sse', '50'));
const DATABASE_URL = arg('database-url', '');
const TIMEOUT_MS = 15_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const WORDS = ['الأمطار', 'الميناء', 'المجلس البلدي', 'الطاقة', 'المدارس', 'السوق', 'الفيضانات', 'الشباب'];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const address = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;

interface Counter {
  ok: number;
  errors: number;
  readonly samples: string[];
}
const counters: Record<string, Counter> = {};
function count(kind: string, ok: boolean, detail?: string) {
  const c = (counters[kind] ??= { ok: 0, errors: 0, samples: [] });
  if (ok) c.ok++;
  else {
    c.errors++;
    if (c.samples.length < 5 && detail) c.samples.push(detail);
  }
}

async function location(): Promise<SiteLocation> {
  const sqlite = siteDialects()[0]!;
  const loc = await sqlite.create();
  if (!DATABASE_URL) return loc;
  return { ...loc, name: 'postgres', env: { ...loc.env, DATABASE_URL } };
}

async function main() {
  const loc = await location();
  console.log(`soak: ${MINUTES} min, ${SSE_READERS} SSE readers, ${loc.name}, data in ${loc.dataDir}; load average at start ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const site = await prepareSite(loc);
  // An archive to read and search, and a live blog that is on air.
  const minbar = await createMinbar(loadConfig({ ...loc.env, LOG_LEVEL: 'warn' }));
  let liveId: number;
  const articleIds: number[] = [];
  try {
    const { publishing, live } = minbar.services;
    for (let i = 0; i < 300; i++) {
      const w = WORDS[i % WORDS.length]!;
      articleIds.push(
        await publishing.createArticle(
          { sectionId: site.sectionId, title: `${w}: تقرير رقم ${i}`, lead: `مقدمة عن ${w} ${i}`, body: [{ type: 'paragraph', content: [{ text: `نص عن ${w} وعن ${pick(WORDS)} في التقرير ${i}.` }] }], heroMediaId: site.heroMediaId },
          { status: 'published', publishedAt: Date.now() - (300 - i) * 60_000 },
        ),
      );
    }
    liveId = await publishing.createArticle(
      { sectionId: site.sectionId, type: 'live', title: 'تغطية مباشرة للاختبار', lead: 'تحديثات متتابعة', body: [{ type: 'paragraph', content: [{ text: 'تحديثات متتابعة' }] }], heroMediaId: site.heroMediaId },
      { status: 'published', publishedAt: Date.now() - 60_000 },
    );
    await live.importBlogState(liveId, { summary: ['بدأت التغطية'], pinnedEntryId: null, startsAt: Date.now() - 60_000 });
  } finally {
    await minbar.close();
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = fork(join(ROOT, 'bin/minbar.js'), ['serve'], {
    cwd: ROOT,
    execArgv: [...SERVER_NODE_FLAGS, '--expose-gc', '--import', join(ROOT, 'bench/memory-probe.mjs')],
    env: { ...process.env, ...loc.env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: 'true', PUBLIC_URL: base, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  process.on('exit', () => server.kill('SIGKILL'));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600) throw new Error('the server did not start');
    await sleep(250);
  }
  const memory = () =>
    new Promise<NodeJS.MemoryUsage>((resolve) => {
      const on = (m: { memory?: NodeJS.MemoryUsage }) => {
        if (!m.memory) return;
        server.off('message', on);
        resolve(m.memory);
      };
      server.on('message', on);
      server.send('memory');
    });

  const session = await signInNewsroom(base, site.email);
  const deadline = Date.now() + MINUTES * 60_000;
  const running = () => Date.now() < deadline;

  async function get(kind: string, path: string, headers: Record<string, string> = {}) {
    try {
      const r = await fetch(`${base}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
      await r.arrayBuffer();
      count(kind, r.status < 400, `${r.status} ${path}`);
    } catch (e) {
      count(kind, false, `${(e as Error).name} ${path}`);
    }
  }

  const readers = Array.from({ length: 3 }, async () => {
    while (running()) {
      const id = pick(articleIds);
      const path = pick(['/', '/latest', '/local', `/local/${id}/x`, `/local/${id}/x`, '/rss.xml', `/comments/${id}`, `/live/${liveId}/updates?after=0`]);
      await get('read', path);
      await sleep(30);
    }
  });
  const searches = (async () => {
    while (running()) {
      await get('search', `/search?q=${encodeURIComponent(pick(WORDS))}`, { 'x-forwarded-for': address() });
      await sleep(400);
    }
  })();
  const comments = (async () => {
    for (let i = 0; running(); i++) {
      try {
        await postComment(base, pick(articleIds), `تعليق رقم ${i} على ${pick(WORDS)} ${randomBytes(3).toString('hex')}`, AbortSignal.timeout(TIMEOUT_MS));
        count('comment', true);
      } catch (e) {
        count('comment', false, (e as Error).message);
      }
      await sleep(1000);
    }
  })();
  const publishes = (async () => {
    for (let i = 0; running(); i++) {
      try {
        articleIds.push(await publishArticle(base, site, `${pick(WORDS)}: خبر عاجل ${i}`, AbortSignal.timeout(TIMEOUT_MS)));
        count('publish', true);
      } catch (e) {
        count('publish', false, (e as Error).message);
      }
      await sleep(3000);
    }
  })();
  let entriesPosted = 0;
  const entries = (async () => {
    for (let i = 0; running(); i++) {
      try {
        const r = await fetch(`${base}/newsroom/live/${liveId}/entries`, {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ _csrf: session.csrf, title: `تحديث ${i}`, body: `وصل الآن خبر جديد رقم ${i}.`, mediaId: '' }).toString(),
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await r.arrayBuffer();
        count('live-entry', r.status === 303, `${r.status}`);
        if (r.status === 303) entriesPosted++;
      } catch (e) {
        count('live-entry', false, (e as Error).message);
      }
      await sleep(5000);
    }
  })();
  let eventsReceived = 0;
  let sseReconnects = 0;
  const sse = Array.from({ length: SSE_READERS }, async () => {
    let lastId = '';
    while (running()) {
      const controller = new AbortController();
      const stop = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
      try {
        const r = await fetch(`${base}/live/${liveId}/events`, { headers: lastId ? { 'last-event-id': lastId } : {}, signal: controller.signal });
        count('sse-connect', r.status === 200, `${r.status}`);
        const reader = r.body!.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let cut;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const id = /^id: ?(.*)$/m.exec(block)?.[1];
            if (id) {
              lastId = id;
              eventsReceived++;
            }
          }
        }
        if (running()) sseReconnects++;
      } catch (e) {
        if (running()) count('sse-connect', false, (e as Error).name);
      } finally {
        clearTimeout(stop);
      }
    }
  });

  const samples: Array<{ t: number; rss: number; heap: number; load: number }> = [];
  const started = Date.now();
  const sampler = (async () => {
    while (running()) {
      const m = await memory();
      samples.push({ t: (Date.now() - started) / 1000, rss: m.rss / 1048576, heap: m.heapUsed / 1048576, load: loadavg()[0]! });
      const last = samples.at(-1)!;
      const totals = Object.entries(counters)
        .map(([k, c]) => `${k} ${c.ok}/${c.errors}`)
        .join(', ');
      console.log(`t=${last.t.toFixed(0)}s rss=${last.rss.toFixed(1)}MB heap=${last.heap.toFixed(1)}MB load=${last.load.toFixed(2)} | ${totals} | sse events ${eventsReceived}`);
      await sleep(10_000);
    }
  })();

  await Promise.all([...readers, searches, comments, publishes, entries, ...sse, sampler]);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));

  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const window = (from: number, to: number) => samples.filter((s) => s.t >= from && s.t < to);
  const minute2 = window(60, 120);
  const lastMinute = window((MINUTES - 1) * 60, MINUTES * 60 + 30);
  const rss2 = mean(minute2.map((s) => s.rss));
  const rssLast = mean(lastMinute.map((s) => s.rss));
  const heap2 = mean(minute2.map((s) => s.heap));
  const heapLast = mean(lastMinute.map((s) => s.heap));
  const errors = Object.values(counters).reduce((n, c) => n + c.errors, 0);
  const requests = Object.values(counters).reduce((n, c) => n + c.ok + c.errors, 0);
  const flat = MINUTES >= 3 ? rssLast <= rss2 * 1.1 && heapLast <= heap2 * 1.1 : true;
  console.log('\nsummary');
  for (const [k, c] of Object.entries(counters)) console.log(`  ${k.padEnd(12)} ok ${c.ok}  errors ${c.errors}${c.samples.length ? `  e.g. ${c.samples.join(' | ')}` : ''}`);
  console.log(`  live entries posted ${entriesPosted}, SSE events received ${eventsReceived} by ${SSE_READERS} readers, stream reconnects ${sseReconnects}`);
  console.log(`  requests ${requests}, errors ${errors}`);
  console.log(`  memory minute 2: RSS ${rss2.toFixed(1)} MB, heap ${heap2.toFixed(1)} MB; last minute: RSS ${rssLast.toFixed(1)} MB (${((rssLast / rss2 - 1) * 100).toFixed(1)} %), heap ${heapLast.toFixed(1)} MB (${((heapLast / heap2 - 1) * 100).toFixed(1)} %) → ${flat ? 'flat' : 'GROWING'}`);
  console.log(`  load average at end ${loadavg().map((x) => x.toFixed(2)).join(' ')}; mean 1-min load during the run ${mean(samples.map((s) => s.load)).toFixed(2)}`);
  await loc.dispose();
  process.exit(errors === 0 && flat ? 0 : 1);
}

await main();
