// The newsroom's live console: the list of live coverages with the breaking-news banner, the stream
// channel and its schedule; one coverage's desk (post an entry first and fast, then state, summary,
// pin, edit, delete); and the edit form of one entry. Plain forms that work without JavaScript; the
// live-console island only adds Ctrl+Enter. Gets prepared data; decides no permission.
import type { Block } from '../../domain/index.js';
import type { BreakingNews, LiveBlogState, LiveEntry, LiveState, LiveStreamPage } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { Checkbox, CsrfField, Field, NewsroomDocument, SelectField } from './newsroom-document.js';

export interface LiveConsoleListData {
  readonly blogs: ReadonlyArray<{ id: number; title: string; status: string; state: LiveState }>;
  readonly breaking: BreakingNews | null;
  readonly channel: LiveStreamPage | null;
  readonly canSetBreaking: boolean;
  readonly notice?: string | null;
  readonly error?: string | null;
  readonly fields?: Readonly<Record<string, string>>;
}

export interface EntryFormValues {
  readonly title: string;
  readonly body: string;
  readonly mediaId: string;
  readonly keyEvent: boolean;
}

export interface LiveConsoleBlogData {
  readonly article: { id: number; title: string; status: string; path: string | null };
  readonly blog: LiveBlogState;
  readonly entries: readonly LiveEntry[];
  readonly notice?: string | null;
  readonly error?: string | null;
  readonly fields?: Readonly<Record<string, string>>;
  /** What the member typed, kept when the form is refused. */
  readonly values?: EntryFormValues;
}

const STATES: readonly LiveState[] = ['scheduled', 'live', 'ended'];

/** Entry body blocks back to the console's plain text: paragraphs separated by blank lines, "> " quotes. */
export function entryBodyText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') return b.content.map((r) => r.text).join('');
      if (b.type === 'quote') return `> ${b.content.map((r) => r.text).join('')}`;
      if (b.type === 'list') return b.items.map((i) => `- ${i.map((r) => r.text).join('')}`).join('\n');
      return '';
    })
    .filter(Boolean)
    .join('\n\n');
}

function EntryFields({ ctx, values, fields, autofocus }: { ctx: NewsroomViewContext; values: EntryFormValues; fields: Readonly<Record<string, string>>; autofocus: boolean }) {
  const t = ctx.t.liveCoverage.console;
  const bodyError = fields['body'] ?? null;
  return (
    <>
      <div class={bodyError ? 'nr-field nr-field-invalid' : 'nr-field'}>
        <label for="f-body">{t.entryBody}</label>
        <p id="f-body-hint" class="nr-hint">
          {t.entryBodyHint}
        </p>
        <textarea
          id="f-body"
          name="body"
          rows={6}
          required
          autoFocus={autofocus}
          data-submit-shortcut
          aria-describedby={bodyError ? 'f-body-hint f-body-error' : 'f-body-hint'}
          aria-invalid={bodyError ? 'true' : undefined}
        >
          {values.body}
        </textarea>
        {bodyError ? (
          <p id="f-body-error" class="nr-field-error">
            {bodyError}
          </p>
        ) : null}
      </div>
      <Field name="title" label={t.entryTitle} value={values.title} error={fields['title'] ?? null} />
      <Field name="mediaId" label={t.entryImage} value={values.mediaId} inputmode="numeric" dir="ltr" error={fields['mediaId'] ?? null} />
      <Checkbox name="keyEvent" label={t.entryKey} checked={values.keyEvent} />
    </>
  );
}

const errorText = (error: string | null | undefined, fields: Readonly<Record<string, string>> | undefined) =>
  error ? [error, ...Object.values(fields ?? {})].join(' ') : null;

