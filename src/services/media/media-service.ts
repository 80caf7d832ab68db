// The media library: checks a picture by its content, strips metadata, makes width variants in AVIF,
// WebP and JPEG, records it with caption, alt text, credit and source, and finds it again (search, pages).
import { randomBytes } from 'node:crypto';
import type { Metadata } from 'sharp';
import { z } from 'zod';
import { Forbidden, InvalidInput, NotFound, may, type Actor, type Media, type MediaVariant } from '../../domain/index.js';
import { createRepositories, type Db, type Tx } from '../../db/index.js';
import type { Clock } from '../clock.js';
import type { MediaStore } from './media-store.js';
import { recordAudit } from '../audit/audit-log.js';

export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1600] as const;
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
/** Decompression-bomb guard: no picture over 40 megapixels is decoded. */
const MAX_PIXELS = 40_000_000;

export interface ImageMeta {
  readonly caption: string;
  readonly alt: string;
  readonly credit: string;
  readonly source?: string | null;
}

const metaSchema = z.object({
  caption: z.string().trim().max(1000, 'التعليق أطول من 1000 حرف.').default(''),
  alt: z.string().trim().max(1000, 'النص البديل أطول من 1000 حرف.').default(''),
  credit: z.string().trim().max(300, 'حقوق الصورة أطول من 300 حرف.').default(''),
  source: z.string().trim().max(300, 'المصدر أطول من 300 حرف.').nullable().default(null),
});
export type MediaMetaInput = z.input<typeof metaSchema>;

function parseMeta(input: MediaMetaInput) {
  const r = metaSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'file')] ??= issue.message;
  throw new InvalidInput('لم تُحفظ بيانات الصورة: بعض الحقول غير صالحة.', fields);
}

export interface MediaListItem extends Media {
  readonly createdAt: number;
  readonly uploadedBy: number | null;
}

