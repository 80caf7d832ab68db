// Indexes for queries that read the whole archive without them (found with EXPLAIN QUERY PLAN on a
// generated archive of a million articles, issue 8):
// - the header's "live" badge asks whether any article of a type is published: (type, status, published_at, id)
//   also serves the newest articles of one type;
// - the article sitemap buckets count published ids per range with their newest update, and the tag and author
//   sitemaps join links to articles for status and updated_at: (id, status, updated_at) answers both from the
//   index alone, instead of reading every article row (and its body) from the table.
// An index on (status, updated_at) was tried and left out: without fresh statistics SQLite chose it for
// "published, newest first" and sorted the whole archive.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';

export async function up(db: Kysely<unknown>, _caps: Capabilities): Promise<void> {
  await db.schema.createIndex('articles_type_status_published').on('articles').columns(['type', 'status', 'published_at', 'id']).execute();
  await db.schema.createIndex('articles_id_status_updated').on('articles').columns(['id', 'status', 'updated_at']).execute();
}
