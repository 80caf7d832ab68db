// Composition root: configuration → database → services → HTTP server or CLI command.
// The only place that wires modules together; everything else receives its dependencies.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { pino } from 'pino';
import { Redis } from 'ioredis';
import { ConfigError, INSTALL_ROOT, loadConfig, type Config } from './config/index.js';
import { dumpDatabase, loadDatabase, openDatabase, siteContent, type DatabaseHandle } from './db/index.js';
import {
  createCurationService,
  createFileMediaStore,
  createMediaService,
  createPublishingService,
  createScheduler,
  createSiteService,
  createStaticPageService,
  createArticleVideoService,
  createImageCropService,
  createReadCounter,
  createPurgeBus,
  articlePurgeHooks,
  pageTags,
  systemClock,
  type Clock,
} from './services/index.js';
import { createImportService, createSearchService, type ArticleHooks } from './services/index.js';
import { chooseLiveTransport, createLiveService } from './services/index.js';
import { createAccountsService, createApiTokenService, createArticleListService, createAuditService, createContentApiService } from './services/index.js';
import { createCommentService, createModerationService, createReaderService } from './services/index.js';
import { createArchiveGenerator } from './services/index.js';
import { buildApp, createLifecycle, type Lifecycle, type ReadinessProbe, type SearchRateLimit } from './http/index.js';
import { migrateCommand } from './cli/index.js';
import { importCommand, reindexCommand } from './cli/index.js';
import { readPasswordFromTerminal, userCommand } from './cli/index.js';
import { backupCommand, restoreCommand } from './cli/index.js';
import { benchDataCommand, parseBenchDataArgs } from './cli/index.js';

export interface Minbar {
  readonly config: Config;
  readonly database: DatabaseHandle;
  readonly clock: Clock;
  readonly services: ReturnType<typeof createServices>;
  /** One shared Redis connection when REDIS_URL is set (rate-limit counters, readiness), else null. */
  readonly redis: Redis | null;
  close(): Promise<void>;
}

