// The page of a live blog: state, headline and lead, the summary box, key events, the pinned entry and
// the entries newest first with keyset pages — complete without JavaScript — and LiveBlogPosting
// structured data of the latest entries. The live island (client/live) follows it through data- hooks.
// Knows the page's data; never fetches anything.
import { articlePath, commentThreadPath, sectionHref, sectionPath } from '../../domain/index.js';
import type { ArticlePageData, EntryCursor, KeyEvent, LiveBlogState, LiveEntry, LiveEntryPage } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { Breadcrumbs } from '../parts/breadcrumbs.js';
import { HeadlineList } from '../parts/cards.js';
import { DateLine } from '../parts/dates.js';
import { breadcrumbList, cropUrls, publisher, type Crumb } from '../parts/json-ld.js';
import { Picture } from '../parts/picture.js';
import { BidiText, bodyText } from '../parts/rich-text.js';
import { ShareLinks } from '../parts/share-links.js';
import { LiveEntryItem, entryTime } from './live-entry.js';

export interface LiveBlogView {
  readonly page: ArticlePageData;
  readonly blog: LiveBlogState;
  readonly entries: LiveEntryPage;
  readonly keyEvents: readonly KeyEvent[];
  /** The cursor this page was asked with (null on page 1). */
  readonly before: EntryCursor | null;
}

const CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

export const cursorParam = (c: EntryCursor) => `${c.createdAt}.${c.id}`;

function entryHeadline(e: LiveEntry): string {
  if (e.title) return e.title;
  const text = bodyText(e.body).replace(/\s+/g, ' ').trim();
  return text.length > 110 ? `${text.slice(0, 109)}…` : text;
}

export function liveBlogPosting(ctx: ViewContext, data: LiveBlogView) {
  const a = data.page.article;
  const url = `${ctx.publicUrl}${articlePath(a)}`;
  const latest = data.entries.entries.slice(0, 10);
  const modified = Math.max(a.updatedAt, a.publishedAt, data.blog.updatedAt, ...latest.map((e) => e.updatedAt));
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    '@id': `${url}#live`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: a.title.length > 110 ? `${a.title.slice(0, 109)}…` : a.title,
    description: a.seoDescription ?? a.lead,
    ...(a.hero ? { image: cropUrls(ctx, a.hero) } : {}),
    datePublished: ctx.fmt.iso(a.publishedAt),
    dateModified: ctx.fmt.iso(modified),
    coverageStartTime: ctx.fmt.iso(data.blog.startsAt ?? a.publishedAt),
    ...(data.blog.endedAt !== null ? { coverageEndTime: ctx.fmt.iso(data.blog.endedAt) } : {}),
    author: a.authors.length > 0 ? a.authors.map((au) => ({ '@type': 'Person', name: au.name })) : [{ '@type': 'Organization', name: ctx.siteName }],
    publisher: publisher(ctx),
    inLanguage: ctx.lang,
    liveBlogUpdate: latest.map((e) => ({
      '@type': 'BlogPosting',
      headline: entryHeadline(e),
      url: `${url}#entry-${e.id}`,
      datePublished: ctx.fmt.iso(e.createdAt),
      dateModified: ctx.fmt.iso(e.updatedAt),
      articleBody: bodyText(e.body),
      author: { '@type': 'Person', name: e.authorName },
      ...(e.image ? { image: cropUrls(ctx, e.image)[0] } : {}),
    })),
  };
}

