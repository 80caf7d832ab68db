// Reads and writes sections (one level of nesting, ordered) on either dialect.
// Returns domain values; nothing of HTTP or rendering.
import type { Kysely } from 'kysely';
import type { Section } from '../../domain/index.js';
import type { Database, SectionTable } from '../schema.js';

type Row = Omit<SectionTable, 'id' | 'created_at'> & { id: number };

export function sectionFromRow(r: Row): Section {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    parentId: r.parent_id,
    position: r.position,
    inNav: r.in_nav === 1,
  };
}

export interface NewSection {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly parentId: number | null;
  readonly position: number;
  readonly inNav: boolean;
}

export function createSectionRepository(db: Kysely<Database>) {
  return {
    async insert(s: NewSection, now: number): Promise<number> {
      const r = await db
        .insertInto('sections')
        .values({
          slug: s.slug,
          name: s.name,
          description: s.description,
          parent_id: s.parentId,
          position: s.position,
          in_nav: s.inNav ? 1 : 0,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    /** All sections, parents before their children, each level in editorial order. */
    async listAll(): Promise<Section[]> {
      const rows = await db
        .selectFrom('sections')
        .select(['id', 'slug', 'name', 'description', 'parent_id', 'position', 'in_nav'])
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(sectionFromRow);
    },

    async bySlug(slug: string): Promise<Section | null> {
      const r = await db
        .selectFrom('sections')
        .select(['id', 'slug', 'name', 'description', 'parent_id', 'position', 'in_nav'])
        .where('slug', '=', slug)
        .executeTakeFirst();
      return r ? sectionFromRow(r) : null;
    },
  };
}

export type SectionRepository = ReturnType<typeof createSectionRepository>;
