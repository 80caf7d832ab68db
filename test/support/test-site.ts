// Whole-app test support: a Minbar instance on a real database of the given dialect, with the seed
// page loaded as an article through the same services the newsroom uses, and helpers to parse HTML.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseHTML } from 'linkedom';
import { loadConfig } from '../../src/config/index.js';
import type { TestDialect } from '../../src/db/index.js';
import { fixedClock } from '../../src/services/index.js';
import { assembleMinbar, createApp, type Minbar } from '../../src/main.js';
import { readSeedPage, type SeedPage } from './seed-page-fixture.js';

export const TEST_NOW = Date.UTC(2026, 10, 29, 9, 0, 0);

export interface TestSite {
  readonly minbar: Minbar;
  readonly app: Awaited<ReturnType<typeof createApp>>;
  readonly clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

export async function openTestSite(
  dialect: TestDialect,
  env: Record<string, string> = {},
  appOptions: Omit<Parameters<typeof createApp>[1] & object, 'now'> = {},
): Promise<TestSite> {
  const dataDir = mkdtempSync(join(tmpdir(), 'minbar-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, TIME_ZONE: 'Asia/Riyadh', ...env });
  const database = await dialect.open();
  const clock = fixedClock(TEST_NOW);
  const minbar = assembleMinbar(config, database, clock);
  const app = await createApp(minbar, { ...appOptions, now: () => clock.now() });
  return {
    minbar,
    app,
    clock,
    async close() {
      // A browser that is still open (a failed test closes it later) keeps connections — a live stream,
      // a keep-alive socket — that would make close() wait forever: end them all.
      const closing = app.close();
      app.server.closeAllConnections();
      await closing;
      await minbar.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small generated picture: a gradient, so tests need no binary fixtures. */
export async function testPicture(width = 1280, height = 720): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 140 } } }).jpeg().toBuffer();
}

export interface LoadedSeed {
  readonly seed: SeedPage;
  readonly articleId: number;
  readonly sectionSlug: string;
  readonly headlineIds: readonly number[];
  readonly storyIds: readonly number[];
}

/**
 * Loads the seed page as it appears: its stories (the first with 49 published articles, like the
 * seed's "49 خبر"), its article with hero, caption, credit and source, and its latest headlines.
 */
export async function loadSeedPage(site: TestSite): Promise<LoadedSeed> {
  const seed = readSeedPage();
  const { curation, publishing, media } = site.minbar.services;
  const sectionId = await curation.createSection({ slug: 'middle-east', name: 'الشرق الأوسط', position: 1 });
  await curation.createSection({ slug: 'world', name: 'العالم', position: 2 });
  await curation.createChannel({ kind: 'telegram', label: 'تلغرام', url: 'https://t.me/minbar_test', position: 1 });
  await curation.createChannel({ kind: 'rss', label: 'خلاصة RSS', url: '/rss.xml', position: 2 });
  const cover = await media.importImage(await testPicture(640, 360), { caption: 'غلاف', alt: 'صورة غلاف القصة', credit: 'منبر' });
  const storyIds: number[] = [];
  for (const [i, title] of seed.storyTitles.slice(0, 3).entries()) {
    storyIds.push(
      await curation.createStory({ slug: `story-${i + 1}`, title, coverMediaId: cover.id, trendingRank: i + 1, featured: i === 0 }),
    );
  }
  const hero = await media.importImage(await testPicture(), { caption: seed.caption, alt: seed.caption, credit: seed.credit });
  const base = site.clock.now();
  const headlineIds: number[] = [];
  // The headlines are older than the article; 48 more fill the first story to 49 with the article.
  for (const [i, title] of seed.headlines.entries()) {
    headlineIds.push(
      await publishing.createArticle(
        { sectionId, title, lead: title, body: [{ type: 'paragraph', content: [{ text: title }] }], storyIds: [storyIds[0]!] },
        { status: 'published', publishedAt: base - (i + 1) * 600_000 },
      ),
    );
  }
  for (let i = seed.headlines.length; i < 48; i++) {
    await publishing.createArticle(
      { sectionId, title: `خبر أرشيفي رقم ${i}`, lead: 'مقدمة', body: [{ type: 'paragraph', content: [{ text: 'نص' }] }], storyIds: [storyIds[0]!] },
      { status: 'published', publishedAt: base - 86_400_000 - i * 600_000 },
    );
  }
  const articleId = await publishing.createArticle(
    {
      sectionId,
      title: seed.title,
      lead: seed.lead,
      body: seed.paragraphs.map((text, i) =>
        i === 1 ? { type: 'quote' as const, content: [{ text }] } : { type: 'paragraph' as const, content: [{ text }] },
      ),
      heroMediaId: hero.id,
      heroCaption: seed.caption,
      heroCredit: seed.credit,
      source: seed.source,
      tags: ['سيرغي لافروف', 'تركيا', 'سوريا'],
      storyIds: [storyIds[0]!],
    },
    { status: 'published', publishedAt: base - 60_000, updatedAt: base },
  );
  return { seed, articleId, sectionSlug: 'middle-east', headlineIds, storyIds };
}

export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Text content with whitespace (including no-break spaces) collapsed, for comparing words. */
export function words(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}
