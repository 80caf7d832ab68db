// Front door of the comments area: the reader operations, the moderation pipeline and the moderators'
// operations. Other service folders and main.ts import from here.
export { createCommentService, REPORT_REASONS, type CommentService, type CommentingReader, type CommentOrigin, type CommentPostInput, type PostResult, type OwnComment, type ReportReason } from './comment-service.js';
export { createModerationService, parseQueueQuery, MODERATION_ACTIONS, QUEUE_PAGE_SIZE, type ModerationService, type QueueItem, type QueueQuery, type QueueCounts, type LogEntry, type ModerationAction, type CommentSettingsInput } from './moderation-service.js';
export { runModerationPipeline, PIPELINE_STEPS } from './pipeline/moderation-pipeline.js';
export { CommentRefused, DEFAULT_RATE_LIMITS, type RateLimits, type HoldReason, type Verdict } from './pipeline/pipeline-types.js';
export { createWordMatcher, type WordMatcher } from './pipeline/word-list-step.js';
export { normalizeForMatching } from './pipeline/normalize-step.js';
export { renderCommentHtml, LINK_REL } from './pipeline/render-step.js';
export { BODY_MAX, NAME_MAX } from './pipeline/length-limits-step.js';
export type { SiteCommentSettings } from './comment-settings.js';
export { readArticleRules, readSiteSettings, readSharedCommentSettings, articleRulesFrom, type ArticleCommentRules, type SharedCommentSettings, type ScopeRule } from './comment-settings.js';
