// The audit log: who did what, when, to what, with before/after snapshots — written by every service
// inside the same transaction as the action it records, and read back by administrators.
// Must not know HTTP or sessions; the caller names the actor and the channel it acted through.
import { Forbidden, may, type Actor } from '../../domain/index.js';
import type { Db, Tx } from '../../db/index.js';

/** Someone who acts outside the newsroom UI with full trust: the machine operator on the CLI, the scheduler. */
export interface Operator {
  readonly kind: 'operator';
  /** Shown in the audit log: 'cli', 'scheduler', 'seed'. */
  readonly label: string;
}

export const CLI_OPERATOR: Operator = { kind: 'operator', label: 'cli' };

/** Whoever performs a service operation: a signed-in newsroom member or a trusted operator. */
export type Caller = Actor | Operator;

export function isOperator(caller: Caller): caller is Operator {
  return (caller as Operator).kind === 'operator';
}

export interface AuditRecord {
  /** A newsroom member (their account id is kept), an operator, or null for the system itself. */
  readonly actor: Caller | null;
  /** e.g. 'user.create', 'auth.login', 'article.publish'. */
  readonly action: string;
  readonly targetType: string;
  readonly targetId?: string | number | null;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly ip?: string | null;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  /** Current display name of the acting account, when it still exists. */
  readonly actorName: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly ip: string | null;
}

function json(v: unknown): string | null {
  return v === undefined || v === null ? null : JSON.stringify(v);
}

/** Appends one entry; call it with the transaction of the action it records. */
export async function recordAudit(trx: Tx | Db, at: number, r: AuditRecord): Promise<void> {
  const actor = r.actor;
  const userId = actor && !isOperator(actor) ? actor.userId : null;
  const label = actor === null ? 'system' : isOperator(actor) ? actor.label : `user:${actor.userId}`;
  await trx
    .insertInto('audit_log')
    .values({
      at,
      actor_user_id: userId,
      actor_label: label,
      action: r.action,
      target_type: r.targetType,
      target_id: r.targetId === undefined || r.targetId === null ? null : String(r.targetId),
      before: json(r.before),
      after: json(r.after),
      ip: r.ip ?? null,
    })
    .execute();
}

export interface AuditQuery {
  readonly limit?: number;
  /** Keyset: entries with an id below this one (newest first). */
  readonly beforeId?: number;
  readonly targetType?: string;
  readonly targetId?: string;
  readonly actorUserId?: number;
}

export function createAuditService(deps: { db: Db }) {
  return {
    /** Newest first; administrators only. */
    async list(actor: Actor, q: AuditQuery = {}): Promise<AuditEntry[]> {
      if (!may(actor, 'audit.read')) throw new Forbidden('audit.read');
      let query = deps.db
        .selectFrom('audit_log as l')
        .leftJoin('users as u', 'u.id', 'l.actor_user_id')
        .selectAll('l')
        .select('u.display_name as actor_name')
        .orderBy('l.id', 'desc')
        .limit(Math.min(Math.max(q.limit ?? 50, 1), 200));
      if (q.beforeId !== undefined) query = query.where('l.id', '<', q.beforeId);
      if (q.targetType !== undefined) query = query.where('l.target_type', '=', q.targetType);
      if (q.targetId !== undefined) query = query.where('l.target_id', '=', q.targetId);
      if (q.actorUserId !== undefined) query = query.where('l.actor_user_id', '=', q.actorUserId);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        at: Number(r.at),
        actorUserId: r.actor_user_id,
        actorLabel: r.actor_label,
        actorName: r.actor_name,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        before: r.before === null ? null : JSON.parse(r.before),
        after: r.after === null ? null : JSON.parse(r.after),
        ip: r.ip,
      }));
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
