// The moderators' operations: queues (pending, reported, unmoderated, rejected, featured) filtered by
// section, story and author; approve, reject, feature with a reason, one or many at once; suspend or ban
// a reader; word lists; comment settings per site, story and article; the moderation log; live counts.
// Every action is authorized (comments.moderate) and logged in its own transaction. No HTTP here.
import { z } from 'zod';
import {
  COMMENT_SETTING_MODES,
  Forbidden,
  InvalidInput,
  MODERATION_QUEUES,
  NotFound,
  may,
  type Actor,
  type ModerationQueue, MAX_ID } from '../../domain/index.js';
import type { Db, Tx } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { runAfterCommit, type ArticleHooks } from '../publishing/article-hooks.js';
import { readSiteSettings, type SiteCommentSettings } from './comment-settings.js';

export const QUEUE_PAGE_SIZE = 50;
export const MODERATION_ACTIONS = ['approve', 'reject', 'feature', 'unfeature', 'dismissReports'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const queueSchema = z.object({
  queue: z.enum(MODERATION_QUEUES).catch('pending'),
  sectionId: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  storyId: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  author: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type QueueQuery = z.output<typeof queueSchema>;
export const parseQueueQuery = (q: unknown): QueueQuery => queueSchema.parse(q ?? {});

const actSchema = z.object({
  ids: z.array(z.number().int().positive().max(MAX_ID)).min(1).max(200),
  action: z.enum(MODERATION_ACTIONS),
  reason: z.string().trim().max(500).default(''),
});

const readerActionSchema = z.object({
  status: z.enum(['active', 'suspended', 'banned']),
  days: z.number().int().min(1).max(365).default(7),
  reason: z.string().trim().max(500).default(''),
});

const settingsSchema = z.object({
  scope: z.enum(['site', 'story', 'article']),
  scopeId: z.number().int().min(0).max(MAX_ID),
  mode: z.enum(COMMENT_SETTING_MODES),
  closesAt: z.number().int().positive().nullable().default(null),
  guestsAllowed: z.boolean().default(false),
  premoderateFirst: z.number().int().min(0).max(100).default(2),
  editWindowMinutes: z.number().int().min(0).max(1440).default(2),
});
export type CommentSettingsInput = z.input<typeof settingsSchema>;

export interface QueueItem {
  readonly id: number;
  readonly articleId: number;
  readonly articleTitle: string;
  readonly articlePath: { readonly sectionSlug: string; readonly id: number; readonly slug: string };
  readonly sectionName: string;
  readonly authorName: string;
  readonly readerId: number | null;
  readonly readerStatus: string | null;
  readonly guest: boolean;
  readonly html: string;
  readonly status: string;
  readonly featured: boolean;
  readonly reasons: readonly string[];
  readonly reports: ReadonlyArray<{ readonly reason: string; readonly note: string }>;
  readonly reactions: number;
  readonly createdAt: number;
  readonly editedAt: number | null;
  readonly ipHash: string | null;
  readonly parentId: number | null;
}

export type QueueCounts = Readonly<Record<ModerationQueue, number>>;

export interface LogEntry {
  readonly id: number;
  readonly at: number;
  readonly actorLabel: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly commentId: number | null;
  readonly readerId: number | null;
  readonly reason: string;
}

function authorize(actor: Actor): void {
  if (!may(actor, 'comments.moderate')) throw new Forbidden('comments.moderate');
}

function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? 'form')] ??= 'invalid';
  return fields;
}

