// Where picture files live: a folder on disk, one sub-folder per picture with a random name.
// Knows files and paths only; nothing of the database or image formats.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface MediaStore {
  /** Writes one file of a picture; `name` is like "640.webp". */
  put(key: string, name: string, bytes: Buffer): Promise<void>;
  remove(key: string): Promise<void>;
  readonly root: string;
}

const SAFE = /^[a-z0-9]{8,64}$/;
const SAFE_NAME = /^[0-9]{2,5}\.(avif|webp|jpg)$/;

export function createFileMediaStore(root: string): MediaStore {
  return {
    root,
    async put(key, name, bytes) {
      if (!SAFE.test(key) || !SAFE_NAME.test(name)) throw new Error(`unsafe media path ${key}/${name}`);
      const dir = join(root, key);
      await mkdir(dir, { recursive: true });
      // Write then rename would be atomic, but a partly written variant is never referenced:
      // the database row is inserted only after every file is written.
      await writeFile(join(dir, name), bytes, { mode: 0o644 });
    },
    async remove(key) {
      if (!SAFE.test(key)) return;
      await rm(join(root, key), { recursive: true, force: true });
    },
  };
}
