// Live coverage as operations: live blogs (entries, key events, pinned entry, summary, states), the
// breaking-news banner and the stream channel with its schedule. Each write validates (zod), authorizes,
// writes its rows and appends its event in one transaction, then wakes every instance's hub after commit.
// Knows nothing of HTTP, HTML or which transport carries the wake-ups.
import { z } from 'zod';
import { Forbidden, InvalidInput, NotFound, blockSchema, may, type Action, type Actor, type Block, type Media, MAX_ID } from '../../domain/index.js';
import { createRepositories, type Db, type Tx } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { recordAudit } from '../audit/audit-log.js';
import { appendEvent, createEventLog } from './live-event-log.js';
import { createLiveHub, type HubOptions, type LiveSink } from './live-hub.js';
import { memoryTransport, type LiveTransport } from './live-transport.js';
import {
  LIVE_STATES,
  type BreakingNews,
  type EntryCursor,
  type KeyEvent,
  type LiveBlogState,
  type LiveChrome,
  type LiveEntry,
  type LiveEntryPage,
  type LiveEventPayload,
  type LiveState,
  type LiveStream,
  type LiveStreamPage,
  type ScheduleItem,
} from './live-types.js';

/** Entries per page of a live blog. */
export const ENTRIES_PER_PAGE = 20;
/** How long the event log keeps events: a reader away longer reloads (a `reset`). */
export const EVENT_RETENTION_MS = 6 * 3_600_000;
/** Longest a breaking banner may stay up. */
export const MAX_BREAKING_MINUTES = 24 * 60;

const fail = (message: string) => ({ message });
const linkUrl = z
  .string()
  .trim()
  .max(2000, fail('الرابط طويل جدًا.'))
  .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, fail('الرابط يبدأ بـ https:// أو بشرطة مائلة لرابط داخل الموقع.'));
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, fail(message))
    .nullish()
    .transform((v) => (v ? v : null));

const entryBlock = blockSchema.refine((b) => b.type !== 'image', fail('أرفق الصورة في حقل الصورة لا داخل النص.'));
const entryInput = z.object({
  title: optionalText(300, 'العنوان أطول من ٣٠٠ حرف.'),
  body: z.array(entryBlock).min(1, fail('نص التحديث مطلوب.')).max(200, fail('نص التحديث طويل جدًا.')),
  mediaId: z.number().int().positive().max(MAX_ID).nullish().transform((v) => v ?? null),
  keyEvent: z.boolean().default(false),
});
export type LiveEntryInput = z.input<typeof entryInput>;

const breakingInput = z.object({
  text: z.string().trim().min(1, fail('نص الخبر العاجل مطلوب.')).max(300, fail('نص الخبر العاجل أطول من ٣٠٠ حرف.')),
  url: linkUrl.nullish().or(z.literal('')).transform((v) => (v ? v : null)),
  minutes: z.number({ message: 'مدة الظهور بالدقائق مطلوبة.' }).int(fail('مدة الظهور عدد صحيح من الدقائق.')).min(1, fail('أقل مدة دقيقة واحدة.')).max(MAX_BREAKING_MINUTES, fail('أطول مدة ٢٤ ساعة.')),
});
export type BreakingInput = z.input<typeof breakingInput>;

const summaryInput = z.string().max(3000, fail('الملخص أطول من ٣٠٠٠ حرف.'));

const streamInput = z.object({
  title: z.string().trim().min(1, fail('اسم القناة مطلوب.')).max(300, fail('الاسم أطول من ٣٠٠ حرف.')),
  description: z.string().trim().max(2000, fail('الوصف أطول من ٢٠٠٠ حرف.')).default(''),
  hlsUrl: linkUrl
    .refine((u) => /\.m3u8(\?|$)/.test(u), fail('رابط البث قائمة HLS تنتهي بـ ‎.m3u8.'))
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  posterMediaId: z.number({ message: 'رقم الصورة غير صالح.' }).int(fail('رقم الصورة غير صالح.')).positive(fail('رقم الصورة غير صالح.')).nullish().transform((v) => v ?? null),
  captionsUrl: linkUrl
    .refine((u) => /\.vtt(\?|$)/.test(u), fail('ملف الترجمة بصيغة WebVTT ينتهي بـ ‎.vtt.'))
    .nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null)),
  captionsLang: z.string().regex(/^[a-z]{2,3}$/, fail('رمز لغة الترجمة غير صالح.')).default('ar'),
  enabled: z.boolean().default(false),
});
export type StreamInput = z.input<typeof streamInput>;

