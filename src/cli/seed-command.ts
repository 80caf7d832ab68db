// `minbar seed --demo`: loads the fictional demo outlet (original Arabic writing, generated artwork)
// through the same services the newsroom uses. Demo only: never run against a real site's data.
import {
  demoArticlesA,
  demoArticlesB,
  demoAuthors,
  demoChannels,
  demoComments,
  demoSections,
  demoStories,
  renderDemoArt,
  type DemoArticle,
  type DemoBodyBlock,
  type DemoImage,
} from '../demo/index.js';
import type { Block } from '../domain/index.js';
import type { Clock, CurationService, MediaService, PublishingService } from '../services/index.js';
import type { LiveService } from '../services/index.js';
import { seedDemoLive } from './seed-live.js';

export interface SeedDeps {
  readonly curation: CurationService;
  readonly publishing: PublishingService;
  readonly media: MediaService;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** Live coverage: the demo's live blog (absent: none is seeded). */
  readonly live?: LiveService;
  /** Size of the generated artwork (tests use small pictures). */
  readonly artSize?: { readonly width: number; readonly height: number };
  /** Pictures encoded at once (one per core is right). */
  readonly concurrency?: number;
}

const HOUR = 3_600_000;

function toBlock(b: DemoBodyBlock): Block {
  if (typeof b === 'string') return { type: 'paragraph', content: [{ text: b }] };
  if ('quote' in b) return { type: 'quote', content: [{ text: b.quote }], ...(b.cite ? { cite: b.cite } : {}) };
  if ('heading' in b) return { type: 'heading', level: 2, content: [{ text: b.heading }] };
  return { type: 'list', ordered: false, items: b.list.map((text) => [{ text }]) };
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the results in order. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  });
  await Promise.all(workers);
  return results;
}

export async function seedDemo(deps: SeedDeps): Promise<{ articles: number }> {
  const { curation, publishing, media, clock, log } = deps;
  const now = clock.now();
  const size = deps.artSize ?? { width: 1600, height: 900 };
  const image = async (img: DemoImage): Promise<number> => {
    const bytes = await renderDemoArt(img.art, size.width, size.height);
    const m = await media.importImage(bytes, { caption: img.caption, alt: img.alt, credit: img.credit, source: null });
    return m.id;
  };
  const concurrency = deps.concurrency ?? 2;

  const sectionIds = new Map<string, number>();
  for (const [position, s] of demoSections.entries()) {
    const parentId = s.parent ? (sectionIds.get(s.parent) ?? null) : null;
    sectionIds.set(s.slug, await curation.createSection({ slug: s.slug, name: s.name, description: s.description, parentId, position }));
  }
  const authorIds = new Map<string, number>();
  for (const a of demoAuthors) authorIds.set(a.slug, await curation.createAuthor(a));
  for (const [position, c] of demoChannels.entries()) await curation.createChannel({ ...c, position });

  const storyIds = new Map<string, number>();
  const covers = await pool(demoStories, concurrency, (s) => image(s.cover));
  for (const [i, s] of demoStories.entries()) {
    const coverMediaId = covers[i]!;
    storyIds.set(
      s.slug,
      await curation.createStory({
        slug: s.slug,
        title: s.title,
        description: s.description,
        coverMediaId,
        trendingRank: s.trending,
        featured: s.featured,
        status: s.archived ? 'archived' : 'active',
      }),
    );
  }
  log(`  sections ${sectionIds.size}, authors ${authorIds.size}, channels ${demoChannels.length}, stories ${storyIds.size}`);

  // Oldest first, so ids grow with publication time as they would in a real newsroom.
  const articles: DemoArticle[] = [...demoArticlesA, ...demoArticlesB].sort((a, b) => b.hoursAgo - a.hoursAgo);
  const articleIds = new Map<string, number>();
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`demo content names an unknown ${what}: ${key}`);
    return v;
  };
  let pictures = 0;
  const heroes = await pool(articles, concurrency, async (a) => {
    const id = await image(a.hero);
    if (++pictures % 20 === 0 || pictures === articles.length) log(`  pictures ${pictures}/${articles.length}`);
    return id;
  });
  let done = 0;
  for (const [i, a] of articles.entries()) {
    const heroMediaId = heroes[i]!;
    const publishedAt = now - Math.round(a.hoursAgo * HOUR);
    const id = await publishing.createArticle(
      {
        sectionId: need(sectionIds, a.section, 'section'),
        type: a.type,
        title: a.title,
        lead: a.lead,
        body: a.body.map(toBlock),
        heroMediaId,
        source: a.source,
        authorIds: a.authors.map((s) => need(authorIds, s, 'author')),
        tags: [...a.tags],
        storyIds: a.stories.map((s) => need(storyIds, s, 'story')),
      },
      {
        status: 'published',
        publishedAt,
        updatedAt: a.updatedHoursAgo !== undefined ? now - Math.round(a.updatedHoursAgo * HOUR) : publishedAt,
        ...(a.correction ? { correction: a.correction } : {}),
      },
    );
    articleIds.set(a.key, id);
    done++;
    if (done % 10 === 0 || done === articles.length) log(`  articles ${done}/${articles.length}`);
  }

  for (const c of demoComments) {
    await curation.importApprovedComment({
      articleId: need(articleIds, c.article, 'article'),
      authorName: c.name,
      body: c.body,
      createdAt: now - Math.round(c.hoursAgo * HOUR),
    });
  }
  log(`  comments ${demoComments.length}`);
  if (deps.live) {
    const live = await seedDemoLive({ live: deps.live, publishing, now, image, sectionId: (s) => need(sectionIds, s, 'section'), authorId: (s) => need(authorIds, s, 'author') });
    log(`  live blog 1 (${live.entries} entries)`);
  }
  return { articles: articles.length };
}
