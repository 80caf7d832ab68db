// Signed, expiring preview URLs: an HMAC-SHA256 of the article id and expiry time, so a draft's preview
// can be opened (and shared) without a newsroom session, and only until it expires.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config/index.js';

/** How long a preview link works. */
export const PREVIEW_TTL_MS = 3_600_000;

// Without PREVIEW_SECRET each process signs with its own random key (links die with the process);
// deployments with several processes set PREVIEW_SECRET so every process accepts every link.
const keys = new WeakMap<Config, Buffer>();
function keyOf(config: Config): Buffer {
  let k = keys.get(config);
  if (!k) {
    k = config.previewSecret ? Buffer.from(config.previewSecret, 'utf8') : randomBytes(32);
    keys.set(config, k);
  }
  return k;
}

function mac(config: Config, id: number, expires: number): string {
  return createHmac('sha256', keyOf(config)).update(`preview:${id}:${expires}`).digest('base64url');
}

export function signedPreviewPath(config: Config, id: number, now: number): string {
  const expires = now + PREVIEW_TTL_MS;
  return `/preview/${id}?expires=${expires}&signature=${mac(config, id, expires)}`;
}

export function verifyPreview(config: Config, id: number, expires: number, signature: string, now: number): boolean {
  if (!Number.isSafeInteger(expires) || expires < now || expires > now + PREVIEW_TTL_MS) return false;
  const want = Buffer.from(mac(config, id, expires));
  const got = Buffer.from(signature);
  return want.length === got.length && timingSafeEqual(want, got);
}
