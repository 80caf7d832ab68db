// RSS 2.0 for the latest news, a section or a story: atom:link to itself, a unique permanent guid per
// article, RFC 822 dates and the hero picture as an image enclosure. Pure string building, all escaped.
import type { ArticleSummary } from '../../domain/index.js';
import { articlePath } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { variantNear } from '../parts/picture.js';
import { xmlEscape as x } from './xml.js';

export interface RssChannel {
  readonly title: string;
  readonly description: string;
  /** Path of the HTML page the feed follows, and of the feed itself. */
  readonly pagePath: string;
  readonly feedPath: string;
  readonly articles: readonly ArticleSummary[];
  readonly lastModified: number | null;
}

/** RFC 822 date-time, e.g. "Sun, 29 Nov 2026 09:00:00 GMT". */
export function rfc822(ms: number): string {
  return new Date(ms).toUTCString();
}

export function renderRss(ctx: ViewContext, c: RssChannel): string {
  const base = ctx.publicUrl;
  const items = c.articles.map((a) => {
    const url = `${base}${articlePath(a)}`;
    // The id is authoritative and never reused: /{section}/{id} stays valid whatever the slug becomes.
    const guid = `${base}/${encodeURIComponent(a.sectionSlug)}/${a.id}`;
    const image = a.hero ? variantNear(a.hero, 960) : null;
    return [
      '<item>',
      `<title>${x(a.title)}</title>`,
      `<link>${x(url)}</link>`,
      `<guid isPermaLink="true">${x(guid)}</guid>`,
      `<pubDate>${rfc822(a.publishedAt)}</pubDate>`,
      `<description>${x(a.lead)}</description>`,
      `<category>${x(a.sectionName)}</category>`,
      image ? `<enclosure url="${x(`${base}/media/${image.key}`)}" length="${image.bytes}" type="image/jpeg"/>` : '',
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${x(c.title)}</title>`,
    `<link>${x(`${base}${c.pagePath}`)}</link>`,
    `<description>${x(c.description)}</description>`,
    `<language>${x(ctx.lang)}</language>`,
    `<atom:link href="${x(`${base}${c.feedPath}`)}" rel="self" type="application/rss+xml"/>`,
    c.lastModified !== null ? `<lastBuildDate>${rfc822(c.lastModified)}</lastBuildDate>` : '',
    `<copyright>${x(`${ctx.t.site.copyright(ctx.fmt.year(ctx.now), ctx.siteName)} — ${ctx.t.site.allRightsReserved}`)}</copyright>`,
    `<image><url>${x(`${base}${ctx.assets.logo}`)}</url><title>${x(c.title)}</title><link>${x(`${base}${c.pagePath}`)}</link></image>`,
    '<ttl>5</ttl>',
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
}
