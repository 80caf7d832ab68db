// The demo seed's live coverage: the live blog on the floods story with its entries, summary and pinned
// entry, and the channel's name (no stream: the demo ships no video). Through the same services as the newsroom.
import { demoLiveBlog, demoLiveChannel, type DemoImage } from '../demo/index.js';
import type { Block } from '../domain/index.js';
import type { LiveService, PublishingService } from '../services/index.js';

export interface LiveSeedDeps {
  readonly live: LiveService;
  readonly publishing: PublishingService;
  readonly now: number;
  readonly sectionId: (slug: string) => number;
  readonly authorId: (slug: string) => number;
  readonly image: (img: DemoImage) => Promise<number>;
}

const MINUTE = 60_000;

function blocks(paragraphs: readonly string[]): Block[] {
  return paragraphs.map((p) => (p.startsWith('> ') ? { type: 'quote', content: [{ text: p.slice(2) }] } : { type: 'paragraph', content: [{ text: p }] }));
}

export async function seedDemoLive(deps: LiveSeedDeps): Promise<{ entries: number }> {
  const d = demoLiveBlog;
  const publishedAt = deps.now - d.hoursAgo * 60 * MINUTE;
  const articleId = await deps.publishing.createArticle(
    {
      sectionId: deps.sectionId(d.section),
      type: 'live',
      title: d.title,
      lead: d.lead,
      body: [{ type: 'paragraph', content: [{ text: d.lead }] }],
      heroMediaId: await deps.image(d.hero),
      authorIds: [deps.authorId(d.author)],
      tags: ['الساحل الشرقي', 'الفيضانات', 'الريحان'],
      // Not filed under the story: the demo's story counts (and the tests that check them) stay as written.
    },
    { status: 'published', publishedAt, updatedAt: deps.now - d.entries.at(-1)!.minutesAgo * MINUTE },
  );
  let pinned: number | null = null;
  // Oldest first, as they were posted.
  for (const e of [...d.entries].sort((a, b) => b.minutesAgo - a.minutesAgo)) {
    const entry = await deps.live.importEntry(articleId, {
      authorName: e.author,
      title: e.title ?? null,
      body: blocks(e.body),
      keyEvent: e.keyEvent ?? false,
      createdAt: deps.now - e.minutesAgo * MINUTE,
      editedAt: e.editedMinutesAgo !== undefined ? deps.now - e.editedMinutesAgo * MINUTE : null,
    });
    if (e.pinned) pinned = entry.id;
  }
  await deps.live.importBlogState(articleId, { summary: d.summary, pinnedEntryId: pinned, startsAt: publishedAt });
  await deps.live.importChannel(demoLiveChannel);
  return { entries: d.entries.length };
}
