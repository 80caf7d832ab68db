// A comment thread as readers see it: nested replies (indented to depth 3, flat below with "in reply
// to"), each comment `dir="auto"` with its author isolated in <bdi>, Arabic times and counts; the
// article page's comments section; the sort and "more" links. The HTML of a comment was sanitized
// when it was written (allowlist: p, br, a with rel="ugc nofollow noopener").
import type { CommentSort, CommentThread, ThreadComment } from '../../domain/index.js';
import { COMMENT_SORTS, commentThreadPath } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { TimeStamp } from './cards.js';

/** Who is looking, and what they may do: null for a visitor, or a reader with their form token. */
export interface CommentViewer {
  readonly readerId: number | null;
  readonly csrfToken: string;
  /** The reader may post (signed in and not suspended), or guests may post. */
  readonly mayPost: boolean;
}

export function CsrfInput({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function CommentActions({ ctx, c, viewer, articleId }: { ctx: ViewContext; c: ThreadComment; viewer: CommentViewer; articleId: number }) {
  const t = ctx.t.comments;
  return (
    <div class="comment__actions">
      {viewer.mayPost ? (
        <a class="comment__reply" href={`/comments/${articleId}?reply=${c.id}#comment-form`}>
          {t.reply}
        </a>
      ) : null}
      {viewer.readerId !== null ? (
        <form method="post" action={`/comments/c/${c.id}/react`} class="comment__react">
          <CsrfInput token={viewer.csrfToken} />
          <button type="submit">{t.like}</button>
        </form>
      ) : null}
      {viewer.readerId !== null && viewer.readerId === c.readerId ? (
        <a href={`/comments/c/${c.id}/edit`}>{t.edit}</a>
      ) : null}
      <details class="comment__report">
        <summary>{t.report}</summary>
        <form method="post" action={`/comments/c/${c.id}/report`}>
          <CsrfInput token={viewer.csrfToken} />
          <label>
            {t.reportReason}{' '}
            <select name="reason">
              {(Object.keys(t.reportReasons) as Array<keyof typeof t.reportReasons>).map((k) => (
                <option key={k} value={k}>
                  {t.reportReasons[k]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.reportNote} <input type="text" name="note" maxLength={500} />
          </label>
          <button type="submit">{t.reportSend}</button>
        </form>
      </details>
    </div>
  );
}

export function CommentItem({ ctx, c, viewer, articleId }: { ctx: ViewContext; c: ThreadComment; viewer: CommentViewer | null; articleId: number }) {
  const t = ctx.t.comments;
  const removed = c.status === 'deleted';
  return (
    <li class={`comment comment--depth-${c.depth}${c.featured ? ' comment--featured' : ''}`} id={`comment-${c.id}`}>
      <article aria-label={removed ? t.removed : c.authorName}>
        {removed ? (
          <p class="comment__removed">{t.removed}</p>
        ) : (
          <>
            <p class="comment__meta">
              <bdi class="comment__author">{c.authorName}</bdi>
              {c.guest ? <span class="comment__guest"> ({t.guest})</span> : null} · <TimeStamp ctx={ctx} at={c.createdAt} />
              {c.editedAt !== null ? <span class="comment__edited"> · {t.edited}</span> : null}
              {c.featured ? <span class="comment__badge"> · {t.featured}</span> : null}
            </p>
            {c.inReplyTo ? (
              <p class="comment__in-reply">
                {t.inReplyTo('')}
                <bdi>{c.inReplyTo}</bdi>
              </p>
            ) : null}
            <div class="comment__body" dir="auto" dangerouslySetInnerHTML={{ __html: c.html }} />
            <p class="comment__reactions">{t.likes(ctx.fmt.number(c.reactions))}</p>
            {viewer ? <CommentActions ctx={ctx} c={c} viewer={viewer} articleId={articleId} /> : null}
          </>
        )}
      </article>
      {c.replies.length > 0 ? (
        <ol class="comments__replies">
          {c.replies.map((r) => (
            <CommentItem key={r.id} ctx={ctx} c={r} viewer={viewer} articleId={articleId} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export function CommentList({ ctx, thread, viewer }: { ctx: ViewContext; thread: CommentThread; viewer: CommentViewer | null }) {
  if (thread.comments.length === 0) return <p class="comments__none">{ctx.t.comments.none}</p>;
  return (
    <ol class="comments__list">
      {thread.comments.map((c) => (
        <CommentItem key={c.id} ctx={ctx} c={c} viewer={viewer} articleId={thread.articleId} />
      ))}
    </ol>
  );
}

export function CommentSortLinks({ ctx, articleId, sort }: { ctx: ViewContext; articleId: number; sort: CommentSort }) {
  const t = ctx.t.comments;
  return (
    <nav class="comments__sort" aria-label={t.sort}>
      <ul>
        {COMMENT_SORTS.map((s) => (
          <li key={s}>
            <a href={commentThreadPath(articleId, { sort: s })} aria-current={s === sort ? 'page' : undefined}>
              {t.sorts[s]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CommentPager({ ctx, thread }: { ctx: ViewContext; thread: CommentThread }) {
  const t = ctx.t.comments;
  if (!thread.hasMore && thread.page === 1) return null;
  return (
    <nav class="comments__pager" aria-label={t.title}>
      {thread.page > 1 ? (
        <a rel="prev" href={commentThreadPath(thread.articleId, { sort: thread.sort, page: thread.page - 1 })}>
          {t.previous}
        </a>
      ) : null}
      {thread.hasMore ? (
        <a rel="next" href={commentThreadPath(thread.articleId, { sort: thread.sort, page: thread.page + 1 })}>
          {t.more}
        </a>
      ) : null}
    </nav>
  );
}

/** The article page's comments: count, the first page of the thread, and the way to the full thread. */
export function CommentsSection({ ctx, thread, mode }: { ctx: ViewContext; thread: CommentThread; mode: 'open' | 'premoderated' | 'closed' }) {
  const t = ctx.t.comments;
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {t.title} <span class="count">({ctx.fmt.commentCount(thread.total)})</span>
      </h2>
      {mode === 'closed' ? <p class="comments__state">{t.closed}</p> : mode === 'premoderated' ? <p class="comments__state">{t.premoderated}</p> : null}
      <CommentList ctx={ctx} thread={thread} viewer={null} />
      <p class="comments__links">
        {mode !== 'closed' ? (
          <a class="button" href={`/comments/${thread.articleId}#comment-form`}>
            {t.write}
          </a>
        ) : null}{' '}
        {thread.total > 0 ? <a href={commentThreadPath(thread.articleId)}>{t.viewAll}</a> : null}
      </p>
    </section>
  );
}
