// Front door of the data layer: open a database, migrate it, and reach its repositories.
// Only services/, cli/ (for migrate) and main.ts import this module.
export { openDatabase } from './database.js';
export { dumpDatabase, loadDatabase, siteContent, databaseFileMissing, type DatabaseDump, type SiteContent } from './backup.js';
export type { Db, Tx, DatabaseHandle, DatabaseTarget } from './database.js';
export type { Capabilities } from './capabilities.js';
export { createRepositories } from './repositories/index.js';
export type { Repositories, NewArticle, Cursor, ListQuery, NewSection, NewStory, NewMedia, NewComment } from './repositories/index.js';
export type { ArticleFilter, KeysetQuery, SitemapBucket, SitemapArticle, StaticPageRecord, ArticleVideo, RelatedCandidates } from './repositories/index.js';
export { testDialects, type TestDialect } from './testing.js';
export { createSearchIndex } from './search/search-index.js';
export type { SearchIndex, IndexDocument, IndexedField, IndexTerm, IndexQuery, IndexFilters, IndexCandidate, IndexStats, MatchHint, MatchScope } from './search/search-index.js';
export { createSearchRepository, type SearchRepository, type ImportedArticle } from './repositories/search-repository.js';
