// Curates the site's structure: the home page (lead, featured story, section blocks), sections, ongoing
// stories, authors, follow-us channels and menus. Validates input, authorizes the actor, writes in
// transactions with an audit entry; knows nothing of HTTP or HTML.
import { z } from 'zod';
import { CHANNEL_KINDS, Forbidden, InvalidInput, NotFound, may, type Action, type Actor, type Channel, type Section, MAX_ID } from '../../domain/index.js';
import { createRepositories, type Db, type Tx } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { recordAudit } from '../audit/audit-log.js';
import { readHomeCuration, type HomeCuration } from './home-curation.js';

const slug = z
  .string()
  .trim()
  .min(1, 'المعرّف مطلوب.')
  .max(100)
  .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'المعرّف يتكوّن من حروف وأرقام وشَرطات فقط.');

const sectionInput = z.object({
  slug,
  name: z.string().trim().min(1, 'اسم القسم مطلوب.').max(200),
  description: z.string().trim().max(1000).default(''),
  parentId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  position: z.number().int().min(0).max(MAX_ID).default(0),
  inNav: z.boolean().default(true),
});

const storyInput = z.object({
  slug,
  title: z.string().trim().min(1, 'عنوان القصة مطلوب.').max(300),
  description: z.string().trim().max(2000).default(''),
  coverMediaId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  trendingRank: z.number().int().positive().max(MAX_ID).nullable().default(null),
  featured: z.boolean().default(false),
  status: z.enum(['active', 'archived']).default('active'),
});

const authorInput = z.object({
  slug,
  name: z.string().trim().min(1, 'اسم الكاتب مطلوب.').max(200),
  bio: z.string().trim().max(2000).default(''),
  kind: z.enum(['person', 'organization']).default('person'),
});

const channelInput = z.object({
  kind: z.enum(CHANNEL_KINDS),
  label: z.string().trim().min(1, 'اسم القناة مطلوب.').max(100),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((u) => /^https:\/\/[^\s]+$/.test(u) || /^\/[^\s/][^\s]*$/.test(u), 'الرابط يجب أن يبدأ بـ https:// أو / .'),
  position: z.number().int().min(0).max(MAX_ID).default(0),
});

const homeInput = z.object({
  leadArticleId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  featuredStoryId: z.number().int().positive().max(MAX_ID).nullable().default(null),
  sectionIds: z.array(z.number().int().positive().max(MAX_ID)).max(100).default([]),
});

export const MENUS = ['main', 'footer'] as const;
const menuItemInput = z.object({
  menu: z.enum(MENUS),
  label: z.string().trim().min(1, 'نص الرابط مطلوب.').max(100, 'نص الرابط أطول من 100 حرف.'),
  url: channelInput.shape.url,
  position: z.number().int().min(0).max(MAX_ID).default(0),
});

export interface MenuItem {
  readonly id: number;
  readonly menu: (typeof MENUS)[number];
  readonly label: string;
  readonly url: string;
  readonly position: number;
}

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? what)] ??= issue.message;
  throw new InvalidInput(`لم يُحفظ ${what}: بعض الحقول غير صالحة.`, fields);
}

