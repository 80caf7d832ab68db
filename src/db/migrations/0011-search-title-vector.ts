// Search, second step: a hard-deleted article leaves the index and its term counts in the same
// transaction (a trigger, whoever deletes), and on PostgreSQL a title-only tsvector with its own GIN index,
// so that the candidate step finds title matches without reading whole-document vectors.
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  if (caps.fullText === 'tsvector') {
    await sql`alter table search_documents add column title_document tsvector not null default ''::tsvector`.execute(db);
    // The title's stems and '='-marked surface forms at their positions, as the writes build it.
    await sql`update search_documents d set title_document = coalesce((
        select string_agg(
          '''' || replace(replace(t.stem, '\\', '\\\\'), '''', '''''') || ''':' || t.i || ' ''=' ||
          replace(replace(t.surface, '\\', '\\\\'), '''', '''''') || ''':' || t.i, ' ')
        from unnest(string_to_array(d.title_stem, ' '), string_to_array(d.title_surface, ' ')) with ordinality as t(stem, surface, i)
        where t.stem <> ''), '')::tsvector`.execute(db);
    await sql`create index search_documents_title on search_documents using gin (title_document)`.execute(db);

    await sql`create function search_article_deleted() returns trigger language plpgsql as $$
      declare d record;
      begin
        select * into d from search_documents where article_id = old.id;
        if found then
          update search_terms set documents = documents - 1 where term in (
            select distinct t from unnest(string_to_array(d.title_stem || ' ' || d.lead_stem || ' ' || d.body_stem, ' ')) t where t <> '');
          update search_terms set documents = documents - case term
              when ' documents' then 1 when ' title' then d.title_length when ' lead' then d.lead_length else d.body_length end
            where term in (' documents', ' title', ' lead', ' body');
          delete from search_documents where article_id = old.id;
        end if;
        return old;
      end $$`.execute(db);
    await sql`create trigger search_article_deleted before delete on articles
      for each row execute function search_article_deleted()`.execute(db);
  } else {
    // No CTE inside a SQLite trigger: the token strings are split through json_each (backslashes and
    // quotes escaped first, so any token is a valid JSON string).
    await sql`create trigger search_article_deleted before delete on articles
      when exists (select 1 from search_documents where article_id = old.id)
      begin
        update search_terms set documents = documents - 1 where term in (
          select distinct j.value from search_documents d,
            json_each('["' || replace(replace(replace(d.title_stem || ' ' || d.lead_stem || ' ' || d.body_stem, '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]') j
          where d.article_id = old.id and j.value <> '');
        update search_terms set documents = documents - (
            select case search_terms.term when ' documents' then 1 when ' title' then d.title_length
              when ' lead' then d.lead_length else d.body_length end
            from search_documents d where d.article_id = old.id)
          where term in (' documents', ' title', ' lead', ' body');
        delete from search_fts where rowid = old.id;
        delete from search_documents where article_id = old.id;
      end`.execute(db);
  }
}