function createServices(config: Config, database: DatabaseHandle, clock: Clock) {
  const db = database.db;
  // Every article write updates the search index inside its own transaction.
  const search = createSearchService({ db, caps: database.caps, clock });
  // Live coverage: events fan out through Redis, else LISTEN/NOTIFY, else this process's memory.
  const transport = chooseLiveTransport({ redisUrl: config.redisUrl, listenNotify: database.caps.listenNotify, databaseUrl: config.database.url });
  // Page purges: this instance's page cache at once, other instances through Redis, a CDN by webhook.
  const purges = createPurgeBus({ redisUrl: config.redisUrl, webhookUrls: config.purgeWebhookUrls });
  // The breaking bar and مباشر are in every page's chrome.
  const live = purgingAfter(createLiveService({ db, clock, transport }), purges, {
    setBreaking: () => [pageTags.chrome],
    clearBreaking: () => [pageTags.chrome],
    setState: () => [pageTags.chrome],
    configureStream: () => [pageTags.chrome],
  });
  const purgeHooks = articlePurgeHooks(db, purges);
  const hooks: ArticleHooks = {
    beforeWrite: purgeHooks.beforeWrite ?? [],
    inTransaction: [search.indexArticle],
    inTransactionMany: [search.indexArticles],
    afterCommit: [() => live.invalidateChrome(), ...purgeHooks.afterCommit],
  };
  // … and a live blog's readers get its comment count after each comment change.
  const commentHooks: ArticleHooks = { inTransaction: [], afterCommit: [...hooks.afterCommit, (e) => live.commentsChanged(e.articleId)] };
  const site = createSiteService({ db, clock });
  purges.subscribe((tags) => {
    if (tags.includes(pageTags.chrome)) site.invalidateChrome();
    if (tags.length > 0) site.invalidateLists();
  });
  return {
    purges,
    site,
    pages: purgingAfter(createStaticPageService({ db, clock }), purges, {
      save: ([input]) => [pageTags.page(input.slug), pageTags.chrome, pageTags.sitemaps],
    }),
    videos: purgingAfter(createArticleVideoService({ db, clock }), purges, { attach: ([articleId]) => [pageTags.article(articleId)] }),
    crops: createImageCropService({ db, mediaDir: config.mediaDir }),
    reads: createReadCounter({ db, clock }),
    publishing: createPublishingService({ db, clock, hooks }),
    search,
    live,
    imports: createImportService({ db, clock, hooks }),
    // Curation changes the chrome of every page (sections, channels, menus, stories strip) or the home page.
    curation: purgingAfter(createCurationService({ db, clock }), purges, {
      setHome: () => [pageTags.home],
      saveSection: (_args, id) => [pageTags.section(id), pageTags.chrome, pageTags.home, pageTags.feeds, pageTags.sitemaps],
      orderSections: () => [pageTags.chrome, pageTags.home],
      saveStory: (_args, id) => [pageTags.story(id), pageTags.chrome, pageTags.home, pageTags.feeds, pageTags.sitemaps],
      orderStrip: () => [pageTags.chrome, pageTags.home],
      saveChannel: () => [pageTags.chrome],
      deleteChannel: () => [pageTags.chrome],
      saveMenuItem: () => [pageTags.chrome],
      deleteMenuItem: () => [pageTags.chrome],
      createSection: () => [pageTags.chrome, pageTags.sitemaps],
      createStory: () => [pageTags.chrome, pageTags.sitemaps],
      createChannel: () => [pageTags.chrome],
      importApprovedComment: ([input]) => [pageTags.article(input.articleId)],
    }),
    // A caption, credit or alt text edit reaches every page showing the picture.
    media: purgingAfter(createMediaService({ db, clock, store: createFileMediaStore(config.mediaDir) }, { maxBytes: config.mediaMaxBytes }), purges, {
      updateMeta: ([, id]) => [pageTags.media(id)],
    }),
    accounts: createAccountsService({ db, clock, issuer: config.siteName }),
    apiTokens: createApiTokenService({ db, clock }),
    audit: createAuditService({ db }),
    articleList: createArticleListService({ db }),
    content: createContentApiService({ db }),
    // Comment approvals change article pages: they follow the article hooks' after-commit work (caches).
    comments: createCommentService({ db, clock, hooks: commentHooks }),
    // The comments mode in force shows on article pages: a settings change reaches every page.
    moderation: purgingAfter(createModerationService({ db, clock, hooks: commentHooks }), purges, {
      saveSettings: () => [pageTags.chrome],
    }),
    readers: createReaderService({ db, clock }),
  };
}

type Methods<S> = { [K in keyof S]: S[K] extends (...args: infer A) => Promise<infer R> ? (args: A, result: R) => readonly string[] : never };

/** Wraps a service so the named write methods purge the tags their rule returns once they succeed. */
function purgingAfter<S extends object>(service: S, purges: { purge(tags: readonly string[]): void }, rules: Partial<Methods<S>>): S {
  const wrapped = { ...service } as Record<string, unknown>;
  for (const [name, rule] of Object.entries(rules) as Array<[string, (args: unknown[], result: unknown) => readonly string[]]>) {
    const method = (service as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!;
    wrapped[name] = async (...args: unknown[]) => {
      const result = await method.apply(service, args);
      purges.purge(rule(args, result));
      return result;
    };
  }
  return wrapped as S;
}

/** Opens the database, applies migrations and builds the services. */
export async function createMinbar(config: Config, clock: Clock = systemClock): Promise<Minbar> {
  const database = openDatabase(config.database);
  await database.migrate();
  return assembleMinbar(config, database, clock);
}

/** Builds the services over an already opened, migrated database (tests pass one per dialect). */
export function assembleMinbar(config: Config, database: DatabaseHandle, clock: Clock = systemClock): Minbar {
  const services = createServices(config, database, clock);
  // Commands fail at once while Redis is away (no offline queue): rate limits then let requests through
  // and /readyz reports it, rather than requests waiting on a queue.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 }) : null;
  // Errors are reported by /readyz and logged by `serve`; without a listener ioredis would print each one.
  redis?.on('error', () => {});
  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      await services.live.close();
      await services.purges.close();
      // Buffered read counts are written before the database goes away.
      await services.reads.flush();
      if (redis) await redis.quit().catch(() => redis.disconnect());
      await database.close();
    })());
  return { config, database, clock, services, redis, close };
}

