// Read counts for the home page's "most read" list: one row per article and UTC day, no reader data.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, _caps: Capabilities): Promise<void> {
  await db.schema
    .createTable('article_reads')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('reads', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_reads_pk', ['article_id', 'day'])
    .execute();
  await db.schema.createIndex('article_reads_day').on('article_reads').columns(['day', 'article_id', 'reads']).execute();
}
