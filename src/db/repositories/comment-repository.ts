// Reader comments as stored; the public site reads only approved ones.
// Returns domain values; moderation rules live in the services, not here.
import type { Kysely } from 'kysely';
import type { PublicComment } from '../../domain/index.js';
import type { Database } from '../schema.js';

export interface NewComment {
  readonly articleId: number;
  readonly parentId: number | null;
  readonly authorName: string;
  readonly body: string;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly createdAt: number;
}

export function createCommentRepository(db: Kysely<Database>) {
  return {
    async insert(c: NewComment): Promise<number> {
      const r = await db
        .insertInto('comments')
        .values({
          article_id: c.articleId,
          parent_id: c.parentId,
          author_name: c.authorName,
          body: c.body,
          status: c.status,
          created_at: c.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    /** Approved comments of an article, newest first. */
    async approvedFor(articleId: number, limit: number): Promise<PublicComment[]> {
      const rows = await db
        .selectFrom('comments')
        .select(['id', 'parent_id', 'author_name', 'body', 'created_at'])
        .where('article_id', '=', articleId)
        .where('status', '=', 'approved')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ id: r.id, parentId: r.parent_id, authorName: r.author_name, body: r.body, createdAt: r.created_at }));
    },
    async countApproved(articleId: number): Promise<number> {
      const r = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('article_id', '=', articleId)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
