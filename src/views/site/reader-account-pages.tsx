// Reader account pages on the public site: sign-up, sign-in, the account (my comments, export, delete,
// sign out) and the edit form of one's own comment. Never indexed, never cached.
import { articleHref } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { CsrfInput } from '../parts/comments-thread.js';
import { TimeStamp } from '../parts/cards.js';

function FieldError({ text, id }: { text: string | undefined; id: string }) {
  return text ? (
    <p class="field__error" id={id} role="alert">
      {text}
    </p>
  ) : null;
}

export function ReaderSignUpPage({
  ctx,
  csrfToken,
  values,
  errors,
  next,
}: {
  ctx: ViewContext;
  csrfToken: string;
  values: { email: string; displayName: string };
  errors: Readonly<Record<string, string>>;
  next: string;
}) {
  const t = ctx.t.comments.account;
  const fieldText = (k: 'email' | 'password' | 'displayName') => (errors[k] ? t.fields[k] : undefined);
  return (
    <Document ctx={ctx} meta={{ title: t.signUpTitle, noindex: true }}>
      <div class="reader-account">
        <h1>{t.signUpTitle}</h1>
        {errors['form'] === 'rateLimited' ? (
          <p class="field__error" role="alert">
            {t.locked}
          </p>
        ) : null}
        <form method="post" action="/account/sign-up" class="reader-form">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="next" value={next} />
          <p class="field">
            <label for="reader-email">{t.email}</label>
            <input id="reader-email" name="email" type="email" required autocomplete="email" dir="ltr" value={values.email} />
            <FieldError text={fieldText('email')} id="reader-email-error" />
          </p>
          <p class="field">
            <label for="reader-name">{t.displayName}</label>
            <input id="reader-name" name="displayName" type="text" required minLength={2} maxLength={50} dir="auto" value={values.displayName} />
            <FieldError text={fieldText('displayName')} id="reader-name-error" />
          </p>
          <p class="field">
            <label for="reader-password">{t.password}</label>
            <input id="reader-password" name="password" type="password" required minLength={10} autocomplete="new-password" aria-describedby="reader-password-hint" />
            <span class="field__hint" id="reader-password-hint">
              {t.passwordHint}
            </span>
            <FieldError text={fieldText('password')} id="reader-password-error" />
          </p>
          <button type="submit">{t.signUp}</button>
        </form>
        <p>
          <a href={`/account/sign-in?next=${encodeURIComponent(next)}`}>{t.haveAccount}</a>
        </p>
      </div>
    </Document>
  );
}

export function ReaderSignInPage({ ctx, csrfToken, email, error, next }: { ctx: ViewContext; csrfToken: string; email: string; error: 'invalid' | 'locked' | null; next: string }) {
  const t = ctx.t.comments.account;
  return (
    <Document ctx={ctx} meta={{ title: t.signInTitle, noindex: true }}>
      <div class="reader-account">
        <h1>{t.signInTitle}</h1>
        {error ? (
          <p class="field__error" role="alert">
            {t[error]}
          </p>
        ) : null}
        <form method="post" action="/account/sign-in" class="reader-form">
          <CsrfInput token={csrfToken} />
          <input type="hidden" name="next" value={next} />
          <p class="field">
            <label for="reader-email">{t.email}</label>
            <input id="reader-email" name="email" type="email" required autocomplete="email" dir="ltr" value={email} />
          </p>
          <p class="field">
            <label for="reader-password">{t.password}</label>
            <input id="reader-password" name="password" type="password" required autocomplete="current-password" />
          </p>
          <button type="submit">{t.signIn}</button>
        </form>
        <p>
          <a href={`/account/sign-up?next=${encodeURIComponent(next)}`}>{t.noAccount}</a>
        </p>
      </div>
    </Document>
  );
}

export interface ReaderAccountData {
  readonly reader: { readonly displayName: string; readonly email: string; readonly status: string; readonly suspendedUntil: number | null };
  readonly comments: ReadonlyArray<{
    readonly id: number;
    readonly html: string;
    readonly status: 'pending' | 'approved' | 'rejected' | 'deleted';
    readonly createdAt: number;
    readonly article: { readonly id: number; readonly title: string; readonly slug: string; readonly sectionSlug: string };
  }>;
  readonly csrfToken: string;
  readonly deleteError: boolean;
  readonly notice: string | null;
}

