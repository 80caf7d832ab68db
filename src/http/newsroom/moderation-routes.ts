// Comment moderation as a newsroom module: the queues with filters and bulk actions, live counts (JSON
// polled by the moderation island), word lists, settings, the moderation log and reader sanctions.
// Parses forms with zod; the moderation service authorizes (comments.moderate), acts and logs.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, MAX_ID } from '../../domain/index.js';
import { parseQueueQuery } from '../../services/index.js';
import { ModerationLogPage, ModerationQueuePage, ModerationReaderPage, ModerationSettingsPage, ModerationWordsPage } from '../../views/index.js';
import type { NewsroomModule } from './newsroom-kit.js';
import { formBool, formIds, formText, idParams, parseForm } from './form-input.js';

const actForm = z.object({ ids: formIds, action: formText, reason: formText, returnTo: formText.optional() });
const wordsForm = z.object({ banned: z.string().max(2_000_000).catch(''), suspect: z.string().max(2_000_000).catch('') });
const optionalInt = z.preprocess((v) => (v === '' || v === undefined ? undefined : Number(v)), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional());
const settingsForm = z.object({
  scope: z.enum(['site', 'story', 'article']),
  scopeId: optionalInt,
  mode: formText,
  closesAt: formText.optional(),
  guestsAllowed: formBool,
  premoderateFirst: optionalInt,
  editWindowMinutes: optionalInt,
});
const readerForm = z.object({ status: formText, days: optionalInt, reason: formText });
const logQuery = z.object({ before: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined) });

/** "2026-11-29T14:00" (a datetime-local field, read as UTC) → ms, or null when empty. */
function utcTime(v: string | undefined): number | null {
  if (!v) return null;
  const t = Date.parse(`${v.length === 16 ? `${v}:00` : v}Z`);
  if (!Number.isFinite(t)) throw new InvalidInput('الإعدادات غير صالحة.', { closesAt: 'invalid' });
  return t;
}

/** Back to the queue the moderator was on; only moderation URLs. */
function safeReturn(v: string | undefined): string {
  return v && /^\/newsroom\/moderation(?:[?#]|$)/.test(v) && !v.includes('\\') ? v : '/newsroom/moderation';
}

function doneParam(request: FastifyRequest): string | null {
  const v = (request.query as Record<string, unknown>)['done'];
  return typeof v === 'string' ? v : null;
}

export const moderationRoutes: NewsroomModule = {
  name: 'moderation',
  nav: [{ href: '/newsroom/moderation', label: (t) => t.comments.moderation.nav, access: 'comments.moderate' }],
  register(kit) {
    const moderation = kit.deps.moderation;
    if (!moderation) return;

    kit.route({
      method: 'GET',
      url: '/moderation',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const query = parseQueueQuery(request.query);
        const [counts, { items, hasMore }, options] = await Promise.all([moderation.counts(actor), moderation.queue(actor, query), kit.deps.articleList.filterOptions()]);
        const done = doneParam(request);
        return kit.page(request, reply, (ctx) =>
          ModerationQueuePage({
            ctx,
            data: {
              query,
              counts,
              items,
              hasMore,
              sections: options.sections.map((s) => ({ id: s.id, name: s.name })),
              stories: options.stories.map((s) => ({ id: s.id, title: s.name })),
              notice: done && /^[0-9]{1,4}$/.test(done) ? ctx.t.comments.moderation.done(ctx.fmt.number(Number(done))) : null,
            },
          }),
        );
      },
    });

    kit.route({
      method: 'GET',
      url: '/moderation/counts',
      access: 'comments.moderate',
      handler: async (_request, reply, actor) => reply.header('cache-control', 'no-store').send(await moderation.counts(actor)),
    });

    kit.route({
      method: 'POST',
      url: '/moderation/act',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const f = parseForm(actForm, request.body);
        const n = await moderation.act(actor, { ids: f.ids, action: f.action, reason: f.reason });
        if (kit.wantsJson(request)) return reply.send({ done: n, counts: await moderation.counts(actor) });
        const back = safeReturn(f.returnTo);
        return reply.redirect(`${back}${back.includes('?') ? '&' : '?'}done=${n}`, 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/moderation/words',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const words = await moderation.words(actor);
        const q = request.query as Record<string, string | undefined>;
        return kit.page(request, reply, (ctx) =>
          ModerationWordsPage({ ctx, words, notice: q['banned'] !== undefined ? ctx.t.comments.moderation.wordsSaved(ctx.fmt.number(Number(q['banned']) || 0), ctx.fmt.number(Number(q['suspect']) || 0)) : null }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/moderation/words',
      access: 'comments.moderate',
      bodyLimit: 4 * 1_048_576,
      handler: async (request, reply, actor) => {
        const f = parseForm(wordsForm, request.body);
        const saved = await moderation.saveWords(actor, f);
        return reply.redirect(`/newsroom/moderation/words?banned=${saved.banned}&suspect=${saved.suspect}`, 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/moderation/settings',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const s = await moderation.settings(actor);
        const saved = doneParam(request) === 'saved';
        return kit.page(request, reply, (ctx) => ModerationSettingsPage({ ctx, site: s.site, scoped: s.scoped, notice: saved ? ctx.t.comments.moderation.settingsSaved : null, error: null }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/moderation/settings',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const f = parseForm(settingsForm, request.body);
        try {
          await moderation.saveSettings(actor, {
            scope: f.scope,
            scopeId: f.scope === 'site' ? 0 : (f.scopeId ?? 0),
            mode: f.mode as never,
            closesAt: utcTime(f.closesAt),
            guestsAllowed: f.guestsAllowed,
            ...(f.premoderateFirst !== undefined ? { premoderateFirst: f.premoderateFirst } : {}),
            ...(f.editWindowMinutes !== undefined ? { editWindowMinutes: f.editWindowMinutes } : {}),
          });
        } catch (e) {
          if (!(e instanceof InvalidInput)) throw e;
          const s = await moderation.settings(actor);
          return kit.page(request, reply, (ctx) => ModerationSettingsPage({ ctx, site: s.site, scoped: s.scoped, notice: null, error: ctx.t.newsroom.errors.invalid }), { status: 400 });
        }
        return reply.redirect('/newsroom/moderation/settings?done=saved', 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/moderation/log',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const { before } = logQuery.parse(request.query ?? {});
        const entries = await moderation.log(actor, before);
        return kit.page(request, reply, (ctx) => ModerationLogPage({ ctx, entries }));
      },
    });

    kit.route({
      method: 'GET',
      url: '/moderation/readers/:id',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        const reader = await moderation.reader(actor, id);
        const saved = doneParam(request) === 'saved';
        return kit.page(request, reply, (ctx) => ModerationReaderPage({ ctx, reader, notice: saved ? ctx.t.comments.moderation.readerSaved : null }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/moderation/readers/:id',
      access: 'comments.moderate',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        const f = parseForm(readerForm, request.body);
        await moderation.setReaderStatus(actor, id, { status: f.status, ...(f.days ? { days: f.days } : {}), reason: f.reason });
        return reply.redirect(`/newsroom/moderation/readers/${id}?done=saved`, 303);
      },
    });
  },
};
