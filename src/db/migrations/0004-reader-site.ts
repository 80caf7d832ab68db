// The reader site's own tables: static pages (about, editorial principles, …) edited by the newsroom,
// and the video of a video article (file or HLS playlist, poster picture and duration).
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, caps: Capabilities): Promise<void> {
  await db.schema
    .createTable('static_pages')
    .addColumn('id', caps.serialType, (c) => c.primaryKey())
    .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', caps.bigintType, (c) => c.notNull())
    .addColumn('updated_at', caps.bigintType, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_videos')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('url', 'varchar(2000)', (c) => c.notNull())
    .addColumn('mime', 'varchar(50)', (c) => c.notNull())
    .addColumn('poster_media_id', 'integer', (c) => c.references('media.id').onDelete('set null'))
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .execute();
}
