// Sitemaps from bounded index reads at a million articles (issue 8). The sitemap index took 30 s there:
// each article bucket counted its ids and their newest updated_at from the article rows (bodies and all),
// each tag's newest change joined its links to the articles, and "the site's newest change" walked every
// published article. Now:
// - two partial indexes over published articles only: (id, updated_at) answers every article bucket's count
//   and newest change from the index alone, (updated_at) the site's newest change with one seek. They hold
//   no row that a list reads, and SQLite uses a partial index only when the query names status = 'published'
//   literally, so the lists' plans (status bound as a parameter) cannot change;
// - each story, tag and author link carries its article's updated_at while the article is published, else
//   NULL (`article_updated_at`), under (subject, article_updated_at): a subject's newest change, and whether
//   it has a published article at all, is one seek. The 0013 triggers that keep the links' `published_at`
//   are rewritten to keep both columns: a link inserted takes both keys of its article, an article whose
//   status, published_at or updated_at changes rewrites them on all its links.
// The (id, status, updated_at) index of 0012, which only the old sitemap queries read, is dropped.
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

const LINKS = [
  { table: 'story_articles', subject: 'story_id', index: 'story_articles_story_updated' },
  { table: 'article_tags', subject: 'tag_id', index: 'article_tags_tag_updated' },
  { table: 'article_authors', subject: 'author_id', index: 'article_authors_author_updated' },
] as const;

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  await sql`create index articles_published_id_updated on articles (id, updated_at) where status = 'published'`.execute(db);
  await sql`create index articles_published_updated on articles (updated_at) where status = 'published'`.execute(db);
  await db.schema.dropIndex('articles_id_status_updated').execute();

  for (const { table, subject, index } of LINKS) {
    await db.schema.alterTable(table).addColumn('article_updated_at', caps.bigintType).execute();
    await sql`update ${sql.table(table)} set article_updated_at = a.updated_at
      from articles a where a.id = ${sql.ref(`${table}.article_id`)} and a.status = 'published'`.execute(db);
    await db.schema.createIndex(index).on(table).columns([subject, 'article_updated_at']).execute();
  }

  if (caps.triggers === 'sqlite') {
    for (const { table, subject } of LINKS) {
      await sql`drop trigger ${sql.raw(`${table}_sort_key`)}`.execute(db);
      await sql`create trigger ${sql.raw(`${table}_sort_key`)} after insert on ${sql.table(table)}
        begin update ${sql.table(table)} set (published_at, article_updated_at) =
            (select published_at, updated_at from articles where id = new.article_id and status = 'published')
          where ${sql.ref(subject)} = new.${sql.ref(subject)} and article_id = new.article_id; end`.execute(db);
    }
    await sql`drop trigger articles_link_sort_keys`.execute(db);
    await sql`create trigger articles_link_sort_keys after update of status, published_at, updated_at on articles
      when (case when old.status = 'published' then old.published_at end) is not (case when new.status = 'published' then new.published_at end)
        or (case when old.status = 'published' then old.updated_at end) is not (case when new.status = 'published' then new.updated_at end)
      begin
        update story_articles set published_at = (case when new.status = 'published' then new.published_at end),
          article_updated_at = (case when new.status = 'published' then new.updated_at end) where article_id = new.id;
        update article_tags set published_at = (case when new.status = 'published' then new.published_at end),
          article_updated_at = (case when new.status = 'published' then new.updated_at end) where article_id = new.id;
        update article_authors set published_at = (case when new.status = 'published' then new.published_at end),
          article_updated_at = (case when new.status = 'published' then new.updated_at end) where article_id = new.id;
      end`.execute(db);
    return;
  }

  // The link insert triggers of 0013 call link_sort_key(); replacing the function is enough.
  await sql`create or replace function link_sort_key() returns trigger language plpgsql as $$
    begin
      select a.published_at, a.updated_at into new.published_at, new.article_updated_at
        from articles a where a.id = new.article_id and a.status = 'published';
      if not found then
        new.published_at := null;
        new.article_updated_at := null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create or replace function article_link_sort_keys() returns trigger language plpgsql as $$
    declare
      k bigint := case when new.status = 'published' then new.published_at end;
      u bigint := case when new.status = 'published' then new.updated_at end;
    begin
      if (case when old.status = 'published' then old.published_at end) is distinct from k
        or (case when old.status = 'published' then old.updated_at end) is distinct from u then
        update story_articles set published_at = k, article_updated_at = u where article_id = new.id;
        update article_tags set published_at = k, article_updated_at = u where article_id = new.id;
        update article_authors set published_at = k, article_updated_at = u where article_id = new.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`drop trigger articles_link_sort_keys on articles`.execute(db);
  await sql`create trigger articles_link_sort_keys after update of status, published_at, updated_at on articles
    for each row execute function article_link_sort_keys()`.execute(db);
}
