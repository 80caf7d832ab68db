// The document shell of every public page: <html lang dir>, head metadata, skip link, header, main, footer.
// Knows page metadata and the chrome; nothing of any particular page's content.
import type { ComponentChildren } from 'preact';
import type { PageMeta, ViewContext } from '../context.js';
import { SiteFooter } from './site-footer.js';
import { SiteHeader } from './site-header.js';

export function Document({ ctx, meta, children }: { ctx: ViewContext; meta: PageMeta; children: ComponentChildren }) {
  const title = meta.title === ctx.siteName ? meta.title : `${meta.title} | ${ctx.siteName}`;
  const canonical = meta.canonicalPath ? `${ctx.publicUrl}${meta.canonicalPath}` : null;
  return (
    <html lang={ctx.lang} dir={ctx.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        <meta name="robots" content={meta.noindex ? 'noindex, follow' : 'index, follow, max-image-preview:large'} />
        {canonical ? <link rel="canonical" href={canonical} /> : null}
        <meta name="color-scheme" content="light dark" />
        <meta property="og:site_name" content={ctx.siteName} />
        <meta property="og:locale" content="ar_AR" />
        <meta property="og:type" content={meta.type ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        {canonical ? <meta property="og:url" content={canonical} /> : null}
        {meta.image ? <meta property="og:image" content={meta.image} /> : null}
        <meta name="twitter:card" content={meta.image ? 'summary_large_image' : 'summary'} />
        {ctx.assets.fonts.map((href) => (
          <link key={href} rel="preload" href={href} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={ctx.assets.css} />
        <link rel="alternate" type="application/rss+xml" title={ctx.t.site.rss} href="/rss.xml" />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {ctx.t.site.skipToContent}
        </a>
        <SiteHeader ctx={ctx} />
        <main id="content" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter ctx={ctx} />
      </body>
    </html>
  );
}
