// A static page of the outlet (about, editorial principles, corrections policy, privacy, contact):
// structured text the newsroom edits, with its last-updated date.
import type { StaticPageRecord } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { Breadcrumbs } from '../parts/breadcrumbs.js';
import { DateLine } from '../parts/dates.js';
import { breadcrumbList, publisher } from '../parts/json-ld.js';
import { BodyBlocks } from '../parts/rich-text.js';

export function StaticPage({ ctx, page }: { ctx: ViewContext; page: StaticPageRecord }) {
  const path = `/pages/${page.slug}`;
  const crumbs = [
    { name: ctx.t.site.home, path: '/' },
    { name: page.title, path },
  ];
  const type = page.slug === 'about' ? 'AboutPage' : page.slug === 'contact' ? 'ContactPage' : 'WebPage';
  return (
    <Document
      ctx={ctx}
      meta={{
        title: page.title,
        description: page.description || page.title,
        canonicalPath: path,
        jsonLd: [
          {
            '@context': 'https://schema.org',
            '@type': type,
            name: page.title,
            url: `${ctx.publicUrl}${path}`,
            inLanguage: ctx.lang,
            dateModified: ctx.fmt.iso(page.updatedAt),
            publisher: publisher(ctx),
          },
          breadcrumbList(ctx, crumbs),
        ],
      }}
    >
      <Breadcrumbs ctx={ctx} crumbs={crumbs} />
      <article class="static-page" aria-labelledby="page-title">
        <h1 id="page-title">{page.title}</h1>
        {page.description ? <p class="article__lead">{page.description}</p> : null}
        <div class="article__body">
          <BodyBlocks blocks={page.body} media={new Map()} />
        </div>
        <p class="static-page__updated">
          {ctx.t.reader.pageUpdated}: <DateLine ctx={ctx} at={page.updatedAt} />
        </p>
      </article>
    </Document>
  );
}
