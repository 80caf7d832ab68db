// Search over the published archive: keeps the index in step with article writes (a hook inside the
// writing transaction), answers queries (all words first, any word when too few hits), ranks with the
// shared scorer, and cuts highlighted snippets from the original text. Never sees HTTP.
import { z } from 'zod';
import {
  ARTICLE_TYPES,
  InvalidInput,
  articlePath,
  type ArticleType,
  type Block,
} from '../../domain/index.js';
import {
  createRepositories,
  createSearchIndex,
  createSearchRepository,
  type Capabilities,
  type Db,
  type IndexCandidate,
  type IndexDocument,
  type IndexFilters,
  type IndexQuery,
  type IndexStats,
  type IndexTerm,
  type MatchHint,
  type Tx,
} from '../../db/index.js';
import { createArabicAnalyzer, tokenize, type AnalyzerOptions, type ArabicAnalyzer } from '../../text/index.js';
import type { Clock } from '../clock.js';
import { bodyPlainText, buildIndexDocument } from './search-document.js';
import { parseQuery } from './search-query.js';
import { DEFAULT_RANKING, rankCandidates, type RankingOptions } from './search-ranking.js';
import { buildSnippet, highlightAll, type SnippetSegment } from './search-snippet.js';

export const PAGE_SIZE = 10;
/** Candidates re-ranked by the shared scorer; pages past them keep the engine's order. */
export const RERANK_DEPTH = 100;
export const MAX_PAGE = 100;
/** Fewer hits than this with all words, and the query is retried with any word. */
export const MIN_ALL_WORDS_HITS = 3;
/** How long protected names are trusted when another process may be adding tags or authors. */
const CACHE_TTL_MS = 60_000;
/**
 * When widening to any word, words found in more than this share of the archive do not select articles
 * on their own (they still count in the ranking): "any of ten title words" must not mean "everything".
 */
const COMMON_SHARE = 0.1;

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(s: string): number | null {
  if (!DAY.test(s)) return null;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s ? null : t;
}

/** Search parameters as they arrive from a URL: strings, all optional but q. Errors name the field. */
export const searchParamsSchema = z.object({
  q: z.string().max(10_000).default(''),
  section: z.string().regex(SLUG).optional(),
  story: z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]{0,199}$/u).optional(),
  type: z.enum(ARTICLE_TYPES).optional(),
  from: z.string().refine((s) => dayStart(s) !== null).optional(),
  to: z.string().refine((s) => dayStart(s) !== null).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
});
/** What a URL carries: strings, checked by `searchParamsSchema`. */
export interface SearchParams {
  readonly q?: string;
  readonly section?: string;
  readonly story?: string;
  readonly type?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page?: string | number;
}

export interface SearchHit {
  readonly id: number;
  readonly url: string;
  readonly title: string;
  readonly titleSegments: readonly SnippetSegment[];
  readonly snippet: readonly SnippetSegment[];
  readonly score: number;
  readonly publishedAt: number;
  readonly sectionSlug: string;
  readonly sectionName: string;
  readonly type: ArticleType;
}

export interface SearchResult {
  readonly query: string;
  /** 'any' when too few articles had every word and the search was widened. */
  readonly mode: 'all' | 'any';
  readonly total: number;
  readonly page: number;
  readonly pages: number;
  readonly hits: readonly SearchHit[];
  /** The story the search is limited to, when a story filter is set. */
  readonly story?: { readonly id: number; readonly title: string };
}

export interface SearchDeps {
  readonly db: Db;
  readonly caps: Capabilities;
  readonly clock: Clock;
  readonly ranking?: RankingOptions;
  /** Another stemmer in place of light10 (the evaluation's side-by-side comparison only). */
  readonly analyzer?: AnalyzerOptions;
}

/** Field messages are keys: q → empty | tooLong | garbled | onlyExclusions; other fields → their name. */
function invalidParams(issues: readonly { path: readonly PropertyKey[] }[]): InvalidInput {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'q');
    fields[field] ??= field === 'q' ? 'tooLong' : field;
  }
  return new InvalidInput('invalid', fields);
}

/** The text of a body as stored by the publishing service; a body that does not parse has no text. */
function storedBodyText(json: string): string {
  try {
    return bodyPlainText(JSON.parse(json) as Block[]);
  } catch {
    return '';
  }
}

