// `npm run audit`: Lighthouse 12.2.3 (mobile, CPU slowdown ×2, median of 3 runs) on the reader site's home,
// section, story and article pages, asserting accessibility ≥ 0.98, SEO ≥ 0.95, best practices ≥ 0.95 and
// performance ≥ 0.90 — Lighthouse itself exits 0 whatever it scores — and recording the scores in
// BENCHMARKS.md. Audits AUDIT_URL if given, else starts Minbar with the demo outlet in a temporary folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import lighthouse from 'lighthouse';

const CHROME = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
const RUNS = Number(process.env['AUDIT_RUNS'] ?? 3);
const THRESHOLDS = { accessibility: 0.98, seo: 0.95, 'best-practices': 0.95, performance: 0.9 } as const;
type Category = keyof typeof THRESHOLDS;
const CATEGORIES = Object.keys(THRESHOLDS) as Category[];

async function startDemo(): Promise<{ base: string; stop: () => Promise<void> }> {
  const dataDir = process.env['AUDIT_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'minbar-audit-'));
  const port = 3900 + Math.floor(Math.random() * 90);
  const child: ChildProcess = spawn(process.execPath, ['bin/minbar.js', 'start'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Minbar is serving')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`minbar exited with ${code} before serving:\n${out}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      if (!process.env['AUDIT_DATA_DIR']) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Home, the first section in the navigation, the first story and the lead article, read from the home page. */
async function pagesOf(base: string): Promise<Record<string, string>> {
  const html = await (await fetch(`${base}/`)).text();
  const section = /<nav class="sections-nav"[^]*?<a href="\/"[^]*?<a href="(\/[a-z0-9-]+)"/.exec(html)?.[1];
  const story = /href="(\/stories\/[^"]+)"/.exec(html)?.[1];
  const article = /<section class="lead-story"[^]*?<a href="([^"]+)"/.exec(html)?.[1];
  if (!section || !story || !article) throw new Error('the home page does not link a section, a story and a lead article');
  return { home: '/', section, story, article };
}

/** Debian's Chromium with a DevTools port for Lighthouse (headless, no sandbox, no GPU). */
async function launchChrome(): Promise<{ port: number; kill: () => Promise<void> }> {
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = mkdtempSync(join(tmpdir(), 'minbar-audit-chrome-'));
  const child = spawn(CHROME, ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--no-first-run', 'about:blank'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    port,
    async kill() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function audit(url: string, port: number): Promise<Record<Category, number>> {
  const scores: Record<Category, number[]> = { accessibility: [], seo: [], 'best-practices': [], performance: [] };
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(
      url,
      { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, formFactor: 'mobile', throttling: { cpuSlowdownMultiplier: 2 } },
    );
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    for (const c of CATEGORIES) scores[c].push(result.lhr.categories[c]?.score ?? 0);
    if (i === 0) {
      const failing = Object.values(result.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
      for (const a of failing) console.log(`    · ${a.id}: ${a.title}`);
    }
  }
  return Object.fromEntries(CATEGORIES.map((c) => [c, median(scores[c])])) as Record<Category, number>;
}

function record(rows: Array<[string, string, Record<Category, number>]>, when: string): void {
  const file = join(process.cwd(), 'BENCHMARKS.md');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const heading = '## Lighthouse (reader site)';
  const section = [
    heading,
    '',
    `\`npm run audit\` — Lighthouse 12.2.3, mobile, simulated throttling with \`cpuSlowdownMultiplier=2\`, median of ${RUNS} runs,`,
    `Chromium ${CHROME}, the demo outlet on SQLite. Measured ${when}. Thresholds: accessibility ≥ 0.98, SEO ≥ 0.95,`,
    'best practices ≥ 0.95, performance ≥ 0.90 (the script exits non-zero below them).',
    '',
    '| page | path | performance | accessibility | best practices | SEO |',
    '|---|---|---|---|---|---|',
    ...rows.map(([name, path, s]) => `| ${name} | \`${decodeURI(path).slice(0, 40)}\` | ${s.performance.toFixed(2)} | ${s.accessibility.toFixed(2)} | ${s['best-practices'].toFixed(2)} | ${s.seo.toFixed(2)} |`),
    '',
  ].join('\n');
  const start = text.indexOf(heading);
  if (start === -1) {
    text = `${text.trimEnd()}\n\n${section}`;
  } else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = `${text.slice(0, start)}${section}${next === -1 ? '' : `\n${text.slice(next + 1)}`}`;
  }
  writeFileSync(file, text.endsWith('\n') ? text : `${text}\n`);
}

async function main(): Promise<number> {
  const external = process.env['AUDIT_URL']?.replace(/\/+$/, '');
  const server = external ? { base: external, stop: async () => {} } : await startDemo();
  const chrome = await launchChrome();
  const rows: Array<[string, string, Record<Category, number>]> = [];
  let failed = false;
  try {
    const pages = await pagesOf(server.base);
    for (const [name, path] of Object.entries(pages)) {
      console.log(`${name}: ${decodeURI(path)}`);
      const s = await audit(server.base + path, chrome.port);
      rows.push([name, path, s]);
      for (const c of CATEGORIES) {
        const ok = s[c] >= THRESHOLDS[c];
        if (!ok) failed = true;
        console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${c.padEnd(15)} ${s[c].toFixed(2)} (≥ ${THRESHOLDS[c]})`);
      }
    }
  } finally {
    await chrome.kill();
    await server.stop();
  }
  record(rows, new Date().toISOString().slice(0, 10));
  console.log(failed ? 'Lighthouse audit FAILED: a score is below its threshold.' : 'Lighthouse audit passed; scores recorded in BENCHMARKS.md.');
  return failed ? 1 : 0;
}

process.exitCode = await main();
