// The comment form: a plain HTML form posted without JavaScript, with its CSRF token, the reader's name
// (or a name field for guests), the text kept on refusal, and field errors from the catalogue.
import type { ViewContext } from '../context.js';
import { CsrfInput } from './comments-thread.js';

export interface CommentFormState {
  readonly body: string;
  readonly authorName: string;
  readonly parentId: number | null;
  readonly replyToName: string | null;
  /** Catalogue keys of `comments.errors`, by field. */
  readonly errors: Readonly<Record<string, string>>;
}

export const EMPTY_COMMENT_FORM: CommentFormState = { body: '', authorName: '', parentId: null, replyToName: null, errors: {} };

function ErrorText({ ctx, k, id }: { ctx: ViewContext; k: string | undefined; id: string }) {
  if (!k) return null;
  const errors = ctx.t.comments.errors as Record<string, string>;
  return (
    <p class="field__error" id={id} role="alert">
      {errors[k] ?? errors['invalid']}
    </p>
  );
}

export function CommentForm({
  ctx,
  articleId,
  csrfToken,
  reader,
  state,
  maxLength,
}: {
  ctx: ViewContext;
  articleId: number;
  csrfToken: string;
  /** The signed-in reader's display name, or null for a guest form. */
  reader: string | null;
  state: CommentFormState;
  maxLength: number;
}) {
  const t = ctx.t.comments;
  const formError = state.errors['form'];
  return (
    <form class="comment-form" id="comment-form" method="post" action={`/comments/${articleId}`}>
      <h3>{state.parentId ? t.form.replyHeading : t.form.heading}</h3>
      {state.replyToName ? (
        <p class="comment-form__reply-to">
          {t.replyTo('')}
          <bdi>{state.replyToName}</bdi>
        </p>
      ) : null}
      <ErrorText ctx={ctx} k={formError} id="comment-form-error" />
      <CsrfInput token={csrfToken} />
      {state.parentId ? <input type="hidden" name="parentId" value={String(state.parentId)} /> : null}
      {reader !== null ? (
        <p class="comment-form__as">
          {t.form.asReader('')}
          <bdi>{reader}</bdi>
        </p>
      ) : (
        <p class="field">
          <label for="comment-name">{t.form.name}</label>
          <input id="comment-name" name="authorName" type="text" required maxLength={50} autocomplete="nickname" dir="auto" value={state.authorName} aria-describedby={state.errors['authorName'] ? 'comment-name-error' : undefined} />
          <ErrorText ctx={ctx} k={state.errors['authorName']} id="comment-name-error" />
        </p>
      )}
      {reader === null ? <p class="comment-form__note">{t.form.guestNote}</p> : null}
      <p class="field">
        <label for="comment-body">{t.form.body}</label>
        <textarea id="comment-body" name="body" rows={5} required maxLength={maxLength} dir="auto" aria-describedby={state.errors['body'] ? 'comment-body-error comment-body-hint' : 'comment-body-hint'}>
          {state.body}
        </textarea>
        <span class="field__hint" id="comment-body-hint">
          {t.form.bodyHint(ctx.fmt.number(maxLength))}
        </span>
        <ErrorText ctx={ctx} k={state.errors['body']} id="comment-body-error" />
      </p>
      <button type="submit">{t.form.submit}</button>
    </form>
  );
}
