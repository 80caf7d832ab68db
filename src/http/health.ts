// Liveness and readiness for a load balancer, systemd or an orchestrator.
// GET /healthz: the process is up and its event loop answers (no I/O; never fails while it runs).
// GET /readyz: this instance should receive traffic — every probe (database reachable, migrations
// applied, Redis reachable when configured) passes within its time limit, and it is not draining.
// Answers are small JSON, never cached, naming each check with "ok" or a short reason — no error texts,
// no addresses (the endpoints may be reachable from outside).
import type { FastifyPluginAsync } from 'fastify';

/** One readiness check: resolves when healthy, throws (or resolves a reason) when not. */
export interface ReadinessProbe {
  readonly name: string;
  /** Resolves to null when healthy, or a short reason ("unreachable", "2 pending"). */
  check(): Promise<string | null>;
}

/** The process's lifecycle as the shutdown path sets it. */
export interface Lifecycle {
  /** True from the shutdown signal on: /readyz answers 503 so no new traffic is sent here. */
  draining: boolean;
}

export interface HealthOptions {
  readonly probes: readonly ReadinessProbe[];
  readonly lifecycle: Lifecycle;
  /** How long one probe may take before it counts as failed (default 2 s). */
  readonly probeTimeoutMs?: number;
}

export type CheckResult = 'ok' | string;

export interface ReadinessReport {
  readonly status: 'ready' | 'not-ready' | 'draining';
  readonly checks: Readonly<Record<string, CheckResult>>;
}

export function createLifecycle(): Lifecycle {
  return { draining: false };
}

async function runProbe(probe: ReadinessProbe, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    // Not unref'd: it is cleared as soon as the probe settles, and must fire if nothing else runs.
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const reason = await Promise.race([probe.check().catch(() => 'unreachable'), timeout]);
    return reason ?? 'ok';
  } finally {
    clearTimeout(timer);
  }
}

export async function readiness(options: HealthOptions): Promise<ReadinessReport> {
  const timeoutMs = options.probeTimeoutMs ?? 2_000;
  const results = await Promise.all(options.probes.map(async (p) => [p.name, await runProbe(p, timeoutMs)] as const));
  const checks = Object.fromEntries(results);
  const healthy = results.every(([, r]) => r === 'ok');
  const status = options.lifecycle.draining ? 'draining' : healthy ? 'ready' : 'not-ready';
  return { status, checks };
}

export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  app.get('/healthz', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', async (_req, reply) => {
    // While draining, the answer is 503 at once: the database may be closing under the probes.
    const report: ReadinessReport = options.lifecycle.draining ? { status: 'draining', checks: {} } : await readiness(options);
    return reply
      .code(report.status === 'ready' ? 200 : 503)
      .header('cache-control', 'no-store')
      .send(report);
  });
};
