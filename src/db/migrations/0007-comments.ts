// Reader comments with moderation: the comment's reader, rendered HTML, edits, counts, moderation state
// and hashed network; reader accounts and sessions, reactions, reports, word lists, the moderation log
// and comment settings per site, story and article. Newsroom user ids carry no foreign key (as in 0006).
import { randomBytes } from 'node:crypto';
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const id = caps.serialType;
  const ms = caps.bigintType;

  await db.schema
    .createTable('readers')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('email', 'varchar(320)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull().defaultTo('active'))
    .addColumn('suspended_until', ms)
    .addColumn('status_reason', 'text')
    .addColumn('approved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('reader_sessions')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reader_sessions_reader').on('reader_sessions').column('reader_id').execute();

  const add = (name: string, type: 'integer' | 'text' | 'varchar(64)' | typeof ms, build?: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder) =>
    db.schema.alterTable('comments').addColumn(name, type, build ?? ((c) => c)).execute();
  await add('reader_id', 'integer');
  await add('guest', 'integer', (c) => c.notNull().defaultTo(0));
  await add('html', 'text', (c) => c.notNull().defaultTo(''));
  await add('body_hash', 'varchar(64)');
  await add('depth', 'integer', (c) => c.notNull().defaultTo(0));
  await add('root_id', 'integer');
  await add('edited_at', ms);
  await add('reaction_count', 'integer', (c) => c.notNull().defaultTo(0));
  await add('report_count', 'integer', (c) => c.notNull().defaultTo(0));
  await add('featured', 'integer', (c) => c.notNull().defaultTo(0));
  await add('has_links', 'integer', (c) => c.notNull().defaultTo(0));
  await add('moderation_reason', 'text');
  await add('moderated_by', 'integer');
  await add('moderated_at', ms);
  await add('ip_hash', 'varchar(64)');
  // Thread pages: top-level comments of an article by status and time (the 0001 index serves counts).
  await db.schema.createIndex('comments_thread').on('comments').columns(['article_id', 'status', 'depth', 'created_at', 'id']).execute();
  await db.schema.createIndex('comments_thread_top').on('comments').columns(['article_id', 'status', 'depth', 'reaction_count', 'id']).execute();
  await db.schema.createIndex('comments_root').on('comments').columns(['root_id', 'created_at']).execute();
  await db.schema.createIndex('comments_reader').on('comments').columns(['reader_id', 'created_at']).execute();
  await db.schema.createIndex('comments_ip').on('comments').columns(['ip_hash', 'created_at']).execute();
  await db.schema.createIndex('comments_status_created').on('comments').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('comment_reactions')
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reactions_pk', ['comment_id', 'reader_id'])
    .execute();

  await db.schema
    .createTable('comment_reports')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer')
    .addColumn('ip_hash', 'varchar(64)')
    .addColumn('reason', 'varchar(30)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('resolved_at', ms)
    .execute();
  await db.schema.createIndex('comment_reports_comment').on('comment_reports').columns(['comment_id', 'resolved_at']).execute();

  await db.schema
    .createTable('comment_words')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('word', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comment_words_kind_word').on('comment_words').columns(['kind', 'word']).unique().execute();

  await db.schema
    .createTable('comment_moderation_log')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('at', ms, (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_label', 'varchar(200)', (c) => c.notNull())
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('comment_id', 'integer')
    .addColumn('reader_id', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('comment_moderation_log_at').on('comment_moderation_log').columns(['at', 'id']).execute();

  // scope 'site' (scope_id 0), 'story' or 'article'. The site row also holds the secret that salts
  // network hashes and signs guests' CSRF cookies.
  await db.schema
    .createTable('comment_settings')
    .addColumn('scope', 'varchar(10)', (c) => c.notNull())
    .addColumn('scope_id', 'integer', (c) => c.notNull())
    .addColumn('mode', 'varchar(20)', (c) => c.notNull().defaultTo('inherit'))
    .addColumn('closes_at', ms)
    .addColumn('guests_allowed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('premoderate_first', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('edit_window_ms', 'integer', (c) => c.notNull().defaultTo(120_000))
    .addColumn('secret', 'varchar(100)', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_settings_pk', ['scope', 'scope_id'])
    .execute();
  await sql`insert into comment_settings (scope, scope_id, mode, guests_allowed, premoderate_first, edit_window_ms, secret, updated_at)
    values ('site', 0, 'open', 0, 2, 120000, ${randomBytes(32).toString('base64url')}, 0)`.execute(db);
}
