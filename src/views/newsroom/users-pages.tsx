// Account administration: the list of newsroom accounts, and the form to create or edit one (role,
// sections, language, two-factor requirement, disable, password). Gets prepared data; decides nothing.
import { ROLES } from '../../domain/index.js';
import type { FilterOption, NewsroomUser } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { Checkbox, CheckboxGroup, CsrfField, Field, NewsroomDocument, SelectField } from './newsroom-document.js';

export function UsersPage({ ctx, users, sections, notice }: { ctx: NewsroomViewContext; users: readonly NewsroomUser[]; sections: readonly FilterOption[]; notice?: string | null }) {
  const t = ctx.t.newsroom.users;
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={notice ?? null}>
      <p class="nr-actions">
        <a class="nr-button" href="/newsroom/users/new">
          {t.new}
        </a>
      </p>
      <table class="nr-table">
        <caption class="visually-hidden">{t.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.sections}</th>
            <th scope="col">{t.twoFactor}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.lastLogin}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                <a href={`/newsroom/users/${u.id}`}>{u.displayName}</a>
              </td>
              <td>
                <bdi dir="ltr">{u.email}</bdi>
              </td>
              <td>{ctx.t.newsroom.roles[u.role]}</td>
              <td>{u.sectionIds.length ? u.sectionIds.map((id) => sectionName.get(id) ?? String(id)).join('، ') : t.allSections}</td>
              <td>{u.totpEnabled ? t.on : t.off}{u.totpRequired ? ` (${t.required})` : ''}</td>
              <td>{u.disabled ? t.disabledLabel : t.active}</td>
              <td>{u.lastLoginAt ? <time dateTime={ctx.fmt.iso(u.lastLoginAt)}>{ctx.fmt.dateTime(u.lastLoginAt)}</time> : t.never}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomDocument>
  );
}

export interface UserFormValues {
  readonly email: string;
  readonly displayName: string;
  readonly role: string;
  readonly locale: string;
  readonly sectionIds: readonly number[];
  readonly totpRequired: boolean;
}

export function UserFormPage({
  ctx,
  user,
  values,
  sections,
  errors,
  notice,
}: {
  ctx: NewsroomViewContext;
  /** The account being edited; absent when creating one. */
  user: NewsroomUser | null;
  values: UserFormValues;
  sections: readonly FilterOption[];
  errors?: Readonly<Record<string, string>> | null;
  notice?: string | null;
}) {
  const t = ctx.t.newsroom.users;
  const e = errors ?? {};
  const action = user ? `/newsroom/users/${user.id}` : '/newsroom/users';
  return (
    <NewsroomDocument ctx={ctx} title={user ? t.editTitle(user.displayName) : t.new} notice={notice ?? null} error={Object.keys(e).length ? ctx.t.newsroom.errors.invalid : null}>
      <form method="post" action={action} class="nr-form">
        <CsrfField ctx={ctx} />
        {user ? null : <Field name="email" type="email" label={t.email} value={values.email} required dir="ltr" autocomplete="off" error={e['email'] ?? null} />}
        <Field name="displayName" label={t.name} value={values.displayName} required error={e['displayName'] ?? null} />
        <SelectField name="role" label={t.role} value={values.role} options={ROLES.map((r) => ({ value: r, label: ctx.t.newsroom.roles[r] }))} error={e['role'] ?? null} />
        <CheckboxGroup
          name="sectionIds"
          legend={t.sections}
          hint={t.sectionsHint}
          options={sections.map((s) => ({ value: String(s.id), label: s.name }))}
          checked={values.sectionIds.map(String)}
          error={e['sectionIds'] ?? null}
        />
        <SelectField name="locale" label={t.locale} value={values.locale} options={(['ar', 'en'] as const).map((l) => ({ value: l, label: ctx.t.newsroom.languages[l] }))} />
        <Checkbox name="totpRequired" label={t.requireTwoFactor} checked={values.totpRequired} />
        {user ? null : <Field name="password" type="password" label={t.password} required dir="ltr" autocomplete="new-password" error={e['password'] ?? null} />}
        <button type="submit" class="nr-button">
          {user ? t.save : t.create}
        </button>
      </form>
      {user ? (
        <div class="nr-panel-row">
          <form method="post" action={`/newsroom/users/${user.id}/password`} class="nr-form nr-panel">
            <CsrfField ctx={ctx} />
            <Field name="password" type="password" label={t.password} required dir="ltr" autocomplete="new-password" error={e['newPassword'] ?? null} />
            <button type="submit" class="nr-button">
              {t.setPassword}
            </button>
          </form>
          <form method="post" action={`/newsroom/users/${user.id}/${user.disabled ? 'enable' : 'disable'}`} class="nr-form nr-panel">
            <CsrfField ctx={ctx} />
            <button type="submit" class={user.disabled ? 'nr-button' : 'nr-button nr-button-danger'}>
              {user.disabled ? t.enable : t.disable}
            </button>
          </form>
          {user.totpEnabled ? (
            <form method="post" action={`/newsroom/users/${user.id}/two-factor/reset`} class="nr-form nr-panel">
              <CsrfField ctx={ctx} />
              <button type="submit" class="nr-button nr-button-danger">
                {t.resetTwoFactor}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </NewsroomDocument>
  );
}
