// Structured data for search engines: NewsArticle, VideoObject, BreadcrumbList, CollectionPage with
// ItemList, WebSite and the publisher (NewsMediaOrganization), rendered as JSON-LD scripts.
// Knows schema.org shapes and the site's public URLs; nothing of how pages look.
import type { Article, ArticleSummary, Author, Media } from '../../domain/index.js';
import { articlePath, authorPath } from '../../domain/index.js';
import type { ArticleVideo } from '../../services/index.js';
import type { ViewContext } from '../context.js';

/** One JSON-LD script. `<` is written as \u003c so no text can close the script element. */
export function JsonLdScript({ data }: { data: object }) {
  const json = JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** Absolute URLs of a picture cropped to 16:9, 4:3 and 1:1 (made on first request by the crop route). */
export function cropUrls(ctx: ViewContext, media: Media): string[] {
  return (['16x9', '4x3', '1x1'] as const).map((r) => `${ctx.publicUrl}/media/crop/${media.key}/${r}/1200.jpg`);
}

export function publisher(ctx: ViewContext) {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${ctx.publicUrl}/#publisher`,
    name: ctx.siteName,
    url: `${ctx.publicUrl}/`,
    logo: { '@type': 'ImageObject', url: `${ctx.publicUrl}${ctx.assets.logo}`, width: 512, height: 512 },
    ...(ctx.staticPages?.some((p) => p.slug === 'editorial-principles')
      ? { publishingPrinciples: `${ctx.publicUrl}/pages/editorial-principles` }
      : {}),
    ...(ctx.staticPages?.some((p) => p.slug === 'corrections-policy') ? { correctionsPolicy: `${ctx.publicUrl}/pages/corrections-policy` } : {}),
  };
}

export function webSite(ctx: ViewContext) {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${ctx.publicUrl}/#website`,
    name: ctx.siteName,
    url: `${ctx.publicUrl}/`,
    inLanguage: ctx.lang,
    publisher: publisher(ctx),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${ctx.publicUrl}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

function person(ctx: ViewContext, a: Author) {
  return { '@type': a.kind === 'organization' ? 'Organization' : 'Person', name: a.name, url: `${ctx.publicUrl}${authorPath(a.slug)}` };
}

export function newsArticle(ctx: ViewContext, a: Article, description: string) {
  const url = `${ctx.publicUrl}${articlePath(a)}`;
  return {
    '@context': 'https://schema.org',
    '@type': a.type === 'opinion' ? 'OpinionNewsArticle' : 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: a.title.length > 110 ? `${a.title.slice(0, 109)}…` : a.title,
    description,
    ...(a.hero ? { image: cropUrls(ctx, a.hero) } : {}),
    datePublished: ctx.fmt.iso(a.publishedAt),
    dateModified: ctx.fmt.iso(Math.max(a.updatedAt, a.publishedAt)),
    author: a.authors.length > 0 ? a.authors.map((au) => person(ctx, au)) : [{ '@type': 'Organization', name: ctx.siteName, url: `${ctx.publicUrl}/` }],
    publisher: publisher(ctx),
    inLanguage: ctx.lang,
    articleSection: a.section.name,
    ...(a.tags.length > 0 ? { keywords: a.tags.map((t) => t.name).join('، ') } : {}),
    isAccessibleForFree: true,
  };
}

/** ISO 8601 duration, e.g. PT3M25S. */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

export function videoObject(ctx: ViewContext, a: Article, video: ArticleVideo, description: string) {
  const poster = video.poster ?? a.hero;
  return {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: a.title,
    description,
    thumbnailUrl: poster ? cropUrls(ctx, poster) : [`${ctx.publicUrl}${ctx.assets.logo}`],
    uploadDate: ctx.fmt.iso(a.publishedAt),
    duration: isoDuration(video.durationSeconds),
    contentUrl: `${ctx.publicUrl}${video.url}`,
    inLanguage: ctx.lang,
    publisher: publisher(ctx),
  };
}

export interface Crumb {
  readonly name: string;
  readonly path: string;
}

export function breadcrumbList(ctx: ViewContext, crumbs: readonly Crumb[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: `${ctx.publicUrl}${c.path}` })),
  };
}

export function collectionPage(ctx: ViewContext, o: { name: string; description: string; path: string; articles: readonly ArticleSummary[]; offset?: number }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    '@id': `${ctx.publicUrl}${o.path}`,
    url: `${ctx.publicUrl}${o.path}`,
    name: o.name,
    description: o.description,
    inLanguage: ctx.lang,
    isPartOf: { '@type': 'WebSite', '@id': `${ctx.publicUrl}/#website`, name: ctx.siteName, url: `${ctx.publicUrl}/` },
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: o.articles.length,
      itemListElement: o.articles.map((a, i) => ({
        '@type': 'ListItem',
        position: (o.offset ?? 0) + i + 1,
        url: `${ctx.publicUrl}${articlePath(a)}`,
        name: a.title,
      })),
    },
  };
}
