// The document shell of every public page: <html lang dir>, head metadata (description, canonical,
// robots, Open Graph, Twitter, feeds, JSON-LD), skip link, header, main and footer.
// Knows page metadata and the chrome; nothing of any particular page's content.
import type { ComponentChildren } from 'preact';
import type { PageMeta, ViewContext } from '../context.js';
import { JsonLdScript } from '../parts/json-ld.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';
import { BreakingBar } from '../parts/breaking-bar.js';

export function Document({ ctx, meta, children }: { ctx: ViewContext; meta: PageMeta; children: ComponentChildren }) {
  const title = meta.title === ctx.siteName ? meta.title : `${meta.title} | ${ctx.siteName}`;
  const canonical = meta.canonicalPath ? `${ctx.publicUrl}${meta.canonicalPath}` : null;
  const image = meta.image;
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        <meta
          name="robots"
          content={meta.noindex ? 'noindex, follow' : 'index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1'}
        />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        {meta.prevPath ? <link rel="prev" href={`${ctx.publicUrl}${meta.prevPath}`} /> : null}
        {meta.nextPath ? <link rel="next" href={`${ctx.publicUrl}${meta.nextPath}`} /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta name="theme-color" content="#a3122a" />
        <meta property="og:site_name" content={ctx.siteName} />
        <meta property="og:locale" content="ar_AR" />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        {image ? <meta property="og:image" content={image.url} /> : null}
        {image ? <meta property="og:image:width" content={String(image.width)} /> : null}
        {image ? <meta property="og:image:height" content={String(image.height)} /> : null}
        {image ? <meta property="og:image:alt" content={image.alt} /> : null}
        {meta.article ? <meta property="article:published_time" content={meta.article.publishedTime} /> : null}
        {meta.article ? <meta property="article:modified_time" content={meta.article.modifiedTime} /> : null}
        {meta.article ? <meta property="article:section" content={meta.article.section} /> : null}
        {meta.article?.tags.map((tag) => <meta key={tag} property="article:tag" content={tag} />)}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description ? <meta name="twitter:description" content={meta.description} /> : null}
        {image ? <meta name="twitter:image" content={image.url} /> : null}
        {image ? <meta name="twitter:image:alt" content={image.alt} /> : null}
        {ctx.assets.fonts.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="icon" href={ctx.assets.icon} type="image/svg+xml" />
        <link rel="alternate" type="application/rss+xml" title={ctx.t.site.rss} href="/rss.xml" />
        {meta.feed ? <link rel="alternate" type="application/rss+xml" title={meta.feed.title} href={meta.feed.path} /> : null}
        {meta.jsonLd?.map((data, i) => <JsonLdScript key={i} data={data} />)}
      </head>
      <body>
        <a class="skip-link" href="#content">
          {ctx.t.site.skipToContent}
        </a>
        <SiteHeader ctx={ctx} />
        <BreakingBar ctx={ctx} />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}
