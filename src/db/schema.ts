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
}
