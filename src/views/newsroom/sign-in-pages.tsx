// The sign-in pages: e-mail and password, then the second factor when the account has one.
// Knows the forms and their messages; nothing of sessions or how credentials are checked.
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, Field, NewsroomDocument } from './newsroom-document.js';

export function LoginPage({ ctx, email, error, notice, next }: { ctx: NewsroomViewContext; email?: string; error?: string | null; notice?: string | null; next?: string | null }) {
  const t = ctx.t.newsroom.login;
  return (
    <NewsroomDocument ctx={ctx} title={t.title} error={error ?? null} notice={notice ?? null}>
      <form method="post" action="/newsroom/login" class="nr-form nr-narrow">
        <CsrfField ctx={ctx} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Field name="email" type="email" label={t.email} value={email ?? ''} required autocomplete="username" dir="ltr" autofocus={!email} />
        <Field name="password" type="password" label={t.password} required autocomplete="current-password" dir="ltr" autofocus={Boolean(email)} />
        <button type="submit" class="nr-button">
          {t.submit}
        </button>
      </form>
    </NewsroomDocument>
  );
}

export function TotpPage({ ctx, error }: { ctx: NewsroomViewContext; error?: string | null }) {
  const t = ctx.t.newsroom.totp;
  return (
    <NewsroomDocument ctx={ctx} title={t.title} error={error ?? null}>
      <form method="post" action="/newsroom/login/two-factor" class="nr-form nr-narrow">
        <CsrfField ctx={ctx} />
        <p>{t.prompt}</p>
        <Field name="code" label={t.code} required autocomplete="one-time-code" inputmode="numeric" dir="ltr" autofocus />
        <button type="submit" class="nr-button">
          {t.submit}
        </button>
      </form>
    </NewsroomDocument>
  );
}
