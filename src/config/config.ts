// Reads Minbar's settings from the environment (and an optional JSON file), validates and freezes them.
// Knows nothing of the database, HTTP or any service: it only turns text into a typed, checked Config.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly database: { readonly kind: DatabaseKind; readonly url: string; readonly sqlitePath: string | null };
  readonly redisUrl: string | null;
  readonly siteName: string;
  readonly timeZone: string;
  readonly digits: 'latn' | 'arab';
  readonly hijriDates: boolean;
  readonly dataDir: string;
  readonly mediaDir: string;
  /** Largest picture upload accepted by the media library, in bytes. */
  readonly mediaMaxBytes: number;
  /** Key signing draft preview links; random per process when unset. */
  readonly previewSecret: string | null;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly trustProxy: boolean;
  /** On SIGTERM, how long in-flight requests may run before their connections are closed (ms). */
  readonly shutdownTimeoutMs: number;
  /** Bytes of rendered pages kept in memory by the page cache (0: no page cache). */
  readonly pageCacheBytes: number;
  /** CDN or caching-proxy purge endpoints, each POSTed the purged tags. */
  readonly purgeWebhookUrls: readonly string[];
}

/** Thrown for any invalid setting; `message` is one sentence naming the setting. */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Asia/Riyadh or UTC' },
);

const schema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'must be an absolute http(s) URL such as https://news.example.org' })
    .optional(),
  DATABASE_URL: z.string().min(1, 'must not be empty').optional(),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, message: 'must be a redis:// or rediss:// URL' })
    .optional(),
  SITE_NAME: z.string().trim().min(1, 'must not be empty').max(80, 'must be at most 80 characters').default('منبر'),
  TIME_ZONE: timeZone.default('Asia/Riyadh'),
  DIGITS: z.enum(['latn', 'arab'], { message: 'must be "latn" (0-9) or "arab" (٠-٩)' }).default('latn'),
  HIJRI_DATES: bool.default(false),
  DATA_DIR: z.string().min(1).default('./data'),
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_MAX_BYTES: z.coerce
    .number({ message: 'must be a whole number of bytes' })
    .int('must be a whole number of bytes')
    .min(1024, 'must be at least 1024 bytes')
    .max(200 * 1024 * 1024, 'must be at most 209715200 bytes (200 MB)')
    .default(20 * 1024 * 1024),
  PREVIEW_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  TRUST_PROXY: bool.default(false),
  SHUTDOWN_TIMEOUT: z.coerce
    .number({ message: 'must be a whole number of seconds' })
    .int('must be a whole number of seconds')
    .min(1, 'must be between 1 and 600 seconds')
    .max(600, 'must be between 1 and 600 seconds')
    .default(20),
  PAGE_CACHE_MB: z.coerce
    .number({ message: 'must be a whole number of megabytes' })
    .int('must be a whole number of megabytes')
    .min(0, 'must be 0 (off) or more')
    .max(16384, 'must be at most 16384')
    // Each megabyte of pages costs about 1.4 MB of process memory: 16 keeps a site at a million articles under
    // 250 MB (BENCHMARKS.md) and holds the pages readers share (fronts, lists, a few hundred articles).
    .default(16),
  PURGE_WEBHOOK_URL: z
    .string()
    .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^https?$/, message: 'must be one or more http(s) URLs separated by commas' })))
    .optional(),
});

type RawSettings = Record<string, string | undefined>;

const KNOWN = Object.keys(schema.shape);

function readConfigFile(path: string): RawSettings {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('MINBAR_CONFIG', `Invalid configuration: MINBAR_CONFIG names a file that cannot be read (${path}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ConfigError('MINBAR_CONFIG', `Invalid configuration: MINBAR_CONFIG file ${path} is not valid JSON.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError('MINBAR_CONFIG', `Invalid configuration: MINBAR_CONFIG file ${path} must hold one JSON object of settings.`);
  }
  const out: RawSettings = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!KNOWN.includes(key)) {
      throw new ConfigError(key, `Invalid configuration: ${key} in ${path} is not a Minbar setting.`);
    }
    out[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

function parseDatabase(url: string | undefined, dataDir: string): Config['database'] {
  if (url === undefined || url === '') {
    const sqlitePath = resolve(dataDir, 'minbar.db');
    return { kind: 'sqlite', url: `sqlite:${sqlitePath}`, sqlitePath };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    try {
      new URL(url);
    } catch {
      throw new ConfigError('DATABASE_URL', 'Invalid configuration: DATABASE_URL is not a valid postgres:// URL.');
    }
    return { kind: 'postgres', url, sqlitePath: null };
  }
  const m = /^(?:sqlite|file):(.+)$/.exec(url);
  if (m?.[1]) {
    const path = m[1] === ':memory:' ? ':memory:' : resolve(m[1].replace(/^\/\/(?=\/)/, ''));
    return { kind: 'sqlite', url, sqlitePath: path };
  }
  throw new ConfigError(
    'DATABASE_URL',
    'Invalid configuration: DATABASE_URL must start with sqlite: (a file path) or postgres:// (a PostgreSQL server).',
  );
}

/**
 * Builds the configuration from environment variables, optionally layered over
 * the JSON file named by MINBAR_CONFIG (the environment wins).
 */
export function loadConfig(env: RawSettings = process.env): Config {
  const fromFile = env['MINBAR_CONFIG'] ? readConfigFile(env['MINBAR_CONFIG']) : {};
  const raw: RawSettings = { ...fromFile };
  for (const key of KNOWN) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const setting = String(issue.path[0] ?? 'configuration');
    const given = raw[setting];
    const shown = given === undefined ? '' : ` (got "${given.length > 60 ? `${given.slice(0, 60)}…` : given}")`;
    throw new ConfigError(setting, `Invalid configuration: ${setting} ${issue.message}${shown}.`);
  }
  const s = result.data;
  const dataDir = resolve(s.DATA_DIR);
  const publicUrl = (s.PUBLIC_URL ?? `http://localhost:${s.PORT}`).replace(/\/+$/, '');
  const config: Config = {
    port: s.PORT,
    host: s.HOST,
    publicUrl,
    database: parseDatabase(s.DATABASE_URL, dataDir),
    redisUrl: s.REDIS_URL ?? null,
    siteName: s.SITE_NAME,
    timeZone: s.TIME_ZONE,
    digits: s.DIGITS,
    hijriDates: s.HIJRI_DATES,
    dataDir,
    mediaDir: resolve(s.MEDIA_DIR ?? resolve(dataDir, 'media')),
    mediaMaxBytes: s.MEDIA_MAX_BYTES,
    previewSecret: s.PREVIEW_SECRET ?? null,
    logLevel: s.LOG_LEVEL,
    trustProxy: s.TRUST_PROXY,
    shutdownTimeoutMs: s.SHUTDOWN_TIMEOUT * 1000,
    pageCacheBytes: s.PAGE_CACHE_MB * 1024 * 1024,
    purgeWebhookUrls: s.PURGE_WEBHOOK_URL ?? [],
  };
  return deepFreeze(config);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