const scheduleInput = z
  .object({
    title: z.string().trim().min(1, fail('اسم البرنامج مطلوب.')).max(300, fail('الاسم أطول من ٣٠٠ حرف.')),
    description: z.string().trim().max(1000, fail('الوصف أطول من ١٠٠٠ حرف.')).default(''),
    startsAt: z.number({ message: 'وقت البداية مطلوب.' }).int().positive(fail('وقت البداية غير صالح.')),
    endsAt: z.number({ message: 'وقت النهاية مطلوب.' }).int().positive(fail('وقت النهاية غير صالح.')),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: 'النهاية بعد البداية.', path: ['endsAt'] });
export type ScheduleInput = z.input<typeof scheduleInput>;

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
  throw new InvalidInput(`لم يُحفظ ${what}: بعض الحقول غير صالحة.`, fields);
}

function authorize(actor: Actor, action: Action): void {
  if (!may(actor, action)) throw new Forbidden(action);
}

type EntryRow = {
  id: number;
  article_id: number;
  author_name: string;
  title: string | null;
  body: string;
  media_id: number | null;
  key_event: number;
  created_at: number;
  updated_at: number;
  edited_at: number | null;
};

export interface LiveServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  /** How instances wake each other (default: in memory, one process). */
  readonly transport?: LiveTransport;
  readonly hub?: HubOptions;
}

