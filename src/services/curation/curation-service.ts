// Curates the site's structure: sections, ongoing stories, authors and the follow-us channels.
// Validates input and writes in transactions; knows nothing of HTTP or HTML.
import { z } from 'zod';
import { CHANNEL_KINDS, InvalidInput } from '../../domain/index.js';
import { createRepositories, type Db } from '../../db/index.js';
import type { Clock } from '../clock.js';

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
  parentId: z.number().int().positive().nullable().default(null),
  position: z.number().int().min(0).default(0),
  inNav: z.boolean().default(true),
});

const storyInput = z.object({
  slug,
  title: z.string().trim().min(1, 'عنوان القصة مطلوب.').max(300),
  description: z.string().trim().max(2000).default(''),
  coverMediaId: z.number().int().positive().nullable().default(null),
  trendingRank: z.number().int().positive().nullable().default(null),
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
  position: z.number().int().min(0).default(0),
});

function parse<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? what)] ??= issue.message;
  throw new InvalidInput(`لم يُحفظ ${what}: بعض الحقول غير صالحة.`, fields);
}

export function createCurationService(deps: { db: Db; clock: Clock }) {
  const repos = createRepositories(deps.db);
  return {
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
