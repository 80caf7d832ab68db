// The full comment thread of an article: sort links, 20 top-level comments a page with "more" links,
// replies, per-comment actions for the signed-in reader, and the comment form (or why there is none).
// Never indexed: the article page is the canonical home of its comments.
import { articlePath, type CommentThread } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { CommentForm, type CommentFormState } from '../parts/comments-form.js';
import { CommentList, CommentPager, CommentSortLinks, type CommentViewer } from '../parts/comments-thread.js';

export interface CommentThreadPageData {
  readonly article: { readonly id: number; readonly slug: string; readonly title: string; readonly sectionSlug: string };
  readonly thread: CommentThread;
  readonly mode: 'open' | 'premoderated' | 'closed';
  readonly closesAt: number | null;
  readonly guestsAllowed: boolean;
  /** The signed-in reader, or null. */
  readonly reader: { readonly id: number; readonly displayName: string; readonly blocked: 'suspended' | 'banned' | null; readonly suspendedUntil: number | null } | null;
  readonly csrfToken: string;
  readonly form: CommentFormState;
  /** A key of `comments.posted`, after a redirect. */
  readonly notice: string | null;
  readonly maxLength: number;
}

export function CommentThreadPage({ ctx, data }: { ctx: ViewContext; data: CommentThreadPageData }) {
  const t = ctx.t.comments;
  const { thread, reader } = data;
  const mayPost = data.mode !== 'closed' && (reader ? reader.blocked === null : data.guestsAllowed);
  const viewer: CommentViewer = { readerId: reader?.id ?? null, csrfToken: data.csrfToken, mayPost };
  const posted = ctx.t.comments.posted as Record<string, string>;
  const back = articlePath({ sectionSlug: data.article.sectionSlug, id: data.article.id, slug: data.article.slug });
  return (
    <Document ctx={ctx} meta={{ title: t.threadTitle(data.article.title), noindex: true }}>
      <div class="comment-thread">
        <h1 dir="auto">{t.threadTitle(data.article.title)}</h1>
        <p>
          <a href={back}>{t.backToArticle}</a>
        </p>
        {data.notice && posted[data.notice] ? (
          <p class="notice" role="status">
            {posted[data.notice]}
          </p>
        ) : null}
        <section class="comments" id="comments" aria-labelledby="comments-title">
          <h2 id="comments-title">
            {t.title} <span class="count">({ctx.fmt.commentCount(thread.total)})</span>
          </h2>
          {data.mode === 'closed' ? <p class="comments__state">{t.closed}</p> : data.mode === 'premoderated' ? <p class="comments__state">{t.premoderated}</p> : null}
          {data.mode !== 'closed' && data.closesAt !== null ? (
            <p class="comments__state">
              {t.closesAt('')}
              <time datetime={ctx.fmt.iso(data.closesAt)}>{ctx.fmt.dateTime(data.closesAt)}</time>
            </p>
          ) : null}
          <CommentSortLinks ctx={ctx} articleId={thread.articleId} sort={thread.sort} />
          <CommentList ctx={ctx} thread={thread} viewer={viewer} />
          <CommentPager ctx={ctx} thread={thread} />
        </section>
        {data.mode === 'closed' ? null : reader?.blocked ? (
          <p class="comments__state" id="comment-form">
            {reader.blocked === 'banned' || reader.suspendedUntil === null ? ctx.t.comments.account.banned : ctx.t.comments.account.suspendedUntil(ctx.fmt.dateTime(reader.suspendedUntil))}
          </p>
        ) : mayPost ? (
          <CommentForm ctx={ctx} articleId={thread.articleId} csrfToken={data.csrfToken} reader={reader?.displayName ?? null} state={data.form} maxLength={data.maxLength} />
        ) : null}
        {reader === null && data.mode !== 'closed' ? (
          <p class="comments__account" id={mayPost ? undefined : 'comment-form'}>
            <a href={`/account/sign-in?next=${encodeURIComponent(`/comments/${thread.articleId}`)}`}>{t.form.signInToComment}</a> ·{' '}
            <a href={`/account/sign-up?next=${encodeURIComponent(`/comments/${thread.articleId}`)}`}>{t.form.signUp}</a>
          </p>
        ) : null}
      </div>
    </Document>
  );
}
