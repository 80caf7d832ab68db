// Rules for ongoing news stories: which appear as trending chips, which one is the featured card.
// Pure functions over Story values; no I/O.
import type { Story } from './content.js';

/** Trending chips: active stories with a rank, in rank order. */
export function trendingStories(stories: readonly Story[]): Story[] {
  return stories
    .filter((s) => s.status === 'active' && s.trendingRank !== null)
    .sort((a, b) => (a.trendingRank ?? 0) - (b.trendingRank ?? 0) || a.id - b.id);
}

/** The featured card: the first active featured story by rank, else the largest active story. */
export function featuredStory(stories: readonly Story[]): Story | null {
  const active = stories.filter((s) => s.status === 'active');
  const featured = trendingStories(active.filter((s) => s.featured));
  if (featured[0]) return featured[0];
  const anyFeatured = active.find((s) => s.featured);
  if (anyFeatured) return anyFeatured;
  return [...active].sort((a, b) => b.articleCount - a.articleCount)[0] ?? null;
}
