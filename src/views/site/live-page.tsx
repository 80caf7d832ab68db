// The مباشر landing page: live coverage that is on now (live blogs), else a plain statement that none is,
// followed by the latest headlines.
import type { LiveData } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { ArticleCard, HeadlineList } from '../parts/cards.js';

export function LivePage({ ctx, data }: { ctx: ViewContext; data: LiveData }) {
  const t = ctx.t.live;
  return (
    <Document ctx={ctx} meta={{ title: t.title, description: t.intro, canonicalPath: '/live' }}>
      <header class="page-header">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
      </header>
      <section aria-labelledby="live-coverage-title">
        <h2 id="live-coverage-title">{t.coverage}</h2>
        {data.coverage.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <div class="card-grid">
            {data.coverage.map((a) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} />
            ))}
          </div>
        )}
      </section>
      <HeadlineList ctx={ctx} articles={data.latest} title={ctx.t.site.latestHeadlines} headingId="latest-title" />
    </Document>
  );
}
