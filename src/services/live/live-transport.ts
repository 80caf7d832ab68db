// How instances tell each other "the live log has grown": in memory for one process, Redis pub/sub when
// REDIS_URL is set, PostgreSQL LISTEN/NOTIFY otherwise when the database can. Messages are only wake-ups
// carrying a sequence number; the database log stays the source of truth. Knows nothing of HTTP.
import { Redis } from 'ioredis';
import pg from 'pg';

export interface LiveTransport {
  /** Which transport this is, for logs and the health of the deployment. */
  readonly label: 'memory' | 'redis' | 'listen-notify';
  /** Tells every instance (this one included) that events up to `seq` are committed. */
  announce(seq: number): Promise<void>;
  /** Starts receiving announcements. */
  listen(onAnnounce: (seq: number) => void): Promise<void>;
  close(): Promise<void>;
}

export const LIVE_CHANNEL = 'minbar_live';

export function memoryTransport(): LiveTransport {
  const listeners = new Set<(seq: number) => void>();
  return {
    label: 'memory',
    async announce(seq) {
      for (const l of listeners) queueMicrotask(() => l(seq));
    },
    async listen(onAnnounce) {
      listeners.add(onAnnounce);
    },
    async close() {
      listeners.clear();
    },
  };
}

export function redisTransport(url: string, onError: (e: unknown) => void = () => {}): LiveTransport {
  // A subscribed connection can do nothing else: one to publish, one to listen.
  const publisher = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  let subscriber: Redis | null = null;
  publisher.on('error', onError);
  return {
    label: 'redis',
    async announce(seq) {
      await publisher.publish(LIVE_CHANNEL, String(seq));
    },
    async listen(onAnnounce) {
      subscriber = new Redis(url, { lazyConnect: true });
      subscriber.on('error', onError);
      subscriber.on('message', (_channel: string, message: string) => onAnnounce(Number(message) || 0));
      // After a reconnection the hub's safety poll catches anything announced while disconnected.
      await subscriber.connect();
      await subscriber.subscribe(LIVE_CHANNEL);
    },
    async close() {
      publisher.disconnect();
      subscriber?.disconnect();
    },
  };
}

export function listenNotifyTransport(connectionString: string, onError: (e: unknown) => void = () => {}): LiveTransport {
  const pool = new pg.Pool({ connectionString, max: 1 });
  pool.on('error', onError);
  let listener: pg.Client | null = null;
  let closed = false;
  let handler: ((seq: number) => void) | null = null;

  async function connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString });
    client.on('notification', (n) => handler?.(Number(n.payload) || 0));
    client.on('error', (e) => {
      onError(e);
      listener = null;
      // Reconnect; the hub's safety poll covers what was announced meanwhile.
      if (!closed) setTimeout(() => void connectListener().catch(onError), 1000).unref();
    });
    await client.connect();
    await client.query(`listen ${LIVE_CHANNEL}`);
    listener = client;
  }

  return {
    label: 'listen-notify',
    async announce(seq) {
      await pool.query('select pg_notify($1, $2)', [LIVE_CHANNEL, String(seq)]);
    },
    async listen(onAnnounce) {
      handler = onAnnounce;
      await connectListener();
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}

/** Redis when configured; else LISTEN/NOTIFY when the database offers it; else one process's memory. */
export function chooseLiveTransport(o: { redisUrl: string | null; listenNotify: boolean; databaseUrl: string; onError?: (e: unknown) => void }): LiveTransport {
  if (o.redisUrl) return redisTransport(o.redisUrl, o.onError);
  if (o.listenNotify && /^postgres(ql)?:\/\//.test(o.databaseUrl)) return listenNotifyTransport(o.databaseUrl, o.onError);
  return memoryTransport();
}
