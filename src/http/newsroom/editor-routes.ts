// The article editor's routes: new article, edit screen with its edit lock, save and workflow actions
// (also as JSON for autosave and API callers), lock heartbeat and take-over, revisions, preview links.
// Parses requests and renders views; the publishing service decides what each member may do.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, Forbidden, InvalidInput, articlePath, mayOnArticle, type Actor, type ArticleStatus, MAX_ID } from '../../domain/index.js';
import type { ArticleInput, ArticleSnapshot, EditableArticle } from '../../services/index.js';
import { EditorPage, RevisionDiffPage, RevisionListPage, mediaThumb, type EditorActions, type EditorPageData, type NewsroomViewContext } from '../../views/index.js';
import { signedPreviewPath } from '../preview-signing.js';
import { articleInputFromForm, localInputToUtc, parseEditorForm, snapshotFromInput, utcToLocalInput, type EditorForm } from './article-form.js';
import { formBool, idParams } from './form-input.js';
import type { NewsroomKit, NewsroomModule } from './newsroom-kit.js';

const revisionParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID), n: z.coerce.number().int().positive().max(1_000_000) });
const NOTICES = ['created', 'saved', 'submitted', 'published', 'scheduled', 'returned', 'unpublished', 'tookOver', 'restored'] as const;
type Notice = (typeof NOTICES)[number];
const noticeQuery = z.object({ done: z.enum(NOTICES).optional().catch(undefined) });

const EMPTY: ArticleSnapshot = {
  sectionId: 0,
  type: 'news',
  title: '',
  lead: '',
  body: [],
  heroMediaId: null,
  heroCaption: null,
  heroCredit: null,
  source: null,
  authorIds: [],
  tags: [],
  storyIds: [],
  commentsMode: 'open',
  seoTitle: null,
  seoDescription: null,
};

/** What the member may do to this article in its status: the buttons the screen shows. */
export function editorActions(actor: Actor, target: { sectionId: number; createdBy: number | null }, status: ArticleStatus): EditorActions {
  const can = (a: Parameters<typeof mayOnArticle>[1]) => mayOnArticle(actor, a, target);
  const movable = status === 'draft' || status === 'review' || status === 'scheduled' || status === 'unpublished';
  return {
    save: status === 'published' || status === 'review' ? can('article.publish') : status === 'scheduled' ? can('article.schedule') : can('article.edit'),
    submit: status === 'draft' && can('article.submit'),
    publish: movable && can('article.publish'),
    schedule: movable && can('article.schedule'),
    returnToDraft: (status === 'review' || status === 'scheduled') && can('article.publish'),
    unpublish: status === 'published' && can('article.unpublish'),
    takeOver: can('article.takeOverLock'),
  };
}

/** The editor screen for an article not yet saved: a draft the member may only save. */
function newArticleData(options: EditorPageData['options'], fields: ArticleSnapshot): EditorPageData {
  return {
    id: null,
    status: 'draft',
    revision: 0,
    fields,
    publishAt: null,
    publicPath: null,
    lockedBy: null,
    options,
    actions: { save: true, submit: false, publish: false, schedule: false, returnToDraft: false, unpublish: false, takeOver: false },
    mediaSrc: new Map(),
  };
}

function noticeText(ctx: NewsroomViewContext, n: Notice | undefined): string | null {
  if (!n) return null;
  if (n === 'restored') return ctx.t.desk.revisions.restored;
  return ctx.t.desk.editor[n];
}

