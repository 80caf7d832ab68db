// The newsroom workflow's tables: who created an article, when it is scheduled, its revisions and edit
// locks; media uploader; home-page curation, section blocks order and menus. User ids carry no foreign
// key so this migration does not depend on the accounts tables' migration order.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  const id = caps.serialType;
  const ms = caps.bigintType;

  await db.schema.alterTable('articles').addColumn('created_by', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('publish_at', ms).execute();
  await db.schema.alterTable('articles').addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // The scheduler's claim: "scheduled and due", oldest first.
  await db.schema.createIndex('articles_status_publish_at').on('articles').columns(['status', 'publish_at']).execute();
  // Newsroom lists: a writer's own articles, newest edit first.
  await db.schema.createIndex('articles_created_by').on('articles').columns(['created_by', 'updated_at']).execute();

  await db.schema
    .createTable('article_revisions')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer')
    .addColumn('created_at', ms, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_revisions_article_number').on('article_revisions').columns(['article_id', 'number']).unique().execute();

  await db.schema
    .createTable('article_locks')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('holder_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('acquired_at', ms, (c) => c.notNull())
    .addColumn('expires_at', ms, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('media').addColumn('uploaded_by', 'integer').execute();
  await db.schema.createIndex('media_created').on('media').columns(['created_at', 'id']).execute();

  // One row per home-page slot ('lead', 'featured'): an article or a story chosen by an editor.
  await db.schema
    .createTable('home_slots')
    .addColumn('slot', 'varchar(30)', (c) => c.primaryKey())
    .addColumn('article_id', 'integer', (c) => c.references('articles.id').onDelete('set null'))
    .addColumn('story_id', 'integer', (c) => c.references('stories.id').onDelete('set null'))
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', ms, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('home_section_blocks')
    .addColumn('section_id', 'integer', (c) => c.primaryKey().references('sections.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('menu_items')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('menu', 'varchar(30)', (c) => c.notNull())
    .addColumn('label', 'varchar(100)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('menu_items_menu').on('menu_items').columns(['menu', 'position', 'id']).execute();
}
