// Interleaved A/B of the article page rendered from the database, for a machine whose speed drifts (a shared
// or virtual host): two servers at once — two checkouts, or one checkout with two settings — loaded in turns
// (A B, B A, …) over distinct article URLs, so drift falls on both alike; prints each turn and the medians of
// requests per second and of the server's CPU milliseconds per request (from /proc).
// Usage: node bench/ab-compare.mjs DATABASE_URL "ENV_A" "ENV_B" [rounds] [seconds]
//   ENV strings are "K=V K2=V2"; ROOT=/path/to/other/checkout runs that checkout's bin/minbar.js.
//   e.g. node bench/ab-compare.mjs sqlite:/work/bench-data/site-10k.sqlite "ROOT=/tmp/before" "" 5 5
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/* global fetch */

const HERE = join(dirname(fileURLToPath(import.meta.url)), '..');
const [db, envA = '', envB = '', roundsArg = '5', secondsArg = '5'] = process.argv.slice(2);
if (!db) {
  console.error('Usage: node bench/ab-compare.mjs DATABASE_URL "ENV_A" "ENV_B" [rounds] [seconds]');
  process.exit(64);
}
const rounds = Number(roundsArg);
const seconds = Number(secondsArg);
const dataDir = mkdtempSync(join(tmpdir(), 'minbar-ab-'));
const parseEnv = (s) => Object.fromEntries(s.split(' ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

async function start(port, spec) {
  const env = parseEnv(spec);
  const root = env.ROOT ?? HERE;
  const child = spawn(process.execPath, ['--max-old-space-size=256', join(root, 'bin', 'minbar.js'), 'start'], {
    cwd: root,
    env: { ...process.env, PAGE_CACHE_MB: '0', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: db, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${spec} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/** The process's user + system CPU time in milliseconds. */
const cpu = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
};

const servers = { A: { port: 3950, child: await start(3950, envA) }, B: { port: 3951, child: await start(3951, envB) } };
try {
  // Distinct canonical article URLs from every article sitemap.
  const base = `http://127.0.0.1:${servers.A.port}`;
  const index = await (await fetch(`${base}/sitemap.xml`)).text();
  const pool = [];
  for (const [, path] of index.matchAll(/<loc>[^<]*?(\/sitemaps\/articles-\d+\.xml)<\/loc>/g)) {
    const xml = await (await fetch(base + path)).text();
    for (const [, url] of xml.matchAll(/<loc>https?:\/\/[^/<]+(\/[^<]+)<\/loc>/g)) pool.push(url);
  }
  let next = 0;
  const run = async (name, duration) => {
    const { port, child } = servers[name];
    const before = cpu(child.pid);
    const r = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 50,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, path: pool[(next++ * 7919) % pool.length] }) }],
    });
    return { rps: r.requests.average, cpuMs: (cpu(child.pid) - before) / Math.max(1, r.requests.total), bad: r.non2xx + r.errors };
  };
  await run('A', 4);
  await run('B', 4);
  const results = { A: [], B: [] };
  for (let i = 0; i < rounds; i++) {
    for (const name of i % 2 ? ['B', 'A'] : ['A', 'B']) {
      const r = await run(name, seconds);
      results[name].push(r);
      console.log(`${name} ${Math.round(r.rps)} req/s, ${r.cpuMs.toFixed(3)} ms CPU a request${r.bad ? `, ${r.bad} failed` : ''}`);
    }
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const name of ['A', 'B']) {
    console.log(`${name} (${name === 'A' ? envA || 'this checkout' : envB || 'this checkout'}): median ${Math.round(median(results[name].map((r) => r.rps)))} req/s, ${median(results[name].map((r) => r.cpuMs)).toFixed(3)} ms CPU a request`);
  }
  console.log(`B/A requests per second: ${(median(results.B.map((r) => r.rps)) / median(results.A.map((r) => r.rps))).toFixed(2)}`);
} finally {
  servers.A.child.kill('SIGTERM');
  servers.B.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  rmSync(dataDir, { recursive: true, force: true });
}
