import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Story } from './content.js';
import { featuredStory, trendingStories } from './story.js';

const story = (id: number, over: Partial<Story>): Story => ({
  id, slug: `s${id}`, title: `قصة ${id}`, description: '', cover: null, trendingRank: null,
  featured: false, status: 'active', articleCount: 0, ...over,
});

test('trending chips are active ranked stories in rank order', () => {
  const list = [story(1, { trendingRank: 2 }), story(2, { trendingRank: 1 }), story(3, {}), story(4, { trendingRank: 3, status: 'archived' })];
  assert.deepEqual(trendingStories(list).map((s) => s.id), [2, 1]);
});

test('the featured card prefers a featured active story, else the largest', () => {
  assert.equal(featuredStory([story(1, { articleCount: 5 }), story(2, { featured: true, articleCount: 1 })])?.id, 2);
  assert.equal(featuredStory([story(1, { articleCount: 5 }), story(2, { articleCount: 9 })])?.id, 2);
  assert.equal(featuredStory([story(1, { featured: true, status: 'archived' })]), null);
});
