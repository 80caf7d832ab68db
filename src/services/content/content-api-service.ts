// Published content for the public JSON API: articles (keyset pages, filtered by section, story or
// author), one article, sections, stories and authors. Only published articles are ever returned; a
// withdrawn one is Gone. Must not know HTTP, JSON shapes or URLs' hosts.
import { z } from 'zod';
import { Gone, InvalidInput, NotFound, type Article, type ArticleSummary, type Author, type Section } from '../../domain/index.js';
import { createRepositories, type Db } from '../../db/index.js';

export const API_PAGE_MAX = 100;

export interface ContentPage<T> {
  readonly items: readonly T[];
  /** Opaque cursor of the next page, or null on the last one. */
  readonly next: string | null;
}

export interface ApiStory {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly status: 'active' | 'archived';
  readonly featured: boolean;
  readonly articleCount: number;
  readonly createdAt: number;
}

const limit = z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().min(1, 'limit بين 1 و100.').max(API_PAGE_MAX, 'limit بين 1 و100.').default(20));
const slug = z.string().trim().min(1).max(200).optional();
const cursor = z.string().max(100).optional();

export const articleQuerySchema = z.object({ limit, cursor, section: slug, story: slug, author: slug });
export const pageQuerySchema = z.object({ limit, cursor });
export type ArticleQuery = z.input<typeof articleQuerySchema>;
export type PageQuery = z.input<typeof pageQuerySchema>;

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'query')] ??= issue.message;
  throw new InvalidInput('معايير الطلب غير صالحة.', fields);
}

function encode(...parts: number[]): string {
  return Buffer.from(parts.join('.')).toString('base64url');
}

function decode(s: string, n: number): number[] {
  const parts = Buffer.from(s, 'base64url').toString('utf8').split('.');
  if (parts.length !== n || parts.some((p) => !/^\d{1,15}$/.test(p))) throw new InvalidInput('مؤشر الصفحة غير صالح.', { cursor: 'مؤشر الصفحة غير صالح.' });
  return parts.map(Number);
}

export function createContentApiService(deps: { db: Db }) {
  const { db } = deps;
  const repos = createRepositories(db);
  return {
    async articles(input: ArticleQuery): Promise<ContentPage<ArticleSummary>> {
      const q = parse(articleQuerySchema, input);
      const before = q.cursor ? decode(q.cursor, 2) : null;
      let sectionIds: number[] | undefined;
      let storyId: number | undefined;
      let authorId: number | undefined;
      if (q.section) {
        const s = await repos.sections.bySlug(q.section);
        if (!s) return { items: [], next: null };
        // A parent section's list includes its subsections, as on the site.
        const all = await repos.sections.listAll();
        sectionIds = [s.id, ...all.filter((c) => c.parentId === s.id).map((c) => c.id)];
      }
      if (q.story) {
        const s = await repos.stories.bySlug(q.story);
        if (!s) return { items: [], next: null };
        storyId = s.id;
      }
      if (q.author) {
        const a = await repos.authors.bySlug(q.author);
        if (!a) return { items: [], next: null };
        authorId = a.id;
      }
      const rows = await repos.reader.listArticles({
        limit: q.limit + 1,
        ...(before ? { before: { publishedAt: before[0]!, id: before[1]! } } : {}),
        ...(sectionIds ? { sectionIds } : {}),
        ...(storyId !== undefined ? { storyId } : {}),
        ...(authorId !== undefined ? { authorId } : {}),
      });
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return { items, next: rows.length > q.limit && last ? encode(last.publishedAt, last.id) : null };
    },

    async article(id: number): Promise<Article> {
      const a = Number.isSafeInteger(id) && id > 0 ? await repos.articles.load(id) : null;
      if (!a || (a.status !== 'published' && a.status !== 'unpublished')) throw new NotFound(`article ${id}`);
      if (a.status === 'unpublished') throw new Gone(`article ${id}`);
      return a;
    },

    async sections(): Promise<Section[]> {
      return repos.sections.listAll();
    },

    async stories(input: PageQuery): Promise<ContentPage<ApiStory>> {
      const q = parse(pageQuerySchema, input);
      const before = q.cursor ? decode(q.cursor, 1)[0]! : null;
      let query = db
        .selectFrom('stories as st')
        // The count of published articles is kept by triggers (migration 0010), not counted from the links.
        .select(['st.id', 'st.slug', 'st.title', 'st.description', 'st.status', 'st.featured', 'st.created_at', 'st.published_articles as article_count'])
        .orderBy('st.id', 'desc')
        .limit(q.limit + 1);
      if (before !== null) query = query.where('st.id', '<', before);
      const rows = await query.execute();
      const items = rows.slice(0, q.limit).map((r) => ({
        id: r.id,
        slug: r.slug,
        title: r.title,
        description: r.description,
        status: r.status,
        featured: r.featured === 1,
        articleCount: Number(r.article_count ?? 0),
        createdAt: Number(r.created_at),
      }));
      const last = items[items.length - 1];
      return { items, next: rows.length > q.limit && last ? encode(last.id) : null };
    },

    async authors(input: PageQuery): Promise<ContentPage<Author>> {
      const q = parse(pageQuerySchema, input);
      const after = q.cursor ? decode(q.cursor, 1)[0]! : null;
      let query = db.selectFrom('authors').select(['id', 'slug', 'name', 'bio', 'kind']).orderBy('id').limit(q.limit + 1);
      if (after !== null) query = query.where('id', '>', after);
      const rows = await query.execute();
      const items = rows.slice(0, q.limit);
      const last = items[items.length - 1];
      return { items, next: rows.length > q.limit && last ? encode(last.id) : null };
    },
  };
}

export type ContentApiService = ReturnType<typeof createContentApiService>;
