// The media library's routes: the searchable grid (HTML, or JSON for the editor's picker), multipart
// upload, and a picture's caption, alt text, credit and source. The media service checks the content.
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { InvalidInput } from '../../domain/index.js';
import { may } from '../../domain/index.js';
import { MediaEditPage, MediaLibraryPage, mediaThumb } from '../../views/index.js';
import { idParams } from './form-input.js';
import type { NewsroomModule } from './newsroom-kit.js';

const listQuery = z.object({
  q: z.string().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  done: z.enum(['uploaded', 'updated']).optional().catch(undefined),
});

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(max));
const metaForm = z.object({ caption: text(5000), alt: text(5000), credit: text(2000), source: text(2000) });

export const mediaRoutes: NewsroomModule = {
  name: 'media',
  nav: [{ href: '/newsroom/media', label: (t) => t.desk.nav.media, access: 'media.upload' }],
  async register(kit) {
    const { media, config } = kit.deps;
    // Multipart bodies are buffered with their fields, so the CSRF check sees `_csrf` before the handler.
    await kit.app.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: config.mediaMaxBytes, files: 1, fields: 20, fieldSize: 10_000 },
    });
    const maxMegabytes = Math.round((config.mediaMaxBytes / (1024 * 1024)) * 10) / 10;

    kit.route({
      method: 'GET',
      url: '/media',
      access: 'media.upload',
      handler: async (request, reply, actor) => {
        const q = listQuery.parse(request.query ?? {});
        const page = await media.list(actor, { q: q.q, page: q.page, perPage: kit.wantsJson(request) ? 30 : 24 });
        if (kit.wantsJson(request)) {
          return reply.header('cache-control', 'no-store').send({
            page: page.page,
            pages: page.pages,
            items: page.items.map((m) => ({ id: m.id, src: mediaThumb(m, 640), caption: m.caption, credit: m.credit, alt: m.alt, width: m.width, height: m.height })),
          });
        }
        return kit.page(request, reply, (ctx) =>
          MediaLibraryPage({
            ctx,
            data: { page, q: q.q ?? '', maxMegabytes, canUpload: may(actor, 'media.upload'), notice: q.done ? ctx.t.desk.media[q.done] : null },
          }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/media',
      access: 'media.upload',
      handler: async (request, reply, actor) => {
        const body = (request.body ?? {}) as Record<string, unknown>;
        const file = body['file'];
        const meta = metaForm.parse(body);
        try {
          if (!Buffer.isBuffer(file) || file.length === 0) throw new InvalidInput('اختر صورة لرفعها.', { file: 'اختر ملف صورة.' });
          const m = await media.upload(actor, file, { ...meta, source: meta.source.trim() || null });
          if (kit.wantsJson(request)) return reply.code(201).send({ id: m.id, src: mediaThumb(m, 640), caption: m.caption, credit: m.credit, alt: m.alt });
          return reply.redirect('/newsroom/media?done=uploaded', 303);
        } catch (e) {
          if (!(e instanceof InvalidInput) || kit.wantsJson(request)) throw e;
          const page = await media.list(actor, {});
          return kit.page(
            request,
            reply,
            (ctx) => MediaLibraryPage({ ctx, data: { page, q: '', maxMegabytes, canUpload: true, errors: e.fields, error: e.message } }),
            { status: 400 },
          );
        }
      },
    });

    kit.route({
      method: 'GET',
      url: '/media/:id',
      access: 'media.edit',
      handler: async (request, reply) => {
        const { id } = idParams.parse(request.params);
        const m = await media.byId(id);
        return kit.page(request, reply, (ctx) => MediaEditPage({ ctx, media: m }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/media/:id',
      access: 'media.edit',
      handler: async (request, reply, actor) => {
        const { id } = idParams.parse(request.params);
        const meta = metaForm.parse(request.body ?? {});
        try {
          await media.updateMeta(actor, id, { ...meta, source: meta.source.trim() || null });
          if (kit.wantsJson(request)) return reply.send({ ok: true });
          return reply.redirect('/newsroom/media?done=updated', 303);
        } catch (e) {
          if (!(e instanceof InvalidInput) || kit.wantsJson(request)) throw e;
          const m = await media.byId(id);
          return kit.page(request, reply, (ctx) => MediaEditPage({ ctx, media: m, errors: e.fields }), { status: 400 });
        }
      },
    });
  },
};
