// Comment benchmarks' shared setup: a Minbar instance on a SQLite file with one published article, and
// latency percentiles of a list of samples. Not part of npm test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/index.js';
import { openDatabase } from '../src/db/index.js';
import { assembleMinbar, createApp } from '../src/main.js';

export async function openBenchSite() {
  const dir = mkdtempSync(join(tmpdir(), 'minbar-bench-comments-'));
  const config = loadConfig({ DATA_DIR: dir, TIME_ZONE: 'Asia/Riyadh' });
  const database = openDatabase({ kind: 'sqlite', url: `sqlite:${join(dir, 'bench.db')}`, sqlitePath: join(dir, 'bench.db') });
  await database.migrate();
  const minbar = assembleMinbar(config, database);
  const app = await createApp(minbar);
  const sectionId = await minbar.services.curation.createSection({ slug: 'news', name: 'أخبار', position: 1 });
  const article = (title: string) =>
    minbar.services.publishing.createArticle({ sectionId, title, lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص الخبر' }] }] }, { status: 'published', publishedAt: Date.now() - 3_600_000 });
  return {
    minbar,
    app,
    article,
    async close() {
      await app.close();
      await minbar.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentiles(samples: number[]): { n: number; mean: number; p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  const round = (v: number) => Math.round(v * 100) / 100;
  return { n: s.length, mean: round(s.reduce((a, b) => a + b, 0) / s.length), p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)) };
}
