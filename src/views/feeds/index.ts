// Machine-readable outputs of the reader site: RSS feeds, sitemaps and robots.txt.
export { renderRss, rfc822, type RssChannel } from './rss-feed.js';
export { renderSitemapIndex, renderUrlSet, renderNewsSitemap, renderRobots, type SitemapUrl } from './sitemaps.js';
export { xmlEscape } from './xml.js';
