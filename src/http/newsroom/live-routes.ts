// The live console, a newsroom module: the list of live coverages with the breaking banner, the stream
// and its schedule; one coverage's desk (post, edit, pin, delete entries; summary; state). Forms are
// parsed with zod; the live service authorizes and writes. Refused input keeps what the member typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, articlePath, may, type Actor, type Block, MAX_ID } from '../../domain/index.js';
import type { LiveService } from '../../services/index.js';
import { LiveConsoleBlogPage, LiveConsoleListPage, LiveEntryEditPage, type EntryFormValues } from '../../views/index.js';
import { formBool, parseForm } from './form-input.js';
import type { NewsroomKit, NewsroomModule } from './newsroom-kit.js';

// Lengths are the service's to refuse, with Arabic field messages: forms only bound the body size.
const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : ''), z.string().max(max));
/** Empty → null; anything else → a number (NaN included): the service refuses it with an Arabic message. */
const optionalNumber = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : null), z.union([z.number(), z.nan()]).nullable());
const entryForm = z.object({ title: text(50_000), body: text(50_000), mediaId: text(50_000), keyEvent: formBool });
const breakingForm = z.object({ text: text(50_000), url: text(50_000), minutes: optionalNumber });
const streamForm = z.object({ title: text(50_000), description: text(50_000), hlsUrl: text(50_000), captionsUrl: text(50_000), posterMediaId: optionalNumber, enabled: formBool });
const scheduleForm = z.object({ programme: text(50_000), startsAt: text(50_000), endsAt: text(50_000) });
const ids = z.object({ id: z.coerce.number().int().positive().max(MAX_ID), entryId: z.coerce.number().int().positive().max(MAX_ID).optional() });
const DONE = ['posted', 'saved', 'deleted', 'pinnedDone', 'stateDone', 'summaryDone', 'breakingDone', 'breakingCleared', 'streamSaved', 'scheduleDone'] as const;
type Done = (typeof DONE)[number];
const doneQuery = z.object({ done: z.enum(DONE).optional().catch(undefined) });

/** The console's plain text → entry blocks: paragraphs split by blank lines; "> " starts a quote. */
export function entryBlocks(body: string): Block[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): Block => (p.startsWith('>') ? { type: 'quote', content: [{ text: p.replace(/^>\s*/gm, '') }] } : { type: 'paragraph', content: [{ text: p }] }));
}

/** "YYYY-MM-DDTHH:MM" read as wall-clock time in the site's time zone. */
export function parseLocalTime(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offsetAt = (t: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(t)
        .map((p) => [p.type, p.value]),
    );
    return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute'])) - t;
  };
  return guess - offsetAt(guess - offsetAt(guess));
}

function entryInput(v: EntryFormValues) {
  const mediaId = v.mediaId.trim() === '' ? null : Number(v.mediaId.trim());
  if (mediaId !== null && !(Number.isInteger(mediaId) && mediaId > 0)) throw new InvalidInput('لم يُحفظ التحديث.', { mediaId: 'رقم الصورة غير صالح.' });
  return { title: v.title, body: entryBlocks(v.body), mediaId, keyEvent: v.keyEvent };
}

