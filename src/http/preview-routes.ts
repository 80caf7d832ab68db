// The draft preview: exactly the public article page, rendered from the draft, behind a signed and
// expiring URL, never indexed or cached. Parses the request and renders; the service loads the draft.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config/index.js';
import { NotFound, MAX_ID } from '../domain/index.js';
import type { PublishingService } from '../services/index.js';
import { ArticlePage, renderDocument } from '../views/index.js';
import type { ContextFactory } from './context-factory.js';
import { verifyPreview } from './preview-signing.js';

interface Options {
  readonly publishing: PublishingService;
  readonly context: ContextFactory;
  readonly config: Config;
  readonly now: () => number;
}

const query = z.object({ expires: z.coerce.number().int(), signature: z.string().max(100) });
const params = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });

export const previewRoutes: FastifyPluginAsync<Options> = async (app, { publishing, context, config, now }) => {
  app.get('/preview/:id', async (req, reply) => {
    const p = params.safeParse(req.params);
    const q = query.safeParse(req.query);
    if (!p.success || !q.success || !verifyPreview(config, p.data.id, q.data.expires, q.data.signature, now())) throw new NotFound('preview');
    const [ctx, data] = await Promise.all([context(req), publishing.previewData(p.data.id)]);
    // The public page says "index"; a preview must not be indexed, by header and by meta.
    const html = renderDocument(ArticlePage({ ctx, data })).replace(
      /<meta name="robots" content="[^"]*"\/?>/,
      '<meta name="robots" content="noindex, nofollow"/>',
    );
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .send(html);
  });
};
