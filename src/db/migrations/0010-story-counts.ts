// Story article counts ("49 خبرًا") kept in stories.published_articles by triggers, instead of counting
// story_articles joined to articles on every read: at a million articles a large story holds tens of
// thousands, and the home page's story strip counted every one of them for each active story (issue 8).
// The triggers follow every way the count can change: a link added or removed, an article's status
// entering or leaving 'published', a published article deleted (before its links cascade away).
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  await db.schema.alterTable('stories').addColumn('published_articles', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update stories set published_articles = (
    select count(*) from story_articles sa join articles a on a.id = sa.article_id
    where sa.story_id = stories.id and a.status = 'published')`.execute(db);

  if (caps.triggers === 'sqlite') {
    await sql`create trigger story_count_link_insert after insert on story_articles
      when (select status from articles where id = new.article_id) = 'published'
      begin update stories set published_articles = published_articles + 1 where id = new.story_id; end`.execute(db);
    await sql`create trigger story_count_link_delete after delete on story_articles
      when (select status from articles where id = old.article_id) = 'published'
      begin update stories set published_articles = published_articles - 1 where id = old.story_id; end`.execute(db);
    await sql`create trigger story_count_article_status after update of status on articles
      when (old.status = 'published') <> (new.status = 'published')
      begin update stories set published_articles = published_articles + (case when new.status = 'published' then 1 else -1 end)
        where id in (select story_id from story_articles where article_id = new.id); end`.execute(db);
    await sql`create trigger story_count_article_delete before delete on articles
      when old.status = 'published'
      begin update stories set published_articles = published_articles - 1
        where id in (select story_id from story_articles where article_id = old.id); end`.execute(db);
    return;
  }

  await sql`create function story_count_link() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        if exists (select 1 from articles where id = new.article_id and status = 'published') then
          update stories set published_articles = published_articles + 1 where id = new.story_id;
        end if;
        return new;
      end if;
      if exists (select 1 from articles where id = old.article_id and status = 'published') then
        update stories set published_articles = published_articles - 1 where id = old.story_id;
      end if;
      return old;
    end $$`.execute(db);
  await sql`create trigger story_count_link after insert or delete on story_articles
    for each row execute function story_count_link()`.execute(db);
  await sql`create function story_count_article() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        if old.status = 'published' then
          update stories set published_articles = published_articles - 1
            where id in (select story_id from story_articles where article_id = old.id);
        end if;
        return old;
      end if;
      if (old.status = 'published') <> (new.status = 'published') then
        update stories set published_articles = published_articles + (case when new.status = 'published' then 1 else -1 end)
          where id in (select story_id from story_articles where article_id = new.id);
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger story_count_article_status after update of status on articles
    for each row execute function story_count_article()`.execute(db);
  await sql`create trigger story_count_article_delete before delete on articles
    for each row execute function story_count_article()`.execute(db);
}
