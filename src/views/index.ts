// Front door of the views: page components and the document renderer. Views get prepared data and
// a ViewContext; they never call services or touch the database.
export type { ViewContext, PageMeta, AssetUrls } from './context.js';
export { renderDocument } from './render.js';
export { HomePage } from './site/home-page.js';
export { ArticlePage } from './site/article-page.js';
export { ErrorPage, type ErrorKind } from './site/error-page.js';
export { LivePage } from './site/live-page.js';
export { ListPage, listBasePath } from './site/list-page.js';
export { StaticPage } from './site/static-page.js';
export { renderRss, renderSitemapIndex, renderUrlSet, renderNewsSitemap, renderRobots, type SitemapUrl } from './feeds/index.js';
export { SearchPage, type SearchPageData, type SearchForm } from './site/search-page.js';
