// The curation routes: the home page (lead, featured story, section blocks order), stories, sections,
// follow-us channels and menus. Forms are parsed with zod; the curation service authorizes and writes.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, MAX_ID, may, type Actor } from '../../domain/index.js';
import { CurationPage, type CurationData } from '../../views/index.js';
import { formBool, idParams } from './form-input.js';
import type { NewsroomModule } from './newsroom-kit.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max));
const optionalId = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : null), z.number().int().positive().max(MAX_ID).nullable());
const int = z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : 0), z.number().int().min(0).max(100_000));

const storyForm = z.object({
  slug: text(100),
  title: text(300),
  description: text(2000),
  coverMediaId: optionalId,
  trendingRank: optionalId,
  featured: formBool,
  status: z.enum(['active', 'archived']).catch('active'),
});
const sectionForm = z.object({ slug: text(100), name: text(200), description: text(1000), parentId: optionalId, position: int, inNav: formBool });
const channelForm = z.object({ kind: text(20), label: text(100), url: text(2000), position: int });
const menuForm = z.object({ menu: text(20), label: text(100), url: text(2000), position: int });
const doneQuery = z.object({ done: z.enum(['saved', 'deleted', 'homeSaved']).optional().catch(undefined) });

export const curationRoutes: NewsroomModule = {
  name: 'curation',
  nav: [{ href: '/newsroom/curation', label: (t) => t.desk.nav.curation, access: 'curation.home' }],
  register(kit) {
    const { curation, articleList, site } = kit.deps;

    async function page(request: FastifyRequest, reply: FastifyReply, actor: Actor, extra: { error?: string; status?: number; done?: 'saved' | 'deleted' | 'homeSaved' } = {}) {
      const [home, stories, sections, channels, menus, latest] = await Promise.all([
        may(actor, 'curation.home') ? curation.home() : null,
        may(actor, 'curation.stories') ? curation.stories() : null,
        curation.sections(),
        may(actor, 'curation.channels') ? curation.channels() : null,
        may(actor, 'curation.sections') ? Promise.all([curation.menu('main'), curation.menu('footer')]).then(([a, b]) => [...a, ...b]) : null,
        site.home(),
      ]);
      const leadChoices = [latest.lead, ...latest.latest].filter((a) => a !== null).map((a) => ({ id: a.id, title: a.title }));
      // The currently chosen lead stays selectable even when it has dropped out of the latest list.
      if (home?.leadArticleId && !leadChoices.some((a) => a.id === home.leadArticleId)) {
        const rows = await articleList.list(actor, { status: 'published' }).catch(() => null);
        const chosen = rows?.rows.find((r) => r.id === home.leadArticleId);
        if (chosen) leadChoices.unshift({ id: chosen.id, title: chosen.title });
      }
      const data: CurationData = { home, leadChoices, stories, sections, canEditSections: may(actor, 'curation.sections'), channels, menus };
      return kit.page(
        request,
        reply,
        (ctx) => CurationPage({ ctx, data: { ...data, error: extra.error ?? null, notice: extra.done ? (extra.done === 'homeSaved' ? ctx.t.desk.curation.homeSaved : ctx.t.desk.curation[extra.done]) : null } }),
        { status: extra.status ?? 200 },
      );
    }

    /** Runs a change; invalid input re-renders the screen with the message, success redirects. */
    async function change(request: FastifyRequest, reply: FastifyReply, actor: Actor, run: () => Promise<unknown>, done: 'saved' | 'deleted' | 'homeSaved' = 'saved') {
      try {
        await run();
      } catch (e) {
        if (!(e instanceof InvalidInput) || kit.wantsJson(request)) throw e;
        const detail = Object.values(e.fields).join(' ');
        return page(request, reply, actor, { error: detail ? `${e.message} ${detail}` : e.message, status: 400 });
      }
      if (kit.wantsJson(request)) return reply.send({ ok: true });
      return reply.redirect(`/newsroom/curation?done=${done}`, 303);
    }

    kit.route({
      method: 'GET',
      url: '/curation',
      access: 'curation.home',
      handler: async (request, reply, actor) => page(request, reply, actor, { ...doneQuery.parse(request.query ?? {}) } as { done?: 'saved' }),
    });

    kit.route({
      method: 'POST',
      url: '/curation/home',
      access: 'curation.home',
      handler: async (request, reply, actor) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const lead = optionalId.parse(body['leadArticleId']);
        const featured = optionalId.parse(body['featuredStoryId']);
        // "order-<sectionId>" = position (1, 2, …); empty fields are left in navigation order.
        const order = Object.entries(body)
          .map(([k, v]) => [/^order-(\d{1,9})$/.exec(k)?.[1], typeof v === 'string' ? Number(v) : NaN] as const)
          .filter((x): x is readonly [string, number] => x[0] !== undefined && Number.isFinite(x[1]) && x[1] > 0)
          .sort((a, b) => a[1] - b[1])
          .map(([id]) => Number(id));
        return change(request, reply, actor, () => curation.setHome(actor, { leadArticleId: lead, featuredStoryId: featured, sectionIds: order }), 'homeSaved');
      },
    });

    kit.route({
      method: 'POST',
      url: '/curation/stories',
      access: 'curation.stories',
      handler: async (request, reply, actor) => change(request, reply, actor, () => curation.saveStory(actor, null, storyForm.parse(request.body ?? {}))),
    });
    kit.route({
      method: 'POST',
      url: '/curation/stories/:id',
      access: 'curation.stories',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        return change(request, reply, actor, () => curation.saveStory(actor, id, storyForm.parse(request.body ?? {})));
      },
    });

    kit.route({
      method: 'POST',
      url: '/curation/sections',
      access: 'curation.sections',
      handler: async (request, reply, actor) => change(request, reply, actor, () => curation.saveSection(actor, null, sectionForm.parse(request.body ?? {}))),
    });
    kit.route({
      method: 'POST',
      url: '/curation/sections/:id',
      access: 'curation.sections',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        return change(request, reply, actor, () => curation.saveSection(actor, id, sectionForm.parse(request.body ?? {})));
      },
    });

    kit.route({
      method: 'POST',
      url: '/curation/channels',
      access: 'curation.channels',
      handler: async (request, reply, actor) =>
        change(request, reply, actor, () => curation.saveChannel(actor, null, channelForm.parse(request.body ?? {}) as Parameters<typeof curation.saveChannel>[2])),
    });
    kit.route({
      method: 'POST',
      url: '/curation/channels/:id',
      access: 'curation.channels',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        return change(request, reply, actor, () => curation.saveChannel(actor, id, channelForm.parse(request.body ?? {}) as Parameters<typeof curation.saveChannel>[2]));
      },
    });
    kit.route({
      method: 'POST',
      url: '/curation/channels/:id/delete',
      access: 'curation.channels',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        return change(request, reply, actor, () => curation.deleteChannel(actor, id), 'deleted');
      },
    });

    kit.route({
      method: 'POST',
      url: '/curation/menus',
      access: 'curation.sections',
      handler: async (request, reply, actor) =>
        change(request, reply, actor, () => curation.saveMenuItem(actor, null, menuForm.parse(request.body ?? {}) as Parameters<typeof curation.saveMenuItem>[2])),
    });
    kit.route({
      method: 'POST',
      url: '/curation/menus/:id',
      access: 'curation.sections',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        return change(request, reply, actor, () => curation.saveMenuItem(actor, id, menuForm.parse(request.body ?? {}) as Parameters<typeof curation.saveMenuItem>[2]));
      },
    });
    kit.route({
      method: 'POST',
      url: '/curation/menus/:id/delete',
      access: 'curation.sections',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        return change(request, reply, actor, () => curation.deleteMenuItem(actor, id), 'deleted');
      },
    });
  },
};
