// Moderation screens beside the queue: word lists (banned, suspect), comment settings for the site and
// for one story or article, the moderation log, and one reader (suspend, ban, restore). Data in, HTML out.
import type { LogEntry, SiteCommentSettings } from '../../services/index.js';
import { LogTable } from './log-table.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, NewsroomDocument } from './newsroom-document.js';
import { ModerationSubnav } from './moderation-queue-page.js';

export function ModerationWordsPage({ ctx, words, notice }: { ctx: NewsroomViewContext; words: { banned: readonly string[]; suspect: readonly string[] }; notice: string | null }) {
  const t = ctx.t.comments.moderation;
  return (
    <NewsroomDocument ctx={ctx} title={t.words} notice={notice}>
      <ModerationSubnav ctx={ctx} />
      <form method="post" action="/newsroom/moderation/words" class="nr-form">
        <CsrfField ctx={ctx} />
        <p class="nr-hint">{t.wordsHint}</p>
        <div class="nr-field">
          <label for="f-banned">{t.banned}</label>
          <textarea id="f-banned" name="banned" rows={12} dir="auto">
            {words.banned.join('\n')}
          </textarea>
        </div>
        <div class="nr-field">
          <label for="f-suspect">{t.suspect}</label>
          <textarea id="f-suspect" name="suspect" rows={12} dir="auto">
            {words.suspect.join('\n')}
          </textarea>
        </div>
        <button type="submit">{t.saveWords}</button>
      </form>
    </NewsroomDocument>
  );
}

function utcInput(t: number | null): string {
  return t === null ? '' : new Date(t).toISOString().slice(0, 16);
}

