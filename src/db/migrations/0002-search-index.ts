// The search index: one row of analyzed token strings per published article, indexed by the dialect's
// full-text engine (FTS5 or tsvector + GIN), and the external id that makes `minbar import` idempotent.
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  await db.schema.alterTable('articles').addColumn('external_id', 'varchar(200)').execute();
  await db.schema.createIndex('articles_external_id').on('articles').column('external_id').unique().execute();

  // Shared by both dialects: the analyzed fields (space-separated surface forms and stems), their lengths
  // and the filter attributes. The ranking that both dialects share is computed from these strings.
  await db.schema
    .createTable('search_documents')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('published_at', caps.bigintType, (c) => c.notNull())
    .addColumn('title_surface', 'text', (c) => c.notNull())
    .addColumn('title_stem', 'text', (c) => c.notNull())
    .addColumn('lead_surface', 'text', (c) => c.notNull())
    .addColumn('lead_stem', 'text', (c) => c.notNull())
    .addColumn('body_surface', 'text', (c) => c.notNull())
    .addColumn('body_stem', 'text', (c) => c.notNull())
    .addColumn('title_length', 'integer', (c) => c.notNull())
    .addColumn('lead_length', 'integer', (c) => c.notNull())
    .addColumn('body_length', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('search_documents_published').on('search_documents').columns(['published_at', 'article_id']).execute();

  // Document frequency of every stem, kept by the index writes: BM25's idf with one indexed lookup, the same
  // number on both dialects. Binary ("C") order, so that a prefix is a range on every dialect and locale.
  await db.schema
    .createTable('search_terms')
    .addColumn('term', caps.fullText === 'tsvector' ? sql`text collate "C"` : 'text', (c) => c.primaryKey())
    .addColumn('documents', 'integer', (c) => c.notNull())
    .execute();

  if (caps.fullText === 'fts5') {
    // Contentless: the strings live once, in search_documents; FTS5 keeps only the inverted index.
    // remove_diacritics 0: tokens arrive already folded by the analyzer and must stay exactly as written.
    await sql`create virtual table search_fts using fts5(
      s_title, t_title, s_lead, t_lead, s_body, t_body,
      content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='3'
    )`.execute(db);
  } else {
    // One vector: stems as lexemes, surface forms as '=' + form at the same positions; title A, lead B, body C.
    await sql`alter table search_documents add column document tsvector not null`.execute(db);
    await sql`create index search_documents_document on search_documents using gin (document)`.execute(db);
  }
}
