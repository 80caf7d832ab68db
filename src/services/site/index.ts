// The reader site's services: what readers see (site-service), static pages, article videos and image crops.
export {
  LIST_PAGE_SIZE,
  FEED_SIZE,
  SITEMAP_SIZE,
  NEWS_SITEMAP_MAX,
  NEWS_WINDOW_MS,
  RELATED_COUNT,
  type PageRequest,
  type PageLink,
  type ListSubject,
  type ListPageData,
  type FeedData,
  type SitemapIndexData,
  type SitemapPagesData,
  type NewsSitemapData,
  type SiteServiceOptions,
} from './site-service.js';
export type { ArticleVideo, Cursor, SitemapArticle, SitemapBucket, StaticPageRecord } from '../../db/index.js';
export { createStaticPageService, STATIC_PAGE_SLUGS, type StaticPageService, type StaticPageInput } from './static-page-service.js';
export { createArticleVideoService, type ArticleVideoService, type VideoInput } from './article-video-service.js';
export { createImageCropService, CROP_RATIOS, CROP_WIDTHS, type CropRatio, type ImageCropService } from './image-crop-service.js';
export { createReadCounter, utcDay, type ReadCounter } from './read-counter.js';
export { pageTags, articlePlacementTags, articlePurgeHooks, tagsForArticleWrite, type PurgeSink } from './page-tags.js';
export { createPurgeBus, PURGE_CHANNEL, type PurgeBus, type PurgeBusOptions } from './purge-bus.js';
