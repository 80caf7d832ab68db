// Readers' comment operations: read a thread page, post (through the moderation pipeline), reply, edit
// within the window (moderation runs again), delete own, react, report. Validates with zod, writes in
// transactions, logs every pipeline decision. Must not know HTTP: it gets the reader and a network address.
import { z } from 'zod';
import {
  COMMENT_SORTS,
  InvalidInput,
  NotFound,
  replyDepth,
  type CommentSort,
  type CommentThread, MAX_ID } from '../../domain/index.js';
import { createRepositories, type Db, type Tx } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { runAfterCommit, type ArticleHooks } from '../publishing/article-hooks.js';
import { readArticleRules, readSiteSettings, type ArticleCommentRules } from './comment-settings.js';
import { hashNetwork } from './network-hash.js';
import { runModerationPipeline } from './pipeline/moderation-pipeline.js';
import { CommentRefused, DEFAULT_RATE_LIMITS, type HoldReason, type RateLimits, type RecentActivity } from './pipeline/pipeline-types.js';
import { HOUR_MS, MINUTE_MS } from './pipeline/rate-limit-step.js';
import { createWordMatcher, type WordMatcher } from './pipeline/word-list-step.js';

/** The reader posting, as the reader service resolved their session; null for a guest. */
export interface CommentingReader {
  readonly id: number;
  readonly displayName: string;
  readonly status: 'active' | 'suspended' | 'banned' | 'deleted';
  readonly suspendedUntil: number | null;
}

export interface CommentOrigin {
  readonly reader: CommentingReader | null;
  /** The client's address as the HTTP layer sees it; only its keyed hash is kept. */
  readonly ip: string;
}

