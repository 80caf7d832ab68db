// Builds a realistic archive for benchmarks (issue 8): sections, authors, tags, stories (a few with tens
// of thousands of articles), hero media rows and N published articles whose Arabic text comes from a
// corpus the caller reads (never stored in the repository), dated over ten years. Bulk writes: multi-row
// INSERTs of a thousand rows inside transactions of ten thousand articles, the same code on both dialects.
import { sql } from 'kysely';
import type { Block } from '../../domain/index.js';
import type { Db, Tx } from '../../db/index.js';
import { isStopword, slugify, tokenize } from '../../text/index.js';
import type { Clock } from '../clock.js';

/** One text of the corpus: the generator repeats them with variations until it has N articles. */
export interface CorpusText {
  readonly title: string;
  readonly content: string;
  readonly author: string;
  /** The newspaper it came from (SaudiNewsNet's `source`), used to pick a plausible section. */
  readonly source: string;
}

export interface GenerateOptions {
  readonly articles: number;
  /** Seed of the pseudo-random choices: the same seed and corpus give the same archive. */
  readonly seed?: number;
  /** Articles per multi-row INSERT. */
  readonly rowsPerInsert?: number;
  /** Articles per transaction. */
  readonly articlesPerTransaction?: number;
}

export interface ArchiveReport {
  readonly articles: number;
  readonly published: number;
  readonly sections: number;
  readonly authors: number;
  readonly tags: number;
  readonly stories: number;
  readonly media: number;
  readonly storyLinks: number;
  readonly tagLinks: number;
  readonly authorLinks: number;
  /** The largest story's article count. */
  readonly largestStory: number;
  readonly oldest: number;
  readonly newest: number;
}

export class ArchiveNotEmpty extends Error {
  constructor(readonly articles: number) {
    super(`the database already holds ${articles} articles; the generator fills only an empty archive`);
    this.name = 'ArchiveNotEmpty';
  }
}

/** Ten sections, as a regional outlet has them: ASCII slugs (site URLs), Arabic names. */
export const ARCHIVE_SECTIONS: ReadonlyArray<{ readonly slug: string; readonly name: string; readonly description: string }> = [
  { slug: 'local', name: 'محليات', description: 'أخبار المدن والمناطق والخدمات.' },
  { slug: 'economy', name: 'اقتصاد', description: 'الأسواق والطاقة والشركات والمال.' },
  { slug: 'sports', name: 'رياضة', description: 'الدوري والمنتخبات والبطولات.' },
  { slug: 'world', name: 'دولي', description: 'أخبار العالم والمنطقة.' },
  { slug: 'politics', name: 'سياسة', description: 'الحكومة والدبلوماسية والقرارات.' },
  { slug: 'culture', name: 'ثقافة', description: 'الكتب والفنون والتراث.' },
  { slug: 'opinion', name: 'رأي', description: 'مقالات الكتّاب وآراؤهم.' },
  { slug: 'health', name: 'صحة', description: 'الطب والصحة العامة.' },
  { slug: 'technology', name: 'تقنية', description: 'الاتصالات والتقنية والعلوم.' },
  { slug: 'society', name: 'مجتمع', description: 'التعليم والأسرة والناس.' },
];

/** Marks that distinguish the repeated rounds of the corpus, so titles vary as they do in an archive. */
const ROUND_MARKS = ['', 'متابعة: ', 'تفاصيل: ', 'تحديث: ', 'ملف: ', 'تقرير: ', 'بالصور: ', 'عاجل: '];
const STORY_FORMS = ['ملف {w}', 'تطورات {w}', 'قضية {w}', 'متابعات {w}'];
const YEAR_MS = 365.25 * 86_400_000;
const SPAN_MS = 10 * YEAR_MS;

