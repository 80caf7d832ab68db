// The search index on PostgreSQL: one tsvector per document built from the analyzer's tokens (the
// `simple` configuration's job done in TypeScript, so both dialects index identical lexemes) with a GIN index.
// Stems are lexemes as they are, surface forms are '=' + form at the same position; title A, lead B, body C.
// Must not know how text is analyzed or how the service re-ranks candidates.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../database.js';
import {
  CANDIDATE_SELECT,
  andAll,
  candidateFromRow,
  deleteDocument,
  documentRow,
  filterConditions,
  readStats,
  type CandidateRow,
} from '../../search/search-documents.js';
import type { IndexDocument, IndexQuery, IndexTerm, SearchIndex } from '../../search/search-index.js';

/** tsvector positions stop at 16383; later words share the last position (PostgreSQL clamps them too). */
const MAX_POSITION = 16383;
// ts_rank weights in the order {D, C, B, A}: body 0.2, lead 0.4, title 1.0.
const RANK_WEIGHTS = '{0.1, 0.2, 0.4, 1.0}';

function lexeme(token: string): string {
  return `'${token.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** The document as tsvector input text: every lexeme with its positions and field weight. */
export function tsvectorText(doc: IndexDocument): string {
  const positions = new Map<string, string[]>();
  const add = (lex: string, entry: string) => {
    const list = positions.get(lex);
    if (list) list.push(entry);
    else positions.set(lex, [entry]);
  };
  let position = 0;
  for (const [field, weight] of [
    [doc.title, 'A'],
    [doc.lead, 'B'],
    [doc.body, 'C'],
  ] as const) {
    for (let i = 0; i < field.surface.length; i++) {
      position = Math.min(position + 1, MAX_POSITION);
      add(field.stems[i]!, `${position}${weight}`);
      add(`=${field.surface[i]!}`, `${position}${weight}`);
    }
    position = Math.min(position + 1, MAX_POSITION); // a gap, so that no phrase spans two fields
  }
  const parts: string[] = [];
  for (const [lex, list] of positions) parts.push(`${lexeme(lex)}:${list.join(',')}`);
  return parts.join(' ');
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

export function createPostgresSearchIndex(db: Db): SearchIndex {
  const where = (q: IndexQuery): RawBuilder<unknown> =>
    sql`where d.document @@ ${tsQueryText(q)}::tsquery${andAll(filterConditions(q.filters))}`;

  return {
    async write(trx: Db | Tx, doc) {
      const row = documentRow(doc);
      const document = sql`${tsvectorText(doc)}::tsvector`;
      await trx
        .insertInto('search_documents')
        .values({ ...row, document } as typeof row)
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ ...row, document } as typeof row))
        .execute();
    },

    remove: (trx: Db | Tx, articleId) => deleteDocument(trx, articleId),

    async clear(trx: Db | Tx) {
      await trx.deleteFrom('search_documents').execute();
    },

    async count(q) {
      const r = await sql<{ n: number }>`select count(*) as n from search_documents d ${where(q)}`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },

    async candidates(q, limit, offset = 0) {
      const r = await sql<CandidateRow>`select ${CANDIDATE_SELECT} from search_documents d ${where(q)}
        order by ts_rank(${RANK_WEIGHTS}::float4[], d.document, ${tsQueryText(q)}::tsquery) desc, d.published_at desc, d.article_id desc
        limit ${limit} offset ${offset}`.execute(db);
      return r.rows.map(candidateFromRow);
    },

    async documentFrequency(term) {
      const r = await sql<{ n: number }>`select count(*) as n from search_documents d where d.document @@ ${tsTerm(term)}::tsquery`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },

    stats: () => readStats(db),

    async storageBytes() {
      const r = await sql<{ n: number }>`select pg_total_relation_size('search_documents') as n`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}