export const liveConsoleRoutes: NewsroomModule = {
  name: 'live',
  nav: [{ href: '/newsroom/live', label: (t) => t.liveCoverage.console.nav, access: 'live.post' }],
  register(kit: NewsroomKit) {
    const live: LiveService | undefined = kit.deps.live;
    if (!live) return;
    const timeZone = kit.deps.config.timeZone;

    async function listPage(request: FastifyRequest, reply: FastifyReply, actor: Actor, extra: { done?: Done; error?: InvalidInput; status?: number } = {}) {
      const canSetBreaking = may(actor, 'breaking.set');
      const [blogs, breaking, channel] = await Promise.all([live!.consoleList(), canSetBreaking ? live!.breaking() : null, canSetBreaking ? live!.stream() : null]);
      return kit.page(
        request,
        reply,
        (ctx) =>
          LiveConsoleListPage({
            ctx,
            data: {
              blogs,
              breaking,
              channel,
              canSetBreaking,
              notice: extra.done ? ctx.t.liveCoverage.console[extra.done] : null,
              error: extra.error?.message ?? null,
              fields: extra.error?.fields ?? {},
            },
          }),
        { status: extra.status ?? 200 },
      );
    }

    async function blogPage(
      request: FastifyRequest,
      reply: FastifyReply,
      id: number,
      extra: { done?: Done; error?: InvalidInput; values?: EntryFormValues; status?: number } = {},
    ) {
      const [article, blog, entries] = await Promise.all([live!.consoleBlog(id), live!.blog(id), live!.entries(id, { page: 1, before: null }, 100)]);
      const located = article.status === 'published' ? await kit.deps.site.article(id, '', null).catch(() => null) : null;
      const path = located?.kind === 'page' ? articlePath(located.data.article) : located?.kind === 'moved' ? articlePath({ sectionSlug: located.sectionSlug, id: located.id, slug: located.slug }) : null;
      return kit.page(
        request,
        reply,
        (ctx) =>
          LiveConsoleBlogPage({
            ctx,
            data: {
              article: { id: article.id, title: article.title, status: article.status, path },
              blog,
              entries: entries.entries,
              notice: extra.done ? ctx.t.liveCoverage.console[extra.done] : null,
              error: extra.error?.message ?? null,
              fields: extra.error?.fields ?? {},
              ...(extra.values ? { values: extra.values } : {}),
            },
          }),
        { status: extra.status ?? 200 },
      );
    }

    /** Runs a change: JSON callers get `{ ok }`, forms are redirected (303); refused input re-renders. */
    async function change(request: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>, done: Done, to: string, onInvalid: (e: InvalidInput) => Promise<unknown>) {
      try {
        const result = await run();
        if (kit.wantsJson(request)) return reply.header('cache-control', 'no-store').send({ ok: true, result: result ?? null });
      } catch (e) {
        if (!(e instanceof InvalidInput) || kit.wantsJson(request)) throw e;
        return onInvalid(e);
      }
      return reply.redirect(`${to}?done=${done}`, 303);
    }

    kit.route({
      method: 'GET',
      url: '/live',
      access: 'live.post',
      handler: async (request, reply, actor) => listPage(request, reply, actor, doneQuery.parse(request.query ?? {})),
    });

    kit.route({
      method: 'GET',
      url: '/live/:id',
      access: 'live.post',
      handler: async (request, reply) => blogPage(request, reply, parseForm(ids, request.params).id, doneQuery.parse(request.query ?? {})),
    });

    kit.route({
      method: 'POST',
      url: '/live/:id/entries',
      access: 'live.post',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(ids, request.params);
        const values = parseForm(entryForm, request.body);
        return change(request, reply, async () => live.postEntry(actor, id, entryInput(values)), 'posted', `/newsroom/live/${id}`, (error) =>
          blogPage(request, reply, id, { error, values, status: 400 }),
        );
      },
    });

    kit.route({
      method: 'GET',
      url: '/live/:id/entries/:entryId/edit',
      access: 'live.post',
      handler: async (request, reply) => {
        const { id, entryId } = parseForm(ids, request.params);
        const entry = await live.entry(entryId!);
        return kit.page(request, reply, (ctx) => LiveEntryEditPage({ ctx, articleId: id, entry }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/:id/entries/:entryId',
      access: 'live.post',
      handler: async (request, reply, actor) => {
        const { id, entryId } = parseForm(ids, request.params);
        const values = parseForm(entryForm, request.body);
        return change(request, reply, async () => live.editEntry(actor, entryId!, entryInput(values)), 'saved', `/newsroom/live/${id}`, async (error) => {
          const entry = await live.entry(entryId!);
          return kit.page(request, reply, (ctx) => LiveEntryEditPage({ ctx, articleId: id, entry, values, error: error.message, fields: error.fields }), { status: 400 });
        });
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/:id/entries/:entryId/delete',
      access: 'live.post',
      handler: async (request, reply, actor) => {
        const { id, entryId } = parseForm(ids, request.params);
        return change(request, reply, () => live.deleteEntry(actor, entryId!), 'deleted', `/newsroom/live/${id}`, (error) => blogPage(request, reply, id, { error, status: 400 }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/:id/pin',
      access: 'live.post',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(ids, request.params);
        const entryId = optionalNumber.parse((request.body as Record<string, unknown> | undefined)?.['entryId']);
        return change(request, reply, () => live.pin(actor, id, entryId), 'pinnedDone', `/newsroom/live/${id}`, (error) => blogPage(request, reply, id, { error, status: 400 }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/:id/state',
      access: 'live.post',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(ids, request.params);
        const state = z.enum(['scheduled', 'live', 'ended']).safeParse((request.body as Record<string, unknown> | undefined)?.['state']);
        return change(
          request,
          reply,
          async () => {
            if (!state.success) throw new InvalidInput('حالة التغطية غير معروفة.', { state: 'اختر حالة من القائمة.' });
            await live.setState(actor, id, state.data);
          },
          'stateDone',
          `/newsroom/live/${id}`,
          (error) => blogPage(request, reply, id, { error, status: 400 }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/:id/summary',
      access: 'live.post',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(ids, request.params);
        const summary = text(50_000).parse((request.body as Record<string, unknown> | undefined)?.['summary']);
        return change(request, reply, () => live.setSummary(actor, id, summary), 'summaryDone', `/newsroom/live/${id}`, (error) => blogPage(request, reply, id, { error, status: 400 }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/breaking',
      access: 'breaking.set',
      handler: async (request, reply, actor) => {
        const f = parseForm(breakingForm, request.body);
        return change(
          request,
          reply,
          () => live.setBreaking(actor, { text: f.text, url: f.url, minutes: f.minutes ?? Number.NaN }),
          'breakingDone',
          '/newsroom/live',
          (error) => listPage(request, reply, actor, { error, status: 400 }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/breaking/clear',
      access: 'breaking.set',
      handler: async (request, reply, actor) =>
        change(request, reply, () => live.clearBreaking(actor), 'breakingCleared', '/newsroom/live', (error) => listPage(request, reply, actor, { error, status: 400 })),
    });

    kit.route({
      method: 'POST',
      url: '/live/stream',
      access: 'breaking.set',
      handler: async (request, reply, actor) => {
        const f = parseForm(streamForm, request.body);
        return change(
          request,
          reply,
          () => live.configureStream(actor, { ...f, posterMediaId: f.posterMediaId === null ? null : f.posterMediaId }),
          'streamSaved',
          '/newsroom/live',
          (error) => listPage(request, reply, actor, { error, status: 400 }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/schedule',
      access: 'breaking.set',
      handler: async (request, reply, actor) => {
        const f = parseForm(scheduleForm, request.body);
        return change(
          request,
          reply,
          async () => {
            const startsAt = parseLocalTime(f.startsAt, timeZone);
            const endsAt = parseLocalTime(f.endsAt, timeZone);
            const invalid = 'الوقت غير صالح؛ استخدم منتقي الوقت.';
            if (startsAt === null || endsAt === null)
              throw new InvalidInput('لم يُحفظ البرنامج.', { ...(startsAt === null ? { startsAt: invalid } : {}), ...(endsAt === null ? { endsAt: invalid } : {}) });
            return live.addScheduleItem(actor, { title: f.programme, startsAt, endsAt });
          },
          'scheduleDone',
          '/newsroom/live',
          (error) => listPage(request, reply, actor, { error, status: 400 }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/live/schedule/:id/delete',
      access: 'breaking.set',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(ids, request.params);
        return change(request, reply, () => live.removeScheduleItem(actor, id), 'scheduleDone', '/newsroom/live', (error) => listPage(request, reply, actor, { error, status: 400 }));
      },
    });
  },
};
