// The home page as editors arranged it: the chosen lead article, the featured story and the order of
// section blocks, read from the curation tables and applied to the automatic home. No HTTP, no HTML.
import type { ArticleSummary, Section } from '../../domain/index.js';
import { createRepositories, type Db, type Tx } from '../../db/index.js';

export interface HomeCuration {
  readonly leadArticleId: number | null;
  readonly featuredStoryId: number | null;
  /** Section ids in the order their blocks appear; sections not listed follow in navigation order. */
  readonly sectionIds: readonly number[];
}

export async function readHomeCuration(q: Db | Tx): Promise<HomeCuration> {
  const [slots, blocks] = await Promise.all([
    q.selectFrom('home_slots').select(['slot', 'article_id', 'story_id']).execute(),
    q.selectFrom('home_section_blocks').select(['section_id']).orderBy('position').execute(),
  ]);
  return {
    leadArticleId: slots.find((s) => s.slot === 'lead')?.article_id ?? null,
    featuredStoryId: slots.find((s) => s.slot === 'featured')?.story_id ?? null,
    sectionIds: blocks.map((b) => b.section_id),
  };
}

interface CuratableHome {
  readonly lead: ArticleSummary | null;
  readonly latest: readonly ArticleSummary[];
  readonly sectionBlocks?: ReadonlyArray<{ readonly section: Section; readonly articles: readonly ArticleSummary[] }>;
}

/**
 * Applies the editors' choices to the automatically built home: the chosen lead (if still published)
 * replaces the newest article, which moves into the latest list; section blocks follow the chosen order.
 */
export async function curateHome<T extends CuratableHome>(db: Db, home: T): Promise<T> {
  const c = await readHomeCuration(db);
  let out: T = home;
  if (c.leadArticleId !== null && home.lead?.id !== c.leadArticleId) {
    const chosen = await createRepositories(db).articles.load(c.leadArticleId);
    if (chosen && chosen.status === 'published') {
      const latest = [home.lead, ...home.latest].filter((a): a is ArticleSummary => a !== null && a.id !== chosen.id);
      out = { ...out, lead: chosen, latest: latest.slice(0, Math.max(home.latest.length, 0)) };
    }
  }
  if (c.sectionIds.length > 0 && home.sectionBlocks) {
    const rank = new Map(c.sectionIds.map((id, i) => [id, i]));
    const blocks = [...home.sectionBlocks].sort((a, b) => (rank.get(a.section.id) ?? 1e9) - (rank.get(b.section.id) ?? 1e9));
    out = { ...out, sectionBlocks: blocks };
  }
  return out;
}
