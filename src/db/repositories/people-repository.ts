// Authors, tags and the outlet's follow-us channels: small lookup tables read on many pages.
// Returns domain values; nothing of HTTP or rendering.
import type { Kysely } from 'kysely';
import type { Author, Channel, ChannelKind, Tag } from '../../domain/index.js';
import type { Database } from '../schema.js';

export function createAuthorRepository(db: Kysely<Database>) {
  return {
    async insert(a: Omit<Author, 'id'>, now: number): Promise<number> {
      const r = await db
        .insertInto('authors')
        .values({ slug: a.slug, name: a.name, bio: a.bio, kind: a.kind, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async bySlug(slug: string): Promise<Author | null> {
      const r = await db.selectFrom('authors').select(['id', 'slug', 'name', 'bio', 'kind']).where('slug', '=', slug).executeTakeFirst();
      return r ?? null;
    },
  };
}

export function createTagRepository(db: Kysely<Database>) {
  return {
    /** Finds the tag with this slug or creates it; returns its id. */
    async ensure(slug: string, name: string): Promise<number> {
      const found = await db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst();
      if (found) return found.id;
      const r = await db.insertInto('tags').values({ slug, name }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },
    async bySlug(slug: string): Promise<Tag | null> {
      const r = await db.selectFrom('tags').select(['id', 'slug', 'name']).where('slug', '=', slug).executeTakeFirst();
      return r ?? null;
    },
  };
}

export function createChannelRepository(db: Kysely<Database>) {
  return {
    async insert(c: Omit<Channel, 'id'>): Promise<number> {
      const r = await db
        .insertInto('channels')
        .values({ kind: c.kind, label: c.label, url: c.url, position: c.position })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async listAll(): Promise<Channel[]> {
      const rows = await db.selectFrom('channels').select(['id', 'kind', 'label', 'url', 'position']).orderBy('position').orderBy('id').execute();
      return rows.map((r) => ({ ...r, kind: r.kind as ChannelKind }));
    },
  };
}