/** The HTTP application of a Minbar instance, not yet listening (tests call `inject`). */
export async function createApp(minbar: Minbar, options: { logger?: boolean; now?: () => number; lifecycle?: Lifecycle; searchRateLimit?: SearchRateLimit } = {}) {
  const logger = options.logger ? pino({ level: minbar.config.logLevel }) : false;
  return buildApp({
    config: minbar.config,
    health: { probes: readinessProbes(minbar), lifecycle: options.lifecycle ?? createLifecycle() },
    redis: minbar.redis,
    site: minbar.services.site,
    search: minbar.services.search,
    crops: minbar.services.crops,
    live: minbar.services.live,
    reads: minbar.services.reads,
    newsroom: {
      accounts: minbar.services.accounts,
      apiTokens: minbar.services.apiTokens,
      audit: minbar.services.audit,
      articleList: minbar.services.articleList,
      publishing: minbar.services.publishing,
      curation: minbar.services.curation,
      media: minbar.services.media,
      site: minbar.services.site,
      live: minbar.services.live,
      moderation: minbar.services.moderation,
    },
    content: minbar.services.content,
    comments: { comments: minbar.services.comments, readers: minbar.services.readers },
    purges: minbar.services.purges,
    logger,
    now: options.now ?? (() => minbar.clock.now()),
    ...(options.searchRateLimit ? { searchRateLimit: options.searchRateLimit } : {}),
  });
}

/** What /readyz checks: the database answers, its migrations are applied, Redis answers when configured. */
function readinessProbes(minbar: Minbar): ReadinessProbe[] {
  let migrated = false;
  const probes: ReadinessProbe[] = [
    {
      name: 'database',
      check: async () => {
        await sql`select 1`.execute(minbar.database.db);
        return null;
      },
    },
    {
      name: 'migrations',
      check: async () => {
        // Migrations only go forward: once all are applied, they stay applied.
        if (migrated) return null;
        const pending = await minbar.database.pendingMigrations();
        migrated = pending.length === 0;
        return migrated ? null : `${pending.length} pending`;
      },
    },
  ];
  const redis = minbar.redis;
  if (redis) {
    probes.push({
      name: 'redis',
      check: async () => ((await redis.ping()) === 'PONG' ? null : 'unexpected reply'),
    });
  }
  return probes;
}