export function ModerationSettingsPage({
  ctx,
  site,
  scoped,
  notice,
  error,
}: {
  ctx: NewsroomViewContext;
  site: SiteCommentSettings;
  scoped: ReadonlyArray<{ scope: 'story' | 'article'; scopeId: number; mode: string; closesAt: number | null; title: string }>;
  notice: string | null;
  error: string | null;
}) {
  const t = ctx.t.comments.moderation;
  const modes = t.modes as Record<string, string>;
  return (
    <NewsroomDocument ctx={ctx} title={t.settings} notice={notice} error={error}>
      <ModerationSubnav ctx={ctx} />
      <h2>{t.siteSettings}</h2>
      <form method="post" action="/newsroom/moderation/settings" class="nr-form">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="scope" value="site" />
        <input type="hidden" name="scopeId" value="0" />
        <div class="nr-field">
          <label for="f-mode">{t.mode}</label>
          <select id="f-mode" name="mode">
            {(['open', 'premoderated', 'closed'] as const).map((m) => (
              <option key={m} value={m} selected={site.mode === m}>
                {modes[m]}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-closes">{t.closesAt}</label>
          <input id="f-closes" name="closesAt" type="datetime-local" value={utcInput(site.closesAt)} />
        </div>
        <div class="nr-field">
          <label>
            <input type="checkbox" name="guestsAllowed" value="1" checked={site.guestsAllowed} /> {t.guestsAllowed}
          </label>
        </div>
        <div class="nr-field">
          <label for="f-premod">{t.premoderateFirst}</label>
          <input id="f-premod" name="premoderateFirst" type="number" min={0} max={100} value={String(site.premoderateFirst)} />
        </div>
        <div class="nr-field">
          <label for="f-edit">{t.editWindow}</label>
          <input id="f-edit" name="editWindowMinutes" type="number" min={0} max={1440} value={String(Math.round(site.editWindowMs / 60_000))} />
        </div>
        <button type="submit">{t.saveSettings}</button>
      </form>
      <h2>{t.scoped}</h2>
      {scoped.length > 0 ? (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">{t.scope}</th>
              <th scope="col">{t.scopeId}</th>
              <th scope="col">{t.mode}</th>
              <th scope="col">{t.closesAt}</th>
            </tr>
          </thead>
          <tbody>
            {scoped.map((s) => (
              <tr key={`${s.scope}-${s.scopeId}`}>
                <td>{t.scopes[s.scope]}</td>
                <td>
                  {ctx.fmt.number(s.scopeId)} <bdi>{s.title}</bdi>
                </td>
                <td>{modes[s.mode] ?? s.mode}</td>
                <td>{s.closesAt === null ? '—' : <time datetime={ctx.fmt.iso(s.closesAt)}>{ctx.fmt.dateTime(s.closesAt)}</time>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <form method="post" action="/newsroom/moderation/settings" class="nr-form">
        <CsrfField ctx={ctx} />
        <div class="nr-field">
          <label for="f-scope">{t.scope}</label>
          <select id="f-scope" name="scope">
            <option value="story">{t.scopes.story}</option>
            <option value="article">{t.scopes.article}</option>
          </select>
        </div>
        <div class="nr-field">
          <label for="f-scope-id">{t.scopeId}</label>
          <input id="f-scope-id" name="scopeId" type="number" min={1} required />
        </div>
        <div class="nr-field">
          <label for="f-scope-mode">{t.mode}</label>
          <select id="f-scope-mode" name="mode">
            {(['inherit', 'open', 'premoderated', 'closed'] as const).map((m) => (
              <option key={m} value={m}>
                {modes[m]}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="f-scope-closes">{t.closesAt}</label>
          <input id="f-scope-closes" name="closesAt" type="datetime-local" />
        </div>
        <button type="submit">{t.saveSettings}</button>
      </form>
    </NewsroomDocument>
  );
}

export function ModerationLogPage({ ctx, entries }: { ctx: NewsroomViewContext; entries: readonly LogEntry[] }) {
  const t = ctx.t.comments.moderation;
  const last = entries[entries.length - 1];
  return (
    <NewsroomDocument ctx={ctx} title={t.log}>
      <ModerationSubnav ctx={ctx} />
      <LogTable
        ctx={ctx}
        headings={{ when: t.logAt, who: t.logActor, action: t.logAction, target: t.logTarget, detail: t.logReason }}
        rows={entries.map((e) => ({
          id: e.id,
          at: e.at,
          action: e.action,
          who: e.actorName ? <bdi>{e.actorName}</bdi> : e.actorLabel === 'pipeline' ? t.pipeline : <code dir="ltr">{e.actorLabel}</code>,
          target: (
            <>
              {e.commentId !== null ? <code dir="ltr">#{e.commentId}</code> : null}{' '}
              {e.readerId !== null ? <a href={`/newsroom/moderation/readers/${e.readerId}`}>{t.reader(ctx.fmt.number(e.readerId))}</a> : null}
            </>
          ),
          detail: e.reason,
        }))}
      />
      {entries.length === 100 && last ? (
        <p>
          <a href={`/newsroom/moderation/log?before=${last.id}`}>{t.olderLog}</a>
        </p>
      ) : null}
    </NewsroomDocument>
  );
}

export function ModerationReaderPage({
  ctx,
  reader,
  notice,
}: {
  ctx: NewsroomViewContext;
  reader: { id: number; displayName: string; status: string; suspendedUntil: number | null; statusReason: string | null; createdAt: number; counts: Partial<Record<string, number>> };
  notice: string | null;
}) {
  const t = ctx.t.comments.moderation;
  const statuses = ctx.t.comments.account.statuses as Record<string, string>;
  const readerStatus = t.readerStatus as Record<string, string>;
  return (
    <NewsroomDocument ctx={ctx} title={t.readerTitle(reader.displayName || '—')} notice={notice}>
      <ModerationSubnav ctx={ctx} />
      <p>
        {readerStatus[reader.status] ?? reader.status}
        {reader.suspendedUntil !== null ? (
          <>
            {' '}
            — <time datetime={ctx.fmt.iso(reader.suspendedUntil)}>{ctx.fmt.dateTime(reader.suspendedUntil)}</time>
          </>
        ) : null}
        {reader.statusReason ? (
          <>
            {' '}
            — <bdi>{reader.statusReason}</bdi>
          </>
        ) : null}
      </p>
      <h2>{t.readerCounts}</h2>
      <ul>
        {Object.entries(reader.counts).map(([k, n]) => (
          <li key={k}>
            {statuses[k] ?? k}: {ctx.fmt.number(n ?? 0)}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/newsroom/moderation?queue=pending&author=${reader.id}`}>{t.queues.pending}</a> ·{' '}
        <a href={`/newsroom/moderation?queue=rejected&author=${reader.id}`}>{t.queues.rejected}</a>
      </p>
      {reader.status !== 'deleted' ? (
        <form method="post" action={`/newsroom/moderation/readers/${reader.id}`} class="nr-form">
          <CsrfField ctx={ctx} />
          <div class="nr-field">
            <label for="f-status">{t.readerAction}</label>
            <select id="f-status" name="status">
              {(['suspended', 'banned', 'active'] as const).map((s) => (
                <option key={s} value={s}>
                  {t.readerActions[s]}
                </option>
              ))}
            </select>
          </div>
          <div class="nr-field">
            <label for="f-days">{t.days}</label>
            <input id="f-days" name="days" type="number" min={1} max={365} value="7" />
          </div>
          <div class="nr-field">
            <label for="f-reason">{t.reason}</label>
            <input id="f-reason" name="reason" type="text" maxLength={500} dir="auto" />
          </div>
          <button type="submit">{t.saveReader}</button>
        </form>
      ) : null}
    </NewsroomDocument>
  );
}
