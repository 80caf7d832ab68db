// Reader comments as stored; the public site reads only approved ones.
// Returns domain values; moderation rules live in the services, not here.
import type { Kysely } from 'kysely';
import { MAX_REPLY_DEPTH, THREAD_PAGE_SIZE, type CommentSort, type CommentThread, type PublicComment, type ThreadComment } from '../../domain/index.js';
import type { Database } from '../schema.js';
import { escapeHtml } from '../../text/index.js';

function plainParagraphs(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br />')}</p>`)
    .join('');
}

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
          // Imported and seeded comments are plain text too: escaped paragraphs, no links.
          html: plainParagraphs(c.body),
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
    /**
     * One page of an article's thread: top-level comments in the chosen order (20 a page), each with its
     * approved replies, indented to MAX_REPLY_DEPTH and flattened below. Removed comments stay as empty
     * placeholders only while approved replies hang from them, so threads keep their shape.
     */
    async threadPage(articleId: number, sort: CommentSort, page: number, pageSize = THREAD_PAGE_SIZE): Promise<CommentThread> {
      const columns = ['c.id', 'c.parent_id', 'c.depth', 'c.author_name', 'c.reader_id', 'c.guest', 'c.html', 'c.status', 'c.featured', 'c.reaction_count', 'c.created_at', 'c.edited_at'] as const;
      // Approved top-level comments come straight off an index in the page's order (depth 0 = top level);
      // removed ones that still have approved replies are few and merged in.
      let approved = db.selectFrom('comments as c').select(columns).where('c.article_id', '=', articleId).where('c.status', '=', 'approved').where('c.depth', '=', 0);
      if (sort === 'newest') approved = approved.orderBy('c.created_at', 'desc').orderBy('c.id', 'desc');
      else if (sort === 'oldest') approved = approved.orderBy('c.created_at', 'asc').orderBy('c.id', 'asc');
      else approved = approved.orderBy('c.reaction_count', 'desc').orderBy('c.id', 'desc');
      const want = page * pageSize + 1;
      // Most articles have no approved comment: then no root and no reply shows, and nothing more is read
      // (a removed root shows only with an approved reply, which the count includes).
      const total = await this.countApproved(articleId);
      if (total === 0) return { articleId, sort, page, total, comments: [], hasMore: false, newestAt: null };
      const [approvedRows, removedRows] = await Promise.all([
        approved.limit(want).execute(),
        db
          .selectFrom('comments as c')
          .select(columns)
          .where('c.article_id', '=', articleId)
          .where('c.status', '=', 'deleted')
          .where('c.depth', '=', 0)
          .where((eb) => eb.exists(eb.selectFrom('comments as r').select('r.id').whereRef('r.root_id', '=', 'c.id').where('r.status', '=', 'approved')))
          .execute(),
      ]);
      const key = (r: { created_at: number; id: number; reaction_count: number }) =>
        sort === 'top' ? [-Number(r.reaction_count), -r.id] : sort === 'newest' ? [-Number(r.created_at), -r.id] : [Number(r.created_at), r.id];
      const merged = removedRows.length
        ? [...approvedRows, ...removedRows].sort((a, b) => {
            const [a1, a2] = key(a);
            const [b1, b2] = key(b);
            return a1! - b1! || a2! - b2!;
          })
        : approvedRows;
      const rootRows = merged.slice((page - 1) * pageSize, page * pageSize + 1);
      const hasMore = rootRows.length > pageSize;
      const pageRoots = rootRows.slice(0, pageSize);
      const replyRows =
        pageRoots.length === 0
          ? []
          : await db
              .selectFrom('comments as c')
              .select(['c.id', 'c.parent_id', 'c.depth', 'c.author_name', 'c.reader_id', 'c.guest', 'c.html', 'c.status', 'c.featured', 'c.reaction_count', 'c.created_at', 'c.edited_at'])
              // By root only, so the planner takes comments_root (root, time); held and rejected replies
              // are dropped below rather than in SQL, where a status filter tempted it to scan by status.
              .where('c.root_id', 'in', pageRoots.map((r) => r.id))
              .orderBy('c.created_at', 'asc')
              .orderBy('c.id', 'asc')
              .limit(2000)
              .execute()
              .then((rows) => rows.filter((r) => r.status === 'approved' || r.status === 'deleted'));
      type Row = (typeof pageRoots)[number];
      interface Node extends Omit<ThreadComment, 'replies' | 'inReplyTo'> {
        inReplyTo: string | null;
        replies: Node[];
        /** The list this node sits in (its parent's replies, or the page). */
        list: Node[];
      }
      const page_: Node[] = [];
      const byId = new Map<number, Node>();
      const node = (r: Row, list: Node[]): Node => ({
        id: r.id,
        parentId: r.parent_id,
        depth: Math.min(Number(r.depth), MAX_REPLY_DEPTH),
        authorName: r.status === 'deleted' ? '' : r.author_name,
        readerId: r.reader_id,
        guest: Number(r.guest) === 1,
        html: r.status === 'deleted' ? '' : r.html,
        status: r.status === 'deleted' ? 'deleted' : 'approved',
        featured: Number(r.featured) === 1,
        reactions: Number(r.reaction_count),
        createdAt: Number(r.created_at),
        editedAt: r.edited_at === null ? null : Number(r.edited_at),
        inReplyTo: null,
        replies: [],
        list,
      });
      for (const r of pageRoots) {
        const n = node(r, page_);
        page_.push(n);
        byId.set(n.id, n);
      }
      for (const r of replyRows) {
        const parent = r.parent_id === null ? undefined : byId.get(r.parent_id);
        if (!parent) continue; // its parent is held, rejected or gone: not shown until it is
        // Below the last indent, replies sit beside their parent and say whom they answer.
        const flat = parent.depth >= MAX_REPLY_DEPTH;
        const list = flat ? parent.list : parent.replies;
        const n = node(r, list);
        if (flat) n.inReplyTo = parent.authorName || null;
        list.push(n);
        byId.set(n.id, n);
      }
      const prune = (list: Node[]): ThreadComment[] =>
        list.flatMap((n) => {
          const replies = prune(n.replies);
          if (n.status === 'deleted' && replies.length === 0 && n.depth > 0) return [];
          const { list: _list, ...rest } = n;
          void _list;
          return [{ ...rest, replies }];
        });
      const comments = prune(page_);
      const times = [...pageRoots, ...replyRows].map((r) => Number(r.edited_at ?? r.created_at));
      return { articleId, sort, page, total, comments, hasMore, newestAt: times.length ? Math.max(...times) : null };
    },
    /** The article's approved comments: the count triggers keep on its row (migration 0015), as cards show it. */
    async countApproved(articleId: number): Promise<number> {
      const r = await db.selectFrom('articles').select('approved_comments').where('id', '=', articleId).executeTakeFirst();
      return Number(r?.approved_comments ?? 0);
    },
  };
}
