// Step 5: the same text posted again by the same reader or network within the hour is refused (floods
// and double submits). Compares hashes of the normalized text; knows nothing of storage.
import { createHash } from 'node:crypto';
import { CommentRefused } from './pipeline-types.js';

export function bodyHash(normalized: string): string {
  return createHash('sha256').update(normalized.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()).digest('hex');
}

export function checkRepeated(hash: string, recentHashes: readonly string[]): void {
  if (recentHashes.includes(hash)) throw new CommentRefused('body', 'repeated');
}
