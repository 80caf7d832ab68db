// The home page: lead article, the stories strip with trending chips and counts, the featured story
// card and the latest headlines.
import type { HomeData } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { ArticleCard, FeaturedStoryCard, HeadlineList, StoriesStrip } from '../parts/cards.js';

export function HomePage({ ctx, data }: { ctx: ViewContext; data: HomeData }) {
  const featured = data.stories.find((s) => s.featured) ?? null;
  const cards = data.latest.slice(0, 6);
  return (
    <Document ctx={ctx} meta={{ title: ctx.siteName, description: `${ctx.siteName} — ${ctx.t.site.latest}`, canonicalPath: '/' }}>
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
          <h2 id="latest-cards-title">{ctx.t.site.latest}</h2>
          <div class="card-grid">
            {cards.map((a) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} />
            ))}
          </div>
        </section>
      ) : null}
      <HeadlineList ctx={ctx} articles={data.latest} title={ctx.t.site.latestHeadlines} headingId="latest-title" />
    </Document>
  );
}