export function createCurationService(deps: { db: Db; clock: Clock }) {
  const repos = createRepositories(deps.db);
  const { db, clock } = deps;

  function authorize(actor: Actor, action: Action): void {
    if (!may(actor, action)) throw new Forbidden(action);
  }

  /** One transaction: the change and its audit entry. */
  async function write<T>(actor: Actor, action: string, targetType: string, fn: (trx: Tx) => Promise<{ id: number | string; result: T; before?: unknown; after?: unknown }>): Promise<T> {
    return db.transaction().execute(async (trx) => {
      const r = await fn(trx);
      await recordAudit(trx, clock.now(), { actor, action, targetType, targetId: r.id, before: r.before, after: r.after });
      return r.result;
    });
  }

  async function sectionsById(q: Db | Tx): Promise<Map<number, Section>> {
    return new Map((await createRepositories(q).sections.listAll()).map((x) => [x.id, x]));
  }

  function checkParent(all: Map<number, Section>, parentId: number | null, selfId: number | null): void {
    if (parentId === null) return;
    const parent = all.get(parentId);
    if (!parent) throw new InvalidInput('القسم الأب غير موجود.', { parentId: 'اختر قسمًا موجودًا.' });
    if (parent.parentId !== null || parentId === selfId) throw new InvalidInput('الأقسام تتداخل مستوى واحدًا فقط.', { parentId: 'اختر قسمًا رئيسيًا.' });
    if (selfId !== null && [...all.values()].some((x) => x.parentId === selfId)) {
      throw new InvalidInput('الأقسام تتداخل مستوى واحدًا فقط.', { parentId: 'لهذا القسم أقسام فرعية: لا يصير فرعيًا.' });
    }
  }

  return {
    // ── Home page ─────────────────────────────────────────────────────────
    async home(): Promise<HomeCuration> {
      return readHomeCuration(db);
    },

    /** The lead article, the featured story and the order of the section blocks. */
    async setHome(actor: Actor, input: z.input<typeof homeInput>): Promise<void> {
      authorize(actor, 'curation.home');
      const h = parse(homeInput, input, 'الصفحة الرئيسية');
      await write(actor, 'curation.home', 'home', async (trx) => {
        const before = await readHomeCuration(trx);
        if (h.leadArticleId !== null) {
          const a = await createRepositories(trx).articles.locate(h.leadArticleId);
          if (!a || a.status !== 'published') throw new InvalidInput('الخبر الرئيسي يجب أن يكون منشورًا.', { leadArticleId: 'اختر خبرًا منشورًا.' });
        }
        if (h.featuredStoryId !== null) {
          const st = await trx.selectFrom('stories').select(['id', 'status']).where('id', '=', h.featuredStoryId).executeTakeFirst();
          if (!st || st.status !== 'active') throw new InvalidInput('القصة المميزة يجب أن تكون نشطة.', { featuredStoryId: 'اختر قصة نشطة.' });
        }
        const sections = await sectionsById(trx);
        if (h.sectionIds.some((id) => !sections.has(id))) throw new InvalidInput('قسم غير موجود.', { sectionIds: 'اختر أقسامًا موجودة.' });
        const now = clock.now();
        for (const slot of ['lead', 'featured'] as const) {
          await trx.deleteFrom('home_slots').where('slot', '=', slot).execute();
          await trx
            .insertInto('home_slots')
            .values({
              slot,
              article_id: slot === 'lead' ? h.leadArticleId : null,
              story_id: slot === 'featured' ? h.featuredStoryId : null,
              updated_by: actor.userId,
              updated_at: now,
            })
            .execute();
        }
        // The featured card shows the story flagged featured: exactly one, or none.
        await trx.updateTable('stories').set({ featured: 0 }).where('featured', '=', 1).execute();
        if (h.featuredStoryId !== null) await trx.updateTable('stories').set({ featured: 1 }).where('id', '=', h.featuredStoryId).execute();
        await trx.deleteFrom('home_section_blocks').execute();
        const order = [...new Set(h.sectionIds)];
        if (order.length > 0) await trx.insertInto('home_section_blocks').values(order.map((section_id, position) => ({ section_id, position }))).execute();
        return { id: 'home', result: undefined, before, after: h };
      });
    },

    // ── Sections ──────────────────────────────────────────────────────────
    async sections(): Promise<Section[]> {
      return repos.sections.listAll();
    },

    async saveSection(actor: Actor, id: number | null, input: z.input<typeof sectionInput>): Promise<number> {
      authorize(actor, 'curation.sections');
      const s = parse(sectionInput, input, 'القسم');
      return write(actor, id === null ? 'section.create' : 'section.edit', 'section', async (trx) => {
        const all = await sectionsById(trx);
        checkParent(all, s.parentId, id);
        const clash = await trx.selectFrom('sections').select('id').where('slug', '=', s.slug).executeTakeFirst();
        if (clash && clash.id !== id) throw new InvalidInput('المعرّف مستخدم لقسم آخر.', { slug: 'اختر معرّفًا آخر.' });
        if (id === null) {
          const newId = await createRepositories(trx).sections.insert(s, clock.now());
          return { id: newId, result: newId, after: s };
        }
        const before = all.get(id);
        if (!before) throw new NotFound(`section ${id}`);
        await trx
          .updateTable('sections')
          .set({ slug: s.slug, name: s.name, description: s.description, parent_id: s.parentId, position: s.position, in_nav: s.inNav ? 1 : 0 })
          .where('id', '=', id)
          .execute();
        return { id, result: id, before, after: s };
      });
    },

    /** Sets the editorial order: positions follow the given ids (each level sorts by position). */
    async orderSections(actor: Actor, ids: readonly number[]): Promise<void> {
      authorize(actor, 'curation.sections');
      await write(actor, 'section.order', 'section', async (trx) => {
        for (const [position, id] of ids.entries()) await trx.updateTable('sections').set({ position }).where('id', '=', id).execute();
        return { id: 'order', result: undefined, after: ids };
      });
    },

    // ── Stories ───────────────────────────────────────────────────────────
    async stories(): Promise<Array<{ id: number; slug: string; title: string; description: string; coverMediaId: number | null; trendingRank: number | null; featured: boolean; status: 'active' | 'archived' }>> {
      const rows = await db
        .selectFrom('stories')
        .select(['id', 'slug', 'title', 'description', 'cover_media_id', 'trending_rank', 'featured', 'status'])
        .orderBy('status')
        .orderBy('id', 'desc')
        .execute();
      return rows
        .map((r) => ({ id: r.id, slug: r.slug, title: r.title, description: r.description, coverMediaId: r.cover_media_id, trendingRank: r.trending_rank, featured: r.featured === 1, status: r.status }))
        .sort((a, b) => (a.status === b.status ? (a.trendingRank ?? Infinity) - (b.trendingRank ?? Infinity) || b.id - a.id : a.status === 'active' ? -1 : 1));
    },

    /** Creates or edits a story: cover, description, place in the strip, featured, archived. */
    async saveStory(actor: Actor, id: number | null, input: z.input<typeof storyInput>): Promise<number> {
      authorize(actor, 'curation.stories');
      const st = parse(storyInput, input, 'القصة');
      return write(actor, id === null ? 'story.create' : 'story.edit', 'story', async (trx) => {
        const clash = await trx.selectFrom('stories').select('id').where('slug', '=', st.slug).executeTakeFirst();
        if (clash && clash.id !== id) throw new InvalidInput('المعرّف مستخدم لقصة أخرى.', { slug: 'اختر معرّفًا آخر.' });
        if (st.coverMediaId !== null && !(await createRepositories(trx).media.byId(st.coverMediaId))) {
          throw new InvalidInput('صورة الغلاف غير موجودة.', { coverMediaId: 'اختر صورة من المكتبة.' });
        }
        // Only one featured story; an archived story leaves the strip and the featured card.
        const featured = st.featured && st.status === 'active';
        if (featured) await trx.updateTable('stories').set({ featured: 0 }).where('featured', '=', 1).execute();
        const values = {
          slug: st.slug,
          title: st.title,
          description: st.description,
          cover_media_id: st.coverMediaId,
          trending_rank: st.status === 'archived' ? null : st.trendingRank,
          featured: featured ? 1 : 0,
          status: st.status,
        };
        if (id === null) {
          const r = await trx.insertInto('stories').values({ ...values, created_at: clock.now() }).returning('id').executeTakeFirstOrThrow();
          return { id: r.id, result: r.id, after: values };
        }
        const before = await trx.selectFrom('stories').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) throw new NotFound(`story ${id}`);
        await trx.updateTable('stories').set(values).where('id', '=', id).execute();
        return { id, result: id, before, after: values };
      });
    },

    /** The trending strip's order: rank 1 first; stories left out leave the strip. */
    async orderStrip(actor: Actor, ids: readonly number[]): Promise<void> {
      authorize(actor, 'curation.stories');
      await write(actor, 'story.order', 'story', async (trx) => {
        await trx.updateTable('stories').set({ trending_rank: null }).execute();
        for (const [i, id] of ids.entries()) await trx.updateTable('stories').set({ trending_rank: i + 1 }).where('id', '=', id).where('status', '=', 'active').execute();
        return { id: 'strip', result: undefined, after: ids };
      });
    },

    /** Tag names for the editor's autocomplete, most used first. */
    async tagNames(limit = 500): Promise<string[]> {
      const rows = await db
        .selectFrom('tags as t')
        .leftJoin('article_tags as at', 'at.tag_id', 't.id')
        .select(['t.name'])
        .select((eb) => eb.fn.count<number>('at.article_id').as('n'))
        .groupBy(['t.id', 't.name'])
        .orderBy('n', 'desc')
        .orderBy('t.name')
        .limit(limit)
        .execute();
      return rows.map((r) => r.name);
    },

    // ── Channels and menus ────────────────────────────────────────────────
    async channels(): Promise<Channel[]> {
      return repos.channels.listAll();
    },

    async saveChannel(actor: Actor, id: number | null, input: z.input<typeof channelInput>): Promise<number> {
      authorize(actor, 'curation.channels');
      const c = parse(channelInput, input, 'القناة');
      return write(actor, id === null ? 'channel.create' : 'channel.edit', 'channel', async (trx) => {
        if (id === null) {
          const newId = await createRepositories(trx).channels.insert(c);
          return { id: newId, result: newId, after: c };
        }
        const r = await trx.updateTable('channels').set(c).where('id', '=', id).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new NotFound(`channel ${id}`);
        return { id, result: id, after: c };
      });
    },

    async deleteChannel(actor: Actor, id: number): Promise<void> {
      authorize(actor, 'curation.channels');
      await write(actor, 'channel.delete', 'channel', async (trx) => {
        await trx.deleteFrom('channels').where('id', '=', id).execute();
        return { id, result: undefined };
      });
    },

    async menu(menu: (typeof MENUS)[number]): Promise<MenuItem[]> {
      const rows = await db.selectFrom('menu_items').select(['id', 'menu', 'label', 'url', 'position']).where('menu', '=', menu).orderBy('position').orderBy('id').execute();
      return rows.map((r) => ({ ...r, menu: r.menu as MenuItem['menu'] }));
    },

    async saveMenuItem(actor: Actor, id: number | null, input: z.input<typeof menuItemInput>): Promise<number> {
      authorize(actor, 'curation.sections');
      const m = parse(menuItemInput, input, 'الرابط');
      return write(actor, id === null ? 'menu.create' : 'menu.edit', 'menu', async (trx) => {
        if (id === null) {
          const r = await trx.insertInto('menu_items').values(m).returning('id').executeTakeFirstOrThrow();
          return { id: r.id, result: r.id, after: m };
        }
        const r = await trx.updateTable('menu_items').set(m).where('id', '=', id).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new NotFound(`menu item ${id}`);
        return { id, result: id, after: m };
      });
    },

    async deleteMenuItem(actor: Actor, id: number): Promise<void> {
      authorize(actor, 'curation.sections');
      await write(actor, 'menu.delete', 'menu', async (trx) => {
        await trx.deleteFrom('menu_items').where('id', '=', id).execute();
        return { id, result: undefined };
      });
    },

    // ── Imports (demo seed, migrations): no actor ───────────────────────────
    async createSection(input: z.input<typeof sectionInput>): Promise<number> {
      const s = parse(sectionInput, input, 'القسم');
      if (s.parentId !== null) {
        const all = await repos.sections.listAll();
        const parent = all.find((x) => x.id === s.parentId);
        if (!parent) throw new InvalidInput('القسم الأب غير موجود.', { parentId: 'اختر قسمًا موجودًا.' });
        if (parent.parentId !== null) throw new InvalidInput('الأقسام تتداخل مستوى واحدًا فقط.', { parentId: 'اختر قسمًا رئيسيًا.' });
      }
      return repos.sections.insert(s, deps.clock.now());
    },
    async createStory(input: z.input<typeof storyInput>): Promise<number> {
      return repos.stories.insert(parse(storyInput, input, 'القصة'), deps.clock.now());
    },
    async createAuthor(input: z.input<typeof authorInput>): Promise<number> {
      return repos.authors.insert(parse(authorInput, input, 'الكاتب'), deps.clock.now());
    },
    /**
     * Imports a comment that was already moderated elsewhere (a migration from another platform,
     * or the demo outlet). New reader comments go through the comments service's moderation instead.
     */
    async importApprovedComment(input: { articleId: number; authorName: string; body: string; createdAt: number }): Promise<number> {
      const name = input.authorName.trim();
      const body = input.body.trim();
      if (!name || name.length > 100 || !body || body.length > 5000) {
        throw new InvalidInput('لم يُستورد التعليق: الاسم أو النص غير صالح.', { body: 'النص مطلوب ولا يتجاوز 5000 حرف.' });
      }
      return repos.comments.insert({ articleId: input.articleId, parentId: null, authorName: name, body, status: 'approved', createdAt: input.createdAt });
    },
    async createChannel(input: z.input<typeof channelInput>): Promise<number> {
      return repos.channels.insert(parse(channelInput, input, 'القناة'));
    },
  };
}

export type CurationService = ReturnType<typeof createCurationService>;