export function createModerationService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks }) {
  const { db, clock } = deps;
  const hooks = deps.hooks ?? { inTransaction: [], afterCommit: [] };

  async function log(trx: Tx, actor: Actor, action: string, target: { commentId?: number | null; readerId?: number | null }, reason: string) {
    await trx
      .insertInto('comment_moderation_log')
      .values({ at: clock.now(), actor_user_id: actor.userId, actor_label: `user:${actor.userId}`, action, comment_id: target.commentId ?? null, reader_id: target.readerId ?? null, reason })
      .execute();
  }

  function queueBase(queue: ModerationQueue) {
    const q = db
      .selectFrom('comments as c')
      .innerJoin('articles as a', 'a.id', 'c.article_id')
      .innerJoin('sections as s', 's.id', 'a.section_id')
      .leftJoin('readers as r', 'r.id', 'c.reader_id');
    switch (queue) {
      case 'pending':
        return q.where('c.status', '=', 'pending');
      case 'reported':
        return q.where('c.status', 'in', ['approved', 'pending']).where('c.report_count', '>', 0);
      case 'unmoderated':
        return q.where('c.status', '=', 'approved').where('c.moderated_by', 'is', null);
      case 'rejected':
        return q.where('c.status', '=', 'rejected');
      case 'featured':
        return q.where('c.status', '=', 'approved').where('c.featured', '=', 1);
    }
  }

  return {
    async counts(actor: Actor): Promise<QueueCounts> {
      authorize(actor);
      const entries = await Promise.all(
        MODERATION_QUEUES.map(async (queue) => {
          const r = await queueBase(queue).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          return [queue, Number(r.n)] as const;
        }),
      );
      return Object.fromEntries(entries) as Record<ModerationQueue, number>;
    },

    async queue(actor: Actor, query: QueueQuery): Promise<{ items: QueueItem[]; hasMore: boolean }> {
      authorize(actor);
      let q = queueBase(query.queue).select([
        'c.id',
        'c.article_id',
        'c.parent_id',
        'a.title',
        'a.slug',
        's.slug as section_slug',
        's.name as section_name',
        'c.author_name',
        'c.reader_id',
        'r.status as reader_status',
        'c.guest',
        'c.html',
        'c.status',
        'c.featured',
        'c.moderation_reason',
        'c.reaction_count',
        'c.created_at',
        'c.edited_at',
        'c.ip_hash',
      ]);
      if (query.sectionId) q = q.where('a.section_id', '=', query.sectionId);
      if (query.storyId) q = q.where('c.article_id', 'in', db.selectFrom('story_articles').select('article_id').where('story_id', '=', query.storyId));
      if (query.author) {
        const a = query.author;
        q = /^[0-9]+$/.test(a) ? q.where('c.reader_id', '=', Number(a)) : q.where('c.author_name', 'like', `%${a.replace(/[%_\\]/g, '')}%`);
      }
      // Queues of waiting comments are worked oldest first; the rest newest first.
      const oldestFirst = query.queue === 'pending' || query.queue === 'reported';
      const rows = await q
        .orderBy('c.created_at', oldestFirst ? 'asc' : 'desc')
        .orderBy('c.id', oldestFirst ? 'asc' : 'desc')
        .limit(QUEUE_PAGE_SIZE + 1)
        .offset((query.page - 1) * QUEUE_PAGE_SIZE)
        .execute();
      const page = rows.slice(0, QUEUE_PAGE_SIZE);
      const reports = page.length
        ? await db.selectFrom('comment_reports').select(['comment_id', 'reason', 'note']).where('comment_id', 'in', page.map((r) => r.id)).where('resolved_at', 'is', null).execute()
        : [];
      return {
        hasMore: rows.length > QUEUE_PAGE_SIZE,
        items: page.map((r) => ({
          id: r.id,
          articleId: r.article_id,
          articleTitle: r.title,
          articlePath: { sectionSlug: r.section_slug, id: r.article_id, slug: r.slug },
          sectionName: r.section_name,
          authorName: r.author_name,
          readerId: r.reader_id,
          readerStatus: r.reader_status ?? null,
          guest: Number(r.guest) === 1,
          html: r.html,
          status: r.status,
          featured: Number(r.featured) === 1,
          reasons: (r.moderation_reason ?? '').split(' ').filter(Boolean),
          reports: reports.filter((x) => x.comment_id === r.id).map((x) => ({ reason: x.reason, note: x.note })),
          reactions: Number(r.reaction_count),
          createdAt: Number(r.created_at),
          editedAt: r.edited_at === null ? null : Number(r.edited_at),
          ipHash: r.ip_hash,
          parentId: r.parent_id,
        })),
      };
    },

    /** Approve, reject, feature … one or many comments, with one reason; each is logged. */
    async act(actor: Actor, input: { ids: number[]; action: string; reason?: string }): Promise<number> {
      authorize(actor);
      const parsed = actSchema.safeParse(input);
      if (!parsed.success) throw new InvalidInput('الإجراء غير صالح.', fieldsOf(parsed.error));
      const { ids, action, reason } = parsed.data;
      const now = clock.now();
      const touched = await db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('comments').select(['id', 'article_id', 'status']).where('id', 'in', ids).where('status', '!=', 'deleted').execute();
        for (const c of rows) {
          const set =
            action === 'approve'
              ? { status: 'approved' as const }
              : action === 'reject'
                ? { status: 'rejected' as const, featured: 0 }
                : action === 'feature'
                  ? { status: 'approved' as const, featured: 1 }
                  : action === 'unfeature'
                    ? { featured: 0 }
                    : {};
          await trx
            .updateTable('comments')
            .set({ ...set, moderated_by: actor.userId, moderated_at: now, ...(reason ? { moderation_reason: reason } : {}) })
            .where('id', '=', c.id)
            .execute();
          if (action === 'approve' || action === 'reject' || action === 'dismissReports') {
            await trx.updateTable('comment_reports').set({ resolved_at: now }).where('comment_id', '=', c.id).where('resolved_at', 'is', null).execute();
            await trx.updateTable('comments').set({ report_count: 0 }).where('id', '=', c.id).execute();
          }
          await log(trx, actor, `comment.${action}`, { commentId: c.id }, reason);
        }
        return rows;
      });
      for (const articleId of new Set(touched.map((c) => c.article_id))) {
        await runAfterCommit(hooks, { articleId, status: 'published', previousStatus: 'published', action: 'comments' });
      }
      return touched.length;
    },

    async reader(actor: Actor, readerId: number) {
      authorize(actor);
      const r = await db.selectFrom('readers').select(['id', 'display_name', 'status', 'suspended_until', 'status_reason', 'created_at']).where('id', '=', readerId).executeTakeFirst();
      if (!r) throw new NotFound(`reader ${readerId}`);
      const counts = await db
        .selectFrom('comments')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('reader_id', '=', readerId)
        .groupBy('status')
        .execute();
      return {
        id: r.id,
        displayName: r.display_name,
        status: r.status,
        suspendedUntil: r.suspended_until === null ? null : Number(r.suspended_until),
        statusReason: r.status_reason,
        createdAt: Number(r.created_at),
        counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])) as Partial<Record<string, number>>,
      };
    },

    /** Suspend (for some days), ban, or restore a reader. A ban also removes their pending comments from the queue. */
    async setReaderStatus(actor: Actor, readerId: number, input: { status: string; days?: number; reason?: string }): Promise<void> {
      authorize(actor);
      const parsed = readerActionSchema.safeParse(input);
      if (!parsed.success) throw new InvalidInput('الإجراء غير صالح.', fieldsOf(parsed.error));
      const { status, days, reason } = parsed.data;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const r = await trx.selectFrom('readers').select(['id', 'status']).where('id', '=', readerId).executeTakeFirst();
        if (!r || r.status === 'deleted') throw new NotFound(`reader ${readerId}`);
        await trx
          .updateTable('readers')
          .set({ status, suspended_until: status === 'suspended' ? now + days * 86_400_000 : null, status_reason: reason || null, updated_at: now })
          .where('id', '=', readerId)
          .execute();
        if (status === 'banned') {
          await trx.updateTable('comments').set({ status: 'rejected', moderated_by: actor.userId, moderated_at: now, moderation_reason: 'banned' }).where('reader_id', '=', readerId).where('status', '=', 'pending').execute();
          await trx.deleteFrom('reader_sessions').where('reader_id', '=', readerId).execute();
        }
        await log(trx, actor, `reader.${status === 'active' ? 'restore' : status === 'suspended' ? 'suspend' : 'ban'}`, { readerId }, reason);
      });
    },

    async words(actor: Actor): Promise<{ banned: string[]; suspect: string[] }> {
      authorize(actor);
      const rows = await db.selectFrom('comment_words').select(['kind', 'word']).orderBy('word').execute();
      return { banned: rows.filter((r) => r.kind === 'banned').map((r) => r.word), suspect: rows.filter((r) => r.kind === 'suspect').map((r) => r.word) };
    },

    /** Replaces both lists (one entry a line; a line may be a phrase). */
    async saveWords(actor: Actor, input: { banned: string; suspect: string }): Promise<{ banned: number; suspect: number }> {
      authorize(actor);
      const lines = (text: string) => [...new Set(String(text ?? '').split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0 && l.length <= 200))].slice(0, 20_000);
      const banned = lines(input.banned);
      const bannedSet = new Set(banned);
      const suspect = lines(input.suspect).filter((w) => !bannedSet.has(w));
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('comment_words').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        await trx.deleteFrom('comment_words').execute();
        const rows = [...banned.map((word) => ({ kind: 'banned' as const, word, created_at: now })), ...suspect.map((word) => ({ kind: 'suspect' as const, word, created_at: now }))];
        for (let i = 0; i < rows.length; i += 500) await trx.insertInto('comment_words').values(rows.slice(i, i + 500)).execute();
        await log(trx, actor, 'words.save', {}, `${Number(before.n)} → ${rows.length}`);
      });
      return { banned: banned.length, suspect: suspect.length };
    },

    async settings(actor: Actor): Promise<{ site: SiteCommentSettings; scoped: Array<{ scope: 'story' | 'article'; scopeId: number; mode: string; closesAt: number | null; title: string }> }> {
      authorize(actor);
      const site = await readSiteSettings(db);
      const rows = await db.selectFrom('comment_settings').selectAll().where('scope', '!=', 'site').orderBy('scope').orderBy('scope_id').execute();
      const titles = async (scope: string, id: number) => {
        if (scope === 'story') return (await db.selectFrom('stories').select('title').where('id', '=', id).executeTakeFirst())?.title ?? '';
        return (await db.selectFrom('articles').select('title').where('id', '=', id).executeTakeFirst())?.title ?? '';
      };
      return {
        site,
        scoped: await Promise.all(
          rows.map(async (r) => ({ scope: r.scope as 'story' | 'article', scopeId: r.scope_id, mode: r.mode, closesAt: r.closes_at === null ? null : Number(r.closes_at), title: await titles(r.scope, r.scope_id) })),
        ),
      };
    },

    async saveSettings(actor: Actor, input: CommentSettingsInput): Promise<void> {
      authorize(actor);
      const parsed = settingsSchema.safeParse(input);
      if (!parsed.success) throw new InvalidInput('الإعدادات غير صالحة.', fieldsOf(parsed.error));
      const s = parsed.data;
      if (s.scope === 'site' && (s.scopeId !== 0 || s.mode === 'inherit')) throw new InvalidInput('الإعدادات غير صالحة.', { mode: 'invalid' });
      if (s.scope !== 'site') {
        const exists =
          s.scope === 'story'
            ? await db.selectFrom('stories').select('id').where('id', '=', s.scopeId).executeTakeFirst()
            : await db.selectFrom('articles').select('id').where('id', '=', s.scopeId).executeTakeFirst();
        if (!exists) throw new InvalidInput('الإعدادات غير صالحة.', { scopeId: 'invalid' });
      }
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        if (s.scope === 'site') {
          await trx
            .updateTable('comment_settings')
            .set({ mode: s.mode, closes_at: s.closesAt, guests_allowed: s.guestsAllowed ? 1 : 0, premoderate_first: s.premoderateFirst, edit_window_ms: s.editWindowMinutes * 60_000, updated_at: now })
            .where('scope', '=', 'site')
            .where('scope_id', '=', 0)
            .execute();
        } else {
          await trx.deleteFrom('comment_settings').where('scope', '=', s.scope).where('scope_id', '=', s.scopeId).execute();
          if (s.mode !== 'inherit' || s.closesAt !== null) {
            await trx
              .insertInto('comment_settings')
              .values({ scope: s.scope, scope_id: s.scopeId, mode: s.mode, closes_at: s.closesAt, guests_allowed: 0, premoderate_first: 0, edit_window_ms: 0, secret: '', updated_at: now })
              .execute();
          }
        }
        await log(trx, actor, 'settings.save', {}, `${s.scope}:${s.scopeId} ${s.mode}${s.closesAt ? ` closes ${new Date(s.closesAt).toISOString()}` : ''}`);
      });
    },

    async log(actor: Actor, beforeId?: number): Promise<LogEntry[]> {
      authorize(actor);
      let q = db
        .selectFrom('comment_moderation_log as l')
        .leftJoin('users as u', 'u.id', 'l.actor_user_id')
        .select(['l.id', 'l.at', 'l.actor_label', 'u.display_name', 'l.action', 'l.comment_id', 'l.reader_id', 'l.reason'])
        .orderBy('l.id', 'desc')
        .limit(100);
      if (beforeId) q = q.where('l.id', '<', beforeId);
      const rows = await q.execute();
      return rows.map((r) => ({ id: r.id, at: Number(r.at), actorLabel: r.actor_label, actorName: r.display_name ?? null, action: r.action, commentId: r.comment_id, readerId: r.reader_id, reason: r.reason }));
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
