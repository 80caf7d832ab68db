// Live coverage: live blogs (state, summary, pinned entry) and their entries, the append-only event log
// whose global sequence is the Server-Sent Events id, the breaking-news banner and the live stream channel.
// The sequence is a single counter row: taking it row-locks until commit, so events commit in sequence order.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const id = caps.serialType;
  const ms = caps.bigintType;

  await db.schema
    .createTable('live_blogs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pinned_entry_id', 'integer')
    .addColumn('starts_at', ms)
    .addColumn('ended_at', ms)
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_blogs_state').on('live_blogs').column('state').execute();

  await db.schema
    .createTable('live_entries')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('author_user_id', 'integer')
    .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('key_event', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('updated_at', ms, (c) => c.notNull())
    .addColumn('edited_at', ms)
    .execute();
  // Newest first, by keyset (created_at, id), per live blog.
  await db.schema.createIndex('live_entries_article_created').on('live_entries').columns(['article_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('live_sequence')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', ms, (c) => c.notNull())
    .addColumn('pruned_through', ms, (c) => c.notNull())
    .execute();
  await db.insertInto('live_sequence' as never).values({ id: 1, value: 0, pruned_through: 0 } as never).execute();

  await db.schema
    .createTable('live_events')
    .addColumn('seq', ms, (c) => c.primaryKey())
    .addColumn('article_id', 'integer')
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_events_article_seq').on('live_events').columns(['article_id', 'seq']).execute();
  await db.schema.createIndex('live_events_created').on('live_events').column('created_at').execute();

  await db.schema
    .createTable('breaking_news')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('text', 'varchar(300)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .addColumn('cleared_at', ms)
    .execute();
  await db.schema.createIndex('breaking_news_created').on('breaking_news').column('created_at').execute();

  await db.schema
    .createTable('live_stream')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hls_url', 'varchar(2000)')
    .addColumn('poster_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('captions_url', 'varchar(2000)')
    .addColumn('captions_lang', 'varchar(20)', (c) => c.notNull().defaultTo('ar'))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('live_schedule')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('starts_at', ms, (c) => c.notNull())
    .addColumn('ends_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('live_schedule_starts').on('live_schedule').column('starts_at').execute();
}
