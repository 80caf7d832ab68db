// Stores the metadata of uploaded pictures (the files live in the media store, not here).
// Returns domain values; nothing of HTTP, files or image processing.
import type { Kysely } from 'kysely';
import type { Media, MediaVariant } from '../../domain/index.js';
import type { Database } from '../schema.js';
import { MEDIA_FIELDS, mediaFromRow } from './media-columns.js';

export interface NewMedia {
  readonly key: string;
  readonly mime: string;
  readonly width: number;
  readonly height: number;
  readonly bytes: number;
  readonly caption: string;
  readonly alt: string;
  readonly credit: string;
  readonly source: string | null;
  readonly variants: readonly MediaVariant[];
}

export function createMediaRepository(db: Kysely<Database>) {
  return {
    async insert(m: NewMedia, now: number): Promise<number> {
      const r = await db
        .insertInto('media')
        .values({
          storage_key: m.key,
          mime: m.mime,
          width: m.width,
          height: m.height,
          bytes: m.bytes,
          caption: m.caption,
          alt: m.alt,
          credit: m.credit,
          source: m.source,
          variants: JSON.stringify(m.variants),
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async byId(id: number): Promise<Media | null> {
      const r = await db.selectFrom('media').select(MEDIA_FIELDS).where('id', '=', id).executeTakeFirst();
      return r ? mediaFromRow(r) : null;
    },
    /** These pictures, in the order asked (an unknown id is left out): one statement for a whole article body. */
    async byIds(ids: readonly number[]): Promise<Media[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('media').select(MEDIA_FIELDS).where('id', 'in', [...ids]).execute();
      const byId = new Map(rows.map((r) => [r.id, mediaFromRow(r)]));
      return ids.map((id) => byId.get(id)).filter((m): m is Media => m !== undefined);
    },
  };
}
