// The SQL both search-index implementations share: the search_documents rows, filters, statistics.
// Must not know the full-text engine: each dialect adds its own match expression around these.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../database.js';
import type { IndexCandidate, IndexDocument, IndexFilters, IndexStats, MatchHint } from './search-types.js';

/**
 * Body tokens kept in the stored strings the shared ranking reads (the full-text index holds them all).
 * Reading long Arabic bodies back into JavaScript is most of a query's cost; news puts its substance first.
 */
export const RANKED_BODY_TOKENS = 400;

export function documentRow(doc: IndexDocument) {
  const bodySurface = doc.body.surface.slice(0, RANKED_BODY_TOKENS);
  const bodyStems = doc.body.stems.slice(0, RANKED_BODY_TOKENS);
  return {
    article_id: doc.articleId,
    section_id: doc.sectionId,
    type: doc.type,
    published_at: doc.publishedAt,
    title_surface: doc.title.surface.join(' '),
    title_stem: doc.title.stems.join(' '),
    lead_surface: doc.lead.surface.join(' '),
    lead_stem: doc.lead.stems.join(' '),
    body_surface: bodySurface.join(' '),
    body_stem: bodyStems.join(' '),
    title_length: doc.title.surface.length,
    lead_length: doc.lead.surface.length,
    body_length: bodySurface.length,
  };
}

export interface CandidateRow {
  article_id: number;
  published_at: number;
  title_surface: string;
  title_stem: string;
  lead_surface: string;
  lead_stem: string;
  body_surface: string;
  body_stem: string;
  title_length: number;
  lead_length: number;
  body_length: number;
}

export function candidateFromRow(r: CandidateRow): IndexCandidate {
  return {
    articleId: r.article_id,
    publishedAt: Number(r.published_at),
    titleSurface: r.title_surface,
    titleStem: r.title_stem,
    leadSurface: r.lead_surface,
    leadStem: r.lead_stem,
    bodySurface: r.body_surface,
    bodyStem: r.body_stem,
    titleLength: r.title_length,
    leadLength: r.lead_length,
    bodyLength: r.body_length,
  };
}

/** The filters (section, story, type, date range) as SQL conditions over `search_documents as d`. */
export function filterConditions(f: IndexFilters): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (f.sectionId !== undefined) out.push(sql`d.section_id = ${f.sectionId}`);
  if (f.type !== undefined) out.push(sql`d.type = ${f.type}`);
  if (f.from !== undefined) out.push(sql`d.published_at >= ${f.from}`);
  if (f.to !== undefined) out.push(sql`d.published_at < ${f.to}`);
  if (f.storyId !== undefined) {
    out.push(sql`exists (select 1 from story_articles sa where sa.article_id = d.article_id and sa.story_id = ${f.storyId})`);
  }
  return out;
}

/** `and c1 and c2 …`, or nothing. */
export function andAll(conditions: readonly RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`` : sql` and ${sql.join(conditions, sql` and `)}`;
}

/** A window never spans more than this share of the archive: past it, every match is ordered at once. */
export const MAX_WINDOW_SHARE = 0.25;
/** How much a window grows when it held too few matches. */
const WINDOW_GROWTH = 8;

/**
 * The `n`-th newest document's published_at within the filters' date range (the published_at index,
 * walked backwards), or null when the range holds fewer than `n` documents.
 */
async function nthNewest(db: Db, n: number, f: IndexFilters): Promise<number | null> {
  const r = await sql<{ published_at: number }>`select d.published_at from search_documents d
    where true${andAll(filterConditions({ from: f.from, to: f.to }))}
    order by d.published_at desc, d.article_id desc limit 1 offset ${n - 1}`.execute(db);
  const row = r.rows[0];
  return row === undefined ? null : Number(row.published_at);
}

/**
 * Matching ids newest first, `offset` … `offset + limit`, without ordering every match when a hint says the
 * query is frequent. `run(since)` answers the same page among the documents published at or after
 * `since` (null: all of them). The first window is the newest documents that should hold twice the page's
 * need at the query's density; it grows while it holds too few matches, and past MAX_WINDOW_SHARE of the
 * archive everything is asked. A full page from a window is the exact answer: every document outside the
 * window is older than every document in it, so the order both engines share is kept.
 */
export async function newestMatches(
  db: Db,
  filters: IndexFilters,
  limit: number,
  offset: number,
  hint: MatchHint | undefined,
  run: (since: number | null) => Promise<number[]>,
): Promise<number[]> {
  if (limit <= 0) return [];
  if (hint !== undefined && hint.matches > 0) {
    const need = offset + limit;
    for (let window = Math.ceil((2 * need * hint.documents) / hint.matches) + need; window <= hint.documents * MAX_WINDOW_SHARE; window *= WINDOW_GROWTH) {
      const since = await nthNewest(db, window, filters);
      if (since === null) break;
      const ids = await run(since);
      if (ids.length === limit) return ids;
    }
  }
  return run(null);
}

export const CANDIDATE_SELECT = sql.raw(
  'd.article_id, d.published_at, d.title_surface, d.title_stem, d.lead_surface, d.lead_stem, d.body_surface, d.body_stem, d.title_length, d.lead_length, d.body_length',
);

/**
 * The stored strings of the given documents, in the given order. Ranking queries select ids only and
 * fetch the (long) strings here afterwards: sorting rows that carry whole bodies costs more than the search.
 */
