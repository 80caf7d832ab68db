// The newsroom's article list: a filter form (search, status, section, author, story), a table of
// articles in every status with links to their edit screens, and keyset pagination.
// Gets a prepared page of rows and filter choices; knows nothing of queries or permissions.
import type { ArticleListFilters, NewsroomArticlePage, NewsroomFilterOptions } from '../../services/index.js';
import { ARTICLE_STATUSES } from '../../domain/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { Field, NewsroomDocument, SelectField } from './newsroom-document.js';

function pageHref(filters: ArticleListFilters, after: string | null): string {
  const p = new URLSearchParams();
  if (filters.q) p.set('q', filters.q);
  if (filters.status) p.set('status', filters.status);
  if (filters.section) p.set('section', String(filters.section));
  if (filters.author) p.set('author', String(filters.author));
  if (filters.story) p.set('story', String(filters.story));
  if (after) p.set('after', after);
  const s = p.toString();
  return s ? `/newsroom?${s}` : '/newsroom';
}

export function ArticleListPage({
  ctx,
  page,
  filters,
  options,
  actions,
}: {
  ctx: NewsroomViewContext;
  page: NewsroomArticlePage | null;
  filters: ArticleListFilters;
  options: NewsroomFilterOptions;
  /** Links offered above the list (e.g. "new article"), already filtered by permission. */
  actions?: readonly { readonly href: string; readonly label: string }[];
}) {
  const t = ctx.t.newsroom.articles;
  const any = { value: '', label: t.any };
  const opts = (list: readonly { id: number; name: string }[]) => [any, ...list.map((o) => ({ value: String(o.id), label: o.name }))];
  if (!page) {
    return (
      <NewsroomDocument ctx={ctx} title={t.title}>
        <p>{t.noAccess}</p>
      </NewsroomDocument>
    );
  }
  return (
    <NewsroomDocument ctx={ctx} title={t.title}>
      {actions && actions.length ? (
        <p class="nr-actions">
          {actions.map((a) => (
            <a key={a.href} class="nr-button" href={a.href}>
              {a.label}
            </a>
          ))}
        </p>
      ) : null}
      <form method="get" action="/newsroom" class="nr-filters" role="search" aria-label={t.filters}>
        <Field name="q" type="search" label={t.search} value={filters.q ?? ''} />
        <SelectField name="status" label={t.status} value={filters.status ?? ''} options={[any, ...ARTICLE_STATUSES.map((s) => ({ value: s, label: ctx.t.newsroom.statuses[s] }))]} />
        <SelectField name="section" label={t.section} value={filters.section ? String(filters.section) : ''} options={opts(options.sections)} />
        <SelectField name="author" label={t.author} value={filters.author ? String(filters.author) : ''} options={opts(options.authors)} />
        <SelectField name="story" label={t.story} value={filters.story ? String(filters.story) : ''} options={opts(options.stories)} />
        <button type="submit" class="nr-button">
          {t.filter}
        </button>
      </form>
      <p class="nr-count" role="status">
        {t.count(ctx.fmt.number(page.total), ctx.fmt.pluralCategory(page.total))}
      </p>
      {page.rows.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden">{t.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t.headline}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.section}</th>
              <th scope="col">{t.author}</th>
              <th scope="col">{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <a href={`/newsroom/articles/${r.id}`}>{r.title}</a>
                </td>
                <td>
                  <span class={`nr-status nr-status-${r.status}`}>{ctx.t.newsroom.statuses[r.status]}</span>
                </td>
                <td>{r.sectionName}</td>
                <td>{r.authorNames.length ? r.authorNames.join('، ') : (r.createdByName ?? '')}</td>
                <td>
                  <time dateTime={ctx.fmt.iso(r.updatedAt)}>{ctx.fmt.dateTime(r.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav class="nr-pages" aria-label={t.pages}>
        {filters.after ? <a href={pageHref(filters, null)}>{t.first}</a> : null}
        {page.next ? (
          <a rel="next" href={pageHref(filters, page.next)}>
            {t.next}
          </a>
        ) : null}
      </nav>
    </NewsroomDocument>
  );
}
