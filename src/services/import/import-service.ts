// Imports an archive, one JSON article per line: validates each line (errors name the line), creates the
// sections, tags and authors it does not know, keeps the external id, and skips articles already
// imported — so importing a file twice changes nothing. Writes go through the article hooks (search index).
// Must not know files, terminals or progress bars: the CLI feeds lines and shows progress.
import { createHash } from 'node:crypto';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import { ARTICLE_TYPES, type Block } from '../../domain/index.js';
import { createRepositories, createSearchRepository, type Db, type ImportedArticle, type Tx } from '../../db/index.js';
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
/** Section, author and tag ids by slug, found or created earlier in the same file. */
interface Known {
  readonly sections: Map<string, number>;
  readonly authors: Map<string, number>;
  readonly tags: Map<string, number>;
}

export function createImportService(deps: { db: Db; clock: Clock; hooks?: ArticleHooks; batchSize?: number }) {
  const hooks = deps.hooks ?? noArticleHooks;
  const batchSize = deps.batchSize ?? 200;

  /**
   * Writes one batch in its transaction with a few statements whatever its size (round trips, not rows,
   * are what an import over a network database pays for): the external ids already imported, then
   * sections, authors and tags (found or created, remembered for the rest of the file once committed),
   * the article rows, their links, and the in-transaction hooks (search index) for the whole batch.
   */
  async function writeBatch(trx: Tx, articles: readonly Parsed[], known: Known): Promise<{ created: number[]; skipped: number; learned: Known }> {
    const repos = createRepositories(trx);
    const own = createSearchRepository(trx);
    const learned: Known = { sections: new Map(), authors: new Map(), tags: new Map() };
    const now = deps.clock.now();
    const seen = await own.importedExternalIds(articles.map((a) => String(a.externalId)));
    const lookup = async (kind: keyof Known, key: string, create: () => Promise<number>): Promise<number> => {
      const id = known[kind].get(key) ?? learned[kind].get(key) ?? (await create());
      if (!known[kind].has(key)) learned[kind].set(key, id);
      return id;
    };
    const rows: ImportedArticle[] = [];
    let skipped = 0;
    for (const a of articles) {
      const externalId = String(a.externalId);
      if (seen.has(externalId)) {
        skipped++;
        continue;
      }
      seen.add(externalId);
      const section = typeof a.section === 'string' ? { slug: sectionSlugFor(a.section), name: a.section } : a.section;
      const sectionId = await lookup('sections', section.slug, () => own.ensureSection(section.slug, section.name, now));
      const authorIds: number[] = [];
      for (const name of new Set([...(a.author ? [a.author] : []), ...(a.authors ?? [])])) {
        const slug = slugify(name) || createHash('sha256').update(name).digest('hex').slice(0, 12);
        const id = await lookup('authors', slug, () => own.ensureAuthor(slug, name, now));
        if (!authorIds.includes(id)) authorIds.push(id);
      }
      const tagIds: number[] = [];
      for (const name of new Set(a.tags)) {
        const slug = slugify(name) || name;
        const id = await lookup('tags', slug, () => repos.tags.ensure(slug, name));
        if (!tagIds.includes(id)) tagIds.push(id);
      }
      rows.push({
        externalId,
        slug: slugify(a.title) || externalId,
        sectionId,
        type: a.type,
        title: a.title,
        lead: a.lead,
        body: bodyBlocks(a.body),
        source: a.source,
        publishedAt: typeof a.publishedAt === 'number' ? a.publishedAt : Date.parse(a.publishedAt),
        authorIds,
        tagIds,
      });
    }
    const created = await own.insertImported(rows);
    // The search index (and any other in-transaction work) for the whole batch at once.
    await runInTransactionMany(hooks, trx, created);
    return { created, skipped, learned };
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

      const known: Known = { sections: new Map(), authors: new Map(), tags: new Map() };
      const flush = async () => {
        if (batch.length === 0) return;
        const articles = batch.map((b) => b.article);
        const done = await deps.db.transaction().execute((trx) => writeBatch(trx, articles, known));
        for (const kind of ['sections', 'authors', 'tags'] as const) for (const [k, v] of done.learned[kind]) known[kind].set(k, v);
        imported += done.created.length;
        skipped += done.skipped;
        for (const articleId of done.created) await runAfterCommit(hooks, { articleId, status: 'published', previousStatus: null, action: 'create' });
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
