// The article page: every element of the seed page — headline, lead, hero figure with caption and credit,
// body with isolated Latin runs, source line, dates, authors, tags, stories, comments and latest headlines —
// plus the video player, share links, the updates/corrections trail, related articles and structured data.
import type { Media } from '../../domain/index.js';
import { articlePath, authorHref, sectionHref, sectionPath, storyHref, tagHref } from '../../domain/index.js';
import type { ArticlePageData } from '../../services/index.js';
import { countWords, readingMinutes } from '../../text/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { Breadcrumbs } from '../parts/breadcrumbs.js';
import { ArticleCard, HeadlineList, StoriesStrip, TimeStamp } from '../parts/cards.js';
import { DateLine } from '../parts/dates.js';
import { breadcrumbList, newsArticle, videoObject, type Crumb } from '../parts/json-ld.js';
import { Picture } from '../parts/picture.js';
import { BidiText, BodyBlocks, bodyText } from '../parts/rich-text.js';
import { ShareLinks } from '../parts/share-links.js';
import { CommentsSection } from '../parts/comments-thread.js';
import { VideoPlayer } from '../parts/video-player.js';

export function ArticlePage({ ctx, data }: { ctx: ViewContext; data: ArticlePageData }) {
  const { article: a } = data;
  const t = ctx.t;
  const canonicalPath = articlePath(a);
  const heroCaption = a.heroCaption ?? a.hero?.caption ?? '';
  const heroCredit = a.heroCredit ?? a.hero?.credit ?? '';
  const media = new Map<number, Media>((data.bodyMedia ?? []).map((m) => [m.id, m]));
  const minutes = readingMinutes(countWords(`${a.lead}\n${bodyText(a.body)}`));
  const updated = a.updatedAt > a.publishedAt + 60_000;
  const typeLabel = a.type === 'opinion' ? t.article.opinion : a.type === 'video' ? t.article.video : a.type === 'live' ? t.article.liveType : null;
  const description = a.seoDescription ?? a.lead;
  const crumbs: Crumb[] = [{ name: t.site.home, path: '/' }];
  const parent = a.section.parentId !== null ? ctx.sections.find((s) => s.id === a.section.parentId) : undefined;
  if (parent) crumbs.push({ name: parent.name, path: sectionPath(parent.slug) });
  crumbs.push({ name: a.section.name, path: sectionPath(a.section.slug) });
  const jsonLd: object[] = [newsArticle(ctx, a, description), breadcrumbList(ctx, [...crumbs, { name: a.title, path: canonicalPath }])];
  if (data.video) jsonLd.push(videoObject(ctx, a, data.video, description));

  return (
    <Document
      ctx={ctx}
      meta={{
        title: a.seoTitle ?? a.title,
        description,
        canonicalPath,
        type: 'article',
        ...(a.hero
          ? { image: { url: `${ctx.publicUrl}/media/crop/${a.hero.key}/16x9/1200.jpg`, width: 1200, height: 675, alt: a.heroAlt ?? a.hero.alt } }
          : {}),
        article: {
          publishedTime: ctx.fmt.iso(a.publishedAt),
          modifiedTime: ctx.fmt.iso(Math.max(a.updatedAt, a.publishedAt)),
          section: a.section.name,
          tags: a.tags.map((tag) => tag.name),
        },
        jsonLd,
      }}
    >
      <StoriesStrip ctx={ctx} stories={data.stories} />
      <Breadcrumbs ctx={ctx} crumbs={crumbs} />
      <article class="article" aria-labelledby="article-title">
        <header class="article__header">
          <p class="article__kicker">
            <a href={sectionHref(a.section.slug)}>{a.section.name}</a>
            {typeLabel ? <span class="article__type"> · {typeLabel}</span> : null}
          </p>
          <h1 id="article-title">
            <BidiText text={a.title} />
          </h1>
          {a.lead ? (
            <p class="article__lead">
              <BidiText text={a.lead} />
            </p>
          ) : null}
          <div class="article__meta">
            {a.authors.length > 0 ? (
              <p class="article__byline">
                {t.article.by}{' '}
                {a.authors.map((au, i) => (
                  <span key={au.id}>
                    {i > 0 ? '، ' : ''}
                    <a href={authorHref(au.slug)} rel="author">
                      {au.name}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
            <p class="article__dates">
              <span>
                {t.article.published}: <DateLine ctx={ctx} at={a.publishedAt} withHijri />
              </span>
              {updated ? (
                <span>
                  {' '}
                  · {t.article.updated}: <TimeStamp ctx={ctx} at={a.updatedAt} />
                </span>
              ) : null}
              <span class="article__reading"> · {ctx.fmt.minutesRead(minutes)}</span>
            </p>
          </div>
        </header>

        {data.video ? <VideoPlayer ctx={ctx} video={data.video} title={a.title} /> : null}

        {a.hero && !data.video ? (
          <figure class="article__hero">
            <Picture media={a.hero} alt={a.heroAlt ?? a.hero.alt} sizes="(min-width: 60em) 48rem, 100vw" priority />
            <figcaption>
              {heroCaption ? <BidiText text={heroCaption} /> : null}
              {heroCredit ? (
                <span class="credit">
                  {' '}
                  <BidiText text={t.article.photoCredit(heroCredit)} />
                </span>
              ) : null}
            </figcaption>
          </figure>
        ) : null}

        <div class="article__body">
          <BodyBlocks blocks={a.body} media={media} />
        </div>

        {a.source ? (
          <p class="article__source">
            <BidiText text={t.article.source(a.source)} />
          </p>
        ) : null}

        {updated || a.corrections.length > 0 ? (
          <section class="article__trail" aria-labelledby="trail-title">
            <h2 id="trail-title">{t.reader.trail}</h2>
            <ol>
              <li>
                <TimeStamp ctx={ctx} at={a.publishedAt} />: {t.reader.trailPublished}
              </li>
              {a.corrections.map((c) => (
                <li key={c.id} class="article__correction">
                  <TimeStamp ctx={ctx} at={c.createdAt} />: <BidiText text={t.reader.trailCorrected(c.note)} />
                </li>
              ))}
              {updated && !a.corrections.some((c) => Math.abs(c.createdAt - a.updatedAt) < 60_000) ? (
                <li>
                  <TimeStamp ctx={ctx} at={a.updatedAt} />: {t.reader.trailUpdated}
                </li>
              ) : null}
            </ol>
          </section>
        ) : null}

        <ShareLinks ctx={ctx} article={a} />

        <footer class="article__footer">
          {a.stories.length > 0 ? (
            <nav class="article__stories" aria-labelledby="article-stories-title">
              <h2 id="article-stories-title">{t.article.storiesOfArticle}</h2>
              <ul>
                {a.stories.map((s) => (
                  <li key={s.id}>
                    <a href={storyHref(s.slug)}>{s.title}</a> <span class="count">({ctx.fmt.articleCount(s.articleCount)})</span>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {a.tags.length > 0 ? (
            <nav class="article__tags" aria-labelledby="article-tags-title">
              <h2 id="article-tags-title">{t.article.tags}</h2>
              <ul>
                {a.tags.map((tag) => (
                  <li key={tag.id}>
                    <a href={tagHref(tag.slug)} rel="tag">
                      <BidiText text={tag.name} />
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </footer>
      </article>

      <CommentsSection
        ctx={ctx}
        thread={data.thread ?? { articleId: a.id, sort: 'newest', page: 1, total: data.commentCount, comments: [], hasMore: false, newestAt: null }}
        mode={data.commentsMode ?? 'closed'}
      />

      {data.related.length > 0 ? (
        <section class="related" aria-labelledby="related-title">
          <h2 id="related-title">{t.article.related}</h2>
          <div class="card-grid">
            {data.related.map((r) => (
              <ArticleCard key={r.id} ctx={ctx} article={r} />
            ))}
          </div>
        </section>
      ) : null}

      <HeadlineList ctx={ctx} articles={data.latest} title={t.site.latestHeadlines} headingId="latest-title" />
    </Document>
  );
}
