// Carries page purges from the write that causes them to every cache that may hold the pages: this
// instance's page cache at once (synchronously, so the next request already misses), the other
// instances through Redis pub/sub when REDIS_URL is set, and a CDN or caching proxy through purge
// webhooks (one POST per URL with the tags, sent by the instance that wrote). Knows nothing of HTTP
// routes or of what the tags mean.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { PurgeSink } from './page-tags.js';

export const PURGE_CHANNEL = 'minbar_purge';

export interface PurgeBus extends PurgeSink {
  /** 'memory': this process only; 'redis': every instance on the same Redis. */
  readonly label: 'memory' | 'redis';
  /** Purges `tags` here, on every other instance and at the configured webhooks. */
  purge(tags: readonly string[]): void;
  /** Receives every purge (this instance's and the others'); returns the unsubscribe function. */
  subscribe(listener: (tags: readonly string[]) => void): () => void;
  /** Resolves once the purges so far have reached Redis, so every other instance has them (a write's response waits for it). */
  published(): Promise<void>;
  /** Resolves once the purges so far have been published and posted (tests, graceful shutdown). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface PurgeBusOptions {
  readonly redisUrl?: string | null;
  /** CDN/proxy purge endpoints: each gets `POST {"keys":[…]}` with the tags also in a Surrogate-Key header. */
  readonly webhookUrls?: readonly string[];
  readonly onError?: (error: unknown) => void;
  /** Webhook timeout (ms). */
  readonly webhookTimeoutMs?: number;
}

interface Wire {
  readonly from: string;
  readonly tags: readonly string[];
}

export function createPurgeBus(options: PurgeBusOptions = {}): PurgeBus {
  const onError = options.onError ?? (() => {});
  const listeners = new Set<(tags: readonly string[]) => void>();
  const webhooks = options.webhookUrls ?? [];
  const instance = randomUUID();
  const inFlight = new Set<Promise<void>>();
  // The subset of inFlight that other instances wait on: the pending flush and the Redis publishes.
  const toRedis = new Set<Promise<void>>();
  // Tags purged within one turn of the event loop travel together (a publish purges a dozen).
  let pending: Set<string> | null = null;
  let publisher: Redis | null = null;
  let subscriber: Redis | null = null;
  let subscribed: Promise<void> | null = null;

  if (options.redisUrl) {
    publisher = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
    publisher.on('error', onError);
    subscriber = new Redis(options.redisUrl, { lazyConnect: true });
    subscriber.on('error', onError);
    subscriber.on('message', (_channel: string, message: string) => {
      let wire: Wire;
      try {
        wire = JSON.parse(message) as Wire;
      } catch (e) {
        return onError(e);
      }
      if (wire.from === instance || !Array.isArray(wire.tags)) return;
      deliver(wire.tags.filter((t): t is string => typeof t === 'string'));
    });
    subscribed = (async () => {
      await subscriber!.connect();
      await subscriber!.subscribe(PURGE_CHANNEL);
    })();
    subscribed.catch(onError);
  }

  function deliver(tags: readonly string[]): void {
    for (const l of listeners) {
      try {
        l(tags);
      } catch (e) {
        onError(e);
      }
    }
  }

  function track(p: Promise<void>, redis = false): void {
    const q = p.catch(onError).finally(() => {
      inFlight.delete(q);
      toRedis.delete(q);
    });
    inFlight.add(q);
    if (redis) toRedis.add(q);
  }

  async function post(url: string, tags: readonly string[]): Promise<void> {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'surrogate-key': tags.join(' ') },
      body: JSON.stringify({ keys: tags }),
      signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 5000),
    });
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new Error(`purge webhook ${url} answered ${res.status}`);
  }

  function flush(): void {
    const tags = [...(pending ?? [])];
    pending = null;
    if (tags.length === 0) return;
    if (publisher) {
      const p = publisher;
      track((async () => {
        await subscribed;
        await p.publish(PURGE_CHANNEL, JSON.stringify({ from: instance, tags } satisfies Wire));
      })(), true);
    }
    for (const url of webhooks) track(post(url, tags));
  }

  const bus: PurgeBus = {
    label: publisher ? 'redis' : 'memory',
    purge(tags) {
      if (tags.length === 0) return;
      deliver(tags);
      if (!publisher && webhooks.length === 0) return;
      if (!pending) {
        pending = new Set();
        const scheduled = new Promise<void>((resolve) => setImmediate(() => { flush(); resolve(); }));
        track(scheduled, publisher !== null);
      }
      for (const t of tags) pending.add(t);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async published() {
      while (toRedis.size > 0) await Promise.all([...toRedis]);
    },
    async settled() {
      await subscribed?.catch(() => undefined);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    async close() {
      await bus.settled();
      listeners.clear();
      publisher?.disconnect();
      subscriber?.disconnect();
    },
  };
  return bus;
}
