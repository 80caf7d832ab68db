// Approved comment counts kept on the article row (articles.approved_comments) by triggers, instead of a
// correlated count of the comments index on every read: every card (home, sections, stories, related) and
// every article page counted its article's approved comments, row by row (issue 8). The triggers follow every
// way the count can change: a comment inserted approved, a status entering or leaving 'approved', a comment
// moved to another article, an approved comment deleted (also when its article's deletion cascades to it: the
// update then finds no article row and does nothing).
import { sql, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  await db.schema.alterTable('articles').addColumn('approved_comments', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await sql`update articles set approved_comments = (
    select count(*) from comments c where c.article_id = articles.id and c.status = 'approved')
    where id in (select article_id from comments where status = 'approved')`.execute(db);

  if (caps.triggers === 'sqlite') {
    await sql`create trigger comment_count_insert after insert on comments
      when new.status = 'approved'
      begin update articles set approved_comments = approved_comments + 1 where id = new.article_id; end`.execute(db);
    await sql`create trigger comment_count_delete after delete on comments
      when old.status = 'approved'
      begin update articles set approved_comments = approved_comments - 1 where id = old.article_id; end`.execute(db);
    await sql`create trigger comment_count_update after update of status, article_id on comments
      when (old.status = 'approved' or new.status = 'approved')
        and (old.status is not new.status or old.article_id is not new.article_id)
      begin
        update articles set approved_comments = approved_comments - 1 where id = old.article_id and old.status = 'approved';
        update articles set approved_comments = approved_comments + 1 where id = new.article_id and new.status = 'approved';
      end`.execute(db);
    return;
  }

  await sql`create function comment_count() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'INSERT' and old.status = 'approved' then
        update articles set approved_comments = approved_comments - 1 where id = old.article_id;
      end if;
      if tg_op <> 'DELETE' and new.status = 'approved' then
        update articles set approved_comments = approved_comments + 1 where id = new.article_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger comment_count_insert after insert on comments
    for each row when (new.status = 'approved') execute function comment_count()`.execute(db);
  await sql`create trigger comment_count_delete after delete on comments
    for each row when (old.status = 'approved') execute function comment_count()`.execute(db);
  await sql`create trigger comment_count_update after update of status, article_id on comments
    for each row when ((old.status = 'approved' or new.status = 'approved')
      and (old.status is distinct from new.status or old.article_id is distinct from new.article_id))
    execute function comment_count()`.execute(db);
}
