// Publishes scheduled articles when they are due: a loop that asks the publishing service to claim due
// articles every few seconds. Restart-safe (state is in the database) and exactly-once across processes
// (the claim is one conditional UPDATE). Knows nothing of HTTP; its clock comes from the service.

export interface SchedulerDeps {
  /** Publishes up to `batch` due articles and returns their ids (PublishingService.publishDue). */
  readonly publishDue: (batch: number) => Promise<readonly number[]>;
  /** Articles claimed per transaction; a pass repeats until fewer are due. */
  readonly batch?: number;
  readonly intervalMs?: number;
  readonly onPublished?: (ids: readonly number[]) => void;
  readonly onError?: (error: unknown) => void;
}

export interface Scheduler {
  start(): void;
  /** One pass now; resolves to the ids this instance published. */
  tick(): Promise<readonly number[]>;
  /** Stops the loop and waits for a running pass to finish. */
  stop(): Promise<void>;
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const interval = deps.intervalMs ?? 5_000;
  const batch = deps.batch ?? 100;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<readonly number[]> | null = null;
  let stopped = true;

  async function tick(): Promise<readonly number[]> {
    // Never two passes at once in one process; other processes are kept out by the claim itself.
    if (running) return running;
    running = (async () => {
      try {
        const all: number[] = [];
        for (;;) {
          const ids = await deps.publishDue(batch);
          all.push(...ids);
          if (ids.length < batch) break;
        }
        if (all.length > 0) deps.onPublished?.(all);
        return all;
      } catch (e) {
        deps.onError?.(e);
        return [];
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function loop(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      void tick().finally(loop);
    }, interval);
    timer.unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      // A pass at start-up publishes what fell due while the site was down.
      void tick().finally(loop);
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
}
