// The search index on SQLite: an FTS5 table (unicode61, contentless) over the analyzed token strings of
// search_documents, with one column per field and form (the title's columns answer the title scope).
// Must not know how text is analyzed or how the service re-ranks candidates.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../database.js';
import {
  andAll,
  deleteDocuments,
  ID_CHUNK,
  ROW_CHUNK,
  documentRow,
  filterConditions,
  loadCandidates,
  newestMatches,
  prefixDocuments,
  readStats,
  replaceTerms,
  termDocuments,
  type UpsertTermDeltas,
} from '../../search/search-documents.js';
import type { IndexQuery, IndexTerm, MatchScope, SearchIndex } from '../../search/search-types.js';

const SURFACE = '{s_title s_lead s_body}';
const STEM = '{t_title t_lead t_body}';
const ALL = '{s_title t_title s_lead t_lead s_body t_body}';

function quoted(token: string): string {
  return `"${token.replaceAll('"', '""')}"`;
}

const TITLE_SURFACE = '{s_title}';
const TITLE_STEM = '{t_title}';
const TITLE = '{s_title t_title}';

/** One term as an FTS5 query expression, over every field or the title's only. */
export function ftsTerm(term: IndexTerm, titleOnly = false): string {
  const [surface, stem, all] = titleOnly ? [TITLE_SURFACE, TITLE_STEM, TITLE] : [SURFACE, STEM, ALL];
  switch (term.kind) {
    case 'word':
      return term.stem === term.surface
        ? `${all} : ${quoted(term.stem)}`
        : `(${stem} : ${quoted(term.stem)} OR ${surface} : ${quoted(term.surface)})`;
    case 'phrase':
      return `${surface} : ${quoted(term.surface.join(' '))}`;
    case 'prefix':
      return `${all} : ${quoted(term.prefix)} *`;
  }
}

/** The whole query as an FTS5 MATCH string: positive terms joined by AND or OR, then NOT the excluded. */
export function ftsQuery(q: IndexQuery, scope: MatchScope = 'all'): string {
  const join = q.mode === 'all' ? ' AND ' : ' OR ';
  const anywhere = q.terms.map((t) => ftsTerm(t)).join(join);
  const inTitle = q.terms.map((t) => ftsTerm(t, true)).join(join);
  const positive = scope === 'all' ? anywhere : scope === 'title' ? inTitle : `(${anywhere}) NOT (${inTitle})`;
  if (q.exclude.length === 0) return positive;
  return `(${positive}) NOT (${q.exclude.map((t) => ftsTerm(t)).join(' OR ')})`;
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
    async update(trx: Db | Tx, docs, remove) {
      const ids = [...new Set([...docs.map((d) => d.articleId), ...remove])];
      if (ids.length === 0) return;
      await replaceTerms(trx, docs, remove, upsertTerms);
      for (let i = 0; i < ids.length; i += ID_CHUNK) {
        await sql`delete from search_fts where rowid in (${sql.join(ids.slice(i, i + ID_CHUNK))})`.execute(trx);
      }
      await deleteDocuments(trx, ids);
      for (let i = 0; i < docs.length; i += ROW_CHUNK) {
        const chunk = docs.slice(i, i + ROW_CHUNK);
        const rows = chunk.map(documentRow);
        await trx.insertInto('search_documents').values(rows).execute();
        // The full-text index holds whole bodies; search_documents only the part the ranking reads.
        const values = chunk.map(
          (doc, j) => sql`(${doc.articleId}, ${rows[j]!.title_surface}, ${rows[j]!.title_stem}, ${rows[j]!.lead_surface}, ${rows[j]!.lead_stem},
            ${doc.body.surface.join(' ')}, ${doc.body.stems.join(' ')})`,
        );
        await sql`insert into search_fts (rowid, s_title, t_title, s_lead, t_lead, s_body, t_body) values ${sql.join(values)}`.execute(trx);
      }
    },

    async clear(trx: Db | Tx) {
      await trx.deleteFrom('search_terms').execute();
      await sql`delete from search_fts`.execute(trx);
      await trx.deleteFrom('search_documents').execute();
    },

    async count(q, scope = 'all') {
      // Without filters the FTS table alone answers (it holds exactly the documents' rows): a frequent word
      // is counted from its doclist, not by looking up tens of thousands of rows.
      const filters = filterConditions(q.filters);
      const r =
        filters.length === 0
          ? await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${ftsQuery(q, scope)}`.execute(db)
          : await sql<{ n: number }>`select count(*) as n ${from(ftsQuery(q, scope), andAll(filters))}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },

    async matchIds(q, scope, limit, offset = 0, hint) {
      const match = ftsQuery(q, scope);
      const filters = andAll(filterConditions(q.filters));
      return newestMatches(db, q.filters, limit, offset, hint, async (since) => {
        // A window walks the published_at index over its few documents and checks each against the set
        // of matching rowids (built once from the FTS doclist), instead of looking up every match's row.
        const r =
          since === null
            ? await sql<{ article_id: number }>`select d.article_id ${from(match, filters)}
                order by d.published_at desc, d.article_id desc limit ${limit} offset ${offset}`.execute(db)
            : await sql<{ article_id: number }>`select d.article_id from search_documents d
                where d.published_at >= ${since}${filters} and d.article_id in (select rowid from search_fts where search_fts match ${match})
                order by d.published_at desc, d.article_id desc limit ${limit} offset ${offset}`.execute(db);
        return r.rows.map((row) => row.article_id);
      });
    },

    load: (ids) => loadCandidates(db, ids),

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
