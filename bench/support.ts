// Benchmark support: start the real server as a child process (so its memory is measured alone),
// wait until it answers, read its RSS from /proc, and summarise autocannon results.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node flags the server runs with, as `npm start`, `npm run serve` and the systemd unit start it
 * (package.json, deploy/systemd/minbar@.service; test/startup/node-flags.test.ts keeps them equal): V8's old
 * space capped at 256 MB, five times the live data of a 1,000,000-article site under load, so that V8 collects
 * garbage before the process grows past it (BENCHMARKS.md, issue 8).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-old-space-size=256'];

export interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  rssMb(): { rss: number; peak: number };
  stop(): Promise<void>;
}

export async function startServer(env: Record<string, string>, port: number, timeoutMs = 600_000): Promise<Server> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(ROOT, 'bin', 'minbar.js'), 'start'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error('server did not start in time');
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export interface Summary {
  readonly name: string;
  readonly requestsPerSec: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

export function summarise(name: string, r: autocannon.Result): Summary {
  return {
    name,
    requestsPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

export function machine(): string {
  const cpus = readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1] ?? 'unknown CPU';
  const cores = readFileSync('/proc/cpuinfo', 'utf8').match(/^processor\s*:/gm)?.length ?? 0;
  return `${cores} × ${cpus.trim()}, Node ${process.version}`;
}
