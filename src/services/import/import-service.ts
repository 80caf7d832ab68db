// Imports an archive, one JSON article per line: validates each line (errors name the line), creates the
// sections, tags and authors it does not know, keeps the external id, and skips articles already
// imported — so importing a file twice changes nothing. Writes go through the article hooks (search index).
// Must not know files, terminals or progress bars: the CLI feeds lines and shows progress.
import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { ARTICLE_TYPES, type Block } from '../../domain/index.js';
import { createRepositories, createSearchRepository, type Db, type Tx } from '../../db/index.js';
import { slugify } from '../../text/index.js';
import type { Clock } from '../clock.js';
import { noArticleHooks, runAfterCommit, runInTransactionMany, type ArticleHooks } from '../publishing/article-hooks.js';

const SECTION_SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

const timeSchema = z.union([
  z.number().int().positive(),
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'وقت النشر غير صالح.'),
], { error: 'وقت النشر مطلوب (ISO 8601 أو ملّي ثانية).' });

export const importLineSchema = z.object({
  externalId: z.union([z.string().trim().min(1, 'المعرّف الخارجي مطلوب.').max(200, 'المعرّف الخارجي أطول من 200 حرف.'), z.number().int()], {
    error: 'المعرّف الخارجي مطلوب.',
  }),
  title: z.string({ error: 'العنوان مطلوب.' }).trim().min(1, 'العنوان مطلوب.').max(300, 'العنوان أطول من 300 حرف.'),
  lead: z.string({ error: 'المقدمة نص.' }).trim().max(1000, 'المقدمة أطول من 1000 حرف.').default(''),
  /** Plain text (one paragraph per line) or HTML. */
  body: z.string({ error: 'النص نص أو HTML.' }).max(500_000, 'النص أطول من المسموح.').default(''),
  section: z.union([
    z.string().trim().min(1, 'القسم مطلوب.').max(200, 'اسم القسم أطول من 200 حرف.'),
    z.object({ slug: z.string().regex(SECTION_SLUG, 'معرّف القسم غير صالح.'), name: z.string().trim().min(1, 'اسم القسم مطلوب.').max(200, 'اسم القسم أطول من 200 حرف.') }),
  ], { error: 'القسم مطلوب: اسم أو { slug, name }.' }),
  tags: z.array(z.string().trim().min(1, 'وسم فارغ.').max(100, 'وسم أطول من 100 حرف.')).max(30, 'الوسوم أكثر من 30.').default([]),
  author: z.string().trim().max(200, 'اسم الكاتب أطول من 200 حرف.').optional(),
  authors: z.array(z.string().trim().min(1, 'اسم كاتب فارغ.').max(200, 'اسم الكاتب أطول من 200 حرف.')).max(20, 'الكتّاب أكثر من 20.').optional(),
  source: z.string().trim().max(300, 'المصدر أطول من 300 حرف.').nullable().default(null),
  type: z.enum(ARTICLE_TYPES, { error: 'نوع المقال غير معروف.' }).default('news'),
  publishedAt: timeSchema,
});
export type ImportLine = z.input<typeof importLineSchema>;

export interface ImportReport {
  readonly lines: number;
  readonly imported: number;
  /** Already imported earlier (same external id): left untouched. */
  readonly skipped: number;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/** A section given by name only gets a stable ASCII slug (site URLs use ASCII section slugs). */
export function sectionSlugFor(name: string): string {
  const lower = name.trim().toLowerCase();
  if (SECTION_SLUG.test(lower)) return lower;
  return `section-${createHash('sha256').update(lower).digest('hex').slice(0, 10)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Body text or HTML → paragraph blocks. HTML keeps only its text: no markup survives an import. */
export function bodyBlocks(body: string): Block[] {
  let text = body;
  if (/<\/?[a-z][^>]*>/i.test(body)) {
    const broken = body.replace(/<\s*(br|\/p|\/h[1-6]|\/li|\/blockquote|\/div|\/tr)\b[^>]*>/gi, '\n');
    text = decodeEntities(sanitizeHtml(broken, { allowedTags: [], allowedAttributes: {} }));
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .slice(0, 2000)
    .map((line) => ({ type: 'paragraph' as const, content: [{ text: line.slice(0, 20_000) }] }));
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'article'}: ${i.message}`).join('; ');
}

