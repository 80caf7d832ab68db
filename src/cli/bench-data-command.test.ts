import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { loadConfig } from '../config/index.js';
import { testDialects } from '../db/index.js';
import { assembleMinbar, createApp } from '../main.js';
import { createArchiveGenerator, fixedClock } from '../services/index.js';
import { benchDataCommand, corpusFiles, DEFAULT_CORPUS_DIR, parseBenchDataArgs, readCorpus } from './bench-data-command.js';

const NOW = Date.UTC(2026, 11, 4, 12);
const files = corpusFiles(DEFAULT_CORPUS_DIR);

test('bench:data arguments: --articles is required and whole; a missing corpus is named and exits 66', async () => {
  assert.match(String(parseBenchDataArgs([])), /--articles needs a whole number/);
  assert.match(String(parseBenchDataArgs(['--articles', '1.5'])), /--articles/);
  const ok = parseBenchDataArgs(['--articles', '1_000_000', '--seed', '7', '--search-index']);
  assert.ok(typeof ok !== 'string');
  assert.equal(ok.articles, 1_000_000);
  assert.equal(ok.seed, 7);
  assert.equal(ok.searchIndex, true);

  const dir = mkdtempSync(join(tmpdir(), 'minbar-nocorpus-'));
  try {
    const errors: string[] = [];
    let opened = false;
    const code = await benchDataCommand(
      { articles: 10, databaseUrl: undefined, seed: 1, searchIndex: false, corpusDir: dir },
      {
        log: () => {},
        error: (s) => errors.push(s),
        open: async () => {
          opened = true;
          throw new Error('must not open the database without a corpus');
        },
      },
    );
    assert.equal(code, 66);
    assert.equal(opened, false);
    assert.match(errors[0]!, /corpus is missing/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

for (const dialect of testDialects()) {
  describe(`bench:data on ${dialect.name}`, { skip: !files && `the SaudiNewsNet corpus is not at ${DEFAULT_CORPUS_DIR}` }, () => {
    test('300 articles: sections, stories, tags, authors, hero pictures, ten years of dates; the pages render', async () => {
      const h = await dialect.open();
      const dataDir = mkdtempSync(join(tmpdir(), 'minbar-benchdata-'));
      const minbar = assembleMinbar(loadConfig({ DATA_DIR: dataDir }), h, fixedClock(NOW));
      try {
        const corpus = readCorpus(files!.slice(0, 1), 300);
        const generator = createArchiveGenerator({ db: h.db, clock: fixedClock(NOW) });
        const seen: number[] = [];
        const report = await generator.generate(corpus, { articles: 300, seed: 3, articlesPerTransaction: 120, rowsPerInsert: 50 }, (done) => seen.push(done));
        assert.deepEqual(seen, [120, 240, 300]);

        const count = async (table: 'articles' | 'sections' | 'stories' | 'tags' | 'authors' | 'media' | 'story_articles' | 'article_tags') =>
          Number((await h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        assert.equal(await count('articles'), 300);
        assert.equal(await count('sections'), 10);
        assert.equal(await count('stories'), report.stories);
        assert.ok(report.stories >= 3);
        assert.ok((await count('tags')) >= 20);
        assert.ok((await count('authors')) >= 1);
        assert.ok((await count('media')) >= 10);
        assert.equal(await count('story_articles'), report.storyLinks);
        assert.equal(await count('article_tags'), report.tagLinks);
        assert.ok(report.published > 270 && report.published < 300, `most articles published, a few not (${report.published})`);

        // Publication dates cover about ten years and never lie in the future.
        const span = await h.db
          .selectFrom('articles')
          .select((eb) => [eb.fn.min<number>('published_at').as('oldest'), eb.fn.max<number>('published_at').as('newest')])
          .executeTakeFirstOrThrow();
        assert.ok(Number(span.newest) <= NOW);
        assert.ok(Number(span.newest) - Number(span.oldest) > 9.5 * 365 * 86_400_000);
        // Stories are unequal: the largest holds several times the smallest's share.
        const sizes = await h.db.selectFrom('story_articles').select((eb) => ['story_id', eb.fn.countAll<number>().as('n')]).groupBy('story_id').execute();
        assert.equal(Math.max(...sizes.map((s) => Number(s.n))), report.largestStory);
        assert.ok(report.largestStory >= 3 * Math.min(...sizes.map((s) => Number(s.n))));
        // Arabic text from the corpus, stored as paragraph blocks.
        const one = await h.db.selectFrom('articles').select(['title', 'body', 'lead']).where('status', '=', 'published').executeTakeFirstOrThrow();
        assert.match(one.title, /[\u0600-\u06ff]/);
        assert.equal((JSON.parse(one.body) as Array<{ type: string }>)[0]!.type, 'paragraph');

        // A second run refuses a filled database.
        await assert.rejects(generator.generate(corpus, { articles: 5 }), /already holds 300 articles/);

        const app = await createApp(minbar);
        try {
          const home = await app.inject({ url: '/' });
          assert.equal(home.statusCode, 200);
          const path = /class="card__title"><a href="([^"]+)"/.exec(home.body)?.[1];
          assert.ok(path, 'the home page links an article');
          const article = await app.inject({ url: path });
          assert.equal(article.statusCode, 200);
          assert.match(article.body, /<picture|<img/);
          assert.equal((await app.inject({ url: '/economy' })).statusCode, 200);
          const story = await h.db.selectFrom('stories').select('slug').orderBy('id').executeTakeFirstOrThrow();
          assert.equal((await app.inject({ url: `/stories/${encodeURIComponent(story.slug)}` })).statusCode, 200);
          assert.equal((await app.inject({ url: '/rss.xml' })).statusCode, 200);
        } finally {
          await app.close();
        }
      } finally {
        await minbar.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}

test('the command reports what it generated and the database size', { skip: !files && 'no corpus' }, async () => {
  const h = await testDialects()[0]!.open();
  const out: string[] = [];
  const progress = new PassThrough();
  progress.resume();
  const search = (await import('../services/index.js')).createSearchService({ db: h.db, caps: h.caps, clock: fixedClock(NOW) });
  const code = await benchDataCommand(
    { articles: 50, databaseUrl: undefined, seed: 1, searchIndex: true, corpusDir: DEFAULT_CORPUS_DIR },
    {
      log: (s) => out.push(s),
      error: (s) => out.push(`error: ${s}`),
      progressStream: progress,
      open: async () => ({ generator: createArchiveGenerator({ db: h.db, clock: fixedClock(NOW) }), search, sizeBytes: async () => 1_048_576, close: () => h.close() }),
    },
  );
  assert.equal(code, 0, out.join('\n'));
  assert.ok(out.some((l) => /^Generated 50 articles/.test(l)));
  assert.ok(out.some((l) => /^Search index: \d+ articles/.test(l)));
  assert.ok(out.some((l) => /^Database size: 1 MiB/.test(l)));
});