export function LiveConsoleBlogPage({ ctx, data }: { ctx: NewsroomViewContext; data: LiveConsoleBlogData }) {
  const t = ctx.t.liveCoverage.console;
  const a = data.article;
  const base = `/newsroom/live/${a.id}`;
  const fields = data.fields ?? {};
  const values = data.values ?? { title: '', body: '', mediaId: '', keyEvent: false };
  return (
    <NewsroomDocument ctx={ctx} title={t.blogTitle(a.title)} notice={data.notice ?? null} error={errorText(data.error, data.fields)} scripts={['live-console']}>
      <p>
        <span class="nr-status">{ctx.t.liveCoverage.states[data.blog.state]}</span>{' '}
        {a.path ? <a href={a.path}>{t.viewPublic}</a> : <span>{t.notPublished}</span>}
      </p>
      {data.blog.state !== 'ended' ? (
        <form method="post" action={`${base}/entries`} class="nr-form nr-panel" aria-labelledby="new-entry-title">
          <h2 id="new-entry-title">{t.newEntry}</h2>
          <CsrfField ctx={ctx} />
          <EntryFields ctx={ctx} values={values} fields={fields} autofocus />
          <div class="nr-actions">
            <button type="submit" class="nr-button">
              {t.post}
            </button>
          </div>
        </form>
      ) : null}

      <section class="nr-panel" aria-labelledby="entries-title">
        <h2 id="entries-title">{t.entries}</h2>
        <ol class="nr-live-entries">
          {data.entries.map((e) => {
            const pinned = data.blog.pinned?.id === e.id;
            return (
              <li key={e.id} id={`console-entry-${e.id}`}>
                <p>
                  <time datetime={ctx.fmt.iso(e.createdAt)}>{ctx.fmt.time(e.createdAt)}</time> · {e.authorName}
                  {e.keyEvent ? ` · ${ctx.t.liveCoverage.keyEvent}` : ''}
                  {pinned ? ` · ${ctx.t.liveCoverage.pinned}` : ''}
                  {e.editedAt !== null ? ` · ${ctx.t.liveCoverage.edited}` : ''}
                </p>
                {e.title ? <p><strong>{e.title}</strong></p> : null}
                <p class="nr-live-entry-text">{entryBodyText(e.body)}</p>
                <div class="nr-actions">
                  <a class="nr-button nr-button-quiet" href={`${base}/entries/${e.id}/edit`}>
                    {t.edit}
                  </a>
                  <form method="post" action={`${base}/pin`} class="nr-inline-form">
                    <CsrfField ctx={ctx} />
                    <input type="hidden" name="entryId" value={pinned ? '' : String(e.id)} />
                    <button type="submit" class="nr-button nr-button-quiet">
                      {pinned ? t.unpin : t.pin}
                    </button>
                  </form>
                  <form method="post" action={`${base}/entries/${e.id}/delete`} class="nr-inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="nr-button nr-button-danger" aria-label={`${t.confirmDelete}: ${ctx.fmt.time(e.createdAt)}`}>
                      {t.delete}
                    </button>
                  </form>
                </div>
              </li>
            );
          })}
        </ol>
      </section>

      <form method="post" action={`${base}/summary`} class="nr-form nr-panel" aria-labelledby="summary-title">
        <h2 id="summary-title">{ctx.t.liveCoverage.summary}</h2>
        <CsrfField ctx={ctx} />
        <div class="nr-field">
          <label for="f-summary">{t.summary}</label>
          <textarea id="f-summary" name="summary" rows={4}>
            {data.blog.summary.join('\n')}
          </textarea>
        </div>
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            {t.saveSummary}
          </button>
        </div>
      </form>

      <form method="post" action={`${base}/state`} class="nr-form nr-panel" aria-labelledby="state-title">
        <h2 id="state-title">{t.state}</h2>
        <CsrfField ctx={ctx} />
        <SelectField name="state" label={t.state} value={data.blog.state} options={STATES.map((s) => ({ value: s, label: ctx.t.liveCoverage.states[s] }))} />
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            {t.setState}
          </button>
        </div>
      </form>
    </NewsroomDocument>
  );
}

export function LiveEntryEditPage({
  ctx,
  articleId,
  entry,
  values,
  error,
  fields,
}: {
  ctx: NewsroomViewContext;
  articleId: number;
  entry: LiveEntry;
  values?: EntryFormValues;
  error?: string | null;
  fields?: Readonly<Record<string, string>>;
}) {
  const t = ctx.t.liveCoverage.console;
  const v = values ?? { title: entry.title ?? '', body: entryBodyText(entry.body), mediaId: entry.image ? String(entry.image.id) : '', keyEvent: entry.keyEvent };
  return (
    <NewsroomDocument ctx={ctx} title={t.editTitle} error={errorText(error, fields)} scripts={['live-console']}>
      <form method="post" action={`/newsroom/live/${articleId}/entries/${entry.id}`} class="nr-form nr-panel">
        <CsrfField ctx={ctx} />
        <EntryFields ctx={ctx} values={v} fields={fields ?? {}} autofocus />
        <div class="nr-actions">
          <button type="submit" class="nr-button">
            {t.save}
          </button>{' '}
          <a href={`/newsroom/live/${articleId}`}>{ctx.t.liveCoverage.console.title}</a>
        </div>
      </form>
    </NewsroomDocument>
  );
}

