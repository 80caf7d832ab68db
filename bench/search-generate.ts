// Generates the search benchmark's archive: .bench-data/articles-100k.jsonl (git-ignored), the SaudiNewsNet
// corpus (read from ../shared/corpus at run time) repeated with variations until it holds N articles.
// Usage: BENCH_DATA_DIR=DIR node --import tsx bench/search-generate.ts [N]
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readCorpus, type CorpusArticle } from '../eval/search-evaluation.js';

const total = Number(process.argv[2] ?? 100_000);
const dir = process.env['BENCH_DATA_DIR'] ?? join(import.meta.dirname, '..', '.bench-data');
mkdirSync(dir, { recursive: true });
const file = join(dir, `articles-${total / 1000}k.jsonl`);

const corpus: CorpusArticle[] = [];
for (const a of readCorpus()) if (a.title.trim() && a.content.trim()) corpus.push(a);

// Each round after the first marks the title and rotates the paragraphs, and moves the date back a year,
// so that repeated articles are distinct documents with the corpus's vocabulary and lengths.
const MARKS = ['', 'متابعة: ', 'تفاصيل: ', 'تحديث: ', 'ملف: '];
const out = createWriteStream(file);
let written = 0;
for (let round = 0; written < total; round++) {
  for (const a of corpus) {
    if (written >= total) break;
    const paragraphs = a.content.split(/\n+/).filter((p) => p.trim());
    const shift = round % Math.max(paragraphs.length, 1);
    const body = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n');
    const at = Date.parse(`${a.date_extracted.replace(' ', 'T')}Z`) - round * 365 * 86_400_000;
    const line = {
      externalId: `${a.url}#${round}`,
      title: `${MARKS[round % MARKS.length]}${a.title}`.slice(0, 300),
      body,
      section: a.source,
      author: a.author && a.author.length <= 100 ? a.author : undefined,
      publishedAt: Number.isNaN(at) ? Date.UTC(2015, 6, 1) - round * 365 * 86_400_000 : at,
    };
    if (!out.write(`${JSON.stringify(line)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    written++;
  }
}
await new Promise<void>((r) => out.end(r));
console.log(`${written} articles from ${corpus.length} corpus articles → ${file}`);
