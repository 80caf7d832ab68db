// The search-index port's types: analyzed documents, query terms and filters, candidates, statistics.
// Must not know any engine (the implementations import these; the factory in search-index.ts picks one).
import type { Db, Tx } from '../database.js';

/** One field as the analyzer left it: normalized surface forms and their stems, position by position. */
export interface IndexedField {
  readonly surface: readonly string[];
  readonly stems: readonly string[];
}

export interface IndexDocument {
  readonly articleId: number;
  readonly sectionId: number;
  readonly type: string;
  readonly publishedAt: number;
  readonly title: IndexedField;
  readonly lead: IndexedField;
  readonly body: IndexedField;
}

/**
 * One clause of a query, already analyzed:
 * - word: the stem in any stem field, or the exact surface form in any surface field;
 * - phrase: consecutive surface forms inside one field;
 * - prefix: a surface form or a stem starting with the text.
 */
export type IndexTerm =
  | { readonly kind: 'word'; readonly stem: string; readonly surface: string }
  | { readonly kind: 'phrase'; readonly surface: readonly string[] }
  | { readonly kind: 'prefix'; readonly prefix: string };

export interface IndexFilters {
  readonly sectionId?: number;
  readonly storyId?: number;
  readonly type?: string;
  /** Inclusive lower bound of published_at (ms). */
  readonly from?: number;
  /** Exclusive upper bound of published_at (ms). */
  readonly to?: number;
}

export interface IndexQuery {
  /** 'all': every positive term must match; 'any': at least one. */
  readonly mode: 'all' | 'any';
  readonly terms: readonly IndexTerm[];
  readonly exclude: readonly IndexTerm[];
  readonly filters: IndexFilters;
}

/**
 * Where a query must match: 'all' anywhere; 'title' every positive term within the title; 'rest' the
 * matches of 'all' that are not matches of 'title'. Exclusions always apply to the whole document.
 */
export type MatchScope = 'all' | 'title' | 'rest';

/**
 * What the caller already knows of a query's size, so that the candidate step can look among the newest
 * documents only instead of ordering every match (a frequent word matches a third of the archive).
 */
export interface MatchHint {
  /** Documents the query matches anywhere (scope 'all', with its filters): the total shown to readers. */
  readonly matches: number;
  /** Documents in the index. */
  readonly documents: number;
}

/** A matching document with the stored strings the shared ranking needs. */
export interface IndexCandidate {
  readonly articleId: number;
  readonly publishedAt: number;
  readonly titleSurface: string;
  readonly titleStem: string;
  readonly leadSurface: string;
  readonly leadStem: string;
  readonly bodySurface: string;
  readonly bodyStem: string;
  readonly titleLength: number;
  readonly leadLength: number;
  readonly bodyLength: number;
}

export interface IndexStats {
  readonly documents: number;
  readonly titleTokens: number;
  readonly leadTokens: number;
  readonly bodyTokens: number;
}

export interface SearchIndex {
  /**
   * Inserts or replaces the documents of some articles and drops those of others, in a few statements
   * whatever the number (call inside the articles' transaction; imports and reindex pass hundreds).
   */
  update(trx: Db | Tx, docs: readonly IndexDocument[], remove: readonly number[]): Promise<void>;
  /** Empties the index (reindex starts here). */
  clear(trx: Db | Tx): Promise<void>;
  /** How many documents match (scope 'all': the total shown to readers). */
  count(query: IndexQuery, scope?: MatchScope): Promise<number>;
  /**
   * Ids of matching documents, newest first (then highest id), `offset` … `offset + limit`. The same order
   * on every engine: the candidate step never depends on an engine's own relevance score. With a hint, the
   * newest part of the archive is searched first (the same ids, found without ordering every match).
   */
  matchIds(query: IndexQuery, scope: MatchScope, limit: number, offset?: number, hint?: MatchHint): Promise<number[]>;
  /** The stored strings the shared ranking reads, in the order of `ids`. */
  load(ids: readonly number[]): Promise<IndexCandidate[]>;
  /** Documents containing each stem (BM25's document frequency); absent stems are missing from the map. */
  termDocuments(stems: readonly string[]): Promise<Map<string, number>>;
  /** Documents counted over the stems starting with `prefix` (may exceed the number of documents). */
  prefixDocuments(prefix: string): Promise<number>;
  stats(): Promise<IndexStats>;
  /** Bytes on disk of the index and its documents (benchmarks). */
  storageBytes(): Promise<number>;
}
