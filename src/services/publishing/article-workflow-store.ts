// SQL of the newsroom workflow: the editable fields of an article, its revisions, its edit lock and the
// newsroom's filtered lists, on either dialect. Called inside the service's transactions; no rules here.
import type { ArticleStatus, Body, Decision } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import type { ArticleSnapshot } from './revision-diff.js';

type Q = Db;

export interface WorkflowRow {
  readonly id: number;
  readonly status: ArticleStatus;
  readonly sectionId: number;
  readonly createdBy: number | null;
  readonly revision: number;
  readonly publishedAt: number | null;
  readonly publishAt: number | null;
  readonly updatedAt: number;
  readonly createdAt: number;
  readonly slug: string;
}

export interface LockInfo {
  readonly userId: number;
  readonly holderName: string;
  readonly acquiredAt: number;
  readonly expiresAt: number;
}

export interface RevisionInfo {
  readonly number: number;
  readonly kind: 'save' | 'autosave' | 'restore' | 'publish';
  readonly status: ArticleStatus;
  readonly authorId: number | null;
  /** The author's display name, when the account still exists. */
  readonly authorName: string | null;
  readonly createdAt: number;
}

export interface NewsroomListQuery {
  readonly status?: ArticleStatus | undefined;
  readonly sectionId?: number | undefined;
  readonly authorId?: number | undefined;
  readonly storyId?: number | undefined;
  readonly createdBy?: number | undefined;
  /** Words of the title. */
  readonly q?: string | undefined;
  readonly page: number;
  readonly perPage: number;
}

export interface NewsroomListItem {
  readonly id: number;
  readonly title: string;
  readonly status: ArticleStatus;
  readonly sectionId: number;
  readonly sectionName: string;
  readonly createdBy: number | null;
  readonly updatedAt: number;
  readonly publishedAt: number | null;
  readonly publishAt: number | null;
  readonly lockedBy: string | null;
}

