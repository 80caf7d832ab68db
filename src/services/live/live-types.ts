// The shapes live coverage hands to routes and views: live blogs and their entries, the breaking-news
// banner, the stream channel and its schedule, and the events of the append-only log. Types only.
import type { Block, Media } from '../../domain/index.js';

export const LIVE_STATES = ['scheduled', 'live', 'ended'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export interface LiveEntry {
  readonly id: number;
  readonly articleId: number;
  readonly authorName: string;
  readonly title: string | null;
  readonly body: readonly Block[];
  readonly image: Media | null;
  readonly keyEvent: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When the entry was last edited after posting ("عُدِّل"); null if never. */
  readonly editedAt: number | null;
}

export interface LiveBlogState {
  readonly articleId: number;
  readonly state: LiveState;
  /** The summary box's key points. */
  readonly summary: readonly string[];
  readonly pinned: LiveEntry | null;
  readonly startsAt: number | null;
  readonly endedAt: number | null;
  readonly updatedAt: number;
}

/** Where a page of entries ends: the next page starts strictly older than this. */
export interface EntryCursor {
  readonly createdAt: number;
  readonly id: number;
}

export interface LiveEntryPage {
  readonly entries: readonly LiveEntry[];
  readonly page: number;
  readonly next: EntryCursor | null;
  readonly total: number;
}

export interface KeyEvent {
  readonly id: number;
  readonly title: string;
  readonly createdAt: number;
}

export interface BreakingNews {
  readonly id: number;
  readonly text: string;
  readonly url: string | null;
  readonly createdAt: number;
  readonly expiresAt: number;
}

export interface ScheduleItem {
  readonly id: number;
  readonly title: string;
  readonly description: string;
  readonly startsAt: number;
  readonly endsAt: number;
}

export interface LiveStream {
  readonly title: string;
  readonly description: string;
  /** Null until an operator sets the channel's HLS playlist. */
  readonly hlsUrl: string | null;
  readonly poster: Media | null;
  readonly captionsUrl: string | null;
  readonly captionsLang: string;
  readonly enabled: boolean;
}

export interface LiveStreamPage {
  /** Null when no channel is configured. */
  readonly stream: LiveStream | null;
  /** Whether the channel is playing now (configured and enabled). */
  readonly onAir: boolean;
  /** Today's and upcoming programmes. */
  readonly schedule: readonly ScheduleItem[];
  readonly current: ScheduleItem | null;
}

/** What every public page needs from live coverage: the banner and whether مباشر is on air. */
export interface LiveChrome {
  readonly breaking: BreakingNews | null;
  /** A live blog is running or the stream is on. */
  readonly onAir: boolean;
  /** The event id the chrome is current to (the island resumes after it). */
  readonly seq: number;
}

export type LiveEventPayload =
  | { readonly kind: 'entry.created'; readonly entry: LiveEntry }
  | { readonly kind: 'entry.updated'; readonly entry: LiveEntry }
  | { readonly kind: 'entry.deleted'; readonly id: number }
  | { readonly kind: 'pinned'; readonly entry: LiveEntry | null }
  | { readonly kind: 'state'; readonly state: LiveState }
  | { readonly kind: 'summary'; readonly summary: readonly string[] }
  | { readonly kind: 'comments'; readonly count: number }
  | { readonly kind: 'breaking'; readonly banner: BreakingNews | null }
  | { readonly kind: 'stream'; readonly onAir: boolean };

export type LiveEventKind = LiveEventPayload['kind'];

/** One row of the log: its sequence number is the SSE id. `articleId` null: a site-wide event. */
export interface LiveEvent {
  readonly seq: number;
  readonly articleId: number | null;
  readonly at: number;
  readonly data: LiveEventPayload;
}

/** The answer to "what happened after N": the events in order, or a reset when N is outside the log. */
export type ResumeResult =
  | { readonly kind: 'events'; readonly events: readonly LiveEvent[]; readonly head: number }
  | { readonly kind: 'reset'; readonly head: number };
