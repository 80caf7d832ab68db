// The content API's JSON shapes: domain values turned into plain objects with absolute URLs and ISO
// times, and the JSON Schemas that describe them in the OpenAPI document. Knows no routes.
import { articlePath, authorPath, sectionPath, storyPath, type Article, type ArticleSummary, type Author, type Media, type Section } from '../../domain/index.js';
import type { ApiStory } from '../../services/index.js';

export type JsonSchema = Record<string, unknown>;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function image(publicUrl: string, m: Media | null, overrides: { caption?: string | null; credit?: string | null; alt?: string | null } = {}) {
  if (!m) return null;
  return {
    url: `${publicUrl}/media/${m.key}`,
    width: m.width,
    height: m.height,
    alt: overrides.alt ?? m.alt,
    caption: overrides.caption ?? m.caption,
    credit: overrides.credit ?? m.credit,
    variants: m.variants.map((v) => ({ url: `${publicUrl}/media/${v.key}`, width: v.width, height: v.height, format: v.format })),
  };
}

export function articleSummaryJson(publicUrl: string, a: ArticleSummary) {
  return {
    id: a.id,
    url: `${publicUrl}${articlePath(a)}`,
    type: a.type,
    title: a.title,
    lead: a.lead,
    section: { slug: a.sectionSlug, name: a.sectionName },
    publishedAt: iso(a.publishedAt),
    updatedAt: iso(a.updatedAt),
    image: image(publicUrl, a.hero),
  };
}

export function articleJson(publicUrl: string, a: Article) {
  return {
    ...articleSummaryJson(publicUrl, a),
    image: image(publicUrl, a.hero, { caption: a.heroCaption, credit: a.heroCredit, alt: a.heroAlt }),
    section: sectionJson(publicUrl, a.section),
    source: a.source,
    body: a.body,
    authors: a.authors.map((x) => authorJson(publicUrl, x)),
    tags: a.tags.map((t) => ({ slug: t.slug, name: t.name })),
    stories: a.stories.map((s) => ({ id: s.id, slug: s.slug, title: s.title, url: `${publicUrl}${storyPath(s.slug)}` })),
    corrections: a.corrections.map((c) => ({ note: c.note, at: iso(c.createdAt) })),
  };
}

export function sectionJson(publicUrl: string, s: Section) {
  return { id: s.id, slug: s.slug, name: s.name, description: s.description, parentId: s.parentId, position: s.position, url: `${publicUrl}${sectionPath(s.slug)}` };
}

export function storyJson(publicUrl: string, s: ApiStory) {
  return { id: s.id, slug: s.slug, title: s.title, description: s.description, status: s.status, featured: s.featured, articleCount: s.articleCount, url: `${publicUrl}${storyPath(s.slug)}` };
}

export function authorJson(publicUrl: string, a: Author) {
  return { id: a.id, slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, url: `${publicUrl}${authorPath(a.slug)}` };
}

// ─── Schemas of the responses (OpenAPI 3.1 uses JSON Schema 2020-12) ───────────────────────────────
const str = { type: 'string' };
const int = { type: 'integer' };
const dateTime = { type: 'string', format: 'date-time' };
const uri = { type: 'string', format: 'uri' };
const nullable = (s: JsonSchema) => ({ anyOf: [s, { type: 'null' }] });

export const schemas: Record<string, JsonSchema> = {
  Error: { type: 'object', required: ['error'], properties: { error: str, fields: { type: 'object', additionalProperties: str } } },
  SearchResult: {
    type: 'object',
    required: ['query', 'total', 'page', 'pages', 'hits'],
    properties: {
      query: str,
      mode: str,
      total: int,
      page: int,
      pages: int,
      story: nullable({ type: 'object', properties: { id: int, title: str } }),
      hits: {
        type: 'array',
        items: { type: 'object', properties: { id: int, url: uri, title: str, snippet: str, score: { type: 'number' }, publishedAt: dateTime, section: str, type: str } },
      },
    },
  },
  Image: {
    type: 'object',
    properties: {
      url: uri,
      width: int,
      height: int,
      alt: str,
      caption: str,
      credit: str,
      variants: { type: 'array', items: { type: 'object', properties: { url: uri, width: int, height: int, format: { enum: ['avif', 'webp', 'jpeg'] } } } },
    },
  },
  ArticleSummary: {
    type: 'object',
    required: ['id', 'url', 'title', 'publishedAt'],
    properties: {
      id: int,
      url: uri,
      type: { enum: ['news', 'video', 'opinion', 'live'] },
      title: str,
      lead: str,
      section: { type: 'object', properties: { slug: str, name: str } },
      publishedAt: dateTime,
      updatedAt: dateTime,
      image: nullable({ $ref: '#/components/schemas/Image' }),
    },
  },
  Article: {
    allOf: [
      { $ref: '#/components/schemas/ArticleSummary' },
      {
        type: 'object',
        properties: {
          section: { $ref: '#/components/schemas/Section' },
          source: nullable(str),
          body: { type: 'array', description: 'Typed blocks (paragraph, heading, quote, list, image, embed) with inline runs — never HTML.', items: { type: 'object' } },
          authors: { type: 'array', items: { $ref: '#/components/schemas/Author' } },
          tags: { type: 'array', items: { type: 'object', properties: { slug: str, name: str } } },
          stories: { type: 'array', items: { type: 'object', properties: { id: int, slug: str, title: str, url: uri } } },
          corrections: { type: 'array', items: { type: 'object', properties: { note: str, at: dateTime } } },
        },
      },
    ],
  },
  Section: { type: 'object', properties: { id: int, slug: str, name: str, description: str, parentId: nullable(int), position: int, url: uri } },
  Story: { type: 'object', properties: { id: int, slug: str, title: str, description: str, status: { enum: ['active', 'archived'] }, featured: { type: 'boolean' }, articleCount: int, url: uri } },
  Author: { type: 'object', properties: { id: int, slug: str, name: str, bio: str, kind: { enum: ['person', 'organization'] }, url: uri } },
  NewsroomArticle: {
    type: 'object',
    properties: {
      id: int,
      title: str,
      status: { enum: ['draft', 'review', 'scheduled', 'published', 'unpublished'] },
      sectionId: int,
      sectionName: str,
      authorNames: { type: 'array', items: str },
      updatedAt: dateTime,
      publishedAt: nullable(dateTime),
    },
  },
  EditableArticle: {
    type: 'object',
    properties: { id: int, status: str, revision: int, createdBy: nullable(int), publishAt: nullable(dateTime), publishedAt: nullable(dateTime), updatedAt: dateTime, fields: { type: 'object' } },
  },
  Workflow: { type: 'object', properties: { id: int, status: str, revision: int } },
};

export const page = (item: string): JsonSchema => ({
  type: 'object',
  required: ['items', 'next'],
  properties: { items: { type: 'array', items: { $ref: `#/components/schemas/${item}` } }, next: { ...nullable(str), description: 'Cursor of the next page; pass it as `cursor`.' } },
});
