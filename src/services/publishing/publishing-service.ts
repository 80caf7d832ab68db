// Writes articles: creates them with their authors, tags and stories in one transaction, and
// enforces what a published article must have. Knows nothing of HTTP or HTML.
import { z } from 'zod';
import {
  ARTICLE_TYPES,
  COMMENT_MODES,
  InvalidInput,
  bodySchema,
  type ArticleStatus,
} from '../../domain/index.js';
import { createRepositories, type Db } from '../../db/index.js';
import { slugify } from '../../text/index.js';
import type { Clock } from '../clock.js';
import { noArticleHooks, runAfterCommit, runInTransaction, type ArticleHooks } from './article-hooks.js';

export const articleInputSchema = z.object({
  sectionId: z.number().int().positive(),
  type: z.enum(ARTICLE_TYPES).default('news'),
  title: z.string().trim().min(1, 'العنوان مطلوب.').max(300, 'العنوان أطول من 300 حرف.'),
  lead: z.string().trim().max(1000, 'المقدمة أطول من 1000 حرف.').default(''),
  body: bodySchema.default([]),
  heroMediaId: z.number().int().positive().nullable().default(null),
  heroCaption: z.string().trim().max(1000).nullable().default(null),
  heroCredit: z.string().trim().max(300).nullable().default(null),
  source: z.string().trim().max(300).nullable().default(null),
  authorIds: z.array(z.number().int().positive()).max(20).default([]),
  tags: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  storyIds: z.array(z.number().int().positive()).max(20).default([]),
  commentsMode: z.enum(COMMENT_MODES).default('open'),
  seoTitle: z.string().trim().max(300).nullable().default(null),
  seoDescription: z.string().trim().max(500).nullable().default(null),
});
export type ArticleInput = z.input<typeof articleInputSchema>;

export interface CreateOptions {
  readonly status: ArticleStatus;
  /** Publication time; defaults to now when the status is published. */
  readonly publishedAt?: number;
  readonly updatedAt?: number;
  readonly correction?: string;
}

function parse(input: ArticleInput) {
  const r = articleInputSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'article')] ??= issue.message;
  throw new InvalidInput('لم يُحفظ المقال: بعض الحقول غير صالحة.', fields);
}

export function createPublishingService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks }) {
  const hooks = deps.hooks ?? noArticleHooks;
  return {
    async createArticle(input: ArticleInput, options: CreateOptions): Promise<number> {
      const a = parse(input);
      const now = deps.clock.now();
      if (options.status === 'published') {
        const missing: Record<string, string> = {};
        if (!a.lead) missing['lead'] = 'المقدمة مطلوبة للنشر.';
        if (a.body.length === 0) missing['body'] = 'نص المقال مطلوب للنشر.';
        if (Object.keys(missing).length > 0) throw new InvalidInput('لا يمكن نشر المقال قبل استكمال الحقول المطلوبة.', missing);
      }
      const slug = slugify(a.title) || String(now);
      const id = await deps.db.transaction().execute(async (trx) => {
        const repos = createRepositories(trx);
        if (a.heroMediaId !== null && options.status === 'published') {
          const hero = await repos.media.byId(a.heroMediaId);
          if (!hero) throw new InvalidInput('الصورة الرئيسية غير موجودة.', { heroMediaId: 'اختر صورة من المكتبة.' });
          if (!(a.heroCredit ?? hero.credit)) {
            throw new InvalidInput('لا يمكن النشر دون نسبة الصورة إلى مصدرها.', { heroCredit: 'حقوق الصورة مطلوبة للنشر.' });
          }
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
        await repos.articles.setAuthors(id, a.authorIds);
        const tagIds: number[] = [];
        for (const name of new Set(a.tags)) tagIds.push(await repos.tags.ensure(slugify(name) || name, name));
        await repos.articles.setTags(id, tagIds);
        await repos.articles.setStories(id, a.storyIds);
        if (options.correction) await repos.articles.addCorrection(id, options.correction, options.updatedAt ?? now);
        await runInTransaction(hooks, trx, id);
        return id;
      });
      await runAfterCommit(hooks, { articleId: id, status: options.status, previousStatus: null, action: 'create' });
      return id;
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;
