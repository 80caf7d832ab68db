// Maps media rows (joined under a prefix) to domain Media values; shared by every repository that shows pictures.
// Knows the media table's columns, nothing else.
import type { Media, MediaVariant } from '../../domain/index.js';

export interface MediaRow {
  id: number;
  storage_key: string;
  mime: string;
  width: number;
  height: number;
  caption: string;
  alt: string;
  credit: string;
  source: string | null;
  variants: string;
}

export const MEDIA_FIELDS = ['id', 'storage_key', 'mime', 'width', 'height', 'caption', 'alt', 'credit', 'source', 'variants'] as const;

/** `select` list for a media table joined as `alias`, each column renamed `${alias}_${col}`. */
export function mediaSelection<A extends string>(alias: A) {
  return MEDIA_FIELDS.map((f) => `${alias}.${f} as ${alias}_${f}` as const);
}

export function mediaFromRow(row: MediaRow): Media {
  return {
    id: row.id,
    key: row.storage_key,
    mime: row.mime,
    width: row.width,
    height: row.height,
    caption: row.caption,
    alt: row.alt,
    credit: row.credit,
    source: row.source,
    variants: JSON.parse(row.variants) as MediaVariant[],
  };
}

/** Picks the `${alias}_…` columns out of a joined row; null when the join found nothing. */
export function mediaFromPrefixed(row: Record<string, unknown>, alias: string): Media | null {
  const id = row[`${alias}_id`];
  if (id === null || id === undefined) return null;
  const r = {} as Record<string, unknown>;
  for (const f of MEDIA_FIELDS) r[f] = row[`${alias}_${f}`];
  return mediaFromRow(r as unknown as MediaRow);
}