export function createSearchService(deps: SearchDeps) {
  const { db, clock } = deps;
  const ranking = deps.ranking ?? DEFAULT_RANKING;
  const index = createSearchIndex(db, deps.caps);
  const repos = createRepositories(db);

  // The analyzer protects the site's names (tags, stories, authors) from stemming.
  let names: string[] | null = null;
  let analyzer: ArabicAnalyzer | null = null;
  let namesLoadedAt = 0;
  async function currentAnalyzer(executor: Db | Tx): Promise<ArabicAnalyzer> {
    if (analyzer === null || names === null || clock.now() - namesLoadedAt > CACHE_TTL_MS) {
      names = await createSearchRepository(executor).protectedNames();
      analyzer = createArabicAnalyzer(names, deps.analyzer);
      namesLoadedAt = clock.now();
    }
    return analyzer;
  }

  async function analyzerWith(executor: Db | Tx, extra: readonly string[]): Promise<ArabicAnalyzer> {
    const base = await currentAnalyzer(executor);
    const missing = extra.filter((name) => tokenize(name).some((t) => !base.protectedWords.has(t.norm)));
    if (missing.length === 0) return base;
    names = [...(names ?? []), ...missing];
    analyzer = createArabicAnalyzer(names, deps.analyzer);
    return analyzer;
  }

  /** BM25's document frequency of each clause: its stem; a phrase's rarest word; a prefix's stems together. */
  async function frequencies(terms: readonly IndexTerm[], a: ArabicAnalyzer, documents: number): Promise<number[]> {
    const stemsOf = (t: IndexTerm): string[] => (t.kind === 'word' ? [t.stem] : t.kind === 'phrase' ? a.analyze(t.surface.join(' ')).stems : []);
    const counts = await index.termDocuments(terms.flatMap(stemsOf));
    return Promise.all(
      terms.map(async (t) => {
        const df = t.kind === 'prefix' ? await index.prefixDocuments(t.prefix) : Math.min(...stemsOf(t).map((stem) => counts.get(stem) ?? 0));
        return Math.min(Math.max(df, 0), documents);
      }),
    );
  }

  async function resolveFilters(p: z.output<typeof searchParamsSchema>): Promise<{ filters: IndexFilters; story: { id: number; title: string } | null }> {
    const filters: { -readonly [K in keyof IndexFilters]: IndexFilters[K] } = {};
    if (p.section !== undefined) {
      const section = await repos.sections.bySlug(p.section);
      if (!section) throw new InvalidInput('invalid', { section: 'section' });
      filters.sectionId = section.id;
    }
    let story: { id: number; title: string } | null = null;
    if (p.story !== undefined) {
      story = await createSearchRepository(db).storyFilter(p.story);
      if (!story) throw new InvalidInput('invalid', { story: 'story' });
      filters.storyId = story.id;
    }
    if (p.type !== undefined) filters.type = p.type;
    if (p.from !== undefined) filters.from = dayStart(p.from)!;
    if (p.to !== undefined) filters.to = dayStart(p.to)! + 86_400_000;
    if (filters.from !== undefined && filters.to !== undefined && filters.from >= filters.to) {
      throw new InvalidInput('invalid', { to: 'dates' });
    }
    return { filters, story };
  }

  /**
   * Matching ids in the candidate order both engines share: title matches first, then the others, newest
   * first within each. Cheap on both (no engine score is computed) and identical on both, so that the
   * ranking built on the candidates is the same on SQLite and PostgreSQL at any archive size.
   */
  async function orderedIds(query: IndexQuery, limit: number, offset: number, hint: MatchHint): Promise<number[]> {
    const title = await index.matchIds(query, 'title', limit, offset, hint);
    if (title.length === limit) return title;
    const titleTotal = title.length > 0 || offset === 0 ? offset + title.length : await index.count(query, 'title');
    const rest = await index.matchIds(query, 'rest', limit - title.length, Math.max(0, offset - titleTotal), hint);
    return [...title, ...rest];
  }

  /**
   * The ranked hits of one page: the shared scorer orders the first RERANK_DEPTH candidates (a widened
   * query's few articles with every word among them); pages past them keep the candidate order.
   */
  async function rankedPage(query: IndexQuery, allWords: IndexQuery | null, scoring: readonly IndexTerm[], dfs: readonly number[], stats: IndexStats, total: number, page: number) {
    const offset = (page - 1) * PAGE_SIZE;
    if (offset >= total) return [];
    const deep = offset + PAGE_SIZE > RERANK_DEPTH;
    const hint: MatchHint = { matches: total, documents: stats.documents };
    let ids: number[];
    if (deep) ids = await orderedIds(query, PAGE_SIZE, offset, hint);
    else {
      const depth = Math.min(RERANK_DEPTH, total);
      const first = allWords === null ? [] : await index.matchIds(allWords, 'all', MIN_ALL_WORDS_HITS);
      ids = [...new Set([...first, ...(await orderedIds(query, depth, 0, hint))])].slice(0, depth);
    }
    const candidates: IndexCandidate[] = await index.load(ids);
    const ranked = rankCandidates(candidates, scoring, dfs, stats, clock.now(), ranking);
    return deep ? ranked : ranked.slice(offset, offset + PAGE_SIZE);
  }

  async function indexArticles(trx: Db | Tx, articleIds: readonly number[]): Promise<void> {
    const ids = [...new Set(articleIds)];
    if (ids.length === 0) return;
    const r = createSearchRepository(trx);
    const docs: IndexDocument[] = [];
    const remove: number[] = [];
    const sources = new Map((await r.searchSources(ids)).map((s) => [s.id, s]));
    const attached = await r.namesOfArticles(ids);
    const a = await analyzerWith(trx, [...attached.values()].flat());
    for (const id of ids) {
      const source = sources.get(id);
      if (!source || source.status !== 'published') {
        remove.push(id);
        continue;
      }
      docs.push(
        buildIndexDocument(
          {
            id: source.id,
            sectionId: source.section_id,
            type: source.type,
            publishedAt: source.published_at ?? source.updated_at,
            title: source.title,
            lead: source.lead,
            bodyText: storedBodyText(source.body),
          },
          a,
        ),
      );
    }
    await index.update(trx, docs, remove);
  }

  return {
    /** The in-transaction article hook: (re)indexes a published article, drops anything else. */
    async indexArticle(trx: Db | Tx, articleId: number): Promise<void> {
      await indexArticles(trx, [articleId]);
    },

    /** The same for many articles written in one transaction (imports, reindex): a few statements in all. */
    indexArticles: (trx: Db | Tx, articleIds: readonly number[]): Promise<void> => indexArticles(trx, articleIds),

    async search(params: SearchParams): Promise<SearchResult> {
      const parsed = searchParamsSchema.safeParse(params);
      if (!parsed.success) throw invalidParams(parsed.error.issues);
      const p = parsed.data;
      const a = await currentAnalyzer(db);
      const { terms, exclude } = parseQuery(p.q, a);
      const { filters, story } = await resolveFilters(p);

      const stats = await index.stats();
      const dfs = await frequencies(terms, a, stats.documents);
      const allWords: IndexQuery = { mode: 'all', terms, exclude, filters };
      let query = allWords;
      let total = await index.count(query);
      if (total < MIN_ALL_WORDS_HITS && terms.length > 1) {
        const selective = terms.filter((_, i) => dfs[i]! <= COMMON_SHARE * stats.documents);
        const widened: IndexQuery = { ...query, mode: 'any', terms: selective.length > 0 ? selective : terms };
        const widenedTotal = await index.count(widened);
        if (widenedTotal > total) {
          query = widened;
          total = widenedTotal;
        }
      }
      const ranked = await rankedPage(query, query === allWords ? null : allWords, terms, dfs, stats, total, p.page);
      const sources = new Map((await createSearchRepository(db).hitSources(ranked.map((r) => r.candidate.articleId))).map((s) => [s.id, s]));
      const hits: SearchHit[] = [];
      for (const { candidate, score } of ranked) {
        const s = sources.get(candidate.articleId);
        if (!s) continue;
        const text = [s.lead, storedBodyText(s.body)].filter(Boolean).join('\n');
        hits.push({
          id: s.id,
          url: articlePath({ sectionSlug: s.section_slug, id: s.id, slug: s.slug }),
          title: s.title,
          titleSegments: highlightAll(s.title, terms, a),
          snippet: buildSnippet(text, terms, a),
          score: Math.round(score * 10_000) / 10_000,
          publishedAt: s.published_at ?? s.updated_at,
          sectionSlug: s.section_slug,
          sectionName: s.section_name,
          type: s.type,
        });
      }
      return { query: p.q.trim(), mode: query.mode, total, page: p.page, pages: Math.ceil(total / PAGE_SIZE), hits, ...(story ? { story } : {}) };
    },

    /** Rebuilds the whole index from the published articles, in batches of one transaction each. */
    async reindex(progress: (done: number, total: number) => void = () => {}): Promise<number> {
      const r = createSearchRepository(db);
      const total = await r.countPublished();
      names = null;
      await index.clear(db);
      let done = 0;
      let after = 0;
      for (;;) {
        const ids = await r.publishedIdsAfter(after, 500);
        if (ids.length === 0) break;
        await db.transaction().execute((trx) => indexArticles(trx, ids));
        done += ids.length;
        after = ids[ids.length - 1]!;
        progress(done, total);
      }
      return done;
    },

    /** Bytes the index occupies (benchmarks and the reindex report). */
    storageBytes: () => index.storageBytes(),
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