export async function workflowRow(db: Q, id: number): Promise<WorkflowRow | null> {
  const r = await db
    .selectFrom('articles')
    .select(['id', 'status', 'section_id', 'created_by', 'revision', 'published_at', 'publish_at', 'updated_at', 'created_at', 'slug'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    sectionId: r.section_id,
    createdBy: r.created_by,
    revision: Number(r.revision),
    publishedAt: r.published_at === null ? null : Number(r.published_at),
    publishAt: r.publish_at === null ? null : Number(r.publish_at),
    updatedAt: Number(r.updated_at),
    createdAt: Number(r.created_at),
    slug: r.slug,
  };
}

/** The editable fields as they are stored now: what a revision snapshot records. */
export async function currentSnapshot(db: Q, id: number): Promise<ArticleSnapshot | null> {
  const r = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  const [authors, tags, stories] = await Promise.all([
    db.selectFrom('article_authors').select('author_id').where('article_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('article_tags as at')
      .innerJoin('tags as t', 't.id', 'at.tag_id')
      .select('t.name')
      .where('at.article_id', '=', id)
      .orderBy('at.position')
      .execute(),
    db.selectFrom('story_articles').select('story_id').where('article_id', '=', id).orderBy('story_id').execute(),
  ]);
  return {
    sectionId: r.section_id,
    type: r.type,
    title: r.title,
    lead: r.lead,
    body: JSON.parse(r.body) as Body,
    heroMediaId: r.hero_media_id,
    heroCaption: r.hero_caption,
    heroCredit: r.hero_credit,
    source: r.source,
    authorIds: authors.map((a) => a.author_id),
    tags: tags.map((t) => t.name),
    storyIds: stories.map((s) => s.story_id),
    commentsMode: r.comments_mode,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
  };
}

export async function lockOf(db: Q, articleId: number): Promise<LockInfo | null> {
  const r = await db
    .selectFrom('article_locks')
    .select(['user_id', 'holder_name', 'acquired_at', 'expires_at'])
    .where('article_id', '=', articleId)
    .executeTakeFirst();
  return r ? { userId: r.user_id, holderName: r.holder_name, acquiredAt: Number(r.acquired_at), expiresAt: Number(r.expires_at) } : null;
}

/** Takes the lock if it is free, expired, already ours, or `force`; returns the lock as it now stands. */
export async function takeLock(
  db: Q,
  articleId: number,
  who: { userId: number; name: string },
  now: number,
  ttl: number,
  force: boolean,
): Promise<LockInfo> {
  await db
    .insertInto('article_locks')
    .values({ article_id: articleId, user_id: who.userId, holder_name: who.name, acquired_at: now, expires_at: now + ttl })
    .onConflict((oc) => oc.column('article_id').doNothing())
    .execute();
  let q = db
    .updateTable('article_locks')
    .set((eb) => ({
      // A lock taken over from someone else starts now; our own renewal keeps its start.
      acquired_at: eb.case().when('user_id', '=', who.userId).then(eb.ref('acquired_at')).else(now).end(),
      user_id: who.userId,
      holder_name: who.name,
      expires_at: now + ttl,
    }))
    .where('article_id', '=', articleId);
  if (!force) q = q.where((eb) => eb.or([eb('user_id', '=', who.userId), eb('expires_at', '<=', now)]));
  await q.execute();
  return (await lockOf(db, articleId))!;
}

export async function dropLock(db: Q, articleId: number, userId: number): Promise<void> {
  await db.deleteFrom('article_locks').where('article_id', '=', articleId).where('user_id', '=', userId).execute();
}

export async function addRevision(
  db: Q,
  articleId: number,
  entry: { kind: RevisionInfo['kind']; status: ArticleStatus; snapshot: ArticleSnapshot; authorId: number | null; at: number },
  coalesceWithin: number,
): Promise<number> {
  const last = await db
    .selectFrom('article_revisions')
    .select(['id', 'number', 'kind', 'author_id', 'created_at'])
    .where('article_id', '=', articleId)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Autosaves every few seconds would bury the history: one autosave entry per author and sitting.
  if (
    last &&
    entry.kind === 'autosave' &&
    last.kind === 'autosave' &&
    last.author_id === entry.authorId &&
    entry.at - Number(last.created_at) < coalesceWithin
  ) {
    await db
      .updateTable('article_revisions')
      .set({ snapshot: JSON.stringify(entry.snapshot), status: entry.status, created_at: entry.at })
      .where('id', '=', last.id)
      .execute();
    return last.number;
  }
  const number = (last?.number ?? 0) + 1;
  await db
    .insertInto('article_revisions')
    .values({
      article_id: articleId,
      number,
      kind: entry.kind,
      status: entry.status,
      snapshot: JSON.stringify(entry.snapshot),
      author_id: entry.authorId,
      created_at: entry.at,
    })
    .execute();
  return number;
}

export async function listRevisions(db: Q, articleId: number): Promise<RevisionInfo[]> {
  const rows = await db
    .selectFrom('article_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.number', 'r.kind', 'r.status', 'r.author_id', 'r.created_at', 'u.display_name'])
    .where('r.article_id', '=', articleId)
    .orderBy('r.number', 'desc')
    .execute();
  return rows.map((r) => ({
    number: r.number,
    kind: r.kind,
    status: r.status,
    authorId: r.author_id,
    authorName: r.display_name ?? null,
    createdAt: Number(r.created_at),
  }));
}

export async function revisionSnapshot(db: Q, articleId: number, number: number): Promise<ArticleSnapshot | null> {
  const r = await db
    .selectFrom('article_revisions')
    .select('snapshot')
    .where('article_id', '=', articleId)
    .where('number', '=', number)
    .executeTakeFirst();
  return r ? (JSON.parse(r.snapshot) as ArticleSnapshot) : null;
}

/** The newsroom list with the access decision's filter applied in SQL. */
export async function listForNewsroom(
  db: Q,
  q: NewsroomListQuery,
  decision: Decision,
  now: number,
): Promise<{ items: NewsroomListItem[]; total: number }> {
  if (decision.kind === 'deny') return { items: [], total: 0 };
  if (decision.kind === 'filter' && decision.sectionIds && decision.sectionIds.length === 0) return { items: [], total: 0 };
  let base = db.selectFrom('articles as a').innerJoin('sections as s', 's.id', 'a.section_id');
  if (decision.kind === 'filter') {
    if (decision.sectionIds) base = base.where('a.section_id', 'in', [...decision.sectionIds]);
    if (decision.createdBy !== undefined) base = base.where('a.created_by', '=', decision.createdBy);
  }
  if (q.status) base = base.where('a.status', '=', q.status);
  if (q.sectionId !== undefined) {
    const sid = q.sectionId;
    // A parent section's list includes its sub-sections' articles.
    base = base.where((eb) => eb.or([eb('a.section_id', '=', sid), eb('s.parent_id', '=', sid)]));
  }
  if (q.createdBy !== undefined) base = base.where('a.created_by', '=', q.createdBy);
  if (q.authorId !== undefined) {
    const aid = q.authorId;
    base = base.where(({ exists, selectFrom }) =>
      exists(selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', aid)),
    );
  }
  if (q.storyId !== undefined) {
    const sid = q.storyId;
    base = base.where(({ exists, selectFrom }) =>
      exists(selectFrom('story_articles as sa').select('sa.article_id').whereRef('sa.article_id', '=', 'a.id').where('sa.story_id', '=', sid)),
    );
  }
  for (const word of (q.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    // LIKE has no portable escape character (SQLite has none by default): wildcards are dropped.
    const pattern = `%${word.slice(0, 100).replace(/[\\%_]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('a.title', 'like', pattern), eb('a.lead', 'like', pattern)]));
  }
  const countRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('article_locks as l', (j) => j.onRef('l.article_id', '=', 'a.id').on('l.expires_at', '>', now))
    .select([
      'a.id',
      'a.title',
      'a.status',
      'a.section_id',
      's.name as section_name',
      'a.created_by',
      'a.updated_at',
      'a.published_at',
      'a.publish_at',
      'l.holder_name',
    ])
    .orderBy('a.updated_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage)
    .execute();
  return {
    total: Number(countRow.n),
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      sectionId: r.section_id,
      sectionName: r.section_name,
      createdBy: r.created_by,
      updatedAt: Number(r.updated_at),
      publishedAt: r.published_at === null ? null : Number(r.published_at),
      publishAt: r.publish_at === null ? null : Number(r.publish_at),
      lockedBy: r.holder_name ?? null,
    })),
  };
}
