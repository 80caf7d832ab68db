// The tables as Kysely sees them. Times are integer milliseconds since the epoch (UTC) on both
// dialects; flags are 0/1 integers; structured values are JSON text. Knows nothing of services.
import type { Generated } from 'kysely';

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
}

export interface ArticleAuthorTable {
  article_id: number;
  author_id: number;
  position: number;
}

export interface ArticleTagTable {
  article_id: number;
  tag_id: number;
  position: number;
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
}

export interface StoryArticleTable {
  story_id: number;
  article_id: number;
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
