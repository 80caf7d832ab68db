// Test support for whole-deployment tests: real `minbar serve` processes (bin/minbar.js) on loopback
// ports, started and stopped as an operator's service manager would, and a newsroom API token to drive them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config/index.js';
import { CLI_OPERATOR } from '../../src/services/index.js';
import { createMinbar } from '../../src/main.js';
import { testPicture } from '../support/test-site.js';

const BIN = fileURLToPath(new URL('../../bin/minbar.js', import.meta.url));

/** A port nothing listens on right now (the kernel's choice for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface MinbarProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly base: string;
  /** Everything the process wrote so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves to the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers 200 or `ms` pass. */
export async function waitFor200(url: string, ms: number, stillRunning: () => boolean = () => true): Promise<void> {
  const until = Date.now() + ms;
  let last = '';
  while (Date.now() < until && stillRunning()) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) return;
    } catch (e) {
      last = String(e);
    }
    await sleep(150);
  }
  throw new Error(`${url} never answered 200 (last: ${last})`);
}

/** Starts `minbar serve` with `env` on a free port and waits until /readyz says ready. */
export async function startMinbar(env: Record<string, string>): Promise<MinbarProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve'], {
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let running = true;
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      running = false;
      resolve(code);
    });
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor200(`${base}/readyz`, 120_000, () => running);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`minbar serve did not become ready: ${(e as Error).message}\n${out}`);
  }
  return { child, port, base, output: () => out, exited };
}

/** Stops a process if it still runs (SIGKILL after 30 s of SIGTERM): tests never leave one behind. */
export async function stopMinbar(p: MinbarProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
  await p.exited;
  clearTimeout(timer);
}

export interface Newsroom {
  readonly sectionId: number;
  /** Bearer token of an editor's account: write, publish and schedule through /api/v1/newsroom. */
  readonly token: string;
  /** A picture in the library (publishing needs a hero picture). */
  readonly heroMediaId: number;
}

/** Migrates the database named by `env`, adds a section and an editor with an API token. */
export async function prepareNewsroom(env: Record<string, string>): Promise<Newsroom> {
  const minbar = await createMinbar(loadConfig(env));
  try {
    const { accounts, apiTokens, curation } = minbar.services;
    const editor = await accounts.createUser(CLI_OPERATOR, { email: 'desk@example.org', displayName: 'مكتب الأخبار', role: 'editor', password: 'كلمة-مرور-للاختبار-1', sectionIds: [] });
    const admin = await accounts.createUser(CLI_OPERATOR, { email: 'root@example.org', displayName: 'المدير', role: 'admin', password: 'كلمة-مرور-للاختبار-1', sectionIds: [] });
    const { token } = await apiTokens.create(
      { userId: admin.id, role: 'admin', sections: 'all' },
      { name: 'مكتب الأخبار', userId: editor.id, scopes: ['articles:read', 'articles:write', 'articles:publish'] },
    );
    const sectionId = await curation.createSection({ slug: 'local', name: 'محليات', position: 1 });
    const picture = await testPicture(640, 360);
    const hero = await minbar.services.media.importImage(picture, { caption: 'الوادي', alt: 'صورة الوادي', credit: 'منبر' });
    return { sectionId, token, heroMediaId: hero.id };
  } finally {
    await minbar.close();
  }
}

/** A JSON call to the newsroom API with the token. */
export async function api(base: string, token: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) as Record<string, unknown> };
}
