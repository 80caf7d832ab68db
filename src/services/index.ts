// Front door of the services: one factory per use-case area, each taking its dependencies.
export { systemClock, fixedClock, type Clock } from './clock.js';
export { createSiteService, LATEST_HEADLINES, type SiteService, type SiteChrome, type HomeData, type ArticlePageData, type ArticleLookup, type LiveData } from './site/site-service.js';
export * from './site/index.js';
export { noArticleHooks, type ArticleHooks, type ArticleWritten } from './publishing/article-hooks.js';
export {
  createPublishingService,
  LOCK_TTL_MS,
  type PublishingService,
  type ArticleInput,
  type CreateOptions,
  type SaveOptions,
  type EditableArticle,
  type NewsroomList,
  type NewsroomListInput,
  type NewsroomListItem,
  type LockInfo,
  type RevisionInfo,
  type WorkflowRow,
  type ArticleSnapshot,
  type DiffLine,
} from './publishing/publishing-service.js';
export { createScheduler, type Scheduler } from './publishing/scheduler.js';
export type { DiffField, DiffPart } from './publishing/revision-diff.js';
export { createCurationService, MENUS, type CurationService, type MenuItem } from './curation/curation-service.js';
export { curateHome, readHomeCuration, type HomeCuration } from './curation/home-curation.js';
export { createMediaService, VARIANT_WIDTHS, type MediaService, type ImageMeta, type MediaMetaInput, type MediaListItem, type MediaPage } from './media/media-service.js';
export { createFileMediaStore, type MediaStore } from './media/media-store.js';
export {
  createAccountsService,
  actorOf,
  DEFAULT_ACCOUNTS_POLICY,
  LOCALES,
  type AccountsService,
  type AccountsPolicy,
  type NewsroomUser,
  type SignedIn,
  type LoginResult,
  type NewUserInput,
  type UserChanges,
  type UserLocale,
} from './accounts/accounts-service.js';
export { currentTotp } from './accounts/totp.js';
export {
  recordAudit,
  createAuditService,
  isOperator,
  CLI_OPERATOR,
  type AuditService,
  type AuditRecord,
  type AuditEntry,
  type Caller,
  type Operator,
} from './audit/audit-log.js';
export { createSearchService, searchParamsSchema, PAGE_SIZE, type SearchService, type SearchResult, type SearchHit, type SearchParams } from './search/search-service.js';
export type { SnippetSegment } from './search/search-snippet.js';
export { DEFAULT_RANKING, type RankingOptions } from './search/search-ranking.js';
export { createImportService, importLineSchema, type ImportService, type ImportReport, type ImportLine } from './import/import-service.js';
export { createApiTokenService, type ApiTokenService, type ApiTokenInfo, type ApiCaller, type NewApiToken } from './accounts/api-token-service.js';
export {
  createArticleListService,
  parseArticleListQuery,
  type ArticleListService,
  type ArticleListQuery,
  type ArticleListFilters,
  type NewsroomArticleRow,
  type NewsroomArticlePage,
  type NewsroomFilterOptions,
  type FilterOption,
} from './newsroom/article-list-service.js';
export * from './live/index.js';
export { createContentApiService, articleQuerySchema, pageQuerySchema, API_PAGE_MAX, type ContentApiService, type ContentPage, type ApiStory } from './content/content-api-service.js';
export { articleInputSchema } from './publishing/publishing-service.js';
export * from './comments/index.js';
export { createReaderService, READER_SESSION_MS, type ReaderService, type ReaderAccount, type ReaderSignedIn, type ReaderExport } from './readers/reader-service.js';
export * from './archive/index.js';