type Parsed = z.output<typeof importLineSchema>;

export function createImportService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks; batchSize?: number }) {
  const hooks = deps.hooks ?? noArticleHooks;
  const batchSize = deps.batchSize ?? 200;

  async function write(trx: Tx, a: Parsed): Promise<number | null> {
    const repos = createRepositories(trx);
    const own = createSearchRepository(trx);
    const externalId = String(a.externalId);
    if ((await own.articleByExternalId(externalId)) !== null) return null;
    const now = deps.clock.now();
    const section = typeof a.section === 'string' ? { slug: sectionSlugFor(a.section), name: a.section } : a.section;
    const sectionId = await own.ensureSection(section.slug, section.name, now);
    const publishedAt = typeof a.publishedAt === 'number' ? a.publishedAt : Date.parse(a.publishedAt);
    const id = await repos.articles.insert({
      slug: slugify(a.title) || externalId,
      sectionId,
      type: a.type,
      status: 'published',
      title: a.title,
      lead: a.lead,
      body: bodyBlocks(a.body),
      heroMediaId: null,
      source: a.source,
      commentsMode: 'open',
      publishedAt,
      updatedAt: publishedAt,
      createdAt: publishedAt,
    });
    await own.setExternalId(id, externalId);
    const authorNames = [...new Set([...(a.author ? [a.author] : []), ...(a.authors ?? [])])];
    const authorIds: number[] = [];
    for (const name of authorNames) authorIds.push(await own.ensureAuthor(slugify(name) || createHash('sha256').update(name).digest('hex').slice(0, 12), name, now));
    await repos.articles.setAuthors(id, authorIds);
    const tagIds: number[] = [];
    for (const name of new Set(a.tags)) tagIds.push(await repos.tags.ensure(slugify(name) || name, name));
    await repos.articles.setTags(id, tagIds);
    return id;
  }

  return {
    /**
     * Imports lines (1-based numbers for messages). Valid lines are written in batches, one transaction
     * each; a line that fails validation is reported and never half-written.
     */
    async importLines(lines: AsyncIterable<string> | Iterable<string>, progress: (report: ImportReport) => void = () => {}): Promise<ImportReport> {
      let lineNo = 0;
      let imported = 0;
      let skipped = 0;
      const errors: { line: number; message: string }[] = [];
      let batch: { line: number; article: Parsed }[] = [];
      const report = (): ImportReport => ({ lines: lineNo, imported, skipped, errors });

      const flush = async () => {
        if (batch.length === 0) return;
        const created: number[] = [];
        await deps.db.transaction().execute(async (trx) => {
          for (const { article } of batch) {
            const id = await write(trx, article);
            if (id === null) skipped++;
            else created.push(id);
          }
          // The search index (and any other in-transaction work) for the whole batch at once.
          await runInTransactionMany(hooks, trx, created);
        });
        imported += created.length;
        for (const articleId of created) await runAfterCommit(hooks, { articleId, status: 'published', previousStatus: null, action: 'create' });
        batch = [];
        progress(report());
      };

      for await (const raw of lines) {
        lineNo++;
        const text = raw.trim();
        if (text === '') continue;
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          errors.push({ line: lineNo, message: 'ليس سطر JSON صالحًا.' });
          continue;
        }
        const parsed = importLineSchema.safeParse(json);
        if (!parsed.success) {
          errors.push({ line: lineNo, message: describe(parsed.error) });
          continue;
        }
        batch.push({ line: lineNo, article: parsed.data });
        if (batch.length >= batchSize) await flush();
      }
      await flush();
      return report();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
