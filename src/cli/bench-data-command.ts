// `minbar bench:data --articles N [--database-url URL] [--seed S] [--search-index] [--corpus DIR]`:
// fills an empty database with a realistic archive for benchmarks (issue 8). The Arabic text is the
// SaudiNewsNet corpus, read at run time from ../shared/corpus/saudinewsnet (never copied into the
// repository); a progress bar goes to stderr, the report to stdout.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { INSTALL_ROOT } from '../config/index.js';
import { ArchiveNotEmpty, type ArchiveGenerator, type CorpusText, type SearchService } from '../services/index.js';

export const DEFAULT_CORPUS_DIR = resolve(INSTALL_ROOT, '..', 'shared', 'corpus', 'saudinewsnet');

export interface BenchDataOptions {
  readonly articles: number;
  readonly databaseUrl: string | undefined;
  readonly seed: number;
  readonly searchIndex: boolean;
  readonly corpusDir: string;
}

export interface BenchDataTarget {
  readonly generator: ArchiveGenerator;
  readonly search: SearchService;
  /** Database size in bytes, for the report. */
  readonly sizeBytes: () => Promise<number>;
  close(): Promise<void>;
}

export interface BenchDataDeps {
  /** Opens (and migrates) the database named by the URL, or the configured one. */
  readonly open: (databaseUrl: string | undefined) => Promise<BenchDataTarget>;
  readonly log: (line: string) => void;
  readonly error: (line: string) => void;
  readonly progressStream?: NodeJS.WritableStream;
}

const USAGE = 'Usage: minbar bench:data --articles N [--database-url sqlite:PATH|postgres://…] [--seed S] [--search-index] [--corpus DIR]';

/** Parses the arguments; a string is the message for a usage error. */
export function parseBenchDataArgs(args: readonly string[]): BenchDataOptions | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        articles: { type: 'string' },
        'database-url': { type: 'string' },
        seed: { type: 'string', default: '1' },
        'search-index': { type: 'boolean', default: false },
        corpus: { type: 'string', default: process.env['MINBAR_CORPUS_DIR'] ?? DEFAULT_CORPUS_DIR },
      },
    }));
  } catch (e) {
    return `${(e as Error).message}\n${USAGE}`;
  }
  const articles = Number(values.articles?.replace(/[_,]/g, ''));
  if (!Number.isInteger(articles) || articles < 1 || articles > 10_000_000) return `--articles needs a whole number from 1 to 10,000,000.\n${USAGE}`;
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) return `--seed needs a whole number.\n${USAGE}`;
  return { articles, databaseUrl: values['database-url'], seed, searchIndex: values['search-index'] ?? false, corpusDir: resolve(values.corpus!) };
}

/** The corpus's zip files in date order, or null when the directory has none. */
export function corpusFiles(dir: string): string[] | null {
  const root = existsSync(join(dir, 'dataset')) ? join(dir, 'dataset') : dir;
  if (!existsSync(root)) return null;
  const files = readdirSync(root)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .map((f) => join(root, f));
  return files.length > 0 ? files : null;
}

/** Reads corpus texts until `limit` have a title and content (each zip holds one JSON array). */
export function readCorpus(files: readonly string[], limit: number): CorpusText[] {
  const out: CorpusText[] = [];
  for (const file of files) {
    const json = execFileSync('unzip', ['-p', file], { maxBuffer: 1 << 30, encoding: 'utf8' });
    for (const a of JSON.parse(json) as Array<Partial<Record<keyof CorpusText, unknown>>>) {
      const title = typeof a.title === 'string' ? a.title : '';
      const content = typeof a.content === 'string' ? a.content : '';
      if (!title.trim() || !content.trim()) continue;
      out.push({ title, content, author: typeof a.author === 'string' ? a.author : '', source: typeof a.source === 'string' ? a.source : '' });
    }
    if (out.length >= limit) break;
  }
  return out;
}

export async function benchDataCommand(options: BenchDataOptions, deps: BenchDataDeps): Promise<number> {
  const files = corpusFiles(options.corpusDir);
  if (!files) {
    deps.error(
      `The SaudiNewsNet corpus is missing: no .zip files in ${options.corpusDir}. bench:data draws its Arabic text from it at run time; ` +
        'put the corpus there or name its folder with --corpus DIR.',
    );
    return 66; // EX_NOINPUT
  }
  const started = Date.now();
  const corpus = readCorpus(files, options.articles);
  deps.log(`Corpus: ${corpus.length} texts from ${options.corpusDir} (${((Date.now() - started) / 1000).toFixed(1)} s).`);

  const target = await deps.open(options.databaseUrl);
  const bar = new cliProgress.SingleBar(
    { stream: deps.progressStream ?? process.stderr, format: 'bench:data [{bar}] {value}/{total} articles | {rate} articles/s | {eta_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  try {
    const generating = Date.now();
    bar.start(options.articles, 0, { rate: 0 });
    let report;
    try {
      report = await target.generator.generate(corpus, { articles: options.articles, seed: options.seed }, (done) =>
        bar.update(done, { rate: Math.round(done / Math.max((Date.now() - generating) / 1000, 0.001)) }),
      );
    } finally {
      bar.stop();
    }
    const seconds = (Date.now() - generating) / 1000;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    deps.log(
      `Generated ${report.articles} articles (${report.published} published) in ${seconds.toFixed(1)} s — ${Math.round(report.articles / seconds)} articles/s.`,
    );
    deps.log(
      `${report.sections} sections, ${report.authors} authors, ${report.tags} tags (${report.tagLinks} links), ${report.stories} stories ` +
        `(${report.storyLinks} links, the largest ${report.largestStory}), ${report.media} hero pictures; published ${day(report.oldest)} to ${day(report.newest)}.`,
    );
    if (options.searchIndex) {
      const indexing = Date.now();
      const sbar = new cliProgress.SingleBar(
        { stream: deps.progressStream ?? process.stderr, format: 'search index [{bar}] {value}/{total} articles | {eta_formatted}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let begun = false;
      try {
        const n = await target.search.reindex((done, total) => {
          if (!begun) {
            sbar.start(total, 0);
            begun = true;
          }
          sbar.update(done);
        });
        if (begun) sbar.stop();
        const s = (Date.now() - indexing) / 1000;
        deps.log(`Search index: ${n} articles in ${s.toFixed(1)} s (${Math.round(n / Math.max(s, 0.001))} articles/s).`);
      } finally {
        if (begun) sbar.stop();
      }
    } else {
      deps.log('Search index not built (add --search-index; it runs at the indexer\'s speed, far slower than the bulk load).');
    }
    deps.log(`Database size: ${((await target.sizeBytes()) / 1_048_576).toFixed(0)} MiB.`);
    return 0;
  } catch (e) {
    if (e instanceof ArchiveNotEmpty) {
      deps.error(`The database already holds ${e.articles} articles: bench:data fills only an empty database.`);
      return 1;
    }
    throw e;
  } finally {
    await target.close();
  }
}
