// The append-only live event log: appending inside a writer's transaction (the sequence row is locked
// until commit, so events become visible in sequence order), reading after a sequence number, pruning.
// Knows nothing of subscribers, transports or HTTP.
import type { Db, Tx } from '../../db/index.js';
import type { LiveEvent, LiveEventPayload, ResumeResult } from './live-types.js';

/** How many missed events a reconnecting reader is sent before it is told to reload instead. */
export const MAX_REPLAY = 1000;

export async function appendEvent(trx: Tx, articleId: number | null, data: LiveEventPayload, at: number): Promise<number> {
  const row = await trx
    .updateTable('live_sequence')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('id', '=', 1)
    .returning('value')
    .executeTakeFirstOrThrow();
  const seq = Number(row.value);
  await trx.insertInto('live_events').values({ seq, article_id: articleId, kind: data.kind, payload: JSON.stringify(data), created_at: at }).execute();
  return seq;
}

function toEvent(r: { seq: number; article_id: number | null; payload: string; created_at: number }): LiveEvent {
  return { seq: Number(r.seq), articleId: r.article_id, at: Number(r.created_at), data: JSON.parse(r.payload) as LiveEventPayload };
}

export function createEventLog(db: Db) {
  async function sequence(): Promise<{ head: number; prunedThrough: number }> {
    const r = await db.selectFrom('live_sequence').select(['value', 'pruned_through']).where('id', '=', 1).executeTakeFirstOrThrow();
    return { head: Number(r.value), prunedThrough: Number(r.pruned_through) };
  }

  return {
    /** The last sequence number handed out. */
    async head(): Promise<number> {
      return (await sequence()).head;
    },

    /** Every event after `after` (all scopes), oldest first: what a hub delivers. */
    async readAll(after: number, limit: number): Promise<LiveEvent[]> {
      const rows = await db.selectFrom('live_events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
      return rows.map(toEvent);
    },

    /**
     * The events a reader of `articleId` (null: site-wide only) missed after `after`, up to `upTo`
     * (default: the head). A reset when `after` is past the head or older than the retained log, or when
     * more than MAX_REPLAY events were missed.
     */
    async resume(articleId: number | null, after: number, upTo?: number): Promise<ResumeResult> {
      let q = db
        .selectFrom('live_events')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(MAX_REPLAY + 1);
      if (upTo !== undefined) q = q.where('seq', '<=', upTo);
      q = articleId === null ? q.where('article_id', 'is', null) : q.where((eb) => eb.or([eb('article_id', '=', articleId), eb('article_id', 'is', null)]));
      const rows = await q.execute();
      // Read the sequence row after the events: a prune that ran before the read is seen here.
      const { head, prunedThrough } = await sequence();
      if (after > head || after < prunedThrough || rows.length > MAX_REPLAY) return { kind: 'reset', head: upTo ?? head };
      return { kind: 'events', events: rows.map(toEvent), head: upTo ?? head };
    },

    /** Deletes events older than `before`; later readers resuming from before them get a reset. */
    async prune(before: number): Promise<number> {
      return db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('live_events').select((eb) => eb.fn.max('seq').as('seq')).where('created_at', '<', before).executeTakeFirst();
        const through = last?.seq === null || last?.seq === undefined ? 0 : Number(last.seq);
        if (through === 0) return 0;
        const deleted = await trx.deleteFrom('live_events').where('seq', '<=', through).executeTakeFirst();
        const seqRow = await trx.selectFrom('live_sequence').select('pruned_through').where('id', '=', 1).executeTakeFirstOrThrow();
        await trx
          .updateTable('live_sequence')
          .set({ pruned_through: Math.max(Number(seqRow.pruned_through), through) })
          .where('id', '=', 1)
          .execute();
        return Number(deleted.numDeletedRows);
      });
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
