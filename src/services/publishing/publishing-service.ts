// Writes articles through the newsroom workflow (draft → review → scheduled/published → updated →
// unpublished) with revisions, edit locks and authorization decided here; knows nothing of HTTP or HTML.
import { z } from 'zod';
import {
  ARTICLE_STATUSES,
  ARTICLE_TYPES,
  COMMENT_MODES,
  Conflict,
  Forbidden,
  InvalidInput,
  NotFound,
  bodySchema,
  decide,
  mayOnArticle,
  type Action,
  type Actor,
  type Article,
  type ArticleStatus, MAX_ID } from '../../domain/index.js';
import { createRepositories, type Db, type Tx } from '../../db/index.js';
import { slugify } from '../../text/index.js';
import type { Clock } from '../clock.js';
import type { ArticlePageData } from '../site/site-service.js';
import { recordAudit } from '../audit/audit-log.js';
import { noArticleHooks, runAfterCommit, runBeforeWrite, runInTransaction, type ArticleHooks, type ArticleWritten } from './article-hooks.js';
import {
  addRevision,
  currentSnapshot,
  dropLock,
  listForNewsroom,
  listRevisions,
  lockOf,
  revisionSnapshot,
  takeLock,
  workflowRow,
  type LockInfo,
  type NewsroomListItem,
  type RevisionInfo,
  type WorkflowRow,
} from './article-workflow-store.js';
import { diffSnapshots, type ArticleSnapshot, type DiffLine } from './revision-diff.js';

export const articleInputSchema = z.object({
  sectionId: z.number({ message: 'اختر القسم.' }).int().positive('اختر القسم.'),
  type: z.enum(ARTICLE_TYPES).default('news'),
  title: z.string().trim().min(1, 'العنوان مطلوب.').max(300, 'العنوان أطول من 300 حرف.'),
  lead: z.string().trim().max(1000, 'المقدمة أطول من 1000 حرف.').default(''),
  body: bodySchema.default([]),
  heroMediaId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  heroCaption: z.string().trim().max(1000, 'التعليق على الصورة أطول من 1000 حرف.').nullable().default(null),
  heroCredit: z.string().trim().max(300, 'حقوق الصورة أطول من 300 حرف.').nullable().default(null),
  source: z.string().trim().max(300, 'المصدر أطول من 300 حرف.').nullable().default(null),
  authorIds: z.array(z.number().int().positive().max(MAX_ID)).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(100, 'الوسم أطول من 100 حرف.')).max(30, 'ثلاثون وسمًا على الأكثر.').default([]),
  storyIds: z.array(z.number().int().positive().max(MAX_ID)).max(20).default([]),
  commentsMode: z.enum(COMMENT_MODES).default('open'),
  seoTitle: z.string().trim().max(300, 'عنوان محركات البحث أطول من 300 حرف.').nullable().default(null),
  seoDescription: z.string().trim().max(500, 'وصف محركات البحث أطول من 500 حرف.').nullable().default(null),
});
export type ArticleInput = z.input<typeof articleInputSchema>;
type ParsedInput = z.output<typeof articleInputSchema>;

export interface CreateOptions {
  readonly status: ArticleStatus;
  /** Publication time; defaults to now when the status is published. */
  readonly publishedAt?: number;
  readonly updatedAt?: number;
  readonly correction?: string;
  /** The newsroom account creating it; null for imports and the demo seed. */
  readonly createdBy?: number | null;
}

export interface SaveOptions {
  /** The article revision the editor started from; a different current revision is a Conflict. */
  readonly baseRevision?: number;
  readonly autosave?: boolean;
  /** A correction note readers see, for an update of a published article. */
  readonly correction?: string;
  /** Set when the save restores an earlier revision (history records it as a restore). */
  readonly restoring?: boolean;
}

export interface EditableArticle {
  readonly id: number;
  readonly status: ArticleStatus;
  readonly revision: number;
  readonly createdBy: number | null;
  readonly publishAt: number | null;
  readonly publishedAt: number | null;
  readonly updatedAt: number;
  readonly fields: ArticleSnapshot;
  readonly lock: LockInfo | null;
  readonly corrections: Article['corrections'];
  readonly sectionSlug: string;
  readonly slug: string;
}

