// Attaches the video of a video article: a self-hosted MP4 file or HLS playlist, its poster and duration.
// Validates with zod and writes through the article hooks; knows nothing of HTTP or players.
import { z } from 'zod';
import { InvalidInput, MAX_ID } from '../../domain/index.js';
import { createRepositories, type Db } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { noArticleHooks, runAfterCommit, runInTransaction, type ArticleHooks } from '../publishing/article-hooks.js';

export const videoInputSchema = z.object({
  // Same-origin only: the Content-Security-Policy allows media from the site itself.
  url: z
    .string()
    .trim()
    .max(2000)
    .regex(/^\/[A-Za-z0-9._~%/-]+\.(mp4|m3u8)$/, 'رابط الفيديو يجب أن يكون ملف MP4 أو قائمة HLS (.m3u8) على الموقع نفسه.'),
  posterMediaId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  durationSeconds: z.number().int().min(1, 'مدة الفيديو مطلوبة.').max(86_400, 'مدة الفيديو أطول من يوم.'),
  width: z.number().int().min(16).max(7680).default(1280),
  height: z.number().int().min(16).max(4320).default(720),
});
export type VideoInput = z.input<typeof videoInputSchema>;

export function createArticleVideoService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks }) {
  const hooks = deps.hooks ?? noArticleHooks;
  return {
    async attach(articleId: number, input: VideoInput): Promise<void> {
      const r = videoInputSchema.safeParse(input);
      if (!r.success) {
        const fields: Record<string, string> = {};
        for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'video')] ??= issue.message;
        throw new InvalidInput('لم يُحفظ الفيديو: بعض الحقول غير صالحة.', fields);
      }
      const v = r.data;
      const status = await deps.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        const where = await repos.articles.locate(articleId);
        if (!where) throw new InvalidInput('المقال غير موجود.', { articleId: 'اختر مقالًا موجودًا.' });
        if (v.posterMediaId !== null && !(await repos.media.byId(v.posterMediaId))) {
          throw new InvalidInput('صورة الغلاف غير موجودة.', { posterMediaId: 'اختر صورة من المكتبة.' });
        }
        await repos.reader.setVideo(articleId, { ...v, mime: v.url.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp4' });
        await repos.reader.touchArticle(articleId, deps.clock.now());
        await runInTransaction(hooks, trx, articleId);
        return where.status;
      });
      await runAfterCommit(hooks, { articleId, status, previousStatus: status, action: 'update' });
    },
  };
}

export type ArticleVideoService = ReturnType<typeof createArticleVideoService>;
