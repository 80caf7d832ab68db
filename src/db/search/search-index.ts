// The search-index port: writes analyzed documents and answers boolean full-text queries with a
// dialect-native first ranking; one implementation per full-text engine, chosen by capability flag.
// Must not know how text is analyzed (callers pass token strings) nor how hits are finally ranked.
import type { Capabilities } from '../capabilities.js';
import type { Db } from '../database.js';
import type { SearchIndex } from './search-types.js';
import { createPostgresSearchIndex } from '../dialects/postgres/postgres-search-index.js';
import { createSqliteSearchIndex } from '../dialects/sqlite/sqlite-search-index.js';

export type {
  IndexedField,
  IndexDocument,
  IndexTerm,
  IndexFilters,
  IndexQuery,
  IndexCandidate,
  IndexStats,
  MatchHint,
  MatchScope,
  SearchIndex,
} from './search-types.js';

export function createSearchIndex(db: Db, caps: Capabilities): SearchIndex {
  return caps.fullText === 'fts5' ? createSqliteSearchIndex(db) : createPostgresSearchIndex(db);
}
