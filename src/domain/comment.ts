// Reader comments as the rest of the system sees them: statuses, modes, sort orders, a thread page and
// the rules that are pure (which mode applies, how deep a reply indents). No I/O, no clock, no SQL.

export const COMMENT_STATUSES = ['pending', 'approved', 'rejected', 'deleted'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const COMMENT_SORTS = ['newest', 'oldest', 'top'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

/** Site-, story- or article-level setting; 'inherit' defers to the level above. */
export const COMMENT_SETTING_MODES = ['inherit', 'open', 'premoderated', 'closed'] as const;
export type CommentSettingMode = (typeof COMMENT_SETTING_MODES)[number];

export const MODERATION_QUEUES = ['pending', 'reported', 'unmoderated', 'rejected', 'featured'] as const;
export type ModerationQueue = (typeof MODERATION_QUEUES)[number];

export const READER_STATUSES = ['active', 'suspended', 'banned', 'deleted'] as const;
export type ReaderStatus = (typeof READER_STATUSES)[number];

/** Top-level comments per thread page. */
export const THREAD_PAGE_SIZE = 20;
/** Replies indent to this depth; deeper replies are shown flat at this depth. */
export const MAX_REPLY_DEPTH = 3;

/** One comment as readers see it; `html` is sanitized at write time; empty for removed text. */
export interface ThreadComment {
  readonly id: number;
  readonly parentId: number | null;
  readonly depth: number;
  readonly authorName: string;
  readonly readerId: number | null;
  readonly guest: boolean;
  readonly html: string;
  readonly status: 'approved' | 'deleted';
  readonly featured: boolean;
  readonly reactions: number;
  readonly createdAt: number;
  readonly editedAt: number | null;
  /** Author of the comment replied to, when the reply is shown flattened below the last indent. */
  readonly inReplyTo: string | null;
  readonly replies: readonly ThreadComment[];
}

export interface CommentThread {
  readonly articleId: number;
  readonly sort: CommentSort;
  readonly page: number;
  /** Approved comments of the article (replies included). */
  readonly total: number;
  readonly comments: readonly ThreadComment[];
  readonly hasMore: boolean;
  /** Newest approval time on the page, for Last-Modified. */
  readonly newestAt: number | null;
}

/** The mode in force: the article's own, else its story's, else the site's; a closing time past closes it. */
export function effectiveCommentsMode(
  levels: { readonly article: CommentSettingMode; readonly story: CommentSettingMode; readonly site: Exclude<CommentSettingMode, 'inherit'> },
  closesAt: number | null,
  now: number,
): 'open' | 'premoderated' | 'closed' {
  if (closesAt !== null && now >= closesAt) return 'closed';
  if (levels.article !== 'inherit') return levels.article;
  if (levels.story !== 'inherit') return levels.story;
  return levels.site;
}

/** Depth stored for a reply to a comment at `parentDepth`: one more, but never beyond the last indent. */
export function replyDepth(parentDepth: number): number {
  return Math.min(parentDepth + 1, MAX_REPLY_DEPTH);
}

/** The thread page of an article: `/comments/12?sort=top&page=2`. */
export function commentThreadPath(articleId: number, o: { sort?: CommentSort; page?: number } = {}): string {
  const q = new URLSearchParams();
  if (o.sort && o.sort !== 'newest') q.set('sort', o.sort);
  if (o.page && o.page > 1) q.set('page', String(o.page));
  const s = q.toString();
  return `/comments/${articleId}${s ? `?${s}` : ''}`;
}
