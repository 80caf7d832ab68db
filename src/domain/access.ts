// Who may do what in the newsroom: roles, actions and the one authorization matrix every service asks.
// Decisions are allow, deny, or a filter (only these sections / only own articles) that callers merge
// into their queries. Pure: knows nothing of sessions, HTTP or SQL.

export const ROLES = ['admin', 'editor', 'writer', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'article.create',
  'article.read', // drafts and every non-public state, in the newsroom
  'article.edit',
  'article.submit', // draft → in review
  'article.publish', // publish now, or update a published article
  'article.schedule',
  'article.unpublish',
  'article.delete',
  'article.restoreRevision',
  'article.takeOverLock',
  'media.upload',
  'media.edit',
  'curation.home',
  'curation.stories',
  'curation.sections',
  'curation.channels',
  'comments.moderate',
  'live.post',
  'breaking.set',
  'users.manage',
  'apiTokens.manage',
  'audit.read',
  'settings.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

/** A signed-in newsroom member, as services see them. */
export interface Actor {
  readonly userId: number;
  readonly role: Role;
  /** Sections an editor is assigned to; 'all' for editors of every section and for admins. */
  readonly sections: readonly number[] | 'all';
  /** Set when an integration acts through an API token: only these actions, and only as far as the role allows. */
  readonly scopes?: readonly Action[];
}

/** What an integration's API token may be granted; each scope opens a few actions. */
export const API_SCOPES = {
  'articles:read': ['article.read'],
  'articles:write': ['article.create', 'article.edit'],
  'articles:submit': ['article.submit'],
  'articles:publish': ['article.publish', 'article.schedule', 'article.unpublish'],
  'media:write': ['media.upload', 'media.edit'],
} as const satisfies Record<string, readonly Action[]>;
export type ApiScope = keyof typeof API_SCOPES;
export const API_SCOPE_NAMES = Object.keys(API_SCOPES) as ApiScope[];

/** The actions a set of scopes opens. */
export function scopeActions(scopes: readonly ApiScope[]): Action[] {
  return [...new Set(scopes.flatMap((s) => API_SCOPES[s]))];
}

/** What an article looks like to the access rules. */
export interface ArticleAccessTarget {
  readonly sectionId: number;
  /** The newsroom account that created the article (a writer's "own" article). */
  readonly createdBy: number | null;
}

export type Decision =
  | { readonly kind: 'allow' }
  | { readonly kind: 'deny' }
  /** Allowed only within these constraints; list queries must apply them in SQL. */
  | { readonly kind: 'filter'; readonly sectionIds?: readonly number[]; readonly createdBy?: number };

const allow: Decision = { kind: 'allow' };
const deny: Decision = { kind: 'deny' };

const ARTICLE_ACTIONS = new Set<Action>([
  'article.create',
  'article.read',
  'article.edit',
  'article.submit',
  'article.publish',
  'article.schedule',
  'article.unpublish',
  'article.delete',
  'article.restoreRevision',
  'article.takeOverLock',
]);

/** Writers work on their own drafts: create, read, edit, submit and restore their own revisions. */
const WRITER_ARTICLE = new Set<Action>(['article.create', 'article.read', 'article.edit', 'article.submit', 'article.restoreRevision']);

const EDITOR_OTHER = new Set<Action>(['media.upload', 'media.edit', 'curation.home', 'curation.stories', 'live.post', 'breaking.set']);
const WRITER_OTHER = new Set<Action>(['media.upload', 'media.edit', 'live.post']);
const MODERATOR_OTHER = new Set<Action>(['comments.moderate']);

/** The decision for an action in general (lists, menus); pass the target for one article. */
export function decide(actor: Actor, action: Action): Decision {
  if (actor.scopes && !actor.scopes.includes(action)) return deny;
  switch (actor.role) {
    case 'admin':
      return allow;
    case 'editor':
      if (ARTICLE_ACTIONS.has(action)) {
        if (action === 'article.delete') return deny;
        return actor.sections === 'all' ? allow : { kind: 'filter', sectionIds: actor.sections };
      }
      return EDITOR_OTHER.has(action) ? allow : deny;
    case 'writer':
      if (WRITER_ARTICLE.has(action)) return { kind: 'filter', createdBy: actor.userId };
      return WRITER_OTHER.has(action) ? allow : deny;
    case 'moderator':
      return MODERATOR_OTHER.has(action) ? allow : deny;
  }
}

/** Whether the actor may do `action` to this particular article. */
export function mayOnArticle(actor: Actor, action: Action, target: ArticleAccessTarget): boolean {
  const d = decide(actor, action);
  if (d.kind !== 'filter') return d.kind === 'allow';
  if (d.sectionIds && !d.sectionIds.includes(target.sectionId)) return false;
  if (d.createdBy !== undefined && target.createdBy !== d.createdBy) return false;
  return true;
}

/** Whether the actor may do `action` at all (some filter counts as yes). */
export function may(actor: Actor, action: Action): boolean {
  return decide(actor, action).kind !== 'deny';
}
