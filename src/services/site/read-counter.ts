// Counts article reads for the "most read" list: increments are buffered in memory and written as one
// upsert per article and UTC day every few seconds (and on close), so a read never waits on a write.
// Stores counts only — nothing about who read. Knows nothing of HTTP; the caller decides what is a read.
import { createRepositories, type Db } from '../../db/index.js';
import type { Clock } from '../clock.js';

const DAY = 86_400_000;

export function utcDay(ms: number): number {
  return Math.floor(ms / DAY);
}

export function createReadCounter(deps: { db: Db; clock: Clock; onError?: (e: unknown) => void }, options: { flushEveryMs?: number } = {}) {
  const repos = createRepositories(deps.db);
  let pending = new Map<number, Map<number, number>>();
  let timer: NodeJS.Timeout | null = null;
  let flushing: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    const batch = pending;
    pending = new Map();
    await flushing;
    flushing = (async () => {
      for (const [day, counts] of batch) await repos.reader.addReads(day, counts);
    })().catch((e: unknown) => deps.onError?.(e));
    await flushing;
  }

  return {
    /** One read of a published article, now. */
    record(articleId: number): void {
      const day = utcDay(deps.clock.now());
      const counts = pending.get(day) ?? new Map<number, number>();
      counts.set(articleId, (counts.get(articleId) ?? 0) + 1);
      pending.set(day, counts);
      if (!timer && options.flushEveryMs !== 0) {
        timer = setTimeout(() => {
          timer = null;
          void flush();
        }, options.flushEveryMs ?? 10_000);
        timer.unref();
      }
    },
    /** Writes what is buffered (tests, and on shutdown). */
    async flush(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await flush();
    },
  };
}

export type ReadCounter = ReturnType<typeof createReadCounter>;
