// The tables as Kysely sees them. Times are integer milliseconds since the epoch (UTC) on both
// dialects; flags are 0/1 integers; structured values are JSON text. Knows nothing of services.
import type { ColumnType, Generated } from 'kysely';

export interface SectionTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  parent_id: number | null;
  position: number;
  in_nav: number;
  created_at: number;
}

export interface AuthorTable {
  id: Generated<number>;
  slug: string;
  name: string;
  bio: string;
  kind: 'person' | 'organization';
  created_at: number;
}

export interface TagTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface MediaTable {
  id: Generated<number>;
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  caption: string;
  alt: string;
  credit: string;
  source: string | null;
  /** JSON array of MediaVariant. */
  variants: string;
  created_at: number;
  /** Newsroom account that uploaded the picture (migration 0006). */
  uploaded_by: number | null;
}

export interface ArticleTable {
  id: Generated<number>;
  slug: string;
  section_id: number;
  type: 'news' | 'video' | 'opinion' | 'live';
  status: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
  title: string;
  lead: string;
  /** JSON array of Block. */
  body: string;
  hero_media_id: number | null;
  hero_caption: string | null;
  hero_credit: string | null;
  hero_alt: string | null;
  source: string | null;
  seo_title: string | null;
  seo_description: string | null;
  comments_mode: 'open' | 'premoderated' | 'closed';
  /** Set when first published; what readers see as the publication time. */
  published_at: number | null;
  /** Last update readers are told about ("آخر تحديث"). */
  updated_at: number;
  created_at: number;
  /** Newsroom account that created the article (migration 0006); null for imports and the seed. */
  created_by: number | null;
  /** When a scheduled article is due (migration 0006). */
  publish_at: number | null;
  /** Increases on every save; editors send the revision they started from (migration 0006). */
  revision: Generated<number>;
  /** Id of the article in the system it was imported from (migration 0002); unique when set. */
  external_id: string | null;
  /** Its comments with status 'approved': written only by triggers on comments (migration 0015). */
  approved_comments: ColumnType<number, never, never>;
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  position: number;
  /** The article's published_at while it is published, else NULL: written only by triggers (migration 0013). */
  published_at: ColumnType<number | null, never, never>;
  /** The article's updated_at while it is published, else NULL: written only by triggers (migration 0014). */
  article_updated_at: ColumnType<number | null, never, never>;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  position: number;
  /** The article's published_at while it is published, else NULL: written only by triggers (migration 0013). */
  published_at: ColumnType<number | null, never, never>;
  /** The article's updated_at while it is published, else NULL: written only by triggers (migration 0014). */
  article_updated_at: ColumnType<number | null, never, never>;
}

export interface StoryTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  cover_media_id: number | null;
  trending_rank: number | null;
  featured: number;
  status: 'active' | 'archived';
  created_at: number;
  /** Published articles in the story, kept by triggers (migration 0010). */
  published_articles: Generated<number>;
}

export interface StoryArticleTable {
  story_id: number;
  article_id: number;
  /** The article's published_at while it is published, else NULL: written only by triggers (migration 0013). */
  published_at: ColumnType<number | null, never, never>;
  /** The article's updated_at while it is published, else NULL: written only by triggers (migration 0014). */
  article_updated_at: ColumnType<number | null, never, never>;
}

export interface ChannelTable {
  id: Generated<number>;
  kind: string;
  label: string;
  url: string;
  position: number;
}

export interface CorrectionTable {
  id: Generated<number>;
  article_id: number;
  note: string;
  created_at: number;
}

export interface CommentTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  author_name: string;
  body: string;
  status: 'pending' | 'approved' | 'rejected' | 'deleted';
  created_at: number;
  // Migration 0007-comments:
  reader_id: number | null;
  guest: Generated<number>;
  /** Sanitized HTML rendered from the body at write time; '' once the text is removed. */
  html: Generated<string>;
  /** SHA-256 of the normalized text, for the repeated-post check. */
  body_hash: string | null;
  depth: Generated<number>;
  /** The top-level comment of the thread (its own id for a top-level comment). */
  root_id: number | null;
  edited_at: number | null;
  reaction_count: Generated<number>;
  report_count: Generated<number>;
  featured: Generated<number>;
  has_links: Generated<number>;
  moderation_reason: string | null;
  moderated_by: number | null;
  moderated_at: number | null;
  /** Salted hash of the network address; never the address. */
  ip_hash: string | null;
}

