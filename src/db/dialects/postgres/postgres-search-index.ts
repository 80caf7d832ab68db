// The search index on PostgreSQL: one tsvector per document built from the analyzer's tokens (the
// `simple` configuration's job done in TypeScript, so both dialects index identical lexemes) with a GIN index.
// Stems are lexemes as they are, surface forms are '=' + form at the same position; title A, lead B, body C.
// Must not know how text is analyzed or how the service re-ranks candidates.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../database.js';
import {
  andAll,
  deleteDocuments,
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
import type { IndexDocument, IndexQuery, IndexTerm, MatchScope, SearchIndex } from '../../search/search-types.js';

const EMPTY_FIELD = { surface: [], stems: [] } as const;

/** tsvector positions stop at 16383; later words share the last position (PostgreSQL clamps them too). */
const MAX_POSITION = 16383;

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
  const positive = positiveText(q);
  if (q.exclude.length === 0) return positive;
  return `(${positive}) & !(${excludedText(q)})`;
}

function positiveText(q: IndexQuery): string {
  return q.terms.map(tsTerm).join(q.mode === 'all' ? ' & ' : ' | ');
}

function excludedText(q: IndexQuery): string {
  return q.exclude.map(tsTerm).join(' | ');
}

/**
 * The match condition of a scope. The title's own vector answers 'title' from its small GIN index; the
 * document's vector is read only to check exclusions. Plain word queries need no recheck of either vector.
 */
function matchCondition(q: IndexQuery, scope: MatchScope): RawBuilder<unknown> {
  const anywhere = sql`d.document @@ ${tsQueryText(q)}::tsquery`;
  const inTitle = sql`d.title_document @@ ${positiveText(q)}::tsquery`;
  const excluded = q.exclude.length === 0 ? sql`` : sql` and not (d.document @@ ${excludedText(q)}::tsquery)`;
  if (scope === 'all') return anywhere;
  if (scope === 'title') return sql`${inTitle}${excluded}`;
  return sql`${anywhere} and not (${inTitle})`;
}

/** One statement for all of a document's term deltas: two array parameters, unnested server-side. */
const upsertTerms: UpsertTermDeltas = async (trx, terms, deltas) => {
  await sql`insert into search_terms (term, documents)
    select t, d from unnest(${terms}::text[], ${deltas}::integer[]) as x(t, d)
    on conflict (term) do update set documents = search_terms.documents + excluded.documents`.execute(trx);
};

/**
 * Runs a match query with sequential scans priced out. The planner does not know that testing @@ on a row
 * detoasts its whole-document vector, so for a frequent word it prefers a sequential scan of the table,
 * which does that for every document (6 s at 100,000 articles); a GIN bitmap (ANDed with a published_at
 * window when there is one) reads only the matching rows' heap tuples and no vector unless rechecking.
 */
function withBitmaps<T>(db: Db, run: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    return run(trx);
  });
}

export function createPostgresSearchIndex(db: Db): SearchIndex {
  const where = (q: IndexQuery, scope: MatchScope): RawBuilder<unknown> =>
    sql`where ${matchCondition(q, scope)}${andAll(filterConditions(q.filters))}`;

  return {
    async update(trx: Db | Tx, docs, remove) {
      const ids = [...new Set([...docs.map((d) => d.articleId), ...remove])];
      if (ids.length === 0) return;
      await replaceTerms(trx, docs, remove, upsertTerms);
      await deleteDocuments(trx, ids);
      for (let i = 0; i < docs.length; i += ROW_CHUNK) {
        const rows = docs.slice(i, i + ROW_CHUNK).map((doc) => ({
          ...documentRow(doc),
          document: sql`${tsvectorText(doc)}::tsvector`,
          title_document: sql`${tsvectorText({ ...doc, lead: EMPTY_FIELD, body: EMPTY_FIELD })}::tsvector`,
        }));
        await trx.insertInto('search_documents').values(rows as unknown as ReturnType<typeof documentRow>[]).execute();
      }
    },

    async clear(trx: Db | Tx) {
      await trx.deleteFrom('search_terms').execute();
      await trx.deleteFrom('search_documents').execute();
    },

    async count(q, scope = 'all') {
      const r = await withBitmaps(db, (trx) => sql<{ n: number }>`select count(*) as n from search_documents d ${where(q, scope)}`.execute(trx));
      return Number(r.rows[0]?.n ?? 0);
    },

    async matchIds(q, scope, limit, offset = 0, hint) {
      // Materialized: the matches come from the GIN index and are then sorted; never a walk down the
      // published_at index testing each document's vector, which reads (detoasts) every one of them. A
      // window (published_at ≥ since) is a second bitmap, ANDed with the GIN one before any row is read.
      return newestMatches(db, q.filters, limit, offset, hint, async (since) => {
        const window = since === null ? sql`` : sql` and d.published_at >= ${since}`;
        const r = await withBitmaps(db, (trx) =>
          sql<{ article_id: number }>`with m as materialized (
              select d.article_id, d.published_at from search_documents d ${where(q, scope)}${window})
            select article_id from m order by published_at desc, article_id desc limit ${limit} offset ${offset}`.execute(trx),
        );
        return r.rows.map((row) => row.article_id);
      });
    },

    load: (ids) => loadCandidates(db, ids),

    termDocuments: (stems) => termDocuments(db, stems),
    prefixDocuments: (prefix) => prefixDocuments(db, prefix),

    stats: () => readStats(db),

    async storageBytes() {
      const r = await sql<{ n: number }>`select pg_total_relation_size('search_documents') as n`.execute(db);
      return Number(r.rows[0]?.n ?? 0);
    },
  };
}