/** Deterministic pseudo-random numbers (mulberry32). */
function seeded(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index drawn from Zipf-like weights 1/(k+1): the first few are chosen far more often. */
function zipfPicker(n: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) cumulative.push((total += 1 / (k + 1)));
  return () => {
    const x = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A corpus text prepared once: paragraphs, lead, slug and the title words that can be tags. */
interface Prepared {
  readonly title: string;
  readonly lead: string;
  readonly paragraphs: readonly string[];
  readonly slug: string;
  readonly words: readonly string[];
  readonly author: string | null;
  readonly sectionHint: number | null;
}

const SOURCE_SECTIONS: Record<string, number> = { aleqtisadiya: 1, arreyadi: 2, arreyadiyah: 2 };

function prepare(t: CorpusText): Prepared | null {
  const title = t.title.replace(/\s+/g, ' ').trim().slice(0, 280);
  const lines = t.content
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  if (!title || lines.length === 0) return null;
  // The lead is the first sentence of the first paragraph (at most 300 characters); the body the rest.
  const first = lines[0]!;
  const stop = first.search(/[.!؟?]\s/);
  const lead = (stop > 40 && stop < 300 ? first.slice(0, stop + 1) : first.slice(0, 300)).trim();
  // Bodies of at most about 4,000 characters (a long news story); the corpus has a few far longer texts.
  const paragraphs: string[] = [];
  let length = 0;
  for (const line of lines.length > 1 ? lines : [first]) {
    if (length >= 4000) break;
    paragraphs.push(line);
    length += line.length;
  }
  const author = t.author.trim();
  return {
    title,
    lead,
    paragraphs: paragraphs.map((p) => p.slice(0, 5000)),
    slug: slugify(title),
    words: tokenize(title)
      .map((w) => ({ norm: w.norm, text: title.slice(w.start, w.end) }))
      .filter((w) => w.norm.length >= 4 && !isStopword(w.norm) && !/[0-9a-zA-Z]/.test(w.text))
      .map((w) => w.text),
    author: author.length >= 5 && author.length <= 60 && !/[0-9@/:]/.test(author) ? author : null,
    sectionHint: SOURCE_SECTIONS[t.source] ?? null,
  };
}

function bodyJson(paragraphs: readonly string[], shift: number): string {
  const n = paragraphs.length;
  const blocks: Block[] = [];
  for (let i = 0; i < n; i++) blocks.push({ type: 'paragraph', content: [{ text: paragraphs[(i + shift) % n]! }] });
  return JSON.stringify(blocks);
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export function createArchiveGenerator(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  return {
    /**
     * Fills an empty database with `options.articles` articles and everything they link to. Calls
     * `progress(done, total)` after every transaction. Throws `ArchiveNotEmpty` when articles exist.
     */
    async generate(corpus: Iterable<CorpusText>, options: GenerateOptions, progress: (done: number, total: number) => void = () => {}): Promise<ArchiveReport> {
      const total = options.articles;
      if (!Number.isInteger(total) || total < 1) throw new RangeError('articles must be a positive integer');
      const existing = Number((await db.selectFrom('articles').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      if (existing > 0) throw new ArchiveNotEmpty(existing);
      const random = seeded(options.seed ?? 1);
      const rowsPerInsert = options.rowsPerInsert ?? 1000;
      const perTransaction = options.articlesPerTransaction ?? 10_000;

      const texts: Prepared[] = [];
      for (const t of corpus) {
        const p = prepare(t);
        if (p) texts.push(p);
      }
      if (texts.length === 0) throw new RangeError('the corpus has no article with a title and text');

      const now = clock.now();
      const start = now - SPAN_MS;

      // Sections.
      const sectionIds: number[] = [];
      for (const [position, s] of ARCHIVE_SECTIONS.entries()) {
        const existingSection = await db.selectFrom('sections').select('id').where('slug', '=', s.slug).executeTakeFirst();
        sectionIds.push(
          existingSection?.id ??
            (await db.insertInto('sections').values({ ...s, parent_id: null, position, in_nav: 1, created_at: start }).returning('id').executeTakeFirstOrThrow()).id,
        );
      }
      const opinionIndex = ARCHIVE_SECTIONS.findIndex((s) => s.slug === 'opinion');

      // Authors: the corpus's bylines, at most 300.
      const authorNames = [...new Set(texts.flatMap((t) => (t.author ? [t.author] : [])))].slice(0, 300);
      const authorId = new Map<string, number>();
      const authorSlugs = new Set<string>();
      for (const batch of chunks(authorNames, 200)) {
        const rows = batch.map((name, i) => {
          let slug = slugify(name, 60) || `author-${authorSlugs.size + i}`;
          while (authorSlugs.has(slug)) slug = `${slug}-${authorSlugs.size}`;
          authorSlugs.add(slug);
          return { slug, name, bio: '', kind: 'person' as const, created_at: start };
        });
        const ids = await db.insertInto('authors').values(rows).returning(['id', 'name']).execute();
        for (const r of ids) authorId.set(r.name, r.id);
      }
      const authorList = [...authorId.values()];

      // Tags: the most frequent content words of the titles, up to 2,000 (fewer for small archives).
      const frequency = new Map<string, number>();
      for (const t of texts) for (const w of new Set(t.words)) frequency.set(w, (frequency.get(w) ?? 0) + 1);
      const tagCount = Math.max(20, Math.min(2000, Math.floor(total / 5)));
      const tagWords = [...frequency.entries()]
        .filter(([, n]) => n >= 2)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, tagCount)
        .map(([w]) => w);
      const tagId = new Map<string, number>();
      const tagSlugs = new Set<string>();
      for (const batch of chunks(tagWords, 500)) {
        const rows = batch.flatMap((name) => {
          const slug = slugify(name, 60);
          if (!slug || tagSlugs.has(slug)) return [];
          tagSlugs.add(slug);
          return [{ slug, name }];
        });
        if (rows.length === 0) continue;
        for (const r of await db.insertInto('tags').values(rows).returning(['id', 'name']).execute()) tagId.set(r.name, r.id);
      }
      const tagIds = [...tagId.values()];

      // Hero pictures: a pool of media rows (the variants name files a real upload would have made).
      const mediaCount = Math.max(10, Math.min(5000, Math.floor(total / 10)));
      const mediaIds: number[] = [];
      const mediaRows = Array.from({ length: mediaCount }, (_, i) => {
        const key = `bench-${options.seed ?? 1}-${i}`;
        const variants = [320, 640, 960, 1280, 1600].flatMap((w) =>
          (['avif', 'webp', 'jpeg'] as const).map((format) => ({ width: w, height: Math.round((w * 9) / 16), format, key: `${key}/${w}.${format === 'jpeg' ? 'jpg' : format}`, bytes: Math.round(w * 40) })),
        );
        return {
          storage_key: key,
          mime: 'image/jpeg',
          width: 1600,
          height: 900,
          bytes: 240_000,
          caption: '',
          alt: 'صورة من أرشيف الموقع',
          credit: 'أرشيف منبر',
          source: null,
          variants: JSON.stringify(variants),
          created_at: start + Math.floor((i / mediaCount) * SPAN_MS),
          uploaded_by: null,
        };
      });
      for (const batch of chunks(mediaRows, 200)) mediaIds.push(...(await db.insertInto('media').values(batch).returning('id').execute()).map((r) => r.id));

      // Stories: about one per 100 articles (3 to 40), named after frequent title words; their sizes follow
      // Zipf, so at a million articles the largest holds tens of thousands.
      const storyCount = Math.max(3, Math.min(40, Math.floor(total / 100)));
      const storyIds: number[] = [];
      for (let k = 0; k < storyCount; k++) {
        const word = tagWords[k] ?? `${k + 1}`;
        const title = STORY_FORMS[k % STORY_FORMS.length]!.replace('{w}', word);
        const row = await db
          .insertInto('stories')
          .values({
            slug: `${slugify(title, 60) || 'story'}-${k + 1}`,
            title,
            description: `تغطية متواصلة: كل ما نشرناه عن ${word}.`,
            cover_media_id: mediaIds[k % mediaIds.length] ?? null,
            trending_rank: k < 5 ? k + 1 : null,
            featured: k === 0 ? 1 : 0,
            status: k < 12 ? 'active' : 'archived',
            created_at: start,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        storyIds.push(row.id);
      }
      const pickStory = zipfPicker(storyCount, random);
      const pickTag = zipfPicker(tagIds.length, random);
      const pickAuthor = zipfPicker(Math.max(authorList.length, 1), random);

      // Articles, newest last: article i is dated i/N of the way through the ten years, with jitter.
      let done = 0;
      let published = 0;
      let storyLinks = 0;
      let tagLinks = 0;
      let authorLinks = 0;
      const storySizes = new Array<number>(storyCount).fill(0);
      let oldest = Infinity;
      let newest = -Infinity;
      const seed = options.seed ?? 1;

      while (done < total) {
        const size = Math.min(perTransaction, total - done);
        await db.transaction().execute(async (trx: Tx) => {
          for (let offset = 0; offset < size; offset += rowsPerInsert) {
            const count = Math.min(rowsPerInsert, size - offset);
            const rows = [];
            const links: Array<{ tags: number[]; story: number | null; author: number | null }> = [];
            for (let j = 0; j < count; j++) {
              const i = done + offset + j;
              const text = texts[i % texts.length]!;
              const round = Math.floor(i / texts.length);
              const jitter = (random() - 0.5) * (SPAN_MS / total);
              const at = Math.round(Math.min(now - 60_000, start + ((i + 0.5) / total) * SPAN_MS + jitter));
              const sectionIndex =
                text.sectionHint ?? (text.author !== null && random() < 0.15 ? opinionIndex : Math.floor(random() * ARCHIVE_SECTIONS.length));
              // One article in fifty is a draft or withdrawn: lists must skip them.
              const status = random() < 0.02 ? (random() < 0.5 ? 'draft' : 'unpublished') : 'published';
              const title = `${ROUND_MARKS[round % ROUND_MARKS.length]}${text.title}`;
              rows.push({
                slug: text.slug || `article-${i + 1}`,
                section_id: sectionIds[sectionIndex]!,
                type: sectionIndex === opinionIndex ? ('opinion' as const) : ('news' as const),
                status: status as 'published' | 'draft' | 'unpublished',
                title,
                lead: text.lead,
                body: bodyJson(text.paragraphs, round),
                hero_media_id: random() < 0.7 ? mediaIds[Math.floor(random() * mediaIds.length)]! : null,
                source: null,
                comments_mode: 'open' as const,
                published_at: status === 'draft' ? null : at,
                updated_at: at + (random() < 0.1 ? Math.floor(random() * 86_400_000) : 0),
                created_at: at,
                external_id: `bench:${seed}:${i + 1}`,
              });
              if (status === 'published') published++;
              oldest = Math.min(oldest, at);
              newest = Math.max(newest, at);
              // Tags: the title's own words that are tags (at most three), else one frequent tag.
              const own = [...new Set(text.words.map((w) => tagId.get(w)).filter((id): id is number => id !== undefined))].slice(0, 3);
              const tags = own.length > 0 ? own : random() < 0.6 ? [tagIds[pickTag()]!] : [];
              const storyIndex = random() < 0.2 ? pickStory() : null;
              if (storyIndex !== null) storySizes[storyIndex]!++;
              links.push({
                tags,
                story: storyIndex === null ? null : storyIds[storyIndex]!,
                author: text.author !== null ? (authorId.get(text.author) ?? null) : random() < 0.5 && authorList.length > 0 ? authorList[pickAuthor()]! : null,
              });
            }
            const inserted = await trx.insertInto('articles').values(rows).returning(['id', 'external_id']).execute();
            const idOf = new Map(inserted.map((r) => [r.external_id, r.id]));
            const tagRows: Array<{ article_id: number; tag_id: number; position: number }> = [];
            const storyRows: Array<{ story_id: number; article_id: number }> = [];
            const authorRows: Array<{ article_id: number; author_id: number; position: number }> = [];
            rows.forEach((row, j) => {
              const id = idOf.get(row.external_id)!;
              const l = links[j]!;
              l.tags.forEach((tag_id, position) => tagRows.push({ article_id: id, tag_id, position }));
              if (l.story !== null) storyRows.push({ story_id: l.story, article_id: id });
              if (l.author !== null) authorRows.push({ article_id: id, author_id: l.author, position: 0 });
            });
            for (const batch of chunks(tagRows, 3000)) await trx.insertInto('article_tags').values(batch).execute();
            for (const batch of chunks(storyRows, 3000)) await trx.insertInto('story_articles').values(batch).execute();
            for (const batch of chunks(authorRows, 3000)) await trx.insertInto('article_authors').values(batch).execute();
            tagLinks += tagRows.length;
            storyLinks += storyRows.length;
            authorLinks += authorRows.length;
          }
        });
        done += size;
        progress(done, total);
      }
      // Fresh planner statistics for the new data (both dialects understand ANALYZE).
      await sql`analyze`.execute(db);
      return {
        articles: total,
        published,
        sections: sectionIds.length,
        authors: authorList.length,
        tags: tagIds.length,
        stories: storyCount,
        media: mediaIds.length,
        storyLinks,
        tagLinks,
        authorLinks,
        largestStory: Math.max(...storySizes),
        oldest,
        newest,
      };
    },
  };
}

export type ArchiveGenerator = ReturnType<typeof createArchiveGenerator>;