export interface Database {
  sections: SectionTable;
  authors: AuthorTable;
  tags: TagTable;
  media: MediaTable;
  articles: ArticleTable;
  article_authors: ArticleAuthorTable;
  article_tags: ArticleTagTable;
  stories: StoryTable;
  story_articles: StoryArticleTable;
  channels: ChannelTable;
  corrections: CorrectionTable;
  comments: CommentTable;
  article_revisions: ArticleRevisionTable;
  article_locks: ArticleLockTable;
  home_slots: HomeSlotTable;
  home_section_blocks: HomeSectionBlockTable;
  menu_items: MenuItemTable;
  users: UserTable;
  user_sections: UserSectionTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  api_tokens: ApiTokenTable;
  static_pages: StaticPageTable;
  article_videos: ArticleVideoTable;
  article_reads: ArticleReadTable;
  search_documents: SearchDocumentTable;
  search_terms: SearchTermTable;
  live_blogs: LiveBlogTable;
  live_entries: LiveEntryTable;
  live_sequence: LiveSequenceTable;
  live_events: LiveEventTable;
  breaking_news: BreakingNewsTable;
  live_stream: LiveStreamTable;
  live_schedule: LiveScheduleTable;
  readers: ReaderTable;
  reader_sessions: ReaderSessionTable;
  comment_reactions: CommentReactionTable;
  comment_reports: CommentReportTable;
  comment_words: CommentWordTable;
  comment_moderation_log: CommentModerationLogTable;
  comment_settings: CommentSettingsTable;
}

// Reader site (migration 0004-reader-site): static pages and the video of a video article.
export interface StaticPageTable {
  id: Generated<number>;
  slug: string;
  title: string;
  description: string;
  /** JSON array of Block. */
  body: string;
  position: number;
  created_at: number;
  updated_at: number;
}

/** Reads of an article on one UTC day (migration 0009-reader-reads): counts only, nothing about readers. */
export interface ArticleReadTable {
  article_id: number;
  /** Days since the epoch, UTC. */
  day: number;
  reads: number;
}

export interface ArticleVideoTable {
  article_id: number;
  /** Site-relative URL of an MP4 file or an HLS playlist (.m3u8). */
  url: string;
  mime: 'video/mp4' | 'application/vnd.apple.mpegurl';
  poster_media_id: number | null;
  duration_seconds: number;
  width: number;
  height: number;
}

// Newsroom workflow and curation (migration 0006-workflow).
export interface ArticleRevisionTable {
  id: Generated<number>;
  article_id: number;
  number: number;
  kind: 'save' | 'autosave' | 'restore' | 'publish';
  status: 'draft' | 'review' | 'scheduled' | 'published' | 'unpublished';
  /** JSON snapshot of the article's editable fields. */
  snapshot: string;
  author_id: number | null;
  created_at: number;
}

export interface ArticleLockTable {
  article_id: number;
  user_id: number;
  holder_name: string;
  acquired_at: number;
  expires_at: number;
}

export interface HomeSlotTable {
  slot: string;
  article_id: number | null;
  story_id: number | null;
  updated_by: number | null;
  updated_at: number;
}

export interface HomeSectionBlockTable {
  section_id: number;
  position: number;
}

export interface MenuItemTable {
  id: Generated<number>;
  menu: string;
  label: string;
  url: string;
  position: number;
}

