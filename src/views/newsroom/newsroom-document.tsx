// The newsroom's document shell: <html lang dir> in the member's language, never indexed, a skip link,
// the menu the member may use, a sign-out form, an optional notice, and the page's content.
// Knows the layout and the form helpers every newsroom page shares; nothing of any page's data.
import type { ComponentChildren } from 'preact';
import type { NewsroomViewContext } from './newsroom-context.js';

export function CsrfField({ ctx }: { ctx: NewsroomViewContext }) {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

export interface NewsroomPageProps {
  readonly ctx: NewsroomViewContext;
  readonly title: string;
  /** A confirmation shown at the top of the page (role=status). */
  readonly notice?: string | null;
  /** An error summary shown at the top of the page (role=alert). */
  readonly error?: string | null;
  /** Client islands to load as modules, by name (see NewsroomViewContext.scripts). */
  readonly scripts?: readonly string[];
  readonly children?: ComponentChildren;
}

export function NewsroomDocument({ ctx, title, notice, error, scripts, children }: NewsroomPageProps) {
  const t = ctx.t.newsroom;
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | ${t.title} | ${ctx.siteName}`}</title>
        <link rel="icon" href={ctx.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.css} />
        {(scripts ?? []).map((name) => (ctx.scripts[name] ? <script key={name} type="module" src={ctx.scripts[name]} /> : null))}
      </head>
      <body class="newsroom">
        <a class="skip-link" href="#content">
          {ctx.t.site.skipToContent}
        </a>
        <header class="nr-header">
          <p class="nr-brand">
            <a href="/newsroom">
              {ctx.siteName} · {t.title}
            </a>
          </p>
          {ctx.user ? (
            <nav class="nr-nav" aria-label={t.navLabel}>
              <ul>
                {ctx.nav.map((item) => {
                  const current = ctx.path === item.href || (item.href !== '/newsroom' && ctx.path.startsWith(`${item.href}/`));
                  return (
                    <li key={item.href}>
                      <a href={item.href} aria-current={current ? 'page' : undefined}>
                        {item.label}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}
          <div class="nr-user">
            <a href="/">{t.viewSite}</a>
            {ctx.user ? (
              <form method="post" action="/newsroom/logout" class="nr-inline-form">
                <CsrfField ctx={ctx} />
                <span>{t.signedInAs(ctx.user.displayName)}</span> <span class="nr-role">{t.roles[ctx.user.role]}</span>{' '}
                <button type="submit" class="nr-button nr-button-quiet">
                  {t.logout}
                </button>
              </form>
            ) : null}
          </div>
        </header>
        <main id="content" tabIndex={-1} class="nr-main">
          <h1>{title}</h1>
          {notice ? (
            <p class="nr-notice" role="status">
              {notice}
            </p>
          ) : null}
          {error ? (
            <p class="nr-error-summary" role="alert">
              {error}
            </p>
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly value?: string | null;
  readonly type?: 'text' | 'email' | 'password' | 'search' | 'number';
  readonly error?: string | null;
  readonly hint?: string | null;
  readonly required?: boolean;
  readonly autocomplete?: string;
  readonly inputmode?: 'numeric' | 'text' | 'email';
  readonly dir?: 'ltr' | 'rtl' | 'auto';
  readonly autofocus?: boolean;
}

/** The frame of every labelled form control: the label, its hint and its error, tied to the control for screen readers. */
function FieldFrame(p: { name: string; label: string; error?: string | null | undefined; hint?: string | null | undefined; control: (id: string, describedBy: string | undefined) => ComponentChildren }) {
  const id = `f-${p.name}`;
  const described = [p.hint ? `${id}-hint` : null, p.error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'nr-field nr-field-invalid' : 'nr-field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? (
        <p id={`${id}-hint`} class="nr-hint">
          {p.hint}
        </p>
      ) : null}
      {p.control(id, described)}
      {p.error ? (
        <p id={`${id}-error`} class="nr-field-error">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field(p: FieldProps) {
  return (
    <FieldFrame
      name={p.name}
      label={p.label}
      error={p.error}
      hint={p.hint}
      control={(id, described) => (
        <input
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          value={p.type === 'password' ? undefined : (p.value ?? undefined)}
          required={p.required}
          autocomplete={p.autocomplete}
          inputMode={p.inputmode}
          dir={p.dir}
          autoFocus={p.autofocus}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={described}
        />
      )}
    />
  );
}

/** A labelled multi-line text field (written in either direction). */
export function TextAreaField(p: { name: string; label: string; value: string; rows?: number; error?: string | undefined; hint?: string; required?: boolean }) {
  return (
    <FieldFrame
      name={p.name}
      label={p.label}
      error={p.error}
      hint={p.hint}
      control={(id, described) => (
        <textarea id={id} name={p.name} rows={p.rows ?? 3} dir="auto" required={p.required} aria-invalid={p.error ? 'true' : undefined} aria-describedby={described}>
          {p.value}
        </textarea>
      )}
    />
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export function SelectField(p: {
  name: string;
  label: string;
  options: readonly SelectOption[];
  value?: string | null;
  error?: string | null;
  hint?: string | null;
}) {
  return (
    <FieldFrame
      name={p.name}
      label={p.label}
      error={p.error}
      hint={p.hint}
      control={(id) => (
        <select id={id} name={p.name} aria-invalid={p.error ? 'true' : undefined} aria-describedby={p.error ? `${id}-error` : p.hint ? `${id}-hint` : undefined}>
          {p.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === (p.value ?? '')}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A group of checkboxes sharing one name (sections, scopes). */
export function CheckboxGroup(p: { name: string; legend: string; options: readonly SelectOption[]; checked: readonly string[]; error?: string | null; hint?: string | null }) {
  return (
    <fieldset class={p.error ? 'nr-field nr-field-invalid' : 'nr-field'}>
      <legend>{p.legend}</legend>
      {p.hint ? <p class="nr-hint">{p.hint}</p> : null}
      <ul class="nr-checks">
        {p.options.map((o) => (
          <li key={o.value}>
            <label>
              <input type="checkbox" name={p.name} value={o.value} checked={p.checked.includes(o.value)} /> {o.label}
            </label>
          </li>
        ))}
      </ul>
      {p.error ? <p class="nr-field-error">{p.error}</p> : null}
    </fieldset>
  );
}

export function Checkbox(p: { name: string; label: string; checked: boolean }) {
  return (
    <div class="nr-field">
      <label>
        <input type="checkbox" name={p.name} value="1" checked={p.checked} /> {p.label}
      </label>
    </div>
  );
}