export interface MediaPage {
  readonly items: readonly MediaListItem[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

export interface MediaServiceOptions {
  /** AVIF encoder effort 0–9: higher is smaller and slower. */
  readonly avifEffort?: number;
  readonly maxBytes?: number;
}

export function createMediaService(deps: { db: Db; store: MediaStore; clock: Clock }, options: MediaServiceOptions = {}) {
  const avifEffort = options.avifEffort ?? 2;
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;

  const service = {
    /**
     * Checks, strips and encodes a picture, writes every variant file durably, then records it in one
     * transaction (with `inTransaction`'s writes, e.g. the uploader and audit entry): a row never exists
     * without its files, and an upload is never half recorded.
     */
    async importImage(bytes: Buffer, meta: ImageMeta, inTransaction?: (trx: Tx, id: number) => Promise<void>): Promise<Media> {
      if (bytes.length === 0 || bytes.length > maxBytes) {
        throw new InvalidInput('حجم الصورة غير مقبول.', { file: 'حجم الملف يتجاوز الحد المسموح أو الملف فارغ.' });
      }
      // Loaded on first upload: a reading process never maps sharp's native library.
      const { default: sharp } = await import('sharp');
      let info: Metadata;
      try {
        info = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
      } catch {
        throw new InvalidInput('الملف ليس صورة صالحة.', { file: 'تعذّرت قراءة الصورة.' });
      }
      if (!info.format || !ACCEPTED.has(info.format) || !info.width || !info.height) {
        throw new InvalidInput('نوع الصورة غير مدعوم.', { file: 'الأنواع المقبولة: JPEG وPNG وWebP وAVIF وGIF.' });
      }
      if (info.width * info.height > MAX_PIXELS) {
        throw new InvalidInput('أبعاد الصورة كبيرة جدًا.', { file: 'الحد الأقصى 40 ميغابكسل.' });
      }

      const key = randomBytes(12).toString('hex');
      // Rotate by EXIF orientation, then drop all metadata (sharp strips it unless asked to keep it).
      const base = sharp(bytes, { limitInputPixels: MAX_PIXELS, animated: false }).rotate();
      const { width: srcW, height: srcH } = await base
        .clone()
        .toBuffer({ resolveWithObject: true })
        .then((r) => ({ width: r.info.width, height: r.info.height }));
      const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= srcW);
      if (widths.length === 0) widths.push(srcW);

      const variants: MediaVariant[] = [];
      for (const width of widths) {
        const height = Math.round((srcH * width) / srcW);
        const resized = base.clone().resize({ width, withoutEnlargement: true });
        const outputs: Array<[MediaVariant['format'], string, Promise<Buffer>]> = [
          ['avif', 'avif', resized.clone().avif({ quality: 50, effort: avifEffort }).toBuffer()],
          ['webp', 'webp', resized.clone().webp({ quality: 78 }).toBuffer()],
          ['jpeg', 'jpg', resized.clone().jpeg({ quality: 80, mozjpeg: true }).toBuffer()],
        ];
        for (const [format, ext, pending] of outputs) {
          const out = await pending;
          const name = `${width}.${ext}`;
          await deps.store.put(key, name, out);
          variants.push({ width, height, format, key: `${key}/${name}`, bytes: out.length });
        }
      }

      const largest = variants.filter((v) => v.format === 'jpeg').at(-1)!;
      try {
        return await deps.db.transaction().execute(async (trx) => {
          const repos = createRepositories(trx);
          const id = await repos.media.insert(
            {
              key,
              mime: 'image/jpeg',
              width: largest.width,
              height: largest.height,
              bytes: largest.bytes,
              caption: meta.caption,
              alt: meta.alt,
              credit: meta.credit,
              source: meta.source ?? null,
              variants,
            },
            deps.clock.now(),
          );
          if (inTransaction) await inTransaction(trx, id);
          return (await repos.media.byId(id))!;
        });
      } catch (e) {
        await deps.store.remove(key);
        throw e;
      }
    },

    /** A newsroom upload: the same checks and variants, validated metadata, the uploader remembered. */
    async upload(actor: Actor, bytes: Buffer, meta: MediaMetaInput): Promise<Media> {
      if (!may(actor, 'media.upload')) throw new Forbidden('media.upload');
      const m = parseMeta(meta);
      return service.importImage(bytes, m, async (trx, id) => {
        await trx.updateTable('media').set({ uploaded_by: actor.userId }).where('id', '=', id).execute();
        await recordAudit(trx, deps.clock.now(), { actor, action: 'media.upload', targetType: 'media', targetId: id, after: m });
      });
    },

    /** Caption, alt text, credit and source travel with the picture wherever it is reused. */
    async updateMeta(actor: Actor, id: number, meta: MediaMetaInput): Promise<Media> {
      if (!may(actor, 'media.edit')) throw new Forbidden('media.edit');
      const m = parseMeta(meta);
      return deps.db.transaction().execute(async (trx) => {
        const before = await createRepositories(trx).media.byId(id);
        if (!before) throw new NotFound(`media ${id}`);
        await trx.updateTable('media').set({ caption: m.caption, alt: m.alt, credit: m.credit, source: m.source }).where('id', '=', id).execute();
        await recordAudit(trx, deps.clock.now(), {
          actor,
          action: 'media.edit',
          targetType: 'media',
          targetId: id,
          before: { caption: before.caption, alt: before.alt, credit: before.credit, source: before.source },
          after: m,
        });
        return (await createRepositories(trx).media.byId(id))!;
      });
    },

    async byId(id: number): Promise<Media> {
      const m = await createRepositories(deps.db).media.byId(id);
      if (!m) throw new NotFound(`media ${id}`);
      return m;
    },

    /** The library, newest first; `q` matches words of the caption, alt text, credit or source. */
    async list(actor: Actor, input: { q?: string | undefined; page?: number | undefined; perPage?: number | undefined } = {}): Promise<MediaPage> {
      if (!may(actor, 'media.upload')) throw new Forbidden('media.upload');
      const page = Math.max(1, Math.min(100_000, Math.trunc(input.page ?? 1) || 1));
      const perPage = Math.max(1, Math.min(100, Math.trunc(input.perPage ?? 24) || 24));
      let q = deps.db.selectFrom('media');
      for (const word of (input.q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
        // LIKE has no portable escape character (SQLite has none by default): wildcards are dropped.
        const pattern = `%${word.slice(0, 100).replace(/[\\%_]/g, '')}%`;
        q = q.where((eb) =>
          eb.or([eb('caption', 'like', pattern), eb('alt', 'like', pattern), eb('credit', 'like', pattern), eb('source', 'like', pattern)]),
        );
      }
      const count = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await q
        .select(['id', 'storage_key', 'mime', 'width', 'height', 'caption', 'alt', 'credit', 'source', 'variants', 'created_at', 'uploaded_by'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(perPage)
        .offset((page - 1) * perPage)
        .execute();
      const total = Number(count.n);
      return {
        items: rows.map((r) => ({
          id: r.id,
          key: r.storage_key,
          mime: r.mime,
          width: r.width,
          height: r.height,
          caption: r.caption,
          alt: r.alt,
          credit: r.credit,
          source: r.source,
          variants: JSON.parse(r.variants) as MediaVariant[],
          createdAt: Number(r.created_at),
          uploadedBy: r.uploaded_by,
        })),
        total,
        page,
        pages: Math.max(1, Math.ceil(total / perPage)),
      };
    },
  };
  return service;
}

export type MediaService = ReturnType<typeof createMediaService>;
