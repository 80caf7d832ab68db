// Crops a stored picture to the aspect ratios search engines ask for (16:9, 4:3, 1:1) with sharp,
// once, caching the JPEG beside the picture's variants. Knows media files; nothing of HTTP.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRepositories, type Db } from '../../db/index.js';

export const CROP_RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;
export const CROP_WIDTHS = [640, 1200] as const;

export function createImageCropService(deps: { db: Db; mediaDir: string }) {
  const repos = createRepositories(deps.db);
  const pending = new Map<string, Promise<Buffer | null>>();

  async function make(key: string, ratio: CropRatio, width: number): Promise<Buffer | null> {
    const file = join(deps.mediaDir, key, `crop-${ratio}-${width}.jpg`);
    try {
      return await readFile(file);
    } catch {
      // not cached yet
    }
    const media = await repos.reader.mediaByKey(key);
    const source = media?.variants.filter((v) => v.format === 'jpeg').at(-1);
    if (!media || !source) return null;
    const [w, h] = CROP_RATIOS[ratio];
    const height = Math.round((width * h) / w);
    const input = await readFile(join(deps.mediaDir, source.key));
    // Loaded on the first crop (each is made once, then served from disk).
    const { default: sharp } = await import('sharp');
    const out = await sharp(input)
      .resize({ width, height, fit: 'cover', position: 'attention' })
      .jpeg({ quality: 80, mozjpeg: true })
      .toBuffer();
    await mkdir(join(deps.mediaDir, key), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, out, { mode: 0o644 });
    await rename(tmp, file);
    return out;
  }

  return {
    /** The JPEG crop, or null when the picture is unknown. Concurrent requests share one encoding. */
    async crop(key: string, ratio: CropRatio, width: number): Promise<Buffer | null> {
      const id = `${key}/${ratio}/${width}`;
      const running = pending.get(id);
      if (running) return running;
      const job = make(key, ratio, width).finally(() => pending.delete(id));
      pending.set(id, job);
      return job;
    },
  };
}

export type ImageCropService = ReturnType<typeof createImageCropService>;
