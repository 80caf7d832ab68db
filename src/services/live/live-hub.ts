// One process's delivery of live events to its connected readers: it follows the log (woken by the
// transport, with a slow safety poll), delivers each event once, in order, to the readers of its scope,
// and resumes reconnecting readers from the log without gap or duplicate. Knows nothing of HTTP.
import type { EventLog } from './live-event-log.js';
import type { LiveTransport } from './live-transport.js';
import type { LiveEvent } from './live-types.js';

/** Where a connected reader's events go (an SSE response, a test's array). */
export interface LiveSink {
  event(e: LiveEvent): void;
  /** The reader missed more than the log can replay: it should reload. `head` is the id to resume from. */
  reset(head: number): void;
}

export interface LiveConnection {
  close(): void;
}

interface Subscriber {
  readonly articleId: number | null;
  readonly sink: LiveSink;
  cursor: number;
  buffer: LiveEvent[] | null;
}

export interface HubOptions {
  /** A safety poll of the log, in case an announcement was lost (default 3 s). */
  readonly pollMs?: number;
  readonly onError?: (e: unknown) => void;
  /** Called once per event delivered by this hub (caches listen here). */
  readonly onEvent?: (e: LiveEvent) => void;
}

const BATCH = 500;

export function createLiveHub(log: EventLog, transport: LiveTransport, options: HubOptions = {}) {
  const onError = options.onError ?? (() => {});
  const site = new Set<Subscriber>();
  const byArticle = new Map<number, Set<Subscriber>>();
  let lastSeq = 0;
  let started: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let again = false;
  let closed = false;

  function deliverTo(sub: Subscriber, e: LiveEvent): void {
    if (sub.buffer) {
      sub.buffer.push(e);
      return;
    }
    if (e.seq <= sub.cursor) return;
    sub.cursor = e.seq;
    try {
      sub.sink.event(e);
    } catch (err) {
      onError(err);
    }
  }

  function deliver(e: LiveEvent): void {
    options.onEvent?.(e);
    if (e.articleId === null) {
      for (const s of site) deliverTo(s, e);
      for (const set of byArticle.values()) for (const s of set) deliverTo(s, e);
    } else {
      const set = byArticle.get(e.articleId);
      if (set) for (const s of set) deliverTo(s, e);
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      const rows = await log.readAll(lastSeq, BATCH);
      for (const e of rows) {
        lastSeq = e.seq;
        deliver(e);
      }
      if (rows.length < BATCH) return;
    }
  }

  /** Reads and delivers whatever the log gained; concurrent calls coalesce into one more pass. */
  let draining: Promise<void> = Promise.resolve();
  function poke(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return draining;
    }
    running = true;
    draining = pass();
    return draining;
  }
  async function pass(): Promise<void> {
    try {
      do {
        again = false;
        await drain();
      } while (again && !closed);
    } catch (e) {
      onError(e);
    } finally {
      running = false;
    }
  }

  function start(): Promise<void> {
    started ??= (async () => {
      lastSeq = await log.head();
      try {
        await transport.listen(() => void poke());
      } catch (e) {
        // Without wake-ups from other instances the safety poll still delivers, a little later.
        onError(e);
      }
      timer = setInterval(() => void poke(), options.pollMs ?? 3000);
      timer.unref();
    })();
    return started;
  }

  function remove(sub: Subscriber): void {
    if (sub.articleId === null) site.delete(sub);
    else {
      const set = byArticle.get(sub.articleId);
      set?.delete(sub);
      if (set && set.size === 0) byArticle.delete(sub.articleId);
    }
  }

  return {
    start,
    poke,

    /** The last sequence number this hub has delivered. */
    get lastSeq(): number {
      return lastSeq;
    },

    get connections(): number {
      let n = site.size;
      for (const set of byArticle.values()) n += set.size;
      return n;
    },

    /**
     * Connects a reader of `articleId` (null: site-wide events only). With `after`, first replays what it
     * missed from the log, then continues live; without, starts from now.
     */
    async connect(articleId: number | null, after: number | null, sink: LiveSink): Promise<LiveConnection> {
      await start();
      const sub: Subscriber = { articleId, sink, cursor: after ?? lastSeq, buffer: after === null ? null : [] };
      if (articleId === null) site.add(sub);
      else {
        let set = byArticle.get(articleId);
        if (!set) byArticle.set(articleId, (set = new Set()));
        set.add(sub);
      }
      const connection = { close: () => remove(sub) };
      if (after === null) return connection;
      try {
        const upTo = lastSeq;
        const missed = await log.resume(articleId, after, upTo);
        if (missed.kind === 'reset') {
          sub.cursor = upTo;
          sink.reset(upTo);
        } else {
          for (const e of missed.events) {
            if (e.seq <= sub.cursor) continue;
            sub.cursor = e.seq;
            sink.event(e);
          }
          sub.cursor = Math.max(sub.cursor, upTo);
        }
      } catch (e) {
        remove(sub);
        throw e;
      }
      const buffered = sub.buffer ?? [];
      sub.buffer = null;
      for (const e of buffered) deliverTo(sub, e);
      return connection;
    },

    /** Called after a commit that appended `seq`: wakes this hub now and every other instance. */
    async announce(seq: number): Promise<void> {
      void poke();
      try {
        await transport.announce(seq);
      } catch (e) {
        onError(e);
      }
    },

    async close(): Promise<void> {
      closed = true;
      if (timer) clearInterval(timer);
      // A pass in flight finishes before the database may close under it.
      await draining;
      site.clear();
      byArticle.clear();
      await transport.close();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
