// Sitemaps: the index, URL sets (at most SITEMAP_SIZE (5,000) URLs each, cut by the caller), the Google News sitemap
// (publication name and language, last 48 hours) and robots.txt. Pure string building, all escaped.
import type { ArticleSummary } from '../../domain/index.js';
import { articlePath } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { xmlEscape as x } from './xml.js';

export interface SitemapUrl {
  /** Site-relative path. */
  readonly path: string;
  readonly lastModified: number | null;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** W3C datetime in UTC, as the sitemap protocol asks. */
function w3c(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function renderSitemapIndex(ctx: ViewContext, sitemaps: readonly SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...sitemaps.map(
      (s) => `<sitemap><loc>${x(`${ctx.publicUrl}${s.path}`)}</loc>${s.lastModified !== null ? `<lastmod>${w3c(s.lastModified)}</lastmod>` : ''}</sitemap>`,
    ),
    '</sitemapindex>',
  ].join('\n');
}

export function renderUrlSet(ctx: ViewContext, urls: readonly SitemapUrl[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NS}">`,
    ...urls.map(
      (u) => `<url><loc>${x(`${ctx.publicUrl}${u.path}`)}</loc>${u.lastModified !== null ? `<lastmod>${w3c(u.lastModified)}</lastmod>` : ''}</url>`,
    ),
    '</urlset>',
  ].join('\n');
}

export function renderNewsSitemap(ctx: ViewContext, articles: readonly ArticleSummary[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">`,
    ...articles.map((a) =>
      [
        '<url>',
        `<loc>${x(`${ctx.publicUrl}${articlePath(a)}`)}</loc>`,
        '<news:news>',
        `<news:publication><news:name>${x(ctx.siteName)}</news:name><news:language>${x(ctx.lang)}</news:language></news:publication>`,
        `<news:publication_date>${x(ctx.fmt.iso(a.publishedAt))}</news:publication_date>`,
        `<news:title>${x(a.title)}</news:title>`,
        '</news:news>',
        '</url>',
      ].join(''),
    ),
    '</urlset>',
  ].join('\n');
}

export function renderRobots(ctx: ViewContext): string {
  return [
    'User-agent: *',
    'Allow: /',
    // Search result pages are endless and thin: crawl the articles instead.
    'Disallow: /search',
    '',
    `Sitemap: ${ctx.publicUrl}/sitemap.xml`,
    `Sitemap: ${ctx.publicUrl}/sitemaps/news.xml`,
    '',
  ].join('\n');
}
