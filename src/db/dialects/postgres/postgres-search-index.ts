// The search index on PostgreSQL: one tsvector per document built from the analyzer's tokens (the
// `simple` configuration's job done in TypeScript, so both dialects index identical lexemes) with a GIN index.
// Stems are lexemes as they are, surface forms are '=' + form at the same position; title A, lead B, body C.
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
import type { IndexDocument, IndexQuery, IndexTerm, SearchIndex } from '../../search/search-types.js';

/** tsvector positions stop at 16383; later words share the last position (PostgreSQL clamps them too). */
const MAX_POSITION = 16383;
// ts_rank weights in the order {D, C, B, A}: body 0.2, lead 0.4, title 1.0.
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

const NEEDS_ESCAPE = /['\\]/;

function lexeme(token: string): string {
  return NEEDS_ESCAPE.test(token) ? `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'` : `'${token}'`;
}

/** The document as tsvector input text: every lexeme with its positions and field weight. */
export function tsvectorText(doc: IndexDocument): string {
  const positions = new Map<string, string>();
  const add = (lex: string, entry: string) => {
    const list = positions.get(lex);
    positions.set(lex, list === undefined ? entry : `${list},${entry}`);
  };
  let position = 0;
  for (const [field, weight] of [
    [doc.title, 'A'],
    [doc.lead, 'B'],
    [doc.body, 'C'],
  ] as const) {
    for (let i = 0; i < field.surface.length; i++) {
      position = Math.min(position + 1, MAX_POSITION);
      const entry = `${position}${weight}`;
      add(field.stems[i]!, entry);
      add(`=${field.surface[i]!}`, entry);
    }
    position = Math.min(position + 1, MAX_POSITION); // a gap, so that no phrase spans two fields
  }
  let out = '';
  for (const [lex, list] of positions) out += `${out ? ' ' : ''}${lexeme(lex)}:${list}`;
  return out;
}

/** One term as tsquery input text. */
export function tsTerm(term: IndexTerm): string {
  switch (term.kind) {
    case 'word':
      return `(${lexeme(term.stem)} | ${lexeme(`=${term.surface}`)})`;
    case 'phrase':
      return `(${term.surface.map((s) => lexeme(`=${s}`)).join(' <-> ')})`;
    case 'prefix':
      return `(${lexeme(term.prefix)}:* | ${lexeme(`=${term.prefix}`)}:*)`;
  }
}

export function tsQueryText(q: IndexQuery): string {
  const positive = q.terms.map(tsTerm).join(q.mode === 'all' ? ' & ' : ' | ');
  if (q.exclude.length === 0) return positive;
  return `(${positive}) & !(${q.exclude.map(tsTerm).join(' | ')})`;
}

/** One statement for all of a document's term deltas: two array parameters, unnested server-side. */
const upsertTerms: UpsertTermDeltas = async (trx, terms, deltas) => {
  await sql`insert into search_terms (term, documents)
    select t, d from unnest(${terms}::text[], ${deltas}::integer[]) as x(t, d)
    on conflict (term) do update set documents = search_terms.documents + excluded.documents`.execute(trx);
};

export function createPostgresSearchIndex(db: Db): SearchIndex {
  const where = (q: IndexQuery): RawBuilder<unknown> =>
    sql`where d.document @@ ${tsQueryText(q)}::tsquery${andAll(filterConditions(q.filters))}`;

  return {
    async write(trx: Db | Tx, doc) {
      await replaceTerms(trx, doc.articleId, doc, upsertTerms);
      await deleteDocument(trx, doc.articleId);
      await trx
        .insertInto('search_documents')
        .values({ ...documentRow(doc), document: sql`${tsvectorText(doc)}::tsvector` } as ReturnType<typeof documentRow>)
        .execute();
    },

    async remove(trx: Db | Tx, articleId) {
      await replaceTerms(trx, articleId, null, upsertTerms);
      await deleteDocument(trx, articleId);
    },

    async clear(trx: Db | Tx) {
      await trx.deleteFrom('search_terms').execute();
      await trx.deleteFrom('search_documents').execute();
    },

    async count(q) {
      const r = await sql<{ n: number }>`select count(*) as n from search_documents d ${where(q)}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },

    async candidates(q, limit, offset = 0) {
      const r = await sql<{ article_id: number }>`select d.article_id from search_documents d ${where(q)}
        order by ts_rank(${RANK_WEIGHTS}::float4[], d.document, ${tsQueryText(q)}::tsquery) desc, d.published_at desc, d.article_id desc
        limit ${limit} offset ${offset}`.execute(db);
      return loadCandidates(db, r.rows.map((row) => row.article_id));
    },

    termDocuments: (stems) => termDocuments(db, stems),
    prefixDocuments: (prefix) => prefixDocuments(db, prefix),

    stats: () => readStats(db),

    async storageBytes() {
      const r = await sql<{ n: number }>`select pg_total_relation_size('search_documents') as n`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}
