// The SQL both search-index implementations share: the search_documents rows, filters, statistics.
// Must not know the full-text engine: each dialect adds its own match expression around these.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../database.js';
import type { IndexCandidate, IndexDocument, IndexFilters, IndexStats } from './search-index.js';

export function documentRow(doc: IndexDocument) {
  return {
    article_id: doc.articleId,
    section_id: doc.sectionId,
    type: doc.type,
    published_at: doc.publishedAt,
    title_surface: doc.title.surface.join(' '),
    title_stem: doc.title.stems.join(' '),
    lead_surface: doc.lead.surface.join(' '),
    lead_stem: doc.lead.stems.join(' '),
    body_surface: doc.body.surface.join(' '),
    body_stem: doc.body.stems.join(' '),
    title_length: doc.title.surface.length,
    lead_length: doc.lead.surface.length,
    body_length: doc.body.surface.length,
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

export const CANDIDATE_SELECT = sql.raw(
  'd.article_id, d.published_at, d.title_surface, d.title_stem, d.lead_surface, d.lead_stem, d.body_surface, d.body_stem, d.title_length, d.lead_length, d.body_length',
);

export async function readStats(db: Db): Promise<IndexStats> {
  // Sums of integers are exact on both dialects, so averages computed from them agree to the last bit.
  const r = await db
    .selectFrom('search_documents')
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`coalesce(sum(title_length), 0)`.as('t'),
      sql<number>`coalesce(sum(lead_length), 0)`.as('l'),
      sql<number>`coalesce(sum(body_length), 0)`.as('b'),
    ])
    .executeTakeFirstOrThrow();
  return { documents: Number(r.n), titleTokens: Number(r.t), leadTokens: Number(r.l), bodyTokens: Number(r.b) };
}

export async function deleteDocument(trx: Db | Tx, articleId: number): Promise<void> {
  await trx.deleteFrom('search_documents').where('article_id', '=', articleId).execute();
}