export function LiveBlogPage({ ctx, data }: { ctx: ViewContext; data: LiveBlogView }) {
  const { article: a } = data.page;
  const t = ctx.t.liveCoverage;
  const { blog, entries } = data;
  const canonicalPath = articlePath(a);
  const firstPage = entries.page === 1;
  const pagePath = firstPage ? canonicalPath : `${canonicalPath}?page=${entries.page}&before=${cursorParam(data.before!)}`;
  const crumbs: Crumb[] = [
    { name: ctx.t.site.home, path: '/' },
    { name: a.section.name, path: sectionPath(a.section.slug) },
  ];
  const description = a.seoDescription ?? a.lead;
  const fmtCount = (n: number) => ctx.fmt.number(n);
  // Counted messages for the island, one per plural category, with {n} for the number.
  const counted: Record<string, string> = {};
  for (const c of CATEGORIES) {
    counted[`data-msg-new-${c}`] = t.newUpdates('{n}', c);
    counted[`data-msg-announce-${c}`] = t.announceNew('{n}', c);
  }
  const isLive = blog.state === 'live';
  // The comment count (kept current by the island); hidden while comments are closed and there are none.
  const commentsShown = data.page.commentCount > 0 || (data.page.commentsMode ?? 'closed') !== 'closed';
  return (
    <Document
      ctx={ctx}
      meta={{
        title: firstPage ? a.seoTitle ?? a.title : `${a.seoTitle ?? a.title} — ${t.pageOf(fmtCount(entries.page))}`,
        description,
        canonicalPath: pagePath,
        type: 'article',
        ...(a.hero ? { image: { url: `${ctx.publicUrl}/media/crop/${a.hero.key}/16x9/1200.jpg`, width: 1200, height: 675, alt: a.heroAlt ?? a.hero.alt } } : {}),
        article: {
          publishedTime: ctx.fmt.iso(a.publishedAt),
          modifiedTime: ctx.fmt.iso(Math.max(a.updatedAt, a.publishedAt, blog.updatedAt)),
          section: a.section.name,
          tags: a.tags.map((tag) => tag.name),
        },
        jsonLd: [liveBlogPosting(ctx, data), breadcrumbList(ctx, [...crumbs, { name: a.title, path: canonicalPath }])],
        ...(entries.next ? { nextPath: `${canonicalPath}?page=${entries.page + 1}&before=${cursorParam(entries.next)}` } : {}),
        ...(!firstPage ? { prevPath: canonicalPath } : {}),
      }}
    >
      <Breadcrumbs ctx={ctx} crumbs={crumbs} />
      <article
        class="live-blog"
        aria-labelledby="article-title"
        data-live-blog={String(a.id)}
        data-state={blog.state}
        data-first-page={firstPage ? 'true' : 'false'}
        data-msg-edited={t.announceEdited}
        data-msg-ended={t.announceEnded}
        data-msg-reconnecting={t.reconnecting}
        data-msg-reload={t.reload}
        data-msg-ended-notice={t.stateNotice.ended}
        data-msg-state-ended={t.states.ended}
        data-digits={ctx.fmt.number(0) === '0' ? 'latn' : 'arab'}
        {...counted}
      >
        <header class="article__header">
          <p class="article__kicker">
            <span class={isLive ? 'live-badge live-badge--on' : 'live-badge'} data-live-state-label>
              {t.states[blog.state]}
            </span>{' '}
            <a href={sectionHref(a.section.slug)}>{a.section.name}</a>
          </p>
          <h1 id="article-title">
            <BidiText text={a.title} />
          </h1>
          {a.lead ? (
            <p class="article__lead">
              <BidiText text={a.lead} />
            </p>
          ) : null}
          <p class="article__dates">
            {ctx.t.article.published}: <DateLine ctx={ctx} at={a.publishedAt} />
          </p>
          <p class="live-blog__notice" data-live-notice>
            {t.stateNotice[blog.state]}
          </p>
          <p class="live-blog__comments" {...(commentsShown ? {} : { hidden: true })}>
            <a href={commentThreadPath(a.id)} data-live-comments>
              {ctx.fmt.commentCount(data.page.commentCount)}
            </a>
          </p>
        </header>

        {a.hero && firstPage ? (
          <figure class="article__hero">
            <Picture media={a.hero} alt={a.heroAlt ?? a.hero.alt} sizes="(min-width: 60em) 48rem, 100vw" priority />
            {a.heroCaption ?? a.hero.caption ? (
              <figcaption>
                <BidiText text={a.heroCaption ?? a.hero.caption} />
              </figcaption>
            ) : null}
          </figure>
        ) : null}

        <section class="live-summary" aria-labelledby="live-summary-title" data-live-summary {...(blog.summary.length === 0 ? { hidden: true } : {})}>
          <h2 id="live-summary-title">{t.summary}</h2>
          <ul>
            {blog.summary.map((point, i) => (
              <li key={i}>
                <BidiText text={point} />
              </li>
            ))}
          </ul>
        </section>

        {data.keyEvents.length > 0 ? (
          <nav class="live-key-events" aria-labelledby="live-key-title">
            <h2 id="live-key-title">{t.keyEvents}</h2>
            <ol>
              {data.keyEvents.map((k) => (
                <li key={k.id}>
                  <a href={`#entry-${k.id}`}>
                    <time datetime={ctx.fmt.iso(k.createdAt)}>{entryTime(ctx, k.createdAt)}</time> <BidiText text={k.title} />
                  </a>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}

        <section class="live-pinned" aria-labelledby="live-pinned-title" data-live-pinned {...(blog.pinned && firstPage ? {} : { hidden: true })}>
          <h2 id="live-pinned-title">{t.pinned}</h2>
          <div data-live-pinned-body>{blog.pinned && firstPage ? <LiveEntryItem ctx={ctx} entry={blog.pinned} pinned /> : null}</div>
        </section>

        <section class="live-updates" aria-labelledby="live-updates-title">
          <h2 id="live-updates-title">{t.updates}</h2>
          <p class="visually-hidden" role="status" aria-live="polite" data-live-announcer />
          <p class="live-updates__status" role="status" data-live-status hidden />
          <button type="button" class="live-updates__new" data-live-new hidden />
          {entries.entries.length === 0 ? (
            <p class="live-updates__empty" data-live-empty>
              {t.noUpdates}
            </p>
          ) : null}
          <ol class="live-updates__list" data-live-entries>
            {entries.entries.map((e) => (
              <li key={e.id}>
                <LiveEntryItem ctx={ctx} entry={e} />
              </li>
            ))}
          </ol>
          {entries.next || !firstPage ? (
            <nav class="pagination" aria-label={ctx.t.reader.pagination}>
              {!firstPage ? (
                <a href={canonicalPath} rel="prev">
                  {t.latestUpdates}
                </a>
              ) : null}{' '}
              {entries.next ? (
                <a href={`${canonicalPath}?page=${entries.page + 1}&before=${cursorParam(entries.next)}`} rel="next">
                  {t.olderUpdates}
                </a>
              ) : null}
            </nav>
          ) : null}
        </section>
        <ShareLinks ctx={ctx} article={a} />
      </article>
      <HeadlineList ctx={ctx} articles={data.page.latest} title={ctx.t.site.latestHeadlines} headingId="latest-title" />
    </Document>
  );
}
