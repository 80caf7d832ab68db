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

/** What the caller has just read of the article itself (the article page has loaded it): not read again. */
export interface KnownArticle {
  readonly status: string;
  readonly commentsMode: CommentSettingMode;
  readonly storyIds: readonly number[];
}

export async function readArticleRules(db: Db | Tx, articleId: number, now: number, known?: KnownArticle): Promise<ArticleCommentRules | null> {
  let article: { status: string; comments_mode: CommentSettingMode } | undefined;
  let storyIds: readonly number[];
  if (known) {
    article = { status: known.status, comments_mode: known.commentsMode };
    storyIds = known.storyIds;
  } else {
    article = await db.selectFrom('articles').select(['id', 'status', 'comments_mode']).where('id', '=', articleId).executeTakeFirst();
    if (!article) return null;
    storyIds = (await db.selectFrom('story_articles').select('story_id').where('article_id', '=', articleId).execute()).map((s) => s.story_id);
  }
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
  const site = siteFromRow(rows.find((s) => s.scope === 'site'));
  const scoped = rows.filter((s) => s.scope !== 'site');
  const own = scoped.find((s) => s.scope === 'article');
  // The strictest story setting wins when an article belongs to several stories.
  const rank = { inherit: 0, open: 1, premoderated: 2, closed: 3 } as const;
  const story = scoped.filter((s) => s.scope === 'story').sort((a, b) => rank[b.mode] - rank[a.mode])[0];
  // The editor's per-article switch: 'open' (its default) defers to the story and the site.
  const articleMode: CommentSettingMode = own && own.mode !== 'inherit' ? own.mode : article.comments_mode === 'open' ? 'inherit' : article.comments_mode;
  const closing = [own?.closes_at, story?.closes_at, site.closesAt].filter((t): t is number => t !== null && t !== undefined).map(Number);
  const closesAt = closing.length ? Math.min(...closing) : null;
  return {
    articleId,
    published: article.status === 'published',
    mode: article.status === 'published' ? effectiveCommentsMode({ article: articleMode, story: story?.mode ?? 'inherit', site: site.mode }, closesAt, now) : 'closed',
    closesAt,
    guestsAllowed: site.guestsAllowed,
    premoderateFirst: site.premoderateFirst,
    editWindowMs: site.editWindowMs,
  };
}
