// The article page: every element of the seed page — headline, lead, hero figure with caption and credit,
// body with isolated Latin runs, source line, dates, authors, tags, stories, comments and latest headlines.
import type { Media } from '../../domain/index.js';
import { articlePath, authorPath, sectionPath, storyPath, tagPath } from '../../domain/index.js';
import type { ArticlePageData } from '../../services/index.js';
import { countWords } from '../../text/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { ArticleCard, HeadlineList, StoriesStrip, TimeStamp } from '../parts/cards.js';
import { Picture, variantNear } from '../parts/picture.js';
import { BidiText, BodyBlocks, bodyText } from '../parts/rich-text.js';

export function ArticlePage({ ctx, data }: { ctx: ViewContext; data: ArticlePageData }) {
  const { article: a } = data;
  const t = ctx.t;
  const canonicalPath = articlePath(a);
  const heroCaption = a.heroCaption ?? a.hero?.caption ?? '';
  const heroCredit = a.heroCredit ?? a.hero?.credit ?? '';
  const media = new Map<number, Media>();
  const words = countWords(`${a.lead}\n${bodyText(a.body)}`);
  const minutes = Math.max(1, Math.round(words / 180));
  const shareImage = a.hero ? variantNear(a.hero, 1200) : null;
  const updated = a.updatedAt > a.publishedAt + 60_000;
  const typeLabel = a.type === 'opinion' ? t.article.opinion : a.type === 'video' ? t.article.video : a.type === 'live' ? t.article.liveType : null;

  return (
    <Document
      ctx={ctx}
      meta={{
        title: a.seoTitle ?? a.title,
        description: a.seoDescription ?? a.lead,
        canonicalPath,
        type: 'article',
        ...(shareImage ? { image: `${ctx.publicUrl}/media/${shareImage.key}` } : {}),
      }}
    >
      <StoriesStrip ctx={ctx} stories={data.stories} />
      <article class="article" aria-labelledby="article-title">
        <header class="article__header">
          <p class="article__kicker">
            <a href={sectionPath(a.section.slug)}>{a.section.name}</a>
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
                    <a href={authorPath(au.slug)} rel="author">
                      {au.name}
                    </a>
                  </span>
                ))}
              </p>
            ) : null}
            <p class="article__dates">
              <span>
                {t.article.published}: <TimeStamp ctx={ctx} at={a.publishedAt} />
              </span>
              {updated ? (
                <span>
                  {' '}
                  · {t.article.updated}: <TimeStamp ctx={ctx} at={a.updatedAt} />
                </span>
              ) : null}
              {ctx.fmt.hijri ? <span class="article__hijri"> · {ctx.fmt.hijriDate(a.publishedAt)}</span> : null}
              <span> · {ctx.fmt.minutesRead(minutes)}</span>
            </p>
          </div>
        </header>

        {a.hero ? (
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

        {a.corrections.length > 0 ? (
          <aside class="article__corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">{t.article.correction}</h2>
            <ul>
              {a.corrections.map((c) => (
                <li key={c.id}>
                  <TimeStamp ctx={ctx} at={c.createdAt} />: <BidiText text={c.note} />
                </li>
              ))}
            </ul>
          </aside>
        ) : null}

        <footer class="article__footer">
          {a.stories.length > 0 ? (
            <nav class="article__stories" aria-labelledby="article-stories-title">
              <h2 id="article-stories-title">{t.article.storiesOfArticle}</h2>
              <ul>
                {a.stories.map((s) => (
                  <li key={s.id}>
                    <a href={storyPath(s.slug)}>{s.title}</a> <span class="count">({ctx.fmt.articleCount(s.articleCount)})</span>
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
                    <a href={tagPath(tag.slug)} rel="tag">
                      <BidiText text={tag.name} />
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
        </footer>
      </article>

      <section class="comments" id="comments" aria-labelledby="comments-title">
        <h2 id="comments-title">
          {t.article.comments} <span class="count">({ctx.fmt.commentCount(data.commentCount)})</span>
        </h2>
        {data.comments.length === 0 ? (
          <p>{t.article.noComments}</p>
        ) : (
          <ol class="comments__list">
            {data.comments.map((c) => (
              <li key={c.id} class="comment" id={`comment-${c.id}`}>
                <p class="comment__meta">
                  <bdi class="comment__author">{c.authorName}</bdi> · <TimeStamp ctx={ctx} at={c.createdAt} />
                </p>
                <p class="comment__body" dir="auto">
                  {c.body}
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>

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
