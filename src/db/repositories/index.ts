// All repositories over one Kysely handle (or one transaction): what services receive as `repos`.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { createArticleRepository } from './article-repository.js';
import { createCommentRepository } from './comment-repository.js';
import { createMediaRepository } from './media-repository.js';
import { createAuthorRepository, createChannelRepository, createTagRepository } from './people-repository.js';
import { createReaderRepository } from './reader-repository.js';
import { createSectionRepository } from './section-repository.js';
import { createStoryRepository } from './story-repository.js';

export function createRepositories(db: Kysely<Database>) {
  return {
    articles: createArticleRepository(db),
    sections: createSectionRepository(db),
    stories: createStoryRepository(db),
    authors: createAuthorRepository(db),
    tags: createTagRepository(db),
    channels: createChannelRepository(db),
    media: createMediaRepository(db),
    comments: createCommentRepository(db),
    reader: createReaderRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
export type { NewArticle, Cursor, ListQuery } from './article-repository.js';
export type { NewSection } from './section-repository.js';
export type { NewStory } from './story-repository.js';
export type { NewMedia } from './media-repository.js';
export type { NewComment } from './comment-repository.js';
export type { ArticleFilter, KeysetQuery, SitemapBucket, SitemapArticle, StaticPageRecord, ArticleVideo, RelatedCandidates } from './reader-repository.js';