export interface NewsroomListInput {
  readonly status?: ArticleStatus | undefined;
  readonly sectionId?: number | undefined;
  readonly authorId?: number | undefined;
  readonly storyId?: number | undefined;
  readonly createdBy?: number | undefined;
  readonly q?: string | undefined;
  readonly page?: number | undefined;
  readonly perPage?: number | undefined;
}

export interface NewsroomList {
  readonly items: readonly NewsroomListItem[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly perPage: number;
}

const STATUS_NAMES: Record<ArticleStatus, string> = {
  draft: 'مسودة',
  review: 'قيد المراجعة',
  scheduled: 'مجدول',
  published: 'منشور',
  unpublished: 'موقوف النشر',
};

/** How long an edit lock lasts without an autosave renewing it. */
export const LOCK_TTL_MS = 120_000;
/** Autosaves by one author within this span update one history entry. */
const AUTOSAVE_COALESCE_MS = 10 * 60_000;

const listSchema = z.object({
  status: z.enum(ARTICLE_STATUSES).optional(),
  sectionId: z.number().int().positive().max(MAX_ID).optional(),
  authorId: z.number().int().positive().max(MAX_ID).optional(),
  storyId: z.number().int().positive().max(MAX_ID).optional(),
  createdBy: z.number().int().positive().max(MAX_ID).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
  perPage: z.number().int().min(1).max(100).default(25),
});

function fieldErrors(issues: readonly z.core.$ZodIssue[], what: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[String(issue.path[0] ?? what)] ??= issue.message;
  return fields;
}

function parse(input: ArticleInput): ParsedInput {
  const r = articleInputSchema.safeParse(input);
  if (r.success) return r.data;
  throw new InvalidInput('لم يُحفظ المقال: بعض الحقول غير صالحة.', fieldErrors(r.error.issues, 'article'));
}

/** What a published article must have; Arabic messages by field. */
async function missingForPublication(trx: Tx, a: ArticleSnapshot, requireHero: boolean): Promise<Record<string, string>> {
  const repos = createRepositories(trx);
  const missing: Record<string, string> = {};
  if (!a.title.trim()) missing['title'] = 'العنوان مطلوب للنشر.';
  if (!a.lead.trim()) missing['lead'] = 'المقدمة مطلوبة للنشر.';
  if (a.body.length === 0) missing['body'] = 'نص المقال مطلوب للنشر.';
  const sections = await repos.sections.listAll();
  if (!sections.some((s) => s.id === a.sectionId)) missing['sectionId'] = 'اختر قسمًا موجودًا.';
  if (a.heroMediaId === null) {
    if (requireHero) missing['heroMediaId'] = 'الصورة الرئيسية مطلوبة للنشر.';
  } else {
    const hero = await repos.media.byId(a.heroMediaId);
    if (!hero) missing['heroMediaId'] = 'الصورة الرئيسية غير موجودة في المكتبة.';
    else if (!(a.heroCredit?.trim() || hero.credit.trim())) missing['heroCredit'] = 'حقوق الصورة مطلوبة للنشر.';
  }
  return missing;
}

function toSnapshot(a: ParsedInput): ArticleSnapshot {
  return { ...a, tags: [...new Set(a.tags)] };
}

export function createPublishingService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks }) {
  const hooks = deps.hooks ?? noArticleHooks;
  const { db, clock } = deps;

  async function writeFields(trx: Tx, id: number, a: ArticleSnapshot): Promise<void> {
    const repos = createRepositories(trx);
    await repos.articles.setAuthors(id, [...new Set(a.authorIds)]);
    // Two names can make one slug ("Gaza" and "gaza", or names that differ only in punctuation): one tag.
    const tagIds = new Set<number>();
    for (const name of new Set(a.tags)) tagIds.add(await repos.tags.ensure(slugify(name) || name, name));
    await repos.articles.setTags(id, [...tagIds]);
    await repos.articles.setStories(id, [...new Set(a.storyIds)]);
  }

  async function mustRow(q: Db | Tx, id: number): Promise<WorkflowRow> {
    const row = await workflowRow(q, id);
    if (!row) throw new NotFound(`article ${id}`);
    return row;
  }

  function authorize(actor: Actor, action: Action, row: { sectionId: number; createdBy: number | null }): void {
    if (!mayOnArticle(actor, action, row)) throw new Forbidden(`${action} on article`);
  }

  /**
   * The permission a save needs: editing an article in review is the editors' work (the writer handed it
   * over; it comes back as a draft if it needs them), and editing a live or scheduled one is publishing.
   */
  function saveAction(status: ArticleStatus): Action {
    return status === 'published' || status === 'review' ? 'article.publish' : status === 'scheduled' ? 'article.schedule' : 'article.edit';
  }

  async function checkLock(trx: Tx, actor: Actor, id: number, now: number): Promise<void> {
    const lock = await lockOf(trx, id);
    if (lock && lock.userId !== actor.userId && lock.expiresAt > now) {
      throw new Conflict(`يحرّر ${lock.holderName} هذا المقال الآن.`);
    }
  }

  /** One transaction: change status/time columns, record a revision, run the hooks. */
  async function transition(
    actor: Actor,
    id: number,
    action: Action,
    from: readonly ArticleStatus[],
    apply: (trx: Tx, row: WorkflowRow, now: number) => Promise<{ status: ArticleStatus; event: ArticleWritten['action'] }>,
  ): Promise<WorkflowRow> {
    const now = clock.now();
    let event: ArticleWritten | null = null;
    await db.transaction().execute(async (trx) => {
      const row = await mustRow(trx, id);
      authorize(actor, action, row);
      if (!from.includes(row.status)) throw new Conflict(`لا يمكن تنفيذ هذا الإجراء على مقال ${STATUS_NAMES[row.status]}.`);
      await checkLock(trx, actor, id, now);
      const done = await apply(trx, row, now);
      await trx.updateTable('articles').set({ revision: row.revision + 1 }).where('id', '=', id).execute();
      const after = await workflowRow(trx, id);
      await recordAudit(trx, now, {
        actor,
        action,
        targetType: 'article',
        targetId: id,
        before: { status: row.status, publishAt: row.publishAt },
        after: { status: done.status, publishAt: after?.publishAt ?? null },
      });
      const snapshot = (await currentSnapshot(trx, id))!;
      await addRevision(
        trx,
        id,
        { kind: done.event === 'publish' ? 'publish' : 'save', status: done.status, snapshot, authorId: actor.userId, at: now },
        AUTOSAVE_COALESCE_MS,
      );
      await runInTransaction(hooks, trx, id);
      event = { articleId: id, status: done.status, previousStatus: row.status, action: done.event };
    });
    await runAfterCommit(hooks, event!);
    return mustRow(db, id);
  }

  async function requireComplete(trx: Tx, id: number): Promise<void> {
    const snap = (await currentSnapshot(trx, id))!;
    const missing = await missingForPublication(trx, snap, true);
    if (Object.keys(missing).length > 0) throw new InvalidInput('لا يمكن نشر المقال قبل استكمال الحقول المطلوبة.', missing);
  }

  const service = {
    /**
     * Imports an article as it is (the demo seed, migrations from other platforms). Newsroom members
     * go through `createDraft` and the workflow instead.
     */
    async createArticle(input: ArticleInput, options: CreateOptions): Promise<number> {
      const a = parse(input);
      const now = clock.now();
      if (options.status === 'published') {
        const missing: Record<string, string> = {};
        if (!a.lead) missing['lead'] = 'المقدمة مطلوبة للنشر.';
        if (a.body.length === 0) missing['body'] = 'نص المقال مطلوب للنشر.';
        if (Object.keys(missing).length > 0) throw new InvalidInput('لا يمكن نشر المقال قبل استكمال الحقول المطلوبة.', missing);
      }
      const slug = slugify(a.title) || String(now);
      const id = await db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        if (a.heroMediaId !== null && options.status === 'published') {
          const missing = await missingForPublication(trx, toSnapshot(a), false);
          if (missing['heroMediaId']) throw new InvalidInput('الصورة الرئيسية غير موجودة.', { heroMediaId: 'اختر صورة من المكتبة.' });
          if (missing['heroCredit']) throw new InvalidInput('لا يمكن النشر دون نسبة الصورة إلى مصدرها.', { heroCredit: missing['heroCredit'] });
        }
        const publishedAt = options.status === 'published' ? (options.publishedAt ?? now) : null;
        const id = await repos.articles.insert({
          slug,
          sectionId: a.sectionId,
          type: a.type,
          status: options.status,
          title: a.title,
          lead: a.lead,
          body: a.body,
          heroMediaId: a.heroMediaId,
          heroCaption: a.heroCaption,
          heroCredit: a.heroCredit,
          source: a.source,
          seoTitle: a.seoTitle,
          seoDescription: a.seoDescription,
          commentsMode: a.commentsMode,
          publishedAt,
          updatedAt: options.updatedAt ?? publishedAt ?? now,
          createdAt: publishedAt ?? now,
        });
        if (options.createdBy) await trx.updateTable('articles').set({ created_by: options.createdBy }).where('id', '=', id).execute();
        await writeFields(trx, id, toSnapshot(a));
        if (options.correction) await repos.articles.addCorrection(id, options.correction, options.updatedAt ?? now);
        await runInTransaction(hooks, trx, id);
        return id;
      });
      await runAfterCommit(hooks, { articleId: id, status: options.status, previousStatus: null, action: 'create' });
      return id;
    },

    /** A new draft owned by the actor; its first revision is recorded. */
    async createDraft(actor: Actor, input: ArticleInput): Promise<{ id: number; revision: number }> {
      const a = parse(input);
      authorize(actor, 'article.create', { sectionId: a.sectionId, createdBy: actor.userId });
      const now = clock.now();
      const snapshot = toSnapshot(a);
      const id = await db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        if (!(await repos.sections.listAll()).some((s) => s.id === a.sectionId)) {
          throw new InvalidInput('لم يُحفظ المقال: بعض الحقول غير صالحة.', { sectionId: 'اختر قسمًا موجودًا.' });
        }
        const id = await repos.articles.insert({
          slug: slugify(a.title) || String(now),
          sectionId: a.sectionId,
          type: a.type,
          status: 'draft',
          title: a.title,
          lead: a.lead,
          body: a.body,
          heroMediaId: a.heroMediaId,
          heroCaption: a.heroCaption,
          heroCredit: a.heroCredit,
          source: a.source,
          seoTitle: a.seoTitle,
          seoDescription: a.seoDescription,
          commentsMode: a.commentsMode,
          publishedAt: null,
          updatedAt: now,
          createdAt: now,
        });
        await trx.updateTable('articles').set({ created_by: actor.userId, revision: 1 }).where('id', '=', id).execute();
        await writeFields(trx, id, snapshot);
        await addRevision(trx, id, { kind: 'save', status: 'draft', snapshot, authorId: actor.userId, at: now }, AUTOSAVE_COALESCE_MS);
        await recordAudit(trx, now, { actor, action: 'article.create', targetType: 'article', targetId: id, after: { title: a.title, sectionId: a.sectionId } });
        await runInTransaction(hooks, trx, id);
        return id;
      });
      await runAfterCommit(hooks, { articleId: id, status: 'draft', previousStatus: null, action: 'create' });
      return { id, revision: 1 };
    },

    /** Saves the editable fields. On a published article this is an update readers see. */
    async save(actor: Actor, id: number, input: ArticleInput, options: SaveOptions = {}): Promise<{ revision: number; updatedAt: number }> {
      const a = parse(input);
      const snapshot = toSnapshot(a);
      const now = clock.now();
      const correction = options.correction?.trim() ?? '';
      if (correction.length > 2000) throw new InvalidInput('ملاحظة التصحيح طويلة جدًا.', { correction: 'ألفا حرف على الأكثر.' });
      let event: ArticleWritten | null = null;
      const result = await db.transaction().execute(async (trx) => {
        const row = await mustRow(trx, id);
        const action = saveAction(row.status);
        authorize(actor, action, row);
        // Moving an article to another section needs the same right there.
        authorize(actor, action, { sectionId: a.sectionId, createdBy: row.createdBy });
        if (options.autosave && (row.status === 'published' || row.status === 'scheduled')) {
          throw new InvalidInput('لا يُحفظ المقال المنشور أو المجدول تلقائيًا: احفظه بنفسك.', { article: 'احفظ التحديث يدويًا.' });
        }
        await checkLock(trx, actor, id, now);
        if (options.baseRevision !== undefined && options.baseRevision !== row.revision) {
          throw new Conflict('عُدّل المقال منذ فتحته: أعد تحميله قبل الحفظ.');
        }
        if (row.status === 'published' || row.status === 'scheduled') {
          const missing = await missingForPublication(trx, snapshot, true);
          if (Object.keys(missing).length > 0) throw new InvalidInput('لا يُحفظ تحديث المقال المنشور دون الحقول المطلوبة.', missing);
        }
        const live = row.status === 'published';
        await runBeforeWrite(hooks, trx, id);
        const before = options.autosave ? null : await currentSnapshot(trx, id);
        const updated = await trx
          .updateTable('articles')
          .set({
            section_id: a.sectionId,
            type: a.type,
            title: a.title,
            lead: a.lead,
            body: JSON.stringify(a.body),
            hero_media_id: a.heroMediaId,
            hero_caption: a.heroCaption,
            hero_credit: a.heroCredit,
            source: a.source,
            seo_title: a.seoTitle,
            seo_description: a.seoDescription,
            comments_mode: a.commentsMode,
            // A draft's slug follows its title; a published URL never changes.
            ...(row.publishedAt === null ? { slug: slugify(a.title) || row.slug } : {}),
            updated_at: now,
            revision: row.revision + 1,
          })
          .where('id', '=', id)
          .where('revision', '=', row.revision)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new Conflict('عُدّل المقال منذ فتحته: أعد تحميله قبل الحفظ.');
        await writeFields(trx, id, snapshot);
        if (live && correction) await createRepositories(trx).articles.addCorrection(id, correction, now);
        if (!options.autosave) {
          await recordAudit(trx, now, {
            actor,
            action: options.restoring ? 'article.restoreRevision' : live ? 'article.update' : 'article.edit',
            targetType: 'article',
            targetId: id,
            before: before ? { title: before.title, sectionId: before.sectionId, revision: row.revision } : null,
            after: { title: a.title, sectionId: a.sectionId, revision: row.revision + 1, ...(live && correction ? { correction } : {}) },
          });
        }
        await addRevision(
          trx,
          id,
          { kind: options.restoring ? 'restore' : options.autosave ? 'autosave' : 'save', status: row.status, snapshot, authorId: actor.userId, at: now },
          AUTOSAVE_COALESCE_MS,
        );
        // Saving renews the saver's own lock (autosave keeps "being edited by …" alive).
        const lock = await lockOf(trx, id);
        if (lock && lock.userId === actor.userId) {
          await trx.updateTable('article_locks').set({ expires_at: now + LOCK_TTL_MS }).where('article_id', '=', id).execute();
        }
        await runInTransaction(hooks, trx, id);
        event = { articleId: id, status: row.status, previousStatus: row.status, action: 'update' };
        return { revision: row.revision + 1, updatedAt: now };
      });
      await runAfterCommit(hooks, event!);
      return result;
    },

    /** Draft → in review. */
    async submit(actor: Actor, id: number): Promise<WorkflowRow> {
      return transition(actor, id, 'article.submit', ['draft'], async (trx, _row, now) => {
        await trx.updateTable('articles').set({ status: 'review', updated_at: now }).where('id', '=', id).execute();
        // Submitting hands the article to the editors: the writer's edit lock goes with it.
        await dropLock(trx, id, actor.userId);
        return { status: 'review', event: 'update' };
      });
    },

    /** In review (or scheduled) → back to draft, for the writer to rework. */
    async returnToDraft(actor: Actor, id: number): Promise<WorkflowRow> {
      return transition(actor, id, 'article.publish', ['review', 'scheduled'], async (trx, _row, now) => {
        await trx.updateTable('articles').set({ status: 'draft', publish_at: null, updated_at: now }).where('id', '=', id).execute();
        return { status: 'draft', event: 'update' };
      });
    },

    /** Publishes now: validates the required fields; a re-publication keeps the first publication time. */
    async publish(actor: Actor, id: number): Promise<WorkflowRow> {
      return transition(actor, id, 'article.publish', ['draft', 'review', 'scheduled', 'unpublished'], async (trx, row, now) => {
        await requireComplete(trx, id);
        await trx
          .updateTable('articles')
          .set({ status: 'published', published_at: row.publishedAt ?? now, publish_at: null, updated_at: now })
          .where('id', '=', id)
          .execute();
        return { status: 'published', event: 'publish' };
      });
    },

    /** Schedules publication at `at` (in the future); the scheduler publishes it then, exactly once. */
    async schedule(actor: Actor, id: number, at: number): Promise<WorkflowRow> {
      if (!Number.isSafeInteger(at) || at <= clock.now()) {
        throw new InvalidInput('موعد النشر يجب أن يكون في المستقبل.', { publishAt: 'اختر موعدًا لاحقًا.' });
      }
      return transition(actor, id, 'article.schedule', ['draft', 'review', 'scheduled', 'unpublished'], async (trx, _row, now) => {
        await requireComplete(trx, id);
        await trx.updateTable('articles').set({ status: 'scheduled', publish_at: at, updated_at: now }).where('id', '=', id).execute();
        return { status: 'scheduled', event: 'schedule' };
      });
    },

    /** Published → unpublished: readers get 410 Gone. */
    async unpublish(actor: Actor, id: number): Promise<WorkflowRow> {
      return transition(actor, id, 'article.unpublish', ['published'], async (trx, _row, now) => {
        await trx.updateTable('articles').set({ status: 'unpublished', updated_at: now }).where('id', '=', id).execute();
        return { status: 'unpublished', event: 'unpublish' };
      });
    },

    /**
     * Publishes up to `batch` scheduled articles that are due, oldest first. The claim is one conditional
     * UPDATE, so with several schedulers (processes) each article is published by exactly one of them.
     */
    async publishDue(batch = 100): Promise<number[]> {
      const now = clock.now();
      const events: ArticleWritten[] = [];
      const ids = await db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('articles')
          .set((eb) => ({
            status: 'published',
            published_at: eb.fn.coalesce('published_at', eb.val(now)),
            updated_at: now,
            publish_at: null,
            revision: eb('revision', '+', 1),
          }))
          // The status test is repeated outside the subquery: a row another process claimed meanwhile
          // is re-checked after its lock is released and skipped.
          .where('status', '=', 'scheduled')
          .where('id', 'in', (eb) =>
            eb
              .selectFrom('articles')
              .select('id')
              .where('status', '=', 'scheduled')
              .where('publish_at', '<=', now)
              .orderBy('publish_at')
              .orderBy('id')
              .limit(batch),
          )
          .returning(['id', 'created_by'])
          .execute();
        for (const c of claimed) {
          const snapshot = (await currentSnapshot(trx, c.id))!;
          await addRevision(trx, c.id, { kind: 'publish', status: 'published', snapshot, authorId: null, at: now }, 0);
          await recordAudit(trx, now, {
            actor: { kind: 'operator', label: 'scheduler' },
            action: 'article.publish',
            targetType: 'article',
            targetId: c.id,
            before: { status: 'scheduled' },
            after: { status: 'published' },
          });
          await runInTransaction(hooks, trx, c.id);
          events.push({ articleId: c.id, status: 'published', previousStatus: 'scheduled', action: 'publish' });
        }
        return claimed.map((c) => c.id);
      });
      for (const e of events) await runAfterCommit(hooks, e);
      return ids;
    },

    /** The article as the editor screen needs it. */
    async forEditing(actor: Actor, id: number): Promise<EditableArticle> {
      const row = await mustRow(db, id);
      authorize(actor, 'article.read', row);
      const [fields, lock, full] = await Promise.all([currentSnapshot(db, id), lockOf(db, id), createRepositories(db).articles.load(id)]);
      const now = clock.now();
      return {
        id,
        status: row.status,
        revision: row.revision,
        createdBy: row.createdBy,
        publishAt: row.publishAt,
        publishedAt: row.publishedAt,
        updatedAt: row.updatedAt,
        fields: fields!,
        lock: lock && lock.expiresAt > now ? lock : null,
        corrections: full?.corrections ?? [],
        sectionSlug: full?.sectionSlug ?? '',
        slug: row.slug,
      };
    },

    /** The newsroom list: a writer sees their own articles, a section editor their sections'. */
    async list(actor: Actor, input: NewsroomListInput = {}): Promise<NewsroomList> {
      const r = listSchema.safeParse(input);
      if (!r.success) throw new InvalidInput('معايير البحث غير صالحة.', fieldErrors(r.error.issues, 'list'));
      const decision = decide(actor, 'article.read');
      if (decision.kind === 'deny') throw new Forbidden('article.read');
      const { items, total } = await listForNewsroom(db, r.data, decision, clock.now());
      return { items, total, page: r.data.page, perPage: r.data.perPage, pages: Math.max(1, Math.ceil(total / r.data.perPage)) };
    },

    /** Opens an article for editing: takes the lock, or reports who holds it (`takeOver` forces it). */
    async openForEditing(
      actor: Actor,
      id: number,
      holderName: string,
      options: { takeOver?: boolean } = {},
    ): Promise<{ lock: LockInfo; mine: boolean }> {
      const row = await mustRow(db, id);
      // Only someone who may save the article in its status holds its lock.
      authorize(actor, saveAction(row.status), row);
      if (options.takeOver) authorize(actor, 'article.takeOverLock', row);
      const now = clock.now();
      const lock = await db
        .transaction()
        .execute((trx) => takeLock(trx, id, { userId: actor.userId, name: holderName.slice(0, 200) }, now, LOCK_TTL_MS, options.takeOver === true));
      return { lock, mine: lock.userId === actor.userId };
    },

    async closeEditing(actor: Actor, id: number): Promise<void> {
      await dropLock(db, id, actor.userId);
    },

    async revisions(actor: Actor, id: number): Promise<RevisionInfo[]> {
      authorize(actor, 'article.read', await mustRow(db, id));
      return listRevisions(db, id);
    },

    /** What changed in revision `number` compared with the one before it. */
    async revisionDiff(actor: Actor, id: number, number: number): Promise<{ lines: DiffLine[]; snapshot: ArticleSnapshot }> {
      authorize(actor, 'article.read', await mustRow(db, id));
      const after = await revisionSnapshot(db, id, number);
      if (!after) throw new NotFound(`revision ${number}`);
      const before = (await revisionSnapshot(db, id, number - 1)) ?? { ...after, title: '', lead: '', body: [], tags: [], authorIds: [], storyIds: [] };
      return { lines: diffSnapshots(before, after), snapshot: after };
    },

    /** Restores revision `number` as a new save (history is never rewritten). */
    async restoreRevision(actor: Actor, id: number, number: number): Promise<{ revision: number }> {
      const row = await mustRow(db, id);
      authorize(actor, 'article.restoreRevision', row);
      const snap = await revisionSnapshot(db, id, number);
      if (!snap) throw new NotFound(`revision ${number}`);
      const saved = await service.save(actor, id, { ...snap, body: [...snap.body], authorIds: [...snap.authorIds], tags: [...snap.tags], storyIds: [...snap.storyIds], type: snap.type as ParsedInput['type'], commentsMode: snap.commentsMode as ParsedInput['commentsMode'] }, { restoring: true });
      return { revision: saved.revision };
    },

    /** The public rendering's data for a draft preview (the HTTP layer checks the signed URL). */
    async previewData(id: number): Promise<ArticlePageData> {
      const repos = createRepositories(db);
      const article = await repos.articles.load(id);
      if (!article) throw new NotFound(`article ${id}`);
      const [stories, latest] = await Promise.all([repos.stories.listActive(), repos.articles.listPublished({ limit: 20, excludeIds: [id] })]);
      // A preview has no comments or related list yet; the reader site may add fields (e.g. video) later.
      const data = { article, stories, latest, related: [], comments: [], commentCount: 0, video: null };
      return data;
    },
  };
  return service;
}

export type PublishingService = ReturnType<typeof createPublishingService>;
export type { LockInfo, NewsroomListItem, RevisionInfo, WorkflowRow, ArticleSnapshot, DiffLine };
