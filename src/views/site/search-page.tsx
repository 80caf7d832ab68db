// The search page: a form that works without JavaScript (RTL, dir="auto" input, filters in a
// <details>), the results with highlighted titles and snippets, and page links. Never indexed.
// Must not know how search works: it renders a prepared result and already translated messages.
import type { SearchResult, SnippetSegment } from '../../services/index.js';
import { ARTICLE_TYPES } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';

export interface SearchForm {
  readonly q: string;
  readonly section?: string | undefined;
  readonly type?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly story?: string | undefined;
}

export interface SearchPageData {
  readonly form: SearchForm;
  /** Null before a search and when the query was refused. */
  readonly result: SearchResult | null;
  /** An already translated explanation of why the query was refused. */
  readonly error: string | null;
}

/** Text and <mark> segments; Preact escapes every string, so no markup ever comes from the text. */
export function Highlighted({ segments }: { segments: readonly SnippetSegment[] }) {
  return <>{segments.map((s) => (s.mark ? <mark>{s.text}</mark> : s.text))}</>;
}

export function searchHref(form: SearchForm, page: number): string {
  const params = new URLSearchParams();
  params.set('q', form.q);
  for (const key of ['section', 'story', 'type', 'from', 'to'] as const) {
    const v = form[key];
    if (v) params.set(key, v);
  }
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

export function SearchPage({ ctx, data }: { ctx: ViewContext; data: SearchPageData }) {
  const t = ctx.t.search;
  const { form, result, error } = data;
  const title = result && form.q ? t.resultsTitle(form.q) : t.title;
  const refined = Boolean(form.section || form.type || form.from || form.to);
  return (
    <Document ctx={ctx} meta={{ title, noindex: true, description: t.intro }}>
      <section class="search-page" aria-labelledby="search-title">
        <h1 id="search-title">{t.title}</h1>
        <form class="search-form" role="search" method="get" action="/search">
          <label class="search-form__label" for="search-q">
            {t.label}
          </label>
          <div class="search-form__row">
            <input
              id="search-q"
              class="search-form__input"
              type="search"
              name="q"
              dir="auto"
              value={form.q}
              maxLength={200}
              placeholder={t.placeholder}
              autocomplete="off"
              aria-describedby="search-help"
              {...(error ? { 'aria-invalid': 'true', 'aria-errormessage': 'search-error' } : {})}
            />
            <button class="search-form__submit" type="submit">
              {t.submit}
            </button>
          </div>
          <p class="search-form__help" id="search-help">
            {t.help}
          </p>
          {form.story ? <input type="hidden" name="story" value={form.story} /> : null}
          {result?.story ? (
            <p class="search-form__scope">
              {t.inStory(result.story.title)} <a href={searchHref({ ...form, story: undefined }, 1)}>{t.allStories}</a>
            </p>
          ) : null}
          <details class="search-form__refine" open={refined}>
            <summary>{t.refine}</summary>
            <div class="search-form__filters">
              <label>
                <span>{t.section}</span>
                <select name="section">
                  <option value="">{t.anySection}</option>
                  {ctx.sections.map((s) => (
                    <option key={s.slug} value={s.slug} selected={form.section === s.slug}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t.type}</span>
                <select name="type">
                  <option value="">{t.anyType}</option>
                  {ARTICLE_TYPES.map((type) => (
                    <option key={type} value={type} selected={form.type === type}>
                      {t.types[type]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t.from}</span>
                <input type="date" name="from" value={form.from ?? ''} dir="ltr" />
              </label>
              <label>
                <span>{t.to}</span>
                <input type="date" name="to" value={form.to ?? ''} dir="ltr" />
              </label>
            </div>
          </details>
        </form>

        {error ? (
          <p class="search-page__error" id="search-error" role="alert">
            {error}
          </p>
        ) : null}

        {result ? <SearchResults ctx={ctx} form={form} result={result} /> : null}
      </section>
    </Document>
  );
}

function SearchResults({ ctx, form, result }: { ctx: ViewContext; form: SearchForm; result: SearchResult }) {
  const t = ctx.t.search;
  if (result.total === 0) {
    return (
      <div class="search-page__empty" role="status">
        <p>
          <bdi>{t.noResults(result.query)}</bdi>
        </p>
        <p>{t.noResultsTips}</p>
      </div>
    );
  }
  return (
    <>
      <p class="search-page__count" role="status">
        {t.resultCount(ctx.fmt.number(result.total), ctx.fmt.pluralCategory(result.total))}
        {result.pages > 1 ? ` — ${t.pageOf(ctx.fmt.number(result.page), ctx.fmt.number(result.pages))}` : ''}
      </p>
      {result.mode === 'any' ? <p class="search-page__note">{t.widened}</p> : null}
      <ol class="search-results" aria-label={t.results} start={(result.page - 1) * 10 + 1}>
        {result.hits.map((hit) => (
          <li key={hit.id} class="search-result">
            <article>
              <h2 class="search-result__title">
                <a href={hit.url}>
                  <Highlighted segments={hit.titleSegments} />
                </a>
              </h2>
              <p class="search-result__meta">
                <span class="search-result__section">{hit.sectionName}</span>
                {hit.type !== 'news' ? <span class="search-result__type">{t.types[hit.type]}</span> : null}
                <time datetime={ctx.fmt.iso(hit.publishedAt)}>{ctx.fmt.date(hit.publishedAt)}</time>
              </p>
              {hit.snippet.length > 0 ? (
                <p class="search-result__snippet">
                  <Highlighted segments={hit.snippet} />
                </p>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {result.pages > 1 ? (
        <nav class="search-pages" aria-label={t.results}>
          <ul>
            {result.page > 1 ? (
              <li>
                <a href={searchHref(form, result.page - 1)} rel="prev">
                  {ctx.t.pagination.previous}
                </a>
              </li>
            ) : null}
            {result.page < Math.min(result.pages, 100) ? (
              <li>
                <a href={searchHref(form, result.page + 1)} rel="next">
                  {ctx.t.pagination.next}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