export const editorRoutes: NewsroomModule = {
  name: 'editor',
  nav: [{ href: '/newsroom/articles/new', label: (t) => t.desk.nav.newArticle, access: 'article.create' }],
  register(kit: NewsroomKit) {
    const { publishing, curation, articleList, media, config } = kit.deps;

    async function options() {
      const [filters, sections, tags] = await Promise.all([articleList.filterOptions(), curation.sections(), curation.tagNames()]);
      return { sections, stories: filters.stories, authors: filters.authors, tags };
    }

    async function mediaSrcFor(fields: ArticleSnapshot): Promise<Map<number, string>> {
      const ids = new Set<number>();
      if (fields.heroMediaId !== null) ids.add(fields.heroMediaId);
      for (const b of fields.body) if (b.type === 'image') ids.add(b.mediaId);
      const out = new Map<number, string>();
      for (const id of ids) {
        const m = await media.byId(id).catch(() => null);
        if (m) out.set(id, mediaThumb(m, 640));
      }
      return out;
    }

    async function renderEditor(
      request: FastifyRequest,
      reply: FastifyReply,
      actor: Actor,
      article: EditableArticle,
      extra: { fields?: ArticleSnapshot; errors?: Record<string, string>; error?: string | null; noticeKey?: Notice; status?: number; lockedBy?: EditableArticle['lock']; form?: EditorForm } = {},
    ) {
      const fields = extra.fields ?? article.fields;
      const [opts, mediaSrc] = await Promise.all([options(), mediaSrcFor(fields)]);
      const data: EditorPageData = {
        id: article.id,
        status: article.status,
        revision: article.revision,
        fields,
        publishAt: article.publishAt,
        publicPath: article.status === 'published' ? articlePath({ sectionSlug: article.sectionSlug, id: article.id, slug: article.slug }) : null,
        lockedBy: extra.lockedBy ?? null,
        options: opts,
        actions: editorActions(actor, { sectionId: article.fields.sectionId, createdBy: article.createdBy }, article.status),
        mediaSrc,
        errors: extra.errors ?? {},
        error: extra.error ?? null,
        publishAtInput: extra.form?.publishAt || (article.publishAt !== null ? utcToLocalInput(article.publishAt, config.timeZone) : ''),
        correction: extra.form?.correction ?? '',
      };
      return kit.page(request, reply, (ctx) => EditorPage({ ctx, data: { ...data, notice: noticeText(ctx, extra.noticeKey) } }), { status: extra.status ?? 200 });
    }

    const holderName = (request: FastifyRequest) => request.newsroom?.session?.user.displayName ?? '';

    kit.route({
      method: 'GET',
      url: '/articles/new',
      access: 'article.create',
      handler: async (request, reply) => {
        const opts = await options();
        const data = newArticleData(opts, { ...EMPTY, sectionId: opts.sections[0]?.id ?? 0 });
        return kit.page(request, reply, (ctx) => EditorPage({ ctx, data }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/articles',
      access: 'article.create',
      handler: async (request, reply, actor) => {
        const form = parseEditorForm(request.body);
        let input: ArticleInput | null = null;
        try {
          input = articleInputFromForm(form, null);
          const { id, revision } = await publishing.createDraft(actor, input);
          if (kit.wantsJson(request)) return reply.code(201).send({ id, revision, url: `/newsroom/articles/${id}` });
          return reply.redirect(`/newsroom/articles/${id}?done=created`, 303);
        } catch (e) {
          if (!(e instanceof InvalidInput) || kit.wantsJson(request)) throw e;
          const opts = await options();
          const data: EditorPageData = { ...newArticleData(opts, input ? snapshotFromInput(input, EMPTY) : EMPTY), errors: e.fields };
          return kit.page(request, reply, (ctx) => EditorPage({ ctx, data: { ...data, error: ctx.t.desk.editor.invalid } }), { status: 400 });
        }
      },
    });

    kit.route({
      method: 'GET',
      url: '/articles/:id',
      access: 'article.read',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        const { done } = noticeQuery.parse(request.query ?? {});
        const article = await publishing.forEditing(actor, id);
        // Opening the screen takes the edit lock when the member may edit; otherwise it is read-only.
        const actions = editorActions(actor, { sectionId: article.fields.sectionId, createdBy: article.createdBy }, article.status);
        let lockedBy: EditableArticle['lock'] = null;
        if (actions.save) {
          const { lock, mine } = await publishing.openForEditing(actor, id, holderName(request));
          if (!mine) lockedBy = lock;
        }
        return renderEditor(request, reply, actor, article, { lockedBy, ...(done ? { noticeKey: done } : {}) });
      },
    });

    kit.route({
      method: 'POST',
      url: '/articles/:id',
      access: 'article.read',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        const form = parseEditorForm(request.body);
        const json = kit.wantsJson(request);
        const article = await publishing.forEditing(actor, id);
        let input: ArticleInput | null = null;
        const baseRevision = form.revision;
        const saveFirst = async () => {
          input = articleInputFromForm(form, article.fields);
          return publishing.save(actor, id, input, {
            ...(baseRevision !== undefined ? { baseRevision } : {}),
            autosave: form.intent === 'autosave',
            ...(form.correction.trim() ? { correction: form.correction } : {}),
          });
        };
        // Refuse a transition the member may not make before saving anything (the service checks again).
        const allowed = editorActions(actor, { sectionId: article.fields.sectionId, createdBy: article.createdBy }, article.status);
        const needed = form.intent === 'autosave' ? 'save' : form.intent === 'publish' && article.status === 'published' ? 'save' : form.intent;
        if (!allowed[needed]) throw new Forbidden(`${form.intent} on article ${id}`);
        try {
          let done: Notice = 'saved';
          switch (form.intent) {
            case 'autosave': {
              const saved = await saveFirst();
              const fmt = request.newsroom!.context().fmt;
              return reply.header('cache-control', 'no-store').send({ revision: saved.revision, savedAt: fmt.time(saved.updatedAt) });
            }
            case 'save':
              await saveFirst();
              break;
            case 'submit':
              if (editorActions(actor, { sectionId: article.fields.sectionId, createdBy: article.createdBy }, article.status).save) await saveFirst();
              await publishing.submit(actor, id);
              done = 'submitted';
              break;
            case 'publish':
              if (article.status !== 'published') {
                await saveFirst();
                await publishing.publish(actor, id);
              } else await saveFirst();
              done = 'published';
              break;
            case 'schedule': {
              const at = localInputToUtc(form.publishAt, config.timeZone);
              if (at === null) throw new InvalidInput('موعد النشر غير صالح.', { publishAt: 'اختر التاريخ والوقت.' });
              await saveFirst();
              await publishing.schedule(actor, id, at);
              done = 'scheduled';
              break;
            }
            case 'returnToDraft':
              await publishing.returnToDraft(actor, id);
              done = 'returned';
              break;
            case 'unpublish':
              await publishing.unpublish(actor, id);
              done = 'unpublished';
              break;
          }
          const after = await publishing.forEditing(actor, id);
          if (json) return reply.send({ id, status: after.status, revision: after.revision, publishAt: after.publishAt });
          return reply.redirect(`/newsroom/articles/${id}?done=${done}`, 303);
        } catch (e) {
          if (json) {
            if (e instanceof Conflict) return reply.code(409).header('cache-control', 'no-store').send({ error: e.message });
            throw e;
          }
          if (!(e instanceof InvalidInput) && !(e instanceof Conflict)) throw e;
          const fresh = await publishing.forEditing(actor, id);
          const t = request.newsroom!.context().t.desk.editor;
          const savedBeforeRefusal = fresh.revision !== article.revision;
          return renderEditor(request, reply, actor, fresh, {
            fields: input ? snapshotFromInput(input, fresh.fields) : fresh.fields,
            errors: e instanceof InvalidInput ? { ...e.fields } : {},
            error: e instanceof Conflict ? e.message : savedBeforeRefusal ? `${t.savedNotPublished} ${e.message}` : e.message,
            status: e instanceof Conflict ? 409 : 400,
            lockedBy: fresh.lock && fresh.lock.userId !== actor.userId ? fresh.lock : null,
            form,
          });
        }
      },
    });

    // The editor island's heartbeat, and "take over" from the lock notice.
    kit.route({
      method: 'POST',
      url: '/articles/:id/lock',
      access: 'article.edit',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        const takeOver = formBool.parse((request.body as Record<string, unknown> | undefined)?.['takeOver']);
        const { lock, mine } = await publishing.openForEditing(actor, id, holderName(request), { takeOver });
        if (kit.wantsJson(request)) return reply.header('cache-control', 'no-store').send({ mine, holder: lock.holderName, expiresAt: lock.expiresAt });
        return reply.redirect(`/newsroom/articles/${id}${takeOver && mine ? '?done=tookOver' : ''}`, 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/articles/:id/preview',
      access: 'article.read',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        await publishing.forEditing(actor, id);
        return reply.redirect(signedPreviewPath(config, id, kit.deps.now()), 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/articles/:id/revisions',
      access: 'article.read',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        const { done } = noticeQuery.parse(request.query ?? {});
        const [article, revisions] = await Promise.all([publishing.forEditing(actor, id), publishing.revisions(actor, id)]);
        return kit.page(request, reply, (ctx) =>
          RevisionListPage({ ctx, data: { articleId: id, title: article.fields.title, revisions, notice: noticeText(ctx, done) } }),
        );
      },
    });

    kit.route({
      method: 'GET',
      url: '/articles/:id/revisions/:n',
      access: 'article.read',
      handler: async (request, reply, actor) => {
        const { id, n } = revisionParams.parse(request.params);
        const [article, diff] = await Promise.all([publishing.forEditing(actor, id), publishing.revisionDiff(actor, id, n)]);
        const canRestore =
          mayOnArticle(actor, 'article.restoreRevision', { sectionId: article.fields.sectionId, createdBy: article.createdBy }) &&
          editorActions(actor, { sectionId: article.fields.sectionId, createdBy: article.createdBy }, article.status).save;
        return kit.page(request, reply, (ctx) => RevisionDiffPage({ ctx, data: { articleId: id, number: n, lines: diff.lines, canRestore } }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/articles/:id/revisions/:n/restore',
      access: 'article.restoreRevision',
      handler: async (request, reply, actor) => {
        const { id, n } = revisionParams.parse(request.params);
        await publishing.restoreRevision(actor, id, n);
        if (kit.wantsJson(request)) return reply.send({ ok: true });
        return reply.redirect(`/newsroom/articles/${id}/revisions?done=restored`, 303);
      },
    });
  },
};
