// The home page: lead article, the stories strip with trending chips and counts, the featured story
// card, the latest cards, a block per section and the latest headlines.
import { articleHref, sectionHref } from '../../domain/index.js';
import type { HomeData } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { ArticleCard, FeaturedStoryCard, HeadlineList, StoriesStrip } from '../parts/cards.js';
import { DirectionalArrow } from '../parts/icons.js';
import { collectionPage, webSite } from '../parts/json-ld.js';
import { BidiText } from '../parts/rich-text.js';

export function HomePage({ ctx, data }: { ctx: ViewContext; data: HomeData }) {
  const featured = data.stories.find((s) => s.featured) ?? null;
  const cards = data.latest.slice(0, 6);
  const description = `${ctx.siteName} — ${ctx.t.site.latest}`;
  const listed = [...(data.lead ? [data.lead] : []), ...data.latest];
  return (
    <Document
      ctx={ctx}
      meta={{
        title: ctx.siteName,
        description,
        canonicalPath: '/',
        jsonLd: [webSite(ctx), collectionPage(ctx, { name: ctx.siteName, description, path: '/', articles: listed })],
      }}
    >
      <h1 class="visually-hidden">
        {ctx.siteName} — {ctx.t.site.latest}
      </h1>
      {data.lead ? (
        <section class="lead-story" aria-label={ctx.t.site.featured}>
          <ArticleCard ctx={ctx} article={data.lead} level={2} priority showLead />
        </section>
      ) : null}
      <StoriesStrip ctx={ctx} stories={data.stories} />
      {featured ? <FeaturedStoryCard ctx={ctx} story={featured} articles={data.featuredStoryArticles} /> : null}
      {cards.length > 0 ? (
        <section aria-labelledby="latest-cards-title" class="latest-cards">
          <h2 id="latest-cards-title">
            <a href="/latest">{ctx.t.site.latest}</a>
          </h2>
          <div class="card-grid">
            {cards.map((a) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} />
            ))}
          </div>
        </section>
      ) : null}
      {data.mostRead.length > 0 ? (
        <section class="most-read" aria-labelledby="most-read-title">
          <h2 id="most-read-title">{ctx.t.site.mostRead}</h2>
          <ol class="most-read__list">
            {data.mostRead.map((a, i) => (
              <li key={a.id}>
                <span class="most-read__rank" aria-hidden="true">
                  {ctx.fmt.number(i + 1)}
                </span>
                <a href={articleHref(a)}>
                  <BidiText text={a.title} />
                </a>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {data.sectionBlocks.map(({ section, articles }) => (
        <section key={section.id} class="section-block" aria-labelledby={`section-block-${section.id}`}>
          <h2 id={`section-block-${section.id}`} class="section-block__title">
            <a href={sectionHref(section.slug)}>{section.name}</a>
          </h2>
          <div class="card-grid">
            {articles.map((a) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} />
            ))}
          </div>
          <p class="section-block__more">
            <a href={sectionHref(section.slug)}>
              {ctx.t.reader.moreIn(section.name)}
              <DirectionalArrow pointing="forward" />
            </a>
          </p>
        </section>
      ))}
      <HeadlineList ctx={ctx} articles={data.latest} title={ctx.t.site.latestHeadlines} headingId="latest-title" />
    </Document>
  );
}