export const REPORT_REASONS = ['abuse', 'spam', 'hate', 'misinformation', 'offTopic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

const postSchema = z.object({
  articleId: z.number().int().positive().max(MAX_ID),
  parentId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  body: z.string().max(20_000),
  authorName: z.string().max(500).default(''),
});
export type CommentPostInput = z.input<typeof postSchema>;

const sortSchema = z.enum(COMMENT_SORTS).catch('newest');

export interface PostResult {
  readonly id: number;
  readonly status: 'approved' | 'pending' | 'rejected';
  readonly reasons: readonly HoldReason[];
}

export interface OwnComment {
  readonly id: number;
  readonly articleId: number;
  readonly readerId: number | null;
  readonly body: string;
  readonly status: 'pending' | 'approved' | 'rejected' | 'deleted';
  readonly createdAt: number;
  /** Until when the author may still edit it. */
  readonly editableUntil: number;
}

const WORDS_TTL_MS = 10_000;

export function createCommentService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks; limits?: RateLimits }) {
  const { db, clock } = deps;
  const limits = deps.limits ?? DEFAULT_RATE_LIMITS;
  const hooks = deps.hooks ?? { inTransaction: [], afterCommit: [] };
  const repos = createRepositories(db);
  let words: { matcher: WordMatcher; at: number } | null = null;
  let secret: string | null = null;

  async function matcher(): Promise<WordMatcher> {
    const now = clock.now();
    if (words && now - words.at < WORDS_TTL_MS && now >= words.at) return words.matcher;
    const rows = await db.selectFrom('comment_words').select(['word', 'kind']).execute();
    words = { matcher: createWordMatcher(rows), at: now };
    return words.matcher;
  }

  async function siteSecret(): Promise<string> {
    secret ??= (await readSiteSettings(db)).secret;
    return secret;
  }

  async function rulesFor(articleId: number): Promise<ArticleCommentRules> {
    const rules = await readArticleRules(db, articleId, clock.now());
    if (!rules || !rules.published) throw new NotFound(`article ${articleId}`);
    return rules;
  }

  async function approvedCount(readerId: number): Promise<number> {
    const r = await db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reader_id', '=', readerId)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async function recentActivity(readerId: number | null, ipHash: string): Promise<RecentActivity> {
    const now = clock.now();
    const since = now - HOUR_MS;
    const minute = now - MINUTE_MS;
    const byNetwork = await db.selectFrom('comments').select(['created_at', 'body_hash', 'reader_id']).where('ip_hash', '=', ipHash).where('created_at', '>', since).execute();
    const byReader = readerId === null ? [] : await db.selectFrom('comments').select(['created_at', 'body_hash']).where('reader_id', '=', readerId).where('created_at', '>', since).execute();
    const count = (rows: ReadonlyArray<{ created_at: number }>, after: number) => rows.filter((r) => Number(r.created_at) > after).length;
    // Same text again: the reader's own comments, or a guest's from the same network.
    const hashes = (readerId === null ? byNetwork.filter((r) => r.reader_id === null) : byReader).flatMap((r) => (r.body_hash ? [r.body_hash] : []));
    return {
      readerMinute: count(byReader, minute),
      readerHour: byReader.length,
      networkMinute: count(byNetwork, minute),
      networkHour: byNetwork.length,
      hashes,
    };
  }

  function checkReaderMayPost(reader: CommentingReader | null): void {
    if (!reader) return;
    if (reader.status === 'banned' || reader.status === 'deleted') throw new CommentRefused('form', 'suspended');
    if (reader.status === 'suspended' && (reader.suspendedUntil === null || reader.suspendedUntil > clock.now())) throw new CommentRefused('form', 'suspended');
  }

  async function log(trx: Tx | Db, entry: { action: string; commentId: number | null; readerId: number | null; reason: string; actor: string }) {
    await trx
      .insertInto('comment_moderation_log')
      .values({ at: clock.now(), actor_user_id: null, actor_label: entry.actor, action: entry.action, comment_id: entry.commentId, reader_id: entry.readerId, reason: entry.reason })
      .execute();
  }

  async function afterVisibleChange(articleId: number): Promise<void> {
    await runAfterCommit(hooks, { articleId, status: 'published', previousStatus: 'published', action: 'comments' });
  }

  async function loadOwn(commentId: number, reader: CommentingReader) {
    const c = await db.selectFrom('comments').selectAll().where('id', '=', commentId).executeTakeFirst();
    if (!c || c.reader_id !== reader.id) throw new NotFound(`comment ${commentId}`);
    return c;
  }

  return {
    hashNetwork: async (ip: string) => hashNetwork(await siteSecret(), ip),
    /** The site secret, for signing guests' CSRF cookies in the HTTP layer. */
    secret: siteSecret,
    rules: rulesFor,
    parseSort: (v: unknown): CommentSort => sortSchema.parse(v),

    async thread(articleId: number, sort: CommentSort, page: number): Promise<CommentThread> {
      await rulesFor(articleId);
      if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new InvalidInput('رقم الصفحة غير صالح.', { page: 'invalid' });
      return repos.comments.threadPage(articleId, sort, page);
    },

    /** Article title and path parts for the thread page. */
    async articleHead(articleId: number) {
      const a = await db
        .selectFrom('articles as a')
        .innerJoin('sections as s', 's.id', 'a.section_id')
        .select(['a.id', 'a.slug', 'a.title', 'a.status', 's.slug as section_slug'])
        .where('a.id', '=', articleId)
        .executeTakeFirst();
      if (!a || a.status !== 'published') throw new NotFound(`article ${articleId}`);
      return { id: a.id, slug: a.slug, title: a.title, sectionSlug: a.section_slug };
    },

    /** The name a reply form answers, for an approved comment of this article; null otherwise. */
    async replyTarget(articleId: number, commentId: number): Promise<string | null> {
      const c = await db.selectFrom('comments').select('author_name').where('id', '=', commentId).where('article_id', '=', articleId).where('status', '=', 'approved').executeTakeFirst();
      return c?.author_name ?? null;
    },

    /** Posts a comment or a reply. Refusals (CommentRefused) leave nothing written. */
    async post(input: CommentPostInput, origin: CommentOrigin): Promise<PostResult> {
      const parsed = postSchema.safeParse(input);
      if (!parsed.success) throw new CommentRefused('body', 'tooLong');
      const p = parsed.data;
      const rules = await rulesFor(p.articleId);
      checkReaderMayPost(origin.reader);
      if (!origin.reader && !rules.guestsAllowed) throw new CommentRefused('form', 'guestsClosed');
      let parent: { id: number; depth: number; root_id: number | null } | undefined;
      if (p.parentId !== null) {
        parent = await db
          .selectFrom('comments')
          .select(['id', 'depth', 'root_id'])
          .where('id', '=', p.parentId)
          .where('article_id', '=', p.articleId)
          .where('status', '=', 'approved')
          .executeTakeFirst();
        if (!parent) throw new NotFound(`comment ${p.parentId}`);
      }
      const ipHash = hashNetwork(await siteSecret(), origin.ip);
      const [wordMatcher, recent, approved] = await Promise.all([
        matcher(),
        recentActivity(origin.reader?.id ?? null, ipHash),
        origin.reader ? approvedCount(origin.reader.id) : Promise.resolve(0),
      ]);
      const verdict = runModerationPipeline(
        { body: p.body, authorName: origin.reader ? origin.reader.displayName : p.authorName, guest: !origin.reader },
        {
          mode: rules.mode,
          reader: origin.reader ? { id: origin.reader.id, approvedCount: approved } : null,
          premoderateFirst: rules.premoderateFirst,
          words: wordMatcher,
          recent,
          limits,
        },
      );
      const now = clock.now();
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('comments')
          .values({
            article_id: p.articleId,
            parent_id: parent?.id ?? null,
            root_id: parent ? (parent.root_id ?? parent.id) : null,
            depth: parent ? replyDepth(Number(parent.depth)) : 0,
            author_name: verdict.authorName,
            body: verdict.text,
            html: verdict.html,
            body_hash: verdict.bodyHash,
            status: verdict.status,
            reader_id: origin.reader?.id ?? null,
            guest: origin.reader ? 0 : 1,
            has_links: verdict.hasLinks ? 1 : 0,
            moderation_reason: verdict.reasons.length ? [...verdict.reasons, ...verdict.matched.map((w) => `word:${w}`)].join(' ') : null,
            ip_hash: ipHash,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        if (verdict.status !== 'approved') {
          await log(trx, {
            action: verdict.status === 'rejected' ? 'pipeline.reject' : 'pipeline.hold',
            commentId: row.id,
            readerId: origin.reader?.id ?? null,
            reason: verdict.reasons.join(' '),
            actor: 'pipeline',
          });
        }
        return row.id;
      });
      if (verdict.status === 'approved') await afterVisibleChange(p.articleId);
      return { id, status: verdict.status, reasons: verdict.reasons };
    },

    /** The reader's own comment, for the edit form; NotFound for anyone else's. */
    async own(commentId: number, reader: CommentingReader): Promise<OwnComment> {
      const c = await loadOwn(commentId, reader);
      const rules = await rulesFor(c.article_id);
      return {
        id: c.id,
        articleId: c.article_id,
        readerId: c.reader_id,
        body: c.body,
        status: c.status,
        createdAt: Number(c.created_at),
        editableUntil: Number(c.created_at) + rules.editWindowMs,
      };
    },

    /** Edits within the window; the new text goes through moderation again. */
    async edit(commentId: number, reader: CommentingReader, body: string): Promise<PostResult> {
      checkReaderMayPost(reader);
      const c = await loadOwn(commentId, reader);
      if (c.status === 'deleted' || c.status === 'rejected') throw new NotFound(`comment ${commentId}`);
      const rules = await readArticleRules(db, c.article_id, clock.now());
      if (!rules || !rules.published) throw new NotFound(`article ${c.article_id}`);
      if (clock.now() > Number(c.created_at) + rules.editWindowMs) throw new CommentRefused('form', 'editWindow');
      const approved = await approvedCount(reader.id);
      const verdict = runModerationPipeline(
        { body, authorName: reader.displayName, guest: false },
        {
          mode: rules.mode,
          // The comment being edited does not count toward the reader's trust.
          reader: { id: reader.id, approvedCount: approved - (c.status === 'approved' ? 1 : 0) },
          premoderateFirst: rules.premoderateFirst,
          words: await matcher(),
          recent: { readerMinute: 0, readerHour: 0, networkMinute: 0, networkHour: 0, hashes: [] },
          limits,
        },
        { edit: true },
      );
      // The new text stands on its own: held or rejected like a new comment, approved if it passes.
      const status = verdict.status;
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('comments')
          .set({
            body: verdict.text,
            html: verdict.html,
            body_hash: verdict.bodyHash,
            has_links: verdict.hasLinks ? 1 : 0,
            status,
            edited_at: clock.now(),
            moderation_reason: verdict.reasons.length ? [...verdict.reasons, ...verdict.matched.map((w) => `word:${w}`)].join(' ') : c.moderation_reason,
          })
          .where('id', '=', commentId)
          .execute();
        await log(trx, { action: 'reader.edit', commentId, readerId: reader.id, reason: status === c.status ? '' : `${c.status}→${status}`, actor: `reader:${reader.id}` });
      });
      await afterVisibleChange(c.article_id);
      return { id: commentId, status, reasons: verdict.reasons };
    },

    /** Removes the text of the reader's own comment; replies keep their place in the thread. */
    async remove(commentId: number, reader: CommentingReader): Promise<number> {
      const c = await loadOwn(commentId, reader);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('comments').set({ status: 'deleted', body: '', html: '', featured: 0, edited_at: clock.now() }).where('id', '=', commentId).execute();
        await log(trx, { action: 'reader.delete', commentId, readerId: reader.id, reason: '', actor: `reader:${reader.id}` });
      });
      await afterVisibleChange(c.article_id);
      return c.article_id;
    },

    /** One reaction kind; a second press takes it back. Returns the new count. */
    async react(commentId: number, reader: CommentingReader): Promise<{ articleId: number; reactions: number; reacted: boolean }> {
      checkReaderMayPost(reader);
      const c = await db.selectFrom('comments').select(['id', 'article_id']).where('id', '=', commentId).where('status', '=', 'approved').executeTakeFirst();
      if (!c) throw new NotFound(`comment ${commentId}`);
      const reacted = await db.transaction().execute(async (trx) => {
        const had = await trx.deleteFrom('comment_reactions').where('comment_id', '=', commentId).where('reader_id', '=', reader.id).executeTakeFirst();
        const removed = Number(had.numDeletedRows) > 0;
        if (!removed) await trx.insertInto('comment_reactions').values({ comment_id: commentId, reader_id: reader.id, created_at: clock.now() }).execute();
        const n = await trx.selectFrom('comment_reactions').select((eb) => eb.fn.countAll<number>().as('n')).where('comment_id', '=', commentId).executeTakeFirstOrThrow();
        await trx.updateTable('comments').set({ reaction_count: Number(n.n) }).where('id', '=', commentId).execute();
        return !removed;
      });
      const r = await db.selectFrom('comments').select('reaction_count').where('id', '=', commentId).executeTakeFirstOrThrow();
      return { articleId: c.article_id, reactions: Number(r.reaction_count), reacted };
    },

    /** A report with a reason; once per reader (or network, for guests) per comment. */
    async report(commentId: number, input: { reason: string; note?: string }, origin: CommentOrigin): Promise<{ articleId: number }> {
      const reason = z.enum(REPORT_REASONS).safeParse(input.reason);
      if (!reason.success) throw new InvalidInput('سبب الإبلاغ غير صالح.', { reason: 'invalid' });
      const note = (input.note ?? '').slice(0, 500);
      const c = await db.selectFrom('comments').select(['id', 'article_id']).where('id', '=', commentId).where('status', '=', 'approved').executeTakeFirst();
      if (!c) throw new NotFound(`comment ${commentId}`);
      const ipHash = hashNetwork(await siteSecret(), origin.ip);
      await db.transaction().execute(async (trx) => {
        let q = trx.selectFrom('comment_reports').select('id').where('comment_id', '=', commentId).where('resolved_at', 'is', null);
        q = origin.reader ? q.where('reader_id', '=', origin.reader.id) : q.where('reader_id', 'is', null).where('ip_hash', '=', ipHash);
        if (await q.executeTakeFirst()) return;
        await trx.insertInto('comment_reports').values({ comment_id: commentId, reader_id: origin.reader?.id ?? null, ip_hash: ipHash, reason: reason.data, note, created_at: clock.now(), resolved_at: null }).execute();
        await trx.updateTable('comments').set((eb) => ({ report_count: eb('report_count', '+', 1) })).where('id', '=', commentId).execute();
      });
      return { articleId: c.article_id };
    },
  };
}

export type CommentService = ReturnType<typeof createCommentService>;
