// A member's own account: interface language, password, and two-factor enrolment (QR code as a data:
// URL image, the secret for manual entry, a code to confirm). Knows nothing of how codes are checked.
import type { Locale } from '../../i18n/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, Field, NewsroomDocument, SelectField } from './newsroom-document.js';

export interface AccountPageData {
  readonly locale: Locale;
  readonly totpEnabled: boolean;
  readonly totpRequired: boolean;
  /** Present while enrolling: the QR code and the secret to type by hand. */
  readonly enrolment?: { readonly qrDataUrl: string; readonly secret: string } | null;
}

export function AccountPage({
  ctx,
  data,
  notice,
  error,
  fieldErrors,
}: {
  ctx: NewsroomViewContext;
  data: AccountPageData;
  notice?: string | null;
  error?: string | null;
  fieldErrors?: Readonly<Record<string, string>>;
}) {
  const t = ctx.t.newsroom.account;
  const fe = fieldErrors ?? {};
  const mustEnrol = data.totpRequired && !data.totpEnabled;
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={notice ?? null} error={error ?? (mustEnrol ? t.twoFactorRequired : null)}>
      <section aria-labelledby="two-factor" class="nr-panel">
        <h2 id="two-factor">{t.twoFactor}</h2>
        <p>{data.totpEnabled ? t.twoFactorOn : t.twoFactorOff}</p>
        {data.totpEnabled ? (
          data.totpRequired ? null : (
            <form method="post" action="/newsroom/account/two-factor/disable" class="nr-form">
              <CsrfField ctx={ctx} />
              <Field name="code" label={ctx.t.newsroom.totp.code} required autocomplete="one-time-code" inputmode="numeric" dir="ltr" error={fe['disableCode'] ?? null} />
              <button type="submit" class="nr-button nr-button-danger">
                {t.disable}
              </button>
            </form>
          )
        ) : data.enrolment ? (
          <form method="post" action="/newsroom/account/two-factor/confirm" class="nr-form">
            <CsrfField ctx={ctx} />
            <p>{t.scan}</p>
            <img class="nr-qr" src={data.enrolment.qrDataUrl} alt={t.qrAlt} width={240} height={240} />
            <p>
              {t.secretLabel}{' '}
              <code dir="ltr" lang="en" class="nr-secret">
                {data.enrolment.secret}
              </code>
            </p>
            <Field name="code" label={ctx.t.newsroom.totp.code} required autocomplete="one-time-code" inputmode="numeric" dir="ltr" autofocus error={fe['code'] ?? null} />
            <button type="submit" class="nr-button">
              {t.confirm}
            </button>
          </form>
        ) : (
          <form method="post" action="/newsroom/account/two-factor" class="nr-form">
            <CsrfField ctx={ctx} />
            <button type="submit" class="nr-button">
              {t.enrolStart}
            </button>
          </form>
        )}
      </section>
      {mustEnrol ? null : (
        <>
          <section aria-labelledby="language" class="nr-panel">
            <h2 id="language">{t.language}</h2>
            <form method="post" action="/newsroom/account/locale" class="nr-form">
              <CsrfField ctx={ctx} />
              <SelectField
                name="locale"
                label={t.language}
                value={data.locale}
                options={(['ar', 'en'] as const).map((l) => ({ value: l, label: ctx.t.newsroom.languages[l] }))}
              />
              <button type="submit" class="nr-button">
                {t.save}
              </button>
            </form>
          </section>
          <section aria-labelledby="password" class="nr-panel">
            <h2 id="password">{t.changePassword}</h2>
            <form method="post" action="/newsroom/account/password" class="nr-form">
              <CsrfField ctx={ctx} />
              <Field name="currentPassword" type="password" label={t.currentPassword} required autocomplete="current-password" dir="ltr" error={fe['currentPassword'] ?? null} />
              <Field name="password" type="password" label={t.newPassword} required autocomplete="new-password" dir="ltr" error={fe['password'] ?? null} />
              <button type="submit" class="nr-button">
                {t.changePassword}
              </button>
            </form>
          </section>
        </>
      )}
    </NewsroomDocument>
  );
}
