// The shapes the moderation pipeline's steps share: what a reader submitted, what the service looked up
// for the steps (mode, counts, word lists), and the verdict. Types and the refusal errors only.
import type { WordMatcher } from './word-list-step.js';

export interface CommentDraft {
  readonly body: string;
  readonly authorName: string;
  readonly guest: boolean;
}

export interface RateLimits {
  readonly readerPerMinute: number;
  readonly readerPerHour: number;
  readonly networkPerMinute: number;
  readonly networkPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { readerPerMinute: 3, readerPerHour: 30, networkPerMinute: 6, networkPerHour: 60 };

/** Recent comments of the same reader and the same network, as counted by the service. */
export interface RecentActivity {
  readonly readerMinute: number;
  readonly readerHour: number;
  readonly networkMinute: number;
  readonly networkHour: number;
  /** Body hashes of the same reader's (or network's) comments of the last hour. */
  readonly hashes: readonly string[];
}

export interface PipelineContext {
  readonly mode: 'open' | 'premoderated' | 'closed';
  /** Null for a guest. */
  readonly reader: { readonly id: number; readonly approvedCount: number } | null;
  /** Pre-moderate a reader until this many of their comments are approved. */
  readonly premoderateFirst: number;
  readonly words: WordMatcher;
  readonly recent: RecentActivity;
  readonly limits: RateLimits;
}

/** Why a comment is held or rejected; shown to moderators through the catalogue. */
export type HoldReason = 'bannedWord' | 'suspectWord' | 'linkFromNewUser' | 'newCommenter' | 'guest' | 'premoderated';

export interface Verdict {
  /** The text as stored: trimmed, controls and bidi overrides removed. */
  readonly text: string;
  readonly authorName: string;
  /** The text folded for matching (search normalizer + repeated letters). */
  readonly normalized: string;
  readonly html: string;
  readonly hasLinks: boolean;
  readonly bodyHash: string;
  readonly status: 'approved' | 'pending' | 'rejected';
  readonly reasons: readonly HoldReason[];
  /** The listed words that matched, for the moderator. */
  readonly matched: readonly string[];
}

/** A refusal the reader can fix (too long, closed, repeated): the form comes back with the text. */
export class CommentRefused extends Error {
  override readonly name = 'CommentRefused';
  constructor(
    readonly field: 'body' | 'authorName' | 'form',
    readonly key: 'tooShort' | 'tooLong' | 'nameTooShort' | 'nameTooLong' | 'closed' | 'repeated' | 'rateLimited' | 'guestsClosed' | 'suspended' | 'editWindow',
  ) {
    super(`${field}: ${key}`);
  }
  /** HTTP layer: 429 for floods, 400 otherwise. */
  get statusCode(): number {
    return this.key === 'rateLimited' ? 429 : this.key === 'suspended' ? 403 : 400;
  }
}