// Newsroom accounts, sessions, audit and API tokens (migration 0003-newsroom).
export interface UserTable {
  id: Generated<number>;
  /** Lower-cased. */
  email: string;
  display_name: string;
  role: 'admin' | 'editor' | 'writer' | 'moderator';
  locale: 'ar' | 'en';
  disabled: number;
  /** argon2id PHC string. */
  password_hash: string;
  /** Base32 TOTP secret; set at enrolment, confirmed when totp_enabled = 1. */
  totp_secret: string | null;
  totp_enabled: number;
  /** An administrator requires this account to use two-factor authentication. */
  totp_required: number;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  /** The public byline this account writes under, if any. */
  author_id: number | null;
  last_login_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface UserSectionTable {
  user_id: number;
  section_id: number;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
  token_hash: string;
  user_id: number;
  /** 'totp': password accepted, second factor still due; 'full': signed in. */
  stage: 'totp' | 'full';
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: number;
  last_seen_at: number;
  /** Absolute expiry. */
  expires_at: number;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  /** 'account:<email>' or 'ip:<address>'. */
  key: string;
  success: number;
  at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: number;
  actor_user_id: number | null;
  /** Who acted, readable even after the account is gone: "Name <email>", "cli", "api:<token name>". */
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON snapshots. */
  before: string | null;
  after: string | null;
  ip: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** First characters of the token, shown to admins to recognise it. */
  prefix: string;
  /** The account whose permissions the token acts with (narrowed by its scopes). */
  user_id: number;
  /** JSON array of ApiScope. */
  scopes: string;
  created_by: number | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

// The search index (migration 0002-search-index). Token strings are space-separated analyzer output.
export interface SearchDocumentTable {
  article_id: number;
  section_id: number;
  type: string;
  published_at: number;
  title_surface: string;
  title_stem: string;
  lead_surface: string;
  lead_stem: string;
  body_surface: string;
  body_stem: string;
  title_length: number;
  lead_length: number;
  body_length: number;
}

// Live coverage (migration 0008-live): live blogs and entries, the event log, breaking news, the stream.
export interface LiveBlogTable {
  article_id: number;
  state: 'scheduled' | 'live' | 'ended';
  /** The summary box: key points, one per line. */
  summary: string;
  pinned_entry_id: number | null;
  starts_at: number | null;
  ended_at: number | null;
  updated_at: number;
}

export interface LiveEntryTable {
  id: Generated<number>;
  article_id: number;
  author_user_id: number | null;
  /** The byline shown to readers, kept even if the account goes. */
  author_name: string;
  title: string | null;
  /** JSON array of Block (no image blocks: an entry has one optional picture). */
  body: string;
  media_id: number | null;
  key_event: number;
  created_at: number;
  updated_at: number;
  /** Set when an entry is edited after posting: readers see "عُدِّل". */
  edited_at: number | null;
}

/** One row (id 1): the last sequence number handed out, and the highest one pruned from the log. */
export interface LiveSequenceTable {
  id: number;
  value: number;
  pruned_through: number;
}

export interface LiveEventTable {
  /** Global, gap-free in commit order: the Server-Sent Events id. */
  seq: number;
  /** The live blog the event belongs to; null for site-wide events (breaking news, the stream). */
  article_id: number | null;
  kind: string;
  /** JSON. */
  payload: string;
  created_at: number;
}

export interface BreakingNewsTable {
  id: Generated<number>;
  text: string;
  url: string | null;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  cleared_at: number | null;
}

/** One row (id 1) when an operator has configured the channel. */
export interface LiveStreamTable {
  id: number;
  title: string;
  description: string;
  hls_url: string | null;
  poster_media_id: number | null;
  captions_url: string | null;
  captions_lang: string;
  enabled: number;
  updated_at: number;
}

export interface LiveScheduleTable {
  id: Generated<number>;
  title: string;
  description: string;
  starts_at: number;
  ends_at: number;
}


export interface SearchTermTable {
  term: string;
  /** Indexed documents containing the stem. */
  documents: number;
}

// Reader comments (migration 0007-comments).
export interface ReaderTable {
  id: Generated<number>;
  /** Lower-cased. */
  email: string;
  display_name: string;
  /** argon2id PHC string; '' once the account is deleted. */
  password_hash: string;
  status: 'active' | 'suspended' | 'banned' | 'deleted';
  suspended_until: number | null;
  status_reason: string | null;
  approved_count: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ReaderSessionTable {
  /** SHA-256 (hex) of the cookie's token. */
  token_hash: string;
  reader_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface CommentReactionTable {
  comment_id: number;
  reader_id: number;
  created_at: number;
}

export interface CommentReportTable {
  id: Generated<number>;
  comment_id: number;
  reader_id: number | null;
  ip_hash: string | null;
  reason: string;
  note: string;
  created_at: number;
  resolved_at: number | null;
}

export interface CommentWordTable {
  id: Generated<number>;
  kind: 'banned' | 'suspect';
  /** As the moderator typed it; matching normalizes both sides. */
  word: string;
  created_at: number;
}

export interface CommentModerationLogTable {
  id: Generated<number>;
  at: number;
  actor_user_id: number | null;
  /** 'user:<id>', 'pipeline', 'reader:<id>'. */
  actor_label: string;
  action: string;
  comment_id: number | null;
  reader_id: number | null;
  reason: string;
}

export interface CommentSettingsTable {
  scope: 'site' | 'story' | 'article';
  /** 0 for the site row. */
  scope_id: number;
  mode: 'inherit' | 'open' | 'premoderated' | 'closed';
  closes_at: number | null;
  guests_allowed: number;
  /** New commenters are pre-moderated until this many of their comments are approved. */
  premoderate_first: number;
  edit_window_ms: number;
  /** Site row only: salts network hashes and signs guests' CSRF cookies. */
  secret: string;
  updated_at: number;
}
