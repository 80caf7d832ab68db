// The newsroom's article list: every status, filtered by status, section, author, story and a headline
// search, newest edit first with keyset pages — and narrowed in SQL by the access matrix (a section
// editor sees their sections, a writer their own articles). Must not know HTTP or how the list is shown.
import { sql } from 'kysely';
import { z } from 'zod';
import { ARTICLE_STATUSES, Forbidden, InvalidInput, MAX_ID, decide, type Actor, type ArticleStatus } from '../../domain/index.js';
import type { Db } from '../../db/index.js';

export interface NewsroomArticleRow {
  readonly id: number;
  readonly title: string;
  readonly status: ArticleStatus;
  readonly sectionId: number;
  readonly sectionName: string;
  readonly authorNames: readonly string[];
  readonly createdByName: string | null;
  readonly updatedAt: number;
  readonly publishedAt: number | null;
}

export interface NewsroomArticlePage {
  readonly rows: readonly NewsroomArticleRow[];
  /** Total matching the filters (within the actor's reach). */
  readonly total: number;
  /** Opaque cursor of the next (older) page, or null on the last one. */
  readonly next: string | null;
}

export interface FilterOption {
  readonly id: number;
  readonly name: string;
}

export interface NewsroomFilterOptions {
  readonly sections: readonly FilterOption[];
  readonly authors: readonly FilterOption[];
  readonly stories: readonly FilterOption[];
}

const optionalId = z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : Number(v)), z.number().int().positive().max(MAX_ID).optional());

export const articleListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ARTICLE_STATUSES).optional()),
  section: optionalId,
  author: optionalId,
  story: optionalId,
  after: z.string().max(100).optional().transform((v) => (v ? v : undefined)),
  limit: z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().min(1).max(100).default(25)),
});
export type ArticleListQuery = z.input<typeof articleListQuerySchema>;
export type ArticleListFilters = z.output<typeof articleListQuerySchema>;

function encodeCursor(updatedAt: number, id: number): string {
  return Buffer.from(`${updatedAt}.${id}`).toString('base64url');
}

function decodeCursor(s: string): { updatedAt: number; id: number } {
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(s, 'base64url').toString('utf8'));
  if (!m) throw new InvalidInput('مؤشر الصفحة غير صالح.', { after: 'مؤشر الصفحة غير صالح.' });
  return { updatedAt: Number(m[1]), id: Number(m[2]) };
}

export function parseArticleListQuery(input: unknown): ArticleListFilters {
  const r = articleListQuerySchema.safeParse(input ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'q')] ??= 'قيمة غير صالحة.';
  throw new InvalidInput('معايير التصفية غير صالحة.', fields);
}

export function createArticleListService(deps: { db: Db }) {
  const { db } = deps;
  return {
    async list(actor: Actor, input: ArticleListQuery): Promise<NewsroomArticlePage> {
      const f = parseArticleListQuery(input);
      const decision = decide(actor, 'article.read');
      if (decision.kind === 'deny') throw new Forbidden('article.read');

      let base = db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id');
      if (decision.kind === 'filter') {
        if (decision.sectionIds) base = base.where('a.section_id', 'in', decision.sectionIds.length ? [...decision.sectionIds] : [-1]);
        if (decision.createdBy !== undefined) base = base.where('a.created_by', '=', decision.createdBy);
      }
      if (f.status) base = base.where('a.status', '=', f.status);
      if (f.section) base = base.where('a.section_id', '=', f.section);
      if (f.author) {
        const author = f.author;
        base = base.where((eb) =>
          eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', author)),
        );
      }
      if (f.story) {
        const story = f.story;
        base = base.where((eb) =>
          eb.exists(eb.selectFrom('story_articles as sa').select('sa.article_id').whereRef('sa.article_id', '=', 'a.id').where('sa.story_id', '=', story)),
        );
      }
      if (f.q) {
        const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where(sql<boolean>`${sql.ref('a.title')} like ${pattern} escape '\\'`);
      }

      const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      let page = base
        .leftJoin('users as u', 'u.id', 'a.created_by')
        .select(['a.id', 'a.title', 'a.status', 'a.section_id', 's.name as section_name', 'u.display_name as created_by_name', 'a.updated_at', 'a.published_at'])
        .orderBy('a.updated_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(f.limit + 1);
      if (f.after) {
        const c = decodeCursor(f.after);
        page = page.where((eb) => eb.or([eb('a.updated_at', '<', c.updatedAt), eb.and([eb('a.updated_at', '=', c.updatedAt), eb('a.id', '<', c.id)])]));
      }
      const rows = await page.execute();
      const more = rows.length > f.limit;
      const shown = rows.slice(0, f.limit);
      const ids = shown.map((r) => r.id);
      const authorRows = ids.length
        ? await db
            .selectFrom('article_authors as aa')
            .innerJoin('authors as au', 'au.id', 'aa.author_id')
            .select(['aa.article_id', 'au.name'])
            .where('aa.article_id', 'in', ids)
            .orderBy('aa.position')
            .execute()
        : [];
      const names = new Map<number, string[]>();
      for (const r of authorRows) names.set(r.article_id, [...(names.get(r.article_id) ?? []), r.name]);
      const last = shown[shown.length - 1];
      return {
        total: Number(totalRow.n),
        next: more && last ? encodeCursor(Number(last.updated_at), last.id) : null,
        rows: shown.map((r) => ({
          id: r.id,
          title: r.title,
          status: r.status,
          sectionId: r.section_id,
          sectionName: r.section_name,
          authorNames: names.get(r.id) ?? [],
          createdByName: r.created_by_name,
          updatedAt: Number(r.updated_at),
          publishedAt: r.published_at === null ? null : Number(r.published_at),
        })),
      };
    },

    /** The choices of the list's filters. */
    async filterOptions(): Promise<NewsroomFilterOptions> {
      const [sections, authors, stories] = await Promise.all([
        db.selectFrom('sections').select(['id', 'name']).orderBy('position').orderBy('id').execute(),
        db.selectFrom('authors').select(['id', 'name']).orderBy('name').execute(),
        db.selectFrom('stories').select(['id', 'title as name']).orderBy('created_at', 'desc').limit(200).execute(),
      ]);
      return { sections, authors, stories };
    },
  };
}

export type ArticleListService = ReturnType<typeof createArticleListService>;