async function seedIfEmpty(minbar: Minbar, log: (s: string) => void): Promise<void> {
  if (!(await minbar.services.site.isEmpty())) return;
  log('Empty database: loading the demo outlet (original Arabic content, generated artwork)…');
  const started = Date.now();
  // Loaded on demand: a serving process never holds the demo outlet's text in memory.
  const { seedDemo } = await import('./cli/seed-command.js');
  // The demo's generated artwork is flat vector art: the fastest AVIF effort keeps the first start short.
  const media = createMediaService(
    { db: minbar.database.db, clock: minbar.clock, store: createFileMediaStore(minbar.config.mediaDir) },
    { avifEffort: 0 },
  );
  const { articles } = await seedDemo({ ...minbar.services, media, clock: minbar.clock, log });
  const { seedStaticPages } = await import('./cli/seed-static-pages.js');
  await seedStaticPages(minbar.services.pages, minbar.config.siteName);
  log(`Demo outlet ready: ${articles} articles in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  // Demo only: one newsroom account per role, with generated passwords printed once.
  const { seedDemoAccounts } = await import('./cli/user-command.js');
  await seedDemoAccounts(minbar.services.accounts, log);
}

async function serve(minbar: Minbar): Promise<void> {
  const lifecycle = createLifecycle();
  const app = await createApp(minbar, { logger: true, lifecycle });
  minbar.redis?.on('error', (e: Error) => app.log.warn({ err: e.message }, 'redis connection error'));
  if (minbar.database.caps.label !== 'SQLite' && !minbar.config.previewSecret) {
    app.log.warn('PREVIEW_SECRET is not set: preview links signed by this instance open only on this instance');
  }
  // Scheduled articles are published by this loop; with several processes, each article exactly once.
  const scheduler = createScheduler({
    publishDue: (batch) => minbar.services.publishing.publishDue(batch),
    onPublished: (ids) => app.log.info({ ids }, 'scheduled articles published'),
    onError: (error) => app.log.error(error, 'scheduler pass failed'),
  });
  // Graceful shutdown: not ready at once (/readyz 503, `Connection: close` on every answer), stop
  // accepting, end live streams with a short retry so readers reconnect to another instance, let
  // in-flight requests finish for up to SHUTDOWN_TIMEOUT, then write buffered counts and close the
  // database and Redis. A second signal, or a drain past the limit plus 5 s, exits at once.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting without draining');
      process.exit(1);
    }
    stopping = true;
    lifecycle.draining = true;
    const limit = minbar.config.shutdownTimeoutMs;
    app.log.info({ signal, limitMs: limit }, 'shutting down: draining requests');
    const force = setTimeout(() => {
      app.log.warn('drain limit reached: closing the remaining connections');
      app.server.closeAllConnections();
    }, limit);
    force.unref();
    setTimeout(() => {
      app.log.error('shutdown did not complete: exiting');
      process.exit(1);
    }, limit + 5_000).unref();
    try {
      await scheduler.stop();
      await app.close();
      clearTimeout(force);
      await minbar.close();
      app.log.info('shut down cleanly');
      process.exit(0);
    } catch (e) {
      app.log.error(e, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ port: minbar.config.port, host: minbar.config.host });
  scheduler.start();
  console.log(`Minbar is serving ${minbar.config.siteName} at ${minbar.config.publicUrl} (${minbar.database.caps.label}).`);
}

const USAGE = `Usage: minbar <command>

Commands:
  start          migrate, load the demo outlet into an empty database, and serve
  serve          serve the site (migrations run first)
  migrate        apply pending database migrations
  seed --demo    load the fictional demo outlet into an empty database
  import FILE    import articles from a JSON-lines file (one article per line; a second run changes nothing)
  reindex        rebuild the search index from the published articles
  backup --out DIR|FILE.tar   copy the database (online, while serving) and media, with a manifest
  restore FROM [--force]      restore a backup into this site (an empty one unless --force), then migrate
  bench:data     fill an empty database with a generated archive: bench:data --articles N [--database-url URL] [--seed S] [--search-index]
  user …         newsroom accounts: user create|set-password|disable|list (minbar user for details)
  help           show this help

Settings come from the environment (PORT, HOST, PUBLIC_URL, DATABASE_URL, REDIS_URL, SITE_NAME,
TIME_ZONE, DIGITS, HIJRI_DATES, DATA_DIR, MEDIA_DIR, LOG_LEVEL, TRUST_PROXY, SHUTDOWN_TIMEOUT) or a JSON file named by MINBAR_CONFIG.`;

export async function runCli(argv: readonly string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  const log = (s: string) => console.log(s);
  if (command === 'help' || command === '--help' || command === '-h') {
    log(USAGE);
    return 0;
  }
  if (command === 'import' || command === 'reindex') return searchCli(command, rest);
  if (command === 'bench:data') return benchDataCli(rest);
  if (command === 'backup' || command === 'restore') return backupCli(command, rest);
  if (!['start', 'serve', 'migrate', 'seed', 'user'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 78; // EX_CONFIG
    }
    throw e;
  }
  if (command === 'migrate') {
    const database = openDatabase(config.database);
    try {
      await migrateCommand({ label: database.caps.label, migrate: () => database.migrate() }, log);
    } finally {
      await database.close();
    }
    return 0;
  }
  const minbar = await createMinbar(config);
  if (command === 'user') {
    try {
      return await userCommand(rest, { accounts: minbar.services.accounts, log, error: (s) => console.error(s), readPassword: readPasswordFromTerminal });
    } finally {
      await minbar.close();
    }
  }
  if (command === 'seed') {
    try {
      if (!rest.includes('--demo')) {
        console.error('minbar seed needs --demo: it loads the fictional demo outlet.');
        return 2;
      }
      if (!(await minbar.services.site.isEmpty())) {
        console.error('The database already has articles; the demo outlet is loaded only into an empty site.');
        return 1;
      }
      await seedIfEmpty(minbar, log);
      return 0;
    } finally {
      await minbar.close();
    }
  }
  if (command === 'start') await seedIfEmpty(minbar, log);
  await serve(minbar);
  return 0;
}

/** `minbar import FILE.jsonl` and `minbar reindex`: how an archive gets into search. */
async function searchCli(command: 'import' | 'reindex', args: readonly string[]): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 78; // EX_CONFIG
    }
    throw e;
  }
  const file = args[0];
  if (command === 'import' && !file) {
    console.error('minbar import needs a file: minbar import FILE.jsonl');
    return 2;
  }
  const minbar = await createMinbar(config);
  const log = (s: string) => console.log(s);
  try {
    if (command === 'reindex') return await reindexCommand({ search: minbar.services.search, log });
    return await importCommand({ imports: minbar.services.imports, log, error: (s) => console.error(s) }, file!);
  } finally {
    await minbar.close();
  }
}

/** `minbar bench:data`: a generated archive for benchmarks, into the configured database or --database-url. */
async function benchDataCli(args: readonly string[]): Promise<number> {
  const options = parseBenchDataArgs(args);
  if (typeof options === 'string') {
    console.error(options);
    return 2;
  }
  return benchDataCommand(options, {
    log: (s) => console.log(s),
    error: (s) => console.error(s),
    async open(databaseUrl) {
      const config = loadConfig(databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : process.env);
      const minbar = await createMinbar(config);
      return {
        generator: createArchiveGenerator({ db: minbar.database.db, clock: minbar.clock }),
        search: minbar.services.search,
        async sizeBytes() {
          const path = config.database.sqlitePath;
          if (path) return [path, `${path}-wal`].reduce((n, f) => n + (existsSync(f) ? statSync(f).size : 0), 0);
          const r = await sql<{ n: string }>`select pg_database_size(current_database()) as n`.execute(minbar.database.db);
          return Number(r.rows[0]?.n ?? 0);
        },
        close: () => minbar.close(),
      };
    },
  });
}

/** `minbar backup` and `minbar restore`: they open the database without migrating it (restore migrates after). */
export async function backupCli(
  command: 'backup' | 'restore',
  args: readonly string[],
  env: Record<string, string | undefined> = process.env,
  io: { log(line: string): void; error(line: string): void } = { log: (s) => console.log(s), error: (s) => console.error(s) },
): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      return 78; // EX_CONFIG
    }
    throw e;
  }
  const target = config.database;
  const content = async () => {
    const database = openDatabase(target, { poolSize: 1 });
    try {
      return await siteContent(database.db);
    } finally {
      await database.close();
    }
  };
  if (command === 'backup') {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(join(INSTALL_ROOT, 'package.json'), 'utf8')) as { version: string };
    return backupCommand(args, {
      databaseKind: target.kind,
      mediaDir: config.mediaDir,
      minbarVersion: pkg.version,
      dumpDatabase: (file) => dumpDatabase(target, file),
      content,
      now: () => Date.now(),
      ...io,
    });
  }
  return restoreCommand(args, {
    databaseKind: target.kind,
    mediaDir: config.mediaDir,
    content,
    loadDatabase: (file, format) => loadDatabase(target, file, format),
    migrate: async () => {
      const database = openDatabase(target, { poolSize: 1 });
      try {
        return await database.migrate();
      } finally {
        await database.close();
      }
    },
    ...io,
  });
}
