// Administration pages beside accounts: integration API tokens (created, shown once, revoked) and the
// audit log (who did what, when, with before/after). Gets prepared data; decides nothing.
import { API_SCOPE_NAMES } from '../../domain/index.js';
import type { ApiTokenInfo, AuditEntry, NewsroomUser } from '../../services/index.js';
import { LogTable } from './log-table.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CheckboxGroup, CsrfField, Field, NewsroomDocument, SelectField } from './newsroom-document.js';

export function ApiTokensPage({
  ctx,
  tokens,
  users,
  created,
  errors,
  notice,
}: {
  ctx: NewsroomViewContext;
  tokens: readonly ApiTokenInfo[];
  users: readonly NewsroomUser[];
  /** The token just created, shown this once. */
  created?: string | null;
  errors?: Readonly<Record<string, string>> | null;
  notice?: string | null;
}) {
  const t = ctx.t.newsroom.tokens;
  const e = errors ?? {};
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={notice ?? null} error={Object.keys(e).length ? ctx.t.newsroom.errors.invalid : null}>
      <p>{t.intro}</p>
      {created ? (
        <div class="nr-notice" role="status">
          <p>{t.shownOnce}</p>
          <p>
            <code dir="ltr" lang="en" class="nr-secret" id="new-token">
              {created}
            </code>
          </p>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.actsAs}</th>
              <th scope="col">{t.scopes}</th>
              <th scope="col">{t.lastUsed}</th>
              <th scope="col">{ctx.t.newsroom.users.status}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <td>
                  {k.name} <code dir="ltr">{k.prefix}…</code>
                </td>
                <td>{k.userName}</td>
                <td>{k.scopes.map((s) => t.scopeNames[s]).join('، ')}</td>
                <td>{k.lastUsedAt ? ctx.fmt.dateTime(k.lastUsedAt) : t.never}</td>
                <td>
                  {k.revokedAt ? (
                    t.revokedLabel
                  ) : (
                    <form method="post" action={`/newsroom/api-tokens/${k.id}/revoke`} class="nr-inline-form">
                      <CsrfField ctx={ctx} />
                      {t.activeLabel}{' '}
                      <button type="submit" class="nr-button nr-button-danger">
                        {t.revoke}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="new-token-heading" class="nr-panel">
        <h2 id="new-token-heading">{t.create}</h2>
        <form method="post" action="/newsroom/api-tokens" class="nr-form">
          <CsrfField ctx={ctx} />
          <Field name="name" label={t.name} required error={e['name'] ?? null} />
          <SelectField
            name="userId"
            label={t.actsAs}
            options={users.filter((u) => !u.disabled).map((u) => ({ value: String(u.id), label: `${u.displayName} — ${ctx.t.newsroom.roles[u.role]}` }))}
            error={e['userId'] ?? null}
          />
          <CheckboxGroup name="scopes" legend={t.scopes} options={API_SCOPE_NAMES.map((s) => ({ value: s, label: t.scopeNames[s] }))} checked={[]} error={e['scopes'] ?? null} />
          <button type="submit" class="nr-button">
            {t.create}
          </button>
        </form>
      </section>
    </NewsroomDocument>
  );
}

function Snapshot({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <pre dir="ltr" class="nr-json">
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

export function AuditPage({ ctx, entries, olderHref }: { ctx: NewsroomViewContext; entries: readonly AuditEntry[]; olderHref: string | null }) {
  const t = ctx.t.newsroom.audit;
  return (
    <NewsroomDocument ctx={ctx} title={t.title}>
      {entries.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <LogTable
          ctx={ctx}
          className="nr-audit"
          caption={t.title}
          headings={{ when: t.when, who: t.who, action: t.action, target: t.target, detail: t.changes }}
          rows={entries.map((e) => ({
            id: e.id,
            at: e.at,
            action: e.action,
            who: e.actorName ?? (e.actorLabel === 'system' ? t.system : <bdi dir="ltr">{e.actorLabel}</bdi>),
            target: (
              <bdi dir="ltr">
                {e.targetType}
                {e.targetId ? ` #${e.targetId}` : ''}
              </bdi>
            ),
            detail: (
              <>
                {e.before !== null ? (
                  <details>
                    <summary>{t.before}</summary>
                    <Snapshot value={e.before} />
                  </details>
                ) : null}
                {e.after !== null ? (
                  <details>
                    <summary>{t.after}</summary>
                    <Snapshot value={e.after} />
                  </details>
                ) : null}
              </>
            ),
          }))}
        />
      )}
      {olderHref ? (
        <nav class="nr-pages" aria-label={t.title}>
          <a rel="next" href={olderHref}>
            {t.older}
          </a>
        </nav>
      ) : null}
    </NewsroomDocument>
  );
}

/** A short page for refusals and failures inside the newsroom (403 CSRF, 403, 404, 400, 500). */
export function NewsroomMessagePage({ ctx, title, message, fields }: { ctx: NewsroomViewContext; title: string; message: string; fields?: Readonly<Record<string, string>> }) {
  const entries = Object.entries(fields ?? {});
  return (
    <NewsroomDocument ctx={ctx} title={title} error={message}>
      {entries.length ? (
        <ul class="nr-field-errors">
          {entries.map(([k, v]) => (
            <li key={k}>{v}</li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href="/newsroom">{ctx.t.newsroom.errors.back}</a>
      </p>
    </NewsroomDocument>
  );
}