export function ReaderAccountPage({ ctx, data }: { ctx: ViewContext; data: ReaderAccountData }) {
  const t = ctx.t.comments.account;
  const r = data.reader;
  return (
    <Document ctx={ctx} meta={{ title: t.title, noindex: true }}>
      <div class="reader-account">
        <h1>{t.title}</h1>
        {data.notice ? (
          <p class="notice" role="status">
            {data.notice}
          </p>
        ) : null}
        <p>
          {t.signedInAs('')}
          <bdi>{r.displayName}</bdi> (<bdi dir="ltr">{r.email}</bdi>)
        </p>
        {r.status === 'banned' ? <p class="comments__state">{t.banned}</p> : null}
        {r.status === 'suspended' && r.suspendedUntil !== null && r.suspendedUntil > ctx.now ? <p class="comments__state">{t.suspendedUntil(ctx.fmt.dateTime(r.suspendedUntil))}</p> : null}
        <form method="post" action="/account/sign-out">
          <CsrfInput token={data.csrfToken} />
          <button type="submit">{t.signOut}</button>
        </form>
        <section aria-labelledby="my-comments">
          <h2 id="my-comments">{t.myComments}</h2>
          {data.comments.length === 0 ? (
            <p>{t.noComments}</p>
          ) : (
            <ol class="reader-comments">
              {data.comments.map((c) => (
                <li key={c.id}>
                  <p class="comment__meta">
                    <a href={articleHref(c.article)} dir="auto">
                      {c.article.title}
                    </a>{' '}
                    · <TimeStamp ctx={ctx} at={c.createdAt} /> · {t.statuses[c.status]}
                  </p>
                  <div class="comment__body" dir="auto" dangerouslySetInnerHTML={{ __html: c.html }} />
                </li>
              ))}
            </ol>
          )}
          <p>
            <a href="/account/export" download="comments.json">
              {t.export}
            </a>
          </p>
        </section>
        <section aria-labelledby="delete-account">
          <h2 id="delete-account">{t.deleteTitle}</h2>
          <p>{t.deleteBody}</p>
          <form method="post" action="/account/delete" class="reader-form">
            <CsrfInput token={data.csrfToken} />
            <p class="field">
              <label for="delete-password">{t.deleteConfirm}</label>
              <input id="delete-password" name="password" type="password" required autocomplete="current-password" />
              <FieldError text={data.deleteError ? t.deleteWrong : undefined} id="delete-password-error" />
            </p>
            <button type="submit" class="danger">
              {t.deleteButton}
            </button>
          </form>
        </section>
      </div>
    </Document>
  );
}

export function CommentEditPage({
  ctx,
  data,
}: {
  ctx: ViewContext;
  data: { id: number; articleId: number; body: string; editableUntil: number; csrfToken: string; error: string | null; maxLength: number };
}) {
  const t = ctx.t.comments;
  const errors = t.errors as Record<string, string>;
  const open = data.editableUntil > ctx.now;
  return (
    <Document ctx={ctx} meta={{ title: t.editTitle, noindex: true }}>
      <div class="reader-account">
        <h1>{t.editTitle}</h1>
        <p>
          <a href={`/comments/${data.articleId}#comment-${data.id}`}>{t.backToArticle}</a>
        </p>
        {data.error ? (
          <p class="field__error" role="alert">
            {errors[data.error] ?? errors['invalid']}
          </p>
        ) : null}
        {open ? (
          <form method="post" action={`/comments/c/${data.id}/edit`} class="comment-form">
            <CsrfInput token={data.csrfToken} />
            <p class="field__hint">{t.editUntil(ctx.fmt.time(data.editableUntil))}</p>
            <p class="field">
              <label for="comment-body">{t.form.body}</label>
              <textarea id="comment-body" name="body" rows={5} required maxLength={data.maxLength} dir="auto">
                {data.body}
              </textarea>
            </p>
            <button type="submit">{t.save}</button>
          </form>
        ) : (
          <p class="comments__state">{t.errors.editWindow}</p>
        )}
        <form method="post" action={`/comments/c/${data.id}/delete`}>
          <CsrfInput token={data.csrfToken} />
          <button type="submit" class="danger">
            {t.deleteConfirm}
          </button>
        </form>
      </div>
    </Document>
  );
}