export function createLiveService(deps: LiveServiceDeps) {
  const { db, clock } = deps;
  const repos = createRepositories(db);
  const log = createEventLog(db);
  let chromeCache: { value: LiveChrome; at: number } | null = null;
  let pruneTimer: NodeJS.Timeout | null = null;
  const transport = deps.transport ?? memoryTransport();
  const hub = createLiveHub(log, transport, {
    ...deps.hub,
    onEvent: (e) => {
      if (e.data.kind === 'breaking' || e.data.kind === 'state' || e.data.kind === 'stream') chromeCache = null;
      deps.hub?.onEvent?.(e);
    },
  });

  async function media(id: number | null): Promise<Media | null> {
    return id === null ? null : repos.media.byId(id);
  }

  async function toEntry(r: EntryRow): Promise<LiveEntry> {
    return {
      id: r.id,
      articleId: r.article_id,
      authorName: r.author_name,
      title: r.title,
      body: JSON.parse(r.body) as Block[],
      image: await media(r.media_id),
      keyEvent: r.key_event === 1,
      createdAt: Number(r.created_at),
      updatedAt: Number(r.updated_at),
      editedAt: r.edited_at === null ? null : Number(r.edited_at),
    };
  }

  async function entryRow(trx: Tx | Db, id: number): Promise<EntryRow | undefined> {
    return trx.selectFrom('live_entries').selectAll().where('id', '=', id).executeTakeFirst() as Promise<EntryRow | undefined>;
  }

  /** A live article (any status): the newsroom works on drafts too. */
  async function liveArticle(trx: Tx | Db, articleId: number): Promise<{ id: number; status: string; title: string }> {
    const a = await trx.selectFrom('articles').select(['id', 'status', 'title', 'type']).where('id', '=', articleId).executeTakeFirst();
    if (!a || a.type !== 'live') throw new NotFound(`live blog ${articleId}`);
    return a;
  }

  async function blogRow(trx: Tx | Db, articleId: number) {
    return trx.selectFrom('live_blogs').selectAll().where('article_id', '=', articleId).executeTakeFirst();
  }

  /** Creates the live blog's row on first write (a live article starts "live"). */
  async function ensureBlog(trx: Tx, articleId: number, now: number) {
    const row = await blogRow(trx, articleId);
    if (row) return row;
    const fresh = { article_id: articleId, state: 'live' as const, summary: '', pinned_entry_id: null, starts_at: now, ended_at: null, updated_at: now };
    await trx.insertInto('live_blogs').values(fresh).execute();
    return fresh;
  }

  async function authorName(trx: Tx, actor: Actor): Promise<string> {
    const u = await trx
      .selectFrom('users')
      .leftJoin('authors', 'authors.id', 'users.author_id')
      .select(['users.display_name', 'authors.name as byline'])
      .where('users.id', '=', actor.userId)
      .executeTakeFirst();
    if (!u) throw new Forbidden('live.post');
    return u.byline ?? u.display_name;
  }

  /** Runs `work` in a transaction that appends the returned event, then wakes the hubs. */
  async function write<T>(articleId: number | null, work: (trx: Tx, now: number) => Promise<{ event: LiveEventPayload; result: T }>): Promise<T> {
    const now = clock.now();
    const { seq, result } = await db.transaction().execute(async (trx) => {
      const { event, result } = await work(trx, now);
      // Last statement of the transaction: the sequence row stays locked for as short a time as possible.
      const seq = await appendEvent(trx, articleId, event, now);
      return { seq, result };
    });
    await hub.announce(seq);
    return result;
  }

  async function currentBreaking(now: number): Promise<BreakingNews | null> {
    const r = await db
      .selectFrom('breaking_news')
      .selectAll()
      .where('cleared_at', 'is', null)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? { id: r.id, text: r.text, url: r.url, createdAt: Number(r.created_at), expiresAt: Number(r.expires_at) } : null;
  }

  async function streamRow() {
    return db.selectFrom('live_stream').selectAll().where('id', '=', 1).executeTakeFirst();
  }

  const streamOnAir = (r: { enabled: number; hls_url: string | null } | undefined): boolean => !!r && r.enabled === 1 && r.hls_url !== null;

  async function blogOnAir(): Promise<boolean> {
    const r = await db
      .selectFrom('articles')
      .leftJoin('live_blogs', 'live_blogs.article_id', 'articles.id')
      .select('articles.id')
      .where('articles.type', '=', 'live')
      .where('articles.status', '=', 'published')
      .where((eb) => eb.or([eb('live_blogs.state', '=', 'live'), eb('live_blogs.state', 'is', null)]))
      .limit(1)
      .executeTakeFirst();
    return r !== undefined;
  }

  return {
    hub,
    log,
    /** How this instance hears of other instances' events: 'memory', 'redis' or 'listen-notify'. */
    transport: transport.label,

    // ── Readers ──────────────────────────────────────────────────────────────────────────────────────

    /** The breaking banner (if up and not expired) and whether مباشر is on air; cached for a second or two. */
    async chrome(): Promise<LiveChrome> {
      const now = clock.now();
      if (!chromeCache || now - chromeCache.at > 2000 || now < chromeCache.at) {
        // The event id first: a page is never newer than the id its island resumes from.
        const seq = await log.head();
        const [breaking, stream, blog] = await Promise.all([currentBreaking(now), streamRow(), blogOnAir()]);
        chromeCache = { value: { breaking, onAir: blog || streamOnAir(stream), seq }, at: now };
      }
      const { breaking, onAir, seq } = chromeCache.value;
      return { breaking: breaking && breaking.expiresAt > now ? breaking : null, onAir, seq };
    },

    /** Forget the cached chrome (an article was published or unpublished). */
    invalidateChrome(): void {
      chromeCache = null;
    },

    /** The state of a live blog: missing rows read as a live blog that has just begun. */
    async blog(articleId: number): Promise<LiveBlogState> {
      const row = await blogRow(db, articleId);
      const pinnedRow = row?.pinned_entry_id ? await entryRow(db, row.pinned_entry_id) : undefined;
      return {
        articleId,
        state: row?.state ?? 'live',
        summary: (row?.summary ?? '').split('\n').map((s) => s.trim()).filter(Boolean),
        pinned: pinnedRow ? await toEntry(pinnedRow) : null,
        startsAt: row?.starts_at ?? null,
        endedAt: row?.ended_at ?? null,
        updatedAt: row ? Number(row.updated_at) : 0,
      };
    },

    /** One page of entries, newest first, by keyset: page N carries the cursor of page N−1's last entry. */
    async entries(articleId: number, request: { page: number; before: EntryCursor | null }, pageSize = ENTRIES_PER_PAGE): Promise<LiveEntryPage> {
      let q = db.selectFrom('live_entries').selectAll().where('article_id', '=', articleId);
      const b = request.before;
      if (b) q = q.where((eb) => eb.or([eb('created_at', '<', b.createdAt), eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)])]));
      const [rows, count] = await Promise.all([
        q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(pageSize + 1).execute(),
        db.selectFrom('live_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('article_id', '=', articleId).executeTakeFirstOrThrow(),
      ]);
      const entries = await Promise.all(rows.slice(0, pageSize).map((r) => toEntry(r as EntryRow)));
      const last = entries.at(-1);
      return {
        entries,
        page: request.page,
        next: rows.length > pageSize && last ? { createdAt: last.createdAt, id: last.id } : null,
        total: Number(count.n),
      };
    },

    async entry(id: number): Promise<LiveEntry> {
      const r = await entryRow(db, id);
      if (!r) throw new NotFound(`live entry ${id}`);
      return toEntry(r);
    },

    /** The key events of a live blog, newest first, for the reader's "أبرز الأحداث" list. */
    async keyEvents(articleId: number, limit = 12): Promise<KeyEvent[]> {
      const rows = await db
        .selectFrom('live_entries')
        .select(['id', 'title', 'body', 'created_at'])
        .where('article_id', '=', articleId)
        .where('key_event', '=', 1)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, title: r.title ?? firstWords(JSON.parse(r.body) as Block[]), createdAt: Number(r.created_at) }));
    },

    /** States of the given live blogs (a missing row is "live"). */
    async states(articleIds: readonly number[]): Promise<Map<number, LiveState>> {
      const map = new Map<number, LiveState>(articleIds.map((id) => [id, 'live']));
      if (articleIds.length === 0) return map;
      const rows = await db.selectFrom('live_blogs').select(['article_id', 'state']).where('article_id', 'in', [...articleIds]).execute();
      for (const r of rows) map.set(r.article_id, r.state);
      return map;
    },

    /** Whether a reader may follow this article's live events: a published live blog. */
    async isPublishedLiveBlog(articleId: number): Promise<boolean> {
      const a = await db.selectFrom('articles').select(['type', 'status']).where('id', '=', articleId).executeTakeFirst();
      return !!a && a.type === 'live' && a.status === 'published';
    },

    async stream(): Promise<LiveStreamPage> {
      const now = clock.now();
      const [row, schedule] = await Promise.all([
        streamRow(),
        db.selectFrom('live_schedule').selectAll().where('ends_at', '>', now).orderBy('starts_at').orderBy('id').limit(24).execute(),
      ]);
      const items: ScheduleItem[] = schedule.map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description,
        startsAt: Number(s.starts_at),
        endsAt: Number(s.ends_at),
      }));
      const stream: LiveStream | null = row
        ? {
            title: row.title,
            description: row.description,
            hlsUrl: row.hls_url,
            poster: await media(row.poster_media_id),
            captionsUrl: row.captions_url,
            captionsLang: row.captions_lang,
            enabled: row.enabled === 1,
          }
        : null;
      return { stream, onAir: streamOnAir(row), schedule: items, current: items.find((s) => s.startsAt <= now && now < s.endsAt) ?? null };
    },

    // ── Following (SSE and the poll fallback) ──────────────────────────────────────────────────────────

    /** Connects a reader (see the hub): `after` null starts from now. */
    connect(articleId: number | null, after: number | null, sink: LiveSink) {
      // A serving process keeps the log to its retention window.
      if (!pruneTimer) {
        pruneTimer = setInterval(() => void log.prune(clock.now() - EVENT_RETENTION_MS).catch((e) => deps.hub?.onError?.(e)), 10 * 60_000);
        pruneTimer.unref();
      }
      return hub.connect(articleId, after, sink);
    },

    /** The poll fallback: events after `after` for a reader of `articleId`, or a reset. */
    resume(articleId: number | null, after: number) {
      return log.resume(articleId, after);
    },

    head: () => log.head(),

    /** Drops events older than the retention window. */
    prune(retentionMs = EVENT_RETENTION_MS): Promise<number> {
      return log.prune(clock.now() - retentionMs);
    },

    // ── The live console ────────────────────────────────────────────────────────────────────────────

    async postEntry(actor: Actor, articleId: number, input: LiveEntryInput): Promise<LiveEntry> {
      authorize(actor, 'live.post');
      const v = parse(entryInput, input, 'التحديث');
      if (v.mediaId !== null && !(await repos.media.byId(v.mediaId))) throw new InvalidInput('لم يُحفظ التحديث.', { mediaId: 'الصورة غير موجودة في المكتبة.' });
      return write(articleId, async (trx, now) => {
        await liveArticle(trx, articleId);
        const blog = await ensureBlog(trx, articleId, now);
        if (blog.state === 'ended') throw new InvalidInput('انتهت التغطية.', { form: 'انتهت هذه التغطية؛ أعد فتحها لإضافة تحديثات.' });
        const name = await authorName(trx, actor);
        const row = await trx
          .insertInto('live_entries')
          .values({
            article_id: articleId,
            author_user_id: actor.userId,
            author_name: name,
            title: v.title,
            body: JSON.stringify(v.body),
            media_id: v.mediaId,
            key_event: v.keyEvent ? 1 : 0,
            created_at: now,
            updated_at: now,
            edited_at: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.updateTable('live_blogs').set({ updated_at: now }).where('article_id', '=', articleId).execute();
        const entry = await toEntry((await entryRow(trx, row.id))!);
        return { event: { kind: 'entry.created', entry }, result: entry };
      });
    },

    async editEntry(actor: Actor, entryId: number, input: LiveEntryInput): Promise<LiveEntry> {
      authorize(actor, 'live.post');
      const v = parse(entryInput, input, 'التحديث');
      const existing = await entryRow(db, entryId);
      if (!existing) throw new NotFound(`live entry ${entryId}`);
      if (v.mediaId !== null && !(await repos.media.byId(v.mediaId))) throw new InvalidInput('لم يُحفظ التحديث.', { mediaId: 'الصورة غير موجودة في المكتبة.' });
      const pinned = (await blogRow(db, existing.article_id))?.pinned_entry_id === entryId;
      const entry = await write(existing.article_id, async (trx, now) => {
        await trx
          .updateTable('live_entries')
          .set({ title: v.title, body: JSON.stringify(v.body), media_id: v.mediaId, key_event: v.keyEvent ? 1 : 0, updated_at: now, edited_at: now })
          .where('id', '=', entryId)
          .execute();
        await trx.updateTable('live_blogs').set({ updated_at: now }).where('article_id', '=', existing.article_id).execute();
        const entry = await toEntry((await entryRow(trx, entryId))!);
        return { event: { kind: 'entry.updated', entry }, result: entry };
      });
      // The pinned copy at the top of the page follows its entry.
      if (pinned) await write(existing.article_id, async () => ({ event: { kind: 'pinned', entry }, result: undefined }));
      return entry;
    },

    async deleteEntry(actor: Actor, entryId: number): Promise<void> {
      authorize(actor, 'live.post');
      const existing = await entryRow(db, entryId);
      if (!existing) throw new NotFound(`live entry ${entryId}`);
      const articleId = existing.article_id;
      const wasPinned = (await blogRow(db, articleId))?.pinned_entry_id === entryId;
      await write(articleId, async (trx, now) => {
        await trx.deleteFrom('live_entries').where('id', '=', entryId).execute();
        await trx.updateTable('live_blogs').set({ updated_at: now, ...(wasPinned ? { pinned_entry_id: null } : {}) }).where('article_id', '=', articleId).execute();
        await recordAudit(trx, now, { actor, action: 'live.entry.delete', targetType: 'live_entry', targetId: entryId, before: { title: existing.title, body: existing.body } });
        return { event: { kind: 'entry.deleted', id: entryId }, result: undefined };
      });
      if (wasPinned) await write(articleId, async () => ({ event: { kind: 'pinned', entry: null }, result: undefined }));
    },

    /** Pins an entry at the top of the live blog (null unpins). */
    async pin(actor: Actor, articleId: number, entryId: number | null): Promise<void> {
      authorize(actor, 'live.post');
      await write(articleId, async (trx, now) => {
        await liveArticle(trx, articleId);
        await ensureBlog(trx, articleId, now);
        let entry: LiveEntry | null = null;
        if (entryId !== null) {
          const r = await entryRow(trx, entryId);
          if (!r || r.article_id !== articleId) throw new NotFound(`live entry ${entryId}`);
          entry = await toEntry(r);
        }
        await trx.updateTable('live_blogs').set({ pinned_entry_id: entryId, updated_at: now }).where('article_id', '=', articleId).execute();
        return { event: { kind: 'pinned', entry }, result: undefined };
      });
    },

    async setState(actor: Actor, articleId: number, state: LiveState): Promise<void> {
      authorize(actor, 'live.post');
      if (!LIVE_STATES.includes(state)) throw new InvalidInput('حالة التغطية غير معروفة.', { state: 'حالة التغطية غير معروفة.' });
      await write(articleId, async (trx, now) => {
        await liveArticle(trx, articleId);
        const before = await ensureBlog(trx, articleId, now);
        await trx
          .updateTable('live_blogs')
          .set({
            state,
            updated_at: now,
            ...(state === 'ended' ? { ended_at: now } : { ended_at: null }),
            ...(state === 'live' && before.state !== 'live' ? { starts_at: now } : {}),
          })
          .where('article_id', '=', articleId)
          .execute();
        await recordAudit(trx, now, { actor, action: 'live.state', targetType: 'article', targetId: articleId, before: { state: before.state }, after: { state } });
        return { event: { kind: 'state', state }, result: undefined };
      });
      chromeCache = null;
    },

    /** The summary box: one key point per line. */
    async setSummary(actor: Actor, articleId: number, text: string): Promise<void> {
      authorize(actor, 'live.post');
      const v = parse(summaryInput, text, 'الملخص');
      const summary = v.split('\n').map((s) => s.trim()).filter(Boolean);
      await write(articleId, async (trx, now) => {
        await liveArticle(trx, articleId);
        await ensureBlog(trx, articleId, now);
        await trx.updateTable('live_blogs').set({ summary: summary.join('\n'), updated_at: now }).where('article_id', '=', articleId).execute();
        return { event: { kind: 'summary', summary }, result: undefined };
      });
    },

    /** A live blog's comment count changed (called by the comments service after its commit). */
    async publishCommentCount(articleId: number, count: number): Promise<void> {
      await write(articleId, async () => ({ event: { kind: 'comments', count: Math.max(0, Math.trunc(count)) }, result: undefined }));
    },

    /**
     * After a comment write on `articleId` commits (an after-commit hook of the comments and moderation
     * services): a published live blog's readers get its approved-comment count — only when it differs
     * from the last count in the log, so reactions and edits add no events.
     */
    async commentsChanged(articleId: number): Promise<void> {
      const a = await db.selectFrom('articles').select(['type', 'status']).where('id', '=', articleId).executeTakeFirst();
      if (!a || a.type !== 'live' || a.status !== 'published') return;
      const [count, last] = await Promise.all([
        repos.comments.countApproved(articleId),
        db.selectFrom('live_events').select('payload').where('article_id', '=', articleId).where('kind', '=', 'comments').orderBy('seq', 'desc').limit(1).executeTakeFirst(),
      ]);
      const previous = last ? (JSON.parse(last.payload) as LiveEventPayload) : null;
      if (previous?.kind === 'comments' && previous.count === count) return;
      await write(articleId, async () => ({ event: { kind: 'comments', count }, result: undefined }));
    },

    async setBreaking(actor: Actor, input: BreakingInput): Promise<BreakingNews> {
      authorize(actor, 'breaking.set');
      const v = parse(breakingInput, input, 'الخبر العاجل');
      const banner = await write(null, async (trx, now) => {
        const expiresAt = now + v.minutes * 60_000;
        // One banner at a time: a new one replaces the previous.
        await trx.updateTable('breaking_news').set({ cleared_at: now }).where('cleared_at', 'is', null).execute();
        const row = await trx
          .insertInto('breaking_news')
          .values({ text: v.text, url: v.url, created_by: actor.userId, created_at: now, expires_at: expiresAt, cleared_at: null })
          .returning('id')
          .executeTakeFirstOrThrow();
        const banner: BreakingNews = { id: row.id, text: v.text, url: v.url, createdAt: now, expiresAt };
        await recordAudit(trx, now, { actor, action: 'breaking.set', targetType: 'breaking_news', targetId: row.id, after: banner });
        return { event: { kind: 'breaking', banner }, result: banner };
      });
      chromeCache = null;
      return banner;
    },

    async clearBreaking(actor: Actor): Promise<void> {
      authorize(actor, 'breaking.set');
      await write(null, async (trx, now) => {
        await trx.updateTable('breaking_news').set({ cleared_at: now }).where('cleared_at', 'is', null).execute();
        await recordAudit(trx, now, { actor, action: 'breaking.clear', targetType: 'breaking_news', targetId: null });
        return { event: { kind: 'breaking', banner: null }, result: undefined };
      });
      chromeCache = null;
    },

    /** Configures the 24-hour channel (an operator's job: the HLS URL must be a real stream). */
    async configureStream(actor: Actor, input: StreamInput): Promise<void> {
      authorize(actor, 'breaking.set');
      const v = parse(streamInput, input, 'إعداد البث');
      if (v.enabled && !v.hlsUrl) throw new InvalidInput('لم يُحفظ إعداد البث.', { hlsUrl: 'لا يُشغَّل البث دون رابط قائمة HLS.' });
      if (v.posterMediaId !== null && !(await repos.media.byId(v.posterMediaId))) throw new InvalidInput('لم يُحفظ إعداد البث.', { posterMediaId: 'الصورة غير موجودة في المكتبة.' });
      await write(null, async (trx, now) => {
        const values = {
          title: v.title,
          description: v.description,
          hls_url: v.hlsUrl,
          poster_media_id: v.posterMediaId,
          captions_url: v.captionsUrl,
          captions_lang: v.captionsLang,
          enabled: v.enabled ? 1 : 0,
          updated_at: now,
        };
        const exists = await trx.selectFrom('live_stream').select('id').where('id', '=', 1).executeTakeFirst();
        if (exists) await trx.updateTable('live_stream').set(values).where('id', '=', 1).execute();
        else await trx.insertInto('live_stream').values({ id: 1, ...values }).execute();
        await recordAudit(trx, now, { actor, action: 'live.stream', targetType: 'live_stream', targetId: 1, after: values });
        return { event: { kind: 'stream', onAir: v.enabled && v.hlsUrl !== null }, result: undefined };
      });
      chromeCache = null;
    },

    async addScheduleItem(actor: Actor, input: ScheduleInput): Promise<number> {
      authorize(actor, 'breaking.set');
      const v = parse(scheduleInput, input, 'البرنامج');
      const row = await db
        .insertInto('live_schedule')
        .values({ title: v.title, description: v.description, starts_at: v.startsAt, ends_at: v.endsAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async removeScheduleItem(actor: Actor, id: number): Promise<void> {
      authorize(actor, 'breaking.set');
      await db.deleteFrom('live_schedule').where('id', '=', id).execute();
    },

    // ── Imports and the demo seed (an operator's tools: no account, explicit times) ──────────────────

    /** Adds an entry as written elsewhere (an import or the demo seed), with its own byline and times. */
    async importEntry(articleId: number, input: LiveEntryInput & { authorName: string; createdAt: number; editedAt?: number | null }): Promise<LiveEntry> {
      const v = parse(entryInput, input, 'التحديث');
      const name = input.authorName.trim();
      if (!name || name.length > 200) throw new InvalidInput('لم يُحفظ التحديث.', { authorName: 'اسم الكاتب مطلوب.' });
      return write(articleId, async (trx) => {
        await liveArticle(trx, articleId);
        await ensureBlog(trx, articleId, input.createdAt);
        const edited = input.editedAt ?? null;
        const row = await trx
          .insertInto('live_entries')
          .values({ article_id: articleId, author_user_id: null, author_name: name, title: v.title, body: JSON.stringify(v.body), media_id: v.mediaId, key_event: v.keyEvent ? 1 : 0, created_at: input.createdAt, updated_at: edited ?? input.createdAt, edited_at: edited })
          .returning('id')
          .executeTakeFirstOrThrow();
        const entry = await toEntry((await entryRow(trx, row.id))!);
        return { event: { kind: 'entry.created', entry }, result: entry };
      });
    },

    /** Sets an imported live blog's summary, pinned entry and start. */
    async importBlogState(articleId: number, input: { summary: readonly string[]; pinnedEntryId: number | null; startsAt: number }): Promise<void> {
      const summary = parse(summaryInput, input.summary.join('\n'), 'الملخص');
      await write(articleId, async (trx, now) => {
        await liveArticle(trx, articleId);
        await ensureBlog(trx, articleId, input.startsAt);
        await trx.updateTable('live_blogs').set({ summary, pinned_entry_id: input.pinnedEntryId, starts_at: input.startsAt, updated_at: now }).where('article_id', '=', articleId).execute();
        return { event: { kind: 'summary', summary: input.summary }, result: undefined };
      });
    },

    /** Names the channel without a stream (the demo): /live then says no stream is configured. */
    async importChannel(input: { title: string; description: string }): Promise<void> {
      const v = parse(streamInput, { title: input.title, description: input.description, enabled: false }, 'إعداد البث');
      const now = clock.now();
      const exists = await db.selectFrom('live_stream').select('id').where('id', '=', 1).executeTakeFirst();
      if (exists) return;
      await db.insertInto('live_stream').values({ id: 1, title: v.title, description: v.description, hls_url: null, poster_media_id: null, captions_url: null, captions_lang: 'ar', enabled: 0, updated_at: now }).execute();
    },

    /** Live articles for the console, newest first, any status. */
    async consoleList(): Promise<Array<{ id: number; title: string; status: string; state: LiveState }>> {
      const rows = await db
        .selectFrom('articles')
        .leftJoin('live_blogs', 'live_blogs.article_id', 'articles.id')
        .select(['articles.id', 'articles.title', 'articles.status', 'live_blogs.state'])
        .where('articles.type', '=', 'live')
        .orderBy('articles.updated_at', 'desc')
        .limit(50)
        .execute();
      return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, state: r.state ?? 'live' }));
    },

    async consoleBlog(articleId: number): Promise<{ id: number; title: string; status: string }> {
      return liveArticle(db, articleId);
    },

    /** The banner as the console shows it (even if expired a moment ago, to say so). */
    async breaking(): Promise<BreakingNews | null> {
      return currentBreaking(clock.now());
    },

    async close(): Promise<void> {
      if (pruneTimer) clearInterval(pruneTimer);
      await hub.close();
    },
  };
}

function firstWords(blocks: readonly Block[]): string {
  for (const b of blocks) {
    const text = 'content' in b ? b.content.map((r) => r.text).join('') : b.type === 'list' ? b.items.flat().map((r) => r.text).join(' ') : '';
    if (text.trim()) {
      const words = text.trim().split(/\s+/);
      return words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : text.trim();
    }
  }
  return '';
}

export type LiveService = ReturnType<typeof createLiveService>;
