// Comment settings per site, story and article, and the rule that picks the one in force. Reads and
// writes only the comment_settings table and the article's own comments_mode; knows nothing of HTTP.
import { effectiveCommentsMode, type CommentSettingMode } from '../../domain/index.js';
import type { Db, Tx } from '../../db/index.js';

export interface SiteCommentSettings {
  readonly mode: 'open' | 'premoderated' | 'closed';
  readonly closesAt: number | null;
  readonly guestsAllowed: boolean;
  readonly premoderateFirst: number;
  readonly editWindowMs: number;
  readonly secret: string;
}

export interface ScopeSetting {
  readonly scope: 'story' | 'article';
  readonly scopeId: number;
  readonly mode: CommentSettingMode;
  readonly closesAt: number | null;
}

/** What applies to one article right now. */
export interface ArticleCommentRules {
  readonly articleId: number;
  readonly published: boolean;
  readonly mode: 'open' | 'premoderated' | 'closed';
  readonly closesAt: number | null;
  readonly guestsAllowed: boolean;
  readonly premoderateFirst: number;
  readonly editWindowMs: number;
}

export async function readSiteSettings(db: Db | Tx): Promise<SiteCommentSettings> {
  const r = await db.selectFrom('comment_settings').selectAll().where('scope', '=', 'site').where('scope_id', '=', 0).executeTakeFirst();
  return siteFromRow(r);
}

type SettingRow = Awaited<ReturnType<ReturnType<typeof settingsQuery>['executeTakeFirst']>>;
const settingsQuery = (db: Db | Tx) => db.selectFrom('comment_settings').selectAll();

function siteFromRow(r: SettingRow): SiteCommentSettings {
  if (!r) throw new Error('comment settings missing: run the migrations');
  return {
    mode: r.mode === 'inherit' ? 'open' : r.mode,
    closesAt: r.closes_at === null ? null : Number(r.closes_at),
    guestsAllowed: Number(r.guests_allowed) === 1,
    premoderateFirst: Number(r.premoderate_first),
    editWindowMs: Number(r.edit_window_ms),
    secret: r.secret,
  };
}

/** What the rules need of the article itself (the article page has it from its own read). */
export interface KnownArticle {
  readonly status: string;
  readonly commentsMode: CommentSettingMode;
  readonly storyIds: readonly number[];
}

/** A story's or an article's own row: its mode and closing time. */
export interface ScopeRule {
  readonly mode: CommentSettingMode;
  readonly closesAt: number | null;
}

/** The rows every article's rules draw on: the site's, and each story's that has one (a few per site). */
export interface SharedCommentSettings {
  readonly site: SiteCommentSettings;
  readonly stories: ReadonlyMap<number, ScopeRule>;
}

const ruleOf = (r: { mode: CommentSettingMode; closes_at: number | null }): ScopeRule => ({ mode: r.mode, closesAt: r.closes_at === null ? null : Number(r.closes_at) });

/** The site's settings and every story's own row, for pages that work out many articles' rules (article pages). */
export async function readSharedCommentSettings(db: Db | Tx): Promise<SharedCommentSettings> {
  return sharedFrom(await settingsQuery(db).where('scope', 'in', ['site', 'story']).execute());
}

/** The site's row and the story rows among settings rows read together. */
function sharedFrom(rows: ReadonlyArray<NonNullable<SettingRow>>): SharedCommentSettings {
  return {
    site: siteFromRow(rows.find((s) => s.scope === 'site' && Number(s.scope_id) === 0)),
    stories: new Map(rows.filter((s) => s.scope === 'story').map((s) => [Number(s.scope_id), ruleOf(s)])),
  };
}

/** The rules in force for one article, from its own setting (if any), its stories' and the site's. Pure. */
export function articleRulesFrom(shared: SharedCommentSettings, own: ScopeRule | null, articleId: number, article: KnownArticle, now: number): ArticleCommentRules {
  const site = shared.site;
  // The strictest story setting wins when an article belongs to several stories.
  const rank = { inherit: 0, open: 1, premoderated: 2, closed: 3 } as const;
  const story = article.storyIds
    .map((id) => shared.stories.get(id))
    .filter((r): r is ScopeRule => r !== undefined)
    .sort((a, b) => rank[b.mode] - rank[a.mode])[0];
  // The editor's per-article switch: 'open' (its default) defers to the story and the site.
  const articleMode: CommentSettingMode = own && own.mode !== 'inherit' ? own.mode : article.commentsMode === 'open' ? 'inherit' : article.commentsMode;
  const closing = [own?.closesAt, story?.closesAt, site.closesAt].filter((t): t is number => t !== null && t !== undefined);
  const closesAt = closing.length ? Math.min(...closing) : null;
  const published = article.status === 'published';
  return {
    articleId,
    published,
    mode: published ? effectiveCommentsMode({ article: articleMode, story: story?.mode ?? 'inherit', site: site.mode }, closesAt, now) : 'closed',
    closesAt,
    guestsAllowed: site.guestsAllowed,
    premoderateFirst: site.premoderateFirst,
    editWindowMs: site.editWindowMs,
  };
}

export async function readArticleRules(db: Db | Tx, articleId: number, now: number): Promise<ArticleCommentRules | null> {
  const row = await db.selectFrom('articles').select(['id', 'status', 'comments_mode']).where('id', '=', articleId).executeTakeFirst();
  if (!row) return null;
  const storyIds = (await db.selectFrom('story_articles').select('story_id').where('article_id', '=', articleId).execute()).map((s) => s.story_id);
  // The site's row, the article's and its stories' in one read.
  const rows = await settingsQuery(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'site'), eb('scope_id', '=', 0)]),
        eb.and([eb('scope', '=', 'article'), eb('scope_id', '=', articleId)]),
        ...(storyIds.length ? [eb.and([eb('scope', '=', 'story'), eb('scope_id', 'in', storyIds)])] : []),
      ]),
    )
    .execute();
  const own = rows.find((s) => s.scope === 'article');
  return articleRulesFrom(sharedFrom(rows), own ? ruleOf(own) : null, articleId, { status: row.status, commentsMode: row.comments_mode, storyIds }, now);
}
