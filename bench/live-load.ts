// Live-coverage benchmarks (bounded, loopback only; not part of npm test):
//   readers  10,000 concurrent SSE readers on one process: RSS, lost events, publish-to-reader latency
//   storm    the same readers all drop, miss events, and reconnect at once with Last-Event-ID
//   redis    two instances over one PostgreSQL database through Redis: latency across instances
// Usage: node --import tsx bench/live-load.ts [readers=10000] [--redis]  (env BENCH_DATABASE_URL, BENCH_REDIS_URL)
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT, SERVER_NODE_FLAGS } from './support.js';

const READERS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10_000);
const WITH_REDIS = process.argv.includes('--redis');
const ENTRIES = 20;
const MISSED = 10;

interface Instance {
  readonly child: ChildProcess;
  readonly port: number;
  call(type: string, extra?: object): Promise<Record<string, unknown>>;
}

async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = fork(join(ROOT, 'bench', 'live-server.ts'), [], {
    execArgv: [...SERVER_NODE_FLAGS, '--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  // Never leave a server behind, whatever happens to the benchmark.
  process.on('exit', () => child.kill());
  let next = 1;
  const waiting = new Map<number, (v: Record<string, unknown>) => void>();
  const ready = new Promise<void>((resolve) => {
    child.on('message', (m: { id: number } & Record<string, unknown>) => {
      if (m.id === 0) return resolve();
      waiting.get(m.id)?.(m);
      waiting.delete(m.id);
    });
  });
  await ready;
  return {
    child,
    port,
    call(type, extra = {}) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.send({ id, type, ...extra });
      });
    },
  };
}

/** One SSE reader over a raw socket: counts entries, records latency from the stamp in each entry. */
class Reader {
  lastId = '';
  readonly seen = new Set<number>();
  req: http.ClientRequest | null = null;
  constructor(
    readonly port: number,
    readonly path: string,
    readonly latencies: number[],
  ) {}
  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { accept: 'text/event-stream' };
      if (this.lastId) headers['last-event-id'] = this.lastId;
      const req = http.get({ host: '127.0.0.1', port: this.port, path: this.path, agent: false, headers }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let i: number;
          while ((i = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const id = /^id: (\d+)$/m.exec(frame)?.[1];
            if (id) this.lastId = id;
            if (frame.includes('event: entry.created')) {
              const m = /"id":(\d+).*?bench:(\d+)/.exec(frame);
              if (m) {
                this.seen.add(Number(m[1]));
                this.latencies.push(Date.now() - Number(m[2]));
              }
            }
          }
        });
        res.on('error', () => {});
        resolve();
      });
      req.on('error', reject);
      this.req = req;
    });
  }
  drop(): void {
    this.req?.destroy();
  }
}

async function openAll(readers: Reader[]): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < readers.length; i += 250) {
    await Promise.all(readers.slice(i, i + 250).map((r) => r.open().catch(() => r.open())));
  }
  return Date.now() - started;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN;
};

async function waitUntil(check: () => boolean, limitMs: number): Promise<number> {
  const t0 = Date.now();
  while (!check() && Date.now() - t0 < limitMs) await new Promise((r) => setTimeout(r, 50));
  return Date.now() - t0;
}

async function post(instance: Instance, ids: number[]): Promise<void> {
  const r = await instance.call('post', { text: `bench:${Date.now()}` });
  ids.push(Number(r['entryId']));
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'minbar-live-bench-'));
  const dbName = `minbar_bench_${Date.now()}`;
  const pgUrl = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let env: Record<string, string> = { DATA_DIR: dataDir };
  if (WITH_REDIS) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(pgUrl);
    u.pathname = `/${dbName}`;
    env = { ...env, DATABASE_URL: u.toString(), REDIS_URL: process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379' };
  }
  const a = await startInstance(3901, env);
  const b = WITH_REDIS ? await startInstance(3902, env) : null;
  const { blogId } = (await a.call('setup')) as { blogId: number };
  const path = `/live/${blogId}/events`;
  const latencies: number[] = [];
  const crossLatencies: number[] = [];
  const readers = Array.from({ length: READERS }, (_, i) => (b && i % 2 === 1 ? new Reader(b.port, path, crossLatencies) : new Reader(a.port, path, latencies)));
  const baseline = (await a.call('stats'))['rss'] as number;
  const openMs = await openAll(readers);
  await waitUntil(() => false, 1000);
  const ids: number[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    await post(a, ids);
    await new Promise((r) => setTimeout(r, 500));
  }
  const allSeen = () => readers.every((r) => ids.every((id) => r.seen.has(id)));
  await waitUntil(allSeen, 60_000);
  const lost = readers.reduce((n, r) => n + ids.filter((id) => !r.seen.has(id)).length, 0);
  const statsA = await a.call('stats');
  const statsB = b ? await b.call('stats') : null;
  console.log(
    JSON.stringify({
      scenario: WITH_REDIS ? 'two instances through Redis' : 'one instance',
      readers: READERS,
      openMs,
      connections: [statsA['connections'], statsB?.['connections']].filter((x) => x !== undefined),
      transport: statsA['transport'],
      rssMb: { baseline: Math.round(baseline / 1048576), withReaders: Math.round((statsA['rss'] as number) / 1048576), b: statsB ? Math.round((statsB['rss'] as number) / 1048576) : undefined },
      entries: ENTRIES,
      lostEvents: lost,
      latencyMs: { p50: pct(latencies, 50), p99: pct(latencies, 99), max: pct(latencies, 100) },
      ...(b ? { crossInstanceLatencyMs: { p50: pct(crossLatencies, 50), p99: pct(crossLatencies, 99), max: pct(crossLatencies, 100) } } : {}),
    }),
  );

  if (!WITH_REDIS) {
    // Reconnect storm: every reader drops, MISSED entries are posted, all reconnect at once with Last-Event-ID.
    for (const r of readers) r.drop();
    await waitUntil(() => false, 1000);
    const missed: number[] = [];
    for (let i = 0; i < MISSED; i++) await post(a, missed);
    const t0 = Date.now();
    await Promise.all(readers.map((r) => r.open().catch(() => new Promise((res) => setTimeout(res, 500 + Math.random() * 2000)).then(() => r.open()))));
    const reopenedMs = Date.now() - t0;
    const recovered = () => readers.every((r) => missed.every((id) => r.seen.has(id)));
    await waitUntil(recovered, 60_000);
    const recoveryMs = Date.now() - t0;
    const stillMissing = readers.reduce((n, r) => n + missed.filter((id) => !r.seen.has(id)).length, 0);
    const dup = readers.some((r) => r.seen.size !== ids.length + missed.length);
    console.log(JSON.stringify({ scenario: 'reconnect storm', readers: READERS, missedEntries: MISSED, reopenedMs, recoveryMs, stillMissing, wrongCounts: dup, rssMb: Math.round(((await a.call('stats'))['rss'] as number) / 1048576) }));
  }
  for (const r of readers) r.drop();
  for (const i of [a, b]) if (i) await i.call('stop');
  if (WITH_REDIS) {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
