// The search index on SQLite: an FTS5 table (unicode61, contentless) over the analyzed token strings of
// search_documents, with one column per field and form; bm25 with field weights gives the first ranking.
// Must not know how text is analyzed or how the service re-ranks candidates.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../database.js';
import {
  andAll,
  deleteDocument,
  documentRow,
  filterConditions,
  loadCandidates,
  prefixDocuments,
  readStats,
  replaceTerms,
  termDocuments,
  type UpsertTermDeltas,
} from '../../search/search-documents.js';
import type { IndexQuery, IndexTerm, SearchIndex } from '../../search/search-types.js';

const SURFACE = '{s_title s_lead s_body}';
const STEM = '{t_title t_lead t_body}';
const ALL = '{s_title t_title s_lead t_lead s_body t_body}';
// bm25 weights in column order s_title, t_title, s_lead, t_lead, s_body, t_body: title above lead above
// body, the exact form above the stem.
const BM25 = sql.raw('bm25(search_fts, 6.0, 4.0, 3.0, 2.0, 1.5, 1.0)');

function quoted(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

/** One term as an FTS5 query expression. */
export function ftsTerm(term: IndexTerm): string {
  switch (term.kind) {
    case 'word':
      return term.stem === term.surface
        ? `${ALL} : ${quoted(term.stem)}`
        : `(${STEM} : ${quoted(term.stem)} OR ${SURFACE} : ${quoted(term.surface)})`;
    case 'phrase':
      return `${SURFACE} : ${quoted(term.surface.join(' '))}`;
    case 'prefix':
      return `${ALL} : ${quoted(term.prefix)} *`;
  }
}

/** The whole query as an FTS5 MATCH string: positive terms joined by AND or OR, then NOT the excluded. */
export function ftsQuery(q: IndexQuery): string {
  const positive = q.terms.map(ftsTerm).join(q.mode === 'all' ? ' AND ' : ' OR ');
  if (q.exclude.length === 0) return positive;
  return `(${positive}) NOT (${q.exclude.map(ftsTerm).join(' OR ')})`;
}

/** One statement for all of a document's term deltas: the pairs travel as a single JSON parameter. */
const upsertTerms: UpsertTermDeltas = async (trx, terms, deltas) => {
  const pairs = JSON.stringify(terms.map((t, i) => [t, deltas[i]]));
  await sql`insert into search_terms (term, documents)
    select value ->> 0, value ->> 1 from json_each(${pairs}) where true
    on conflict (term) do update set documents = search_terms.documents + excluded.documents`.execute(trx);
};

export function createSqliteSearchIndex(db: Db): SearchIndex {
  const from = (match: string, extra: RawBuilder<unknown>) =>
    sql`from search_fts f join search_documents d on d.article_id = f.rowid where search_fts match ${match}${extra}`;

  return {
    async write(trx: Db | Tx, doc) {
      const row = documentRow(doc);
      await replaceTerms(trx, doc.articleId, doc, upsertTerms);
      await sql`delete from search_fts where rowid = ${doc.articleId}`.execute(trx);
      await trx
        .insertInto('search_documents')
        .values(row)
        .onConflict((oc) => oc.column('article_id').doUpdateSet(row))
        .execute();
      await sql`insert into search_fts (rowid, s_title, t_title, s_lead, t_lead, s_body, t_body)
        values (${doc.articleId}, ${row.title_surface}, ${row.title_stem}, ${row.lead_surface}, ${row.lead_stem},
          ${doc.body.surface.join(' ')}, ${doc.body.stems.join(' ')})`.execute(trx);
    },

    async remove(trx: Db | Tx, articleId) {
      await replaceTerms(trx, articleId, null, upsertTerms);
      await sql`delete from search_fts where rowid = ${articleId}`.execute(trx);
      await deleteDocument(trx, articleId);
    },

    async clear(trx: Db | Tx) {
      await trx.deleteFrom('search_terms').execute();
      await sql`delete from search_fts`.execute(trx);
      await trx.deleteFrom('search_documents').execute();
    },

    async count(q) {
      const r = await sql<{ n: number }>`select count(*) as n ${from(ftsQuery(q), andAll(filterConditions(q.filters)))}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },

    async candidates(q, limit, offset = 0) {
      const r = await sql<{ article_id: number }>`select d.article_id ${from(ftsQuery(q), andAll(filterConditions(q.filters)))}
        order by ${BM25}, d.published_at desc, d.article_id desc limit ${limit} offset ${offset}`.execute(db);
      return loadCandidates(db, r.rows.map((row) => row.article_id));
    },

    termDocuments: (stems) => termDocuments(db, stems),
    prefixDocuments: (prefix) => prefixDocuments(db, prefix),

    stats: () => readStats(db),

    async storageBytes() {
      const r = await sql<{ n: number }>`select coalesce(sum(pgsize), 0) as n from dbstat
        where name like 'search_fts%' or name = 'search_documents' or name like 'sqlite_autoindex_search_documents%' or name = 'search_documents_published'`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}