export function LiveConsoleListPage({ ctx, data }: { ctx: NewsroomViewContext; data: LiveConsoleListData }) {
  const t = ctx.t.liveCoverage.console;
  const fields = data.fields ?? {};
  const stream = data.channel?.stream ?? null;
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={data.notice ?? null} error={errorText(data.error, data.fields)}>
      <p>{t.intro}</p>
      {data.blogs.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <table class="nr-table">
          <tbody>
            {data.blogs.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={`/newsroom/live/${b.id}`}>{b.title}</a>
                </td>
                <td>{t.status[b.status as keyof typeof t.status] ?? b.status}</td>
                <td>{ctx.t.liveCoverage.states[b.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {data.canSetBreaking ? (
        <>
          <section class="nr-panel" aria-labelledby="breaking-title">
            <h2 id="breaking-title">{t.breakingTitle}</h2>
            <p role="status">{data.breaking ? t.breakingCurrent(data.breaking.text, ctx.fmt.time(data.breaking.expiresAt)) : t.breakingNone}</p>
            <form method="post" action="/newsroom/live/breaking" class="nr-form">
              <CsrfField ctx={ctx} />
              <Field name="text" label={t.breakingText} required error={fields['text'] ?? null} />
              <Field name="url" label={t.breakingUrl} dir="ltr" error={fields['url'] ?? null} />
              <Field name="minutes" label={t.breakingMinutes} type="number" value="30" inputmode="numeric" error={fields['minutes'] ?? null} />
              <div class="nr-actions">
                <button type="submit" class="nr-button">
                  {t.breakingSet}
                </button>
              </div>
            </form>
            {data.breaking ? (
              <form method="post" action="/newsroom/live/breaking/clear" class="nr-inline-form">
                <CsrfField ctx={ctx} />
                <button type="submit" class="nr-button nr-button-danger">
                  {t.breakingClear}
                </button>
              </form>
            ) : null}
          </section>

          <form method="post" action="/newsroom/live/stream" class="nr-form nr-panel" aria-labelledby="stream-title">
            <h2 id="stream-title">{t.streamTitle}</h2>
            <CsrfField ctx={ctx} />
            <Field name="title" label={t.streamName} value={stream?.title ?? ''} required error={fields['title'] ?? null} />
            <Field name="description" label={t.streamDescription} value={stream?.description ?? ''} error={fields['description'] ?? null} />
            <Field name="hlsUrl" label={t.streamUrl} value={stream?.hlsUrl ?? ''} dir="ltr" error={fields['hlsUrl'] ?? null} />
            <Field name="captionsUrl" label={t.streamCaptions} value={stream?.captionsUrl ?? ''} dir="ltr" error={fields['captionsUrl'] ?? null} />
            <Field name="posterMediaId" label={t.streamPoster} value={stream?.poster ? String(stream.poster.id) : ''} inputmode="numeric" dir="ltr" error={fields['posterMediaId'] ?? null} />
            <Checkbox name="enabled" label={t.streamEnabled} checked={stream?.enabled ?? false} />
            <div class="nr-actions">
              <button type="submit" class="nr-button">
                {t.streamSave}
              </button>
            </div>
          </form>

          <section class="nr-panel" aria-labelledby="schedule-title">
            <h2 id="schedule-title">{t.scheduleTitle}</h2>
            <ul>
              {(data.channel?.schedule ?? []).map((s) => (
                <li key={s.id}>
                  {ctx.fmt.dateTime(s.startsAt)} – {ctx.fmt.time(s.endsAt)} · {s.title}{' '}
                  <form method="post" action={`/newsroom/live/schedule/${s.id}/delete`} class="nr-inline-form">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="nr-button nr-button-quiet" aria-label={`${t.scheduleRemove}: ${s.title}`}>
                      {t.scheduleRemove}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
            <form method="post" action="/newsroom/live/schedule" class="nr-form">
              <CsrfField ctx={ctx} />
              <Field name="programme" label={t.scheduleName} required error={fields['title'] ?? null} />
              <div class="nr-field">
                <label for="f-startsAt">{t.scheduleStart}</label>
                <input id="f-startsAt" name="startsAt" type="datetime-local" required dir="ltr" />
              </div>
              <div class="nr-field">
                <label for="f-endsAt">{t.scheduleEnd}</label>
                <input id="f-endsAt" name="endsAt" type="datetime-local" required dir="ltr" />
              </div>
              <div class="nr-actions">
                <button type="submit" class="nr-button">
                  {t.scheduleAdd}
                </button>
              </div>
            </form>
          </section>
        </>
      ) : null}
    </NewsroomDocument>
  );
}
