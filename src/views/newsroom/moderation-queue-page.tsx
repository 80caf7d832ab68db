// The moderators' queue screen: queue tabs with live counts, filters (section, story, author), the
// comments with article, author, reasons and reports, per-item checkboxes and one bulk action form with
// a reason. Works without JavaScript; the moderation island adds keyboard shortcuts and live counts.
import { articlePath, MODERATION_QUEUES, type ModerationQueue } from '../../domain/index.js';
import type { QueueCounts, QueueItem, QueueQuery } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, NewsroomDocument } from './newsroom-document.js';

export interface ModerationQueueData {
  readonly query: QueueQuery;
  readonly counts: QueueCounts;
  readonly items: readonly QueueItem[];
  readonly hasMore: boolean;
  readonly sections: ReadonlyArray<{ readonly id: number; readonly name: string }>;
  readonly stories: ReadonlyArray<{ readonly id: number; readonly title: string }>;
  readonly notice: string | null;
}

function queueHref(q: QueueQuery, queue: ModerationQueue, page = 1): string {
  const p = new URLSearchParams({ queue });
  if (q.sectionId) p.set('sectionId', String(q.sectionId));
  if (q.storyId) p.set('storyId', String(q.storyId));
  if (q.author) p.set('author', q.author);
  if (page > 1) p.set('page', String(page));
  return `/newsroom/moderation?${p.toString()}`;
}

export function ModerationSubnav({ ctx }: { ctx: NewsroomViewContext }) {
  const t = ctx.t.comments.moderation;
  const links = [
    ['/newsroom/moderation', t.title],
    ['/newsroom/moderation/words', t.words],
    ['/newsroom/moderation/settings', t.settings],
    ['/newsroom/moderation/log', t.log],
  ] as const;
  return (
    <nav class="nr-subnav" aria-label={t.title}>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ModerationQueuePage({ ctx, data }: { ctx: NewsroomViewContext; data: ModerationQueueData }) {
  const t = ctx.t.comments.moderation;
  const q = data.query;
  const reasons = t.reasons as Record<string, string>;
  const reportReasons = ctx.t.comments.reportReasons as Record<string, string>;
  const actions = ['approve', 'reject', 'feature', 'unfeature', 'dismissReports'] as const;
  const returnTo = queueHref(q, q.queue, q.page);
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={data.notice} scripts={['moderation']}>
      <ModerationSubnav ctx={ctx} />
      <nav class="nr-tabs" aria-label={t.queuesLabel} data-moderation-counts="/newsroom/moderation/counts">
        <ul>
          {MODERATION_QUEUES.map((queue) => (
            <li key={queue}>
              <a href={queueHref(q, queue)} aria-current={queue === q.queue ? 'page' : undefined}>
                {t.queues[queue]}{' '}
                <span class="nr-count" data-queue={queue}>
                  {ctx.fmt.number(data.counts[queue])}
                </span>
              </a>
            </li>
          ))}
        </ul>
        <p class="nr-hint">{t.live}</p>
      </nav>
      <form method="get" action="/newsroom/moderation" class="nr-filters">
        <input type="hidden" name="queue" value={q.queue} />
        <label>
          {t.section}{' '}
          <select name="sectionId">
            <option value="">{t.any}</option>
            {data.sections.map((s) => (
              <option key={s.id} value={String(s.id)} selected={q.sectionId === s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t.story}{' '}
          <select name="storyId">
            <option value="">{t.any}</option>
            {data.stories.map((s) => (
              <option key={s.id} value={String(s.id)} selected={q.storyId === s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t.author} <input type="search" name="author" value={q.author ?? ''} dir="auto" maxLength={100} />
        </label>{' '}
        <button type="submit">{t.apply}</button>
      </form>
      <p class="nr-hint">{t.shortcuts}</p>
      {data.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <form method="post" action="/newsroom/moderation/act" class="nr-moderation" id="moderation-form">
          <CsrfField ctx={ctx} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <ol class="nr-queue">
            {data.items.map((c) => (
              <li key={c.id} class="nr-queue-item" id={`c-${c.id}`} data-comment-id={String(c.id)} tabIndex={-1}>
                <p class="nr-queue-meta">
                  <label>
                    <input type="checkbox" name="ids" value={String(c.id)} aria-label={t.select(ctx.fmt.number(c.id))} />{' '}
                    <bdi class="comment__author">{c.authorName || '—'}</bdi>
                  </label>{' '}
                  {c.guest ? (
                    <span>({t.guest})</span>
                  ) : c.readerId !== null ? (
                    <a href={`/newsroom/moderation/readers/${c.readerId}`}>
                      {t.reader(ctx.fmt.number(c.readerId))}
                      {c.readerStatus && c.readerStatus !== 'active' ? ` · ${(t.readerStatus as Record<string, string>)[c.readerStatus] ?? ''}` : ''}
                    </a>
                  ) : null}{' '}
                  · <time datetime={ctx.fmt.iso(c.createdAt)}>{ctx.fmt.dateTime(c.createdAt)}</time> · {t.onArticle}{' '}
                  <a href={articlePath(c.articlePath)} dir="auto">
                    {c.articleTitle}
                  </a>{' '}
                  ({c.sectionName})
                </p>
                {c.reasons.length > 0 ? (
                  <ul class="nr-reasons">
                    {c.reasons.map((r, i) => (
                      <li key={i}>{r.startsWith('word:') ? t.word(r.slice(5)) : (reasons[r] ?? r)}</li>
                    ))}
                  </ul>
                ) : null}
                <div class="comment__body" dir="auto" dangerouslySetInnerHTML={{ __html: c.html }} />
                {c.reports.length > 0 ? (
                  <div class="nr-reports">
                    <p>{t.reports}:</p>
                    <ul>
                      {c.reports.map((r, i) => (
                        <li key={i}>
                          {reportReasons[r.reason] ?? r.reason}
                          {r.note ? (
                            <>
                              {' '}
                              — <bdi>{r.note}</bdi>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {c.ipHash ? (
                  <p class="nr-hint">
                    {t.network}: <code dir="ltr">{c.ipHash.slice(0, 8)}</code>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
          <fieldset class="nr-bulk">
            <legend>{t.filters}</legend>
            <label>
              {t.reason} <input type="text" name="reason" maxLength={500} dir="auto" />
            </label>
            <div class="nr-actions">
              {actions.map((a) => (
                <button key={a} type="submit" name="action" value={a} data-action={a}>
                  {t.actions[a]}
                </button>
              ))}
            </div>
          </fieldset>
        </form>
      )}
      {data.hasMore ? (
        <p>
          <a href={queueHref(q, q.queue, q.page + 1)}>{t.moreItems}</a>
        </p>
      ) : null}
    </NewsroomDocument>
  );
}
