// Where picture files live: a folder on disk, one sub-folder per picture with a random name.
// Knows files and paths only; nothing of the database or image formats.
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export interface MediaStore {
  /** Writes one file of a picture durably (on disk before it resolves); `name` is like "640.webp". */
  put(key: string, name: string, bytes: Buffer): Promise<void>;
  remove(key: string): Promise<void>;
  readonly root: string;
}

const SAFE = /^[a-z0-9]{8,64}$/;
const SAFE_NAME = /^[0-9]{2,5}\.(avif|webp|jpg)$/;

/** Flushes a directory's entries (a rename inside it) to disk; not every platform can open a directory. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot fsync a directory; its renames are durable through the journal.
  } finally {
    await handle?.close();
  }
}

export function createFileMediaStore(root: string): MediaStore {
  return {
    root,
    async put(key, name, bytes) {
      if (!SAFE.test(key) || !SAFE_NAME.test(name)) throw new Error(`unsafe media path ${key}/${name}`);
      const dir = join(root, key);
      await mkdir(dir, { recursive: true });
      // Written under a temporary name, flushed, then renamed: a file at its final name is always whole,
      // even after a crash or a power cut, and the database row that names it is inserted only afterwards.
      const file = join(dir, name);
      const tmp = `${file}.${process.pid}.tmp`;
      const handle = await open(tmp, 'w', 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
      await syncDirectory(dir);
    },
    async remove(key) {
      if (!SAFE.test(key)) return;
      await rm(join(root, key), { recursive: true, force: true });
    },
  };
}
