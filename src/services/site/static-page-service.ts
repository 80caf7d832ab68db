// Writes the outlet's static pages (about, editorial principles, corrections policy, privacy, contact):
// validated structured text the newsroom edits. Knows nothing of HTTP or HTML.
import { z } from 'zod';
import { InvalidInput, MAX_ID, bodySchema } from '../../domain/index.js';
import { createRepositories, type Db } from '../../db/index.js';
import type { Clock } from '../clock.js';

/** The static pages every news site is expected to have, in footer order. */
export const STATIC_PAGE_SLUGS = ['about', 'editorial-principles', 'corrections-policy', 'privacy', 'contact'] as const;

export const staticPageInputSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'المعرّف يتكوّن من حروف لاتينية صغيرة وأرقام وشَرطات.')
    .max(100, 'المعرّف أطول من 100 حرف.'),
  title: z.string().trim().min(1, 'عنوان الصفحة مطلوب.').max(300, 'العنوان أطول من 300 حرف.'),
  description: z.string().trim().max(500, 'الوصف أطول من 500 حرف.').default(''),
  body: bodySchema.refine((b) => b.length > 0, 'نص الصفحة مطلوب.'),
  position: z.number().int().min(0).max(MAX_ID).default(0),
});
export type StaticPageInput = z.input<typeof staticPageInputSchema>;

export function createStaticPageService(deps: { db: Db; clock: Clock }) {
  return {
    /** Creates the page or replaces its text; returns its id. */
    async save(input: StaticPageInput): Promise<number> {
      const r = staticPageInputSchema.safeParse(input);
      if (!r.success) {
        const fields: Record<string, string> = {};
        for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'page')] ??= issue.message;
        throw new InvalidInput('لم تُحفظ الصفحة: بعض الحقول غير صالحة.', fields);
      }
      const now = deps.clock.now();
      return deps.db.transaction().execute((trx) => createRepositories(trx).reader.upsertStaticPage({ ...r.data, updatedAt: now }, now));
    },
  };
}

export type StaticPageService = ReturnType<typeof createStaticPageService>;