export async function loadCandidates(db: Db, ids: readonly number[]): Promise<IndexCandidate[]> {
  if (ids.length === 0) return [];
  const r = await sql<CandidateRow>`select ${CANDIDATE_SELECT} from search_documents d where d.article_id in (${sql.join(ids)})`.execute(db);
  const byId = new Map(r.rows.map((row) => [row.article_id, candidateFromRow(row)]));
  return ids.map((id) => byId.get(id)).filter((c): c is IndexCandidate => c !== undefined);
}

/** Ids per statement when a batch names its documents (well under both databases' parameter limits). */
export const ID_CHUNK = 500;
/** Document rows per multi-row insert (14 parameters each). */
export const ROW_CHUNK = 100;

export async function deleteDocuments(trx: Db | Tx, articleIds: readonly number[]): Promise<void> {
  for (let i = 0; i < articleIds.length; i += ID_CHUNK) {
    await trx.deleteFrom('search_documents').where('article_id', 'in', articleIds.slice(i, i + ID_CHUNK)).execute();
  }
}

function distinctStems(...fields: string[]): Set<string> {
  const out = new Set<string>();
  for (const f of fields) for (const t of f.split(' ')) if (t) out.add(t);
  return out;
}

/** Terms per statement when adjusting counts (they travel as one JSON or array parameter). */
const TERM_CHUNK = 5000;

// Reserved rows of search_terms (a stem never holds a space): the document count and the token totals.
const DOCUMENTS = ' documents';
const TITLE_TOKENS = ' title';
const LEAD_TOKENS = ' lead';
const BODY_TOKENS = ' body';

/** Applies term deltas in one statement. Terms arrive sorted, so that concurrent writers lock rows in the same order. */
export type UpsertTermDeltas = (trx: Db | Tx, terms: readonly string[], deltas: readonly number[]) => Promise<void>;

/**
 * Keeps search_terms in step with many documents written in one transaction: reads the versions they
 * replace (or that `remove` drops), adds up every stem's change over the whole batch and applies it in one
 * upsert per chunk. One statement per batch, not per document: a stem as common as في would otherwise be
 * updated once per article, and PostgreSQL walks every earlier version of the row made in the transaction.
 */
export async function replaceTerms(
  trx: Db | Tx,
  next: readonly IndexDocument[],
  remove: readonly number[],
  upsert: UpsertTermDeltas,
): Promise<void> {
  const ids = [...new Set([...next.map((d) => d.articleId), ...remove])];
  const delta = new Map<string, number>();
  const add = (term: string, d: number) => delta.set(term, (delta.get(term) ?? 0) + d);
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const olds = await trx
      .selectFrom('search_documents')
      .select(['title_stem', 'lead_stem', 'body_stem', 'title_length', 'lead_length', 'body_length'])
      .where('article_id', 'in', ids.slice(i, i + ID_CHUNK))
      .execute();
    for (const old of olds) {
      for (const t of distinctStems(old.title_stem, old.lead_stem, old.body_stem)) add(t, -1);
      add(DOCUMENTS, -1);
      add(TITLE_TOKENS, -old.title_length);
      add(LEAD_TOKENS, -old.lead_length);
      add(BODY_TOKENS, -old.body_length);
    }
  }
  // Counted over what the ranking reads: title, lead and the first RANKED_BODY_TOKENS of the body.
  for (const doc of next) {
    const row = documentRow(doc);
    for (const t of distinctStems(row.title_stem, row.lead_stem, row.body_stem)) add(t, 1);
    add(DOCUMENTS, 1);
    add(TITLE_TOKENS, row.title_length);
    add(LEAD_TOKENS, row.lead_length);
    add(BODY_TOKENS, row.body_length);
  }
  const rows = [...delta].filter(([, d]) => d !== 0).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
  for (let i = 0; i < rows.length; i += TERM_CHUNK) {
    const chunk = rows.slice(i, i + TERM_CHUNK);
    await upsert(
      trx,
      chunk.map(([term]) => term),
      chunk.map(([, d]) => d),
    );
  }
}

/** Document count and token totals, from the reserved rows of search_terms: one indexed read. */
export async function readStats(db: Db): Promise<IndexStats> {
  const m = await termDocuments(db, [DOCUMENTS, TITLE_TOKENS, LEAD_TOKENS, BODY_TOKENS]);
  return {
    documents: m.get(DOCUMENTS) ?? 0,
    titleTokens: m.get(TITLE_TOKENS) ?? 0,
    leadTokens: m.get(LEAD_TOKENS) ?? 0,
    bodyTokens: m.get(BODY_TOKENS) ?? 0,
  };
}

export async function termDocuments(db: Db, terms: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (terms.length === 0) return out;
  const rows = await db.selectFrom('search_terms').select(['term', 'documents']).where('term', 'in', [...new Set(terms)]).execute();
  for (const r of rows) out.set(r.term, Number(r.documents));
  return out;
}

/** Documents counted over every stem starting with `prefix` (an upper bound: a document may hold several). */
export async function prefixDocuments(db: Db, prefix: string): Promise<number> {
  if (prefix === '') return 0;
  const r = await db
    .selectFrom('search_terms')
    .select(sql<number>`coalesce(sum(documents), 0)`.as('n'))
    .where('term', '>=', prefix)
    .where('term', '<', `${prefix}\uffff`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
