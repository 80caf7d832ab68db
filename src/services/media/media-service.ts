// The media library's write side: checks a picture by its content, strips metadata, makes width
// variants in AVIF, WebP and JPEG, then records it with caption, alt text and credit.
import { randomBytes } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { InvalidInput, type Media, type MediaVariant } from '../../domain/index.js';
import { createRepositories, type Db } from '../../db/index.js';
import type { Clock } from '../clock.js';
import type { MediaStore } from './media-store.js';

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

export interface MediaServiceOptions {
  /** AVIF encoder effort 0–9: higher is smaller and slower. */
  readonly avifEffort?: number;
  readonly maxBytes?: number;
}

export function createMediaService(deps: { db: Db; store: MediaStore; clock: Clock }, options: MediaServiceOptions = {}) {
  const avifEffort = options.avifEffort ?? 2;
  const maxBytes = options.maxBytes ?? 20 * 1024 * 1024;

  return {
    async importImage(bytes: Buffer, meta: ImageMeta): Promise<Media> {
      if (bytes.length === 0 || bytes.length > maxBytes) {
        throw new InvalidInput('حجم الصورة غير مقبول.', { file: 'حجم الملف يتجاوز الحد المسموح أو الملف فارغ.' });
      }
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
        const repos = createRepositories(deps.db);
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
        return (await repos.media.byId(id))!;
      } catch (e) {
        await deps.store.remove(key);
        throw e;
      }
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
