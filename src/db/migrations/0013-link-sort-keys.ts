// The lists of a story, tag or author page, newest first, read from one index range of the link table
// (issue 8). Until now a story page either walked the whole archive newest first, testing each article
// for the link, or read every link of the subject and sorted them: at a million articles a story of
// 1,200 links took 0.7 s. Each link row now carries its article's sort key, `published_at` — the
// article's published_at while it is published, NULL otherwise — indexed as (subject, published_at,
// article_id), so page N of any subject is a bounded backward range scan whatever the subject's size.
// Triggers keep the key: a link inserted takes its article's key; an article whose status or
// published_at changes rewrites the key on all its links (a published article always has a published_at).
// Deleting an article deletes its links (cascade); nothing else writes the column.
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

const LINKS = [
  { table: 'story_articles', subject: 'story_id', index: 'story_articles_story_published' },
  { table: 'article_tags', subject: 'tag_id', index: 'article_tags_tag_published' },
  { table: 'article_authors', subject: 'author_id', index: 'article_authors_author_published' },
] as const;

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  for (const { table, subject, index } of LINKS) {
    await db.schema.alterTable(table).addColumn('published_at', caps.bigintType).execute();
    await sql`update ${sql.table(table)} set published_at = a.published_at
      from articles a where a.id = ${sql.ref(`${table}.article_id`)} and a.status = 'published'`.execute(db);
    await db.schema.createIndex(index).on(table).columns([subject, 'published_at', 'article_id']).execute();
  }

  if (caps.triggers === 'sqlite') {
    for (const { table, subject } of LINKS) {
      await sql`create trigger ${sql.raw(`${table}_sort_key`)} after insert on ${sql.table(table)}
        begin update ${sql.table(table)} set published_at = (select published_at from articles where id = new.article_id and status = 'published')
          where ${sql.ref(subject)} = new.${sql.ref(subject)} and article_id = new.article_id; end`.execute(db);
    }
    await sql`create trigger articles_link_sort_keys after update of status, published_at on articles
      when (case when old.status = 'published' then old.published_at end) is not (case when new.status = 'published' then new.published_at end)
      begin
        update story_articles set published_at = (case when new.status = 'published' then new.published_at end) where article_id = new.id;
        update article_tags set published_at = (case when new.status = 'published' then new.published_at end) where article_id = new.id;
        update article_authors set published_at = (case when new.status = 'published' then new.published_at end) where article_id = new.id;
      end`.execute(db);
    return;
  }

  await sql`create function link_sort_key() returns trigger language plpgsql as $$
    begin
      new.published_at := (select published_at from articles where id = new.article_id and status = 'published');
      return new;
    end $$`.execute(db);
  for (const { table } of LINKS) {
    await sql`create trigger ${sql.raw(`${table}_sort_key`)} before insert on ${sql.table(table)}
      for each row execute function link_sort_key()`.execute(db);
  }
  await sql`create function article_link_sort_keys() returns trigger language plpgsql as $$
    declare k bigint := case when new.status = 'published' then new.published_at end;
    begin
      if (case when old.status = 'published' then old.published_at end) is distinct from k then
        update story_articles set published_at = k where article_id = new.id;
        update article_tags set published_at = k where article_id = new.id;
        update article_authors set published_at = k where article_id = new.id;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger articles_link_sort_keys after update of status, published_at on articles
    for each row execute function article_link_sort_keys()`.execute(db);
}
