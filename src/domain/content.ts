// The newsroom's content model as types: articles, their structured body, sections, stories, media, people.
// Pure data shapes and rules; no I/O, no clock, no knowledge of SQL or HTML.
import { z } from 'zod';
import { MAX_ID } from './article-url.js';

export const ARTICLE_TYPES = ['news', 'video', 'opinion', 'live'] as const;
export type ArticleType = (typeof ARTICLE_TYPES)[number];

export const ARTICLE_STATUSES = ['draft', 'review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const CHANNEL_KINDS = ['telegram', 'youtube', 'x', 'facebook', 'instagram', 'whatsapp', 'tiktok', 'rss', 'newsletter'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const COMMENT_MODES = ['open', 'premoderated', 'closed'] as const;
export type CommentsMode = (typeof COMMENT_MODES)[number];

/** A run of text inside a block. `lang` marks a run in another language (e.g. "en"). */
export const inlineSchema = z.object({
  text: z.string().max(20_000),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z
    .string()
    .max(2000)
    .regex(/^(https?:\/\/|\/)/, 'links must be http(s) or site-relative')
    .optional(),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)
    .optional(),
});
export type Inline = z.infer<typeof inlineSchema>;

const inlines = z.array(inlineSchema).max(500);

const EMBED_HOSTS: Readonly<Record<'youtube' | 'x', readonly string[]>> = {
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'],
  x: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
};

/**
 * An embed's link (rendered as a click-to-load `<a href>`): an https address on its provider's own host.
 * `z.string().url()` alone would take `javascript:…` and `data:…`.
 */
export function isEmbedUrl(provider: 'youtube' | 'x', url: string): boolean {
  if (!url.startsWith('https://')) return false;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && EMBED_HOSTS[provider].includes(u.hostname);
  } catch {
    return false;
  }
}

/** The article body: an ordered list of structured blocks, never raw HTML. */
export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), content: inlines }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), content: inlines }),
  z.object({ type: z.literal('quote'), content: inlines, cite: z.string().max(300).optional() }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines).max(200) }),
  z.object({
    type: z.literal('image'),
    mediaId: z.number().int().positive().max(MAX_ID),
    caption: z.string().max(1000).optional(),
    credit: z.string().max(300).optional(),
    alt: z.string().max(1000).optional(),
  }),
  z
    .object({
      type: z.literal('embed'),
      provider: z.enum(['youtube', 'x']),
      url: z.string().max(2000),
      title: z.string().max(300),
    })
    .refine((b) => isEmbedUrl(b.provider, b.url), { message: 'embeds are https links to their provider', path: ['url'] }),
]);
export type Block = z.infer<typeof blockSchema>;
export const bodySchema = z.array(blockSchema).max(2000);
export type Body = Block[];

export interface MediaVariant {
  readonly width: number;
  readonly height: number;
  readonly format: 'avif' | 'webp' | 'jpeg';
  readonly key: string;
  readonly bytes: number;
}

export interface Media {
  readonly id: number;
  readonly key: string;
  readonly mime: string;
  readonly width: number;
  readonly height: number;
  readonly caption: string;
  readonly alt: string;
  readonly credit: string;
  readonly source: string | null;
  readonly variants: readonly MediaVariant[];
}

export interface Section {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly parentId: number | null;
  readonly position: number;
  readonly inNav: boolean;
}

export interface Author {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
  readonly bio: string;
  readonly kind: 'person' | 'organization';
}

export interface Tag {
  readonly id: number;
  readonly slug: string;
  readonly name: string;
}

export interface Story {
  readonly id: number;
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly cover: Media | null;
  /** 1 = first chip in the trending strip; null = not trending. */
  readonly trendingRank: number | null;
  readonly featured: boolean;
  readonly status: 'active' | 'archived';
  /** Published articles in the story: the seed's "49 خبر". */
  readonly articleCount: number;
}

export interface Channel {
  readonly id: number;
  readonly kind: ChannelKind;
  readonly label: string;
  readonly url: string;
  readonly position: number;
}

export interface Correction {
  readonly id: number;
  readonly note: string;
  readonly createdAt: number;
}

/** What lists and cards show of an article. */
export interface ArticleSummary {
  readonly id: number;
  readonly slug: string;
  readonly sectionSlug: string;
  readonly sectionName: string;
  readonly type: ArticleType;
  readonly title: string;
  readonly lead: string;
  readonly hero: Media | null;
  readonly publishedAt: number;
  readonly updatedAt: number;
  /** Approved reader comments, for cards (filled by the public list queries). */
  readonly commentCount?: number;
}

export interface Article extends ArticleSummary {
  readonly status: ArticleStatus;
  readonly body: Body;
  readonly heroCaption: string | null;
  readonly heroCredit: string | null;
  readonly heroAlt: string | null;
  readonly source: string | null;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly commentsMode: CommentsMode;
  readonly section: Section;
  readonly authors: readonly Author[];
  readonly tags: readonly Tag[];
  readonly stories: readonly Story[];
  readonly corrections: readonly Correction[];
}

export interface PublicComment {
  readonly id: number;
  readonly parentId: number | null;
  readonly authorName: string;
  readonly body: string;
  readonly createdAt: number;
}
