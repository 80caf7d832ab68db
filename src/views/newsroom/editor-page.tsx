// The article edit screen: a plain form that saves without JavaScript (title, lead, body as paragraphs)
// which the editor island upgrades to a right-to-left rich-text editor; structured fields; workflow buttons.
// Gets prepared data and the actions the member may take; decides no permission and calls no service.
import type { ArticleStatus, Block, Section } from '../../domain/index.js';
import type { ArticleSnapshot, LockInfo } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, Field, NewsroomDocument, SelectField, TextAreaField } from './newsroom-document.js';

export interface EditorOptions {
  readonly sections: readonly Section[];
  readonly stories: readonly { readonly id: number; readonly name: string }[];
  readonly authors: readonly { readonly id: number; readonly name: string }[];
  readonly tags: readonly string[];
}

/** Workflow buttons the member may use on this article in its status (decided by the route). */
export interface EditorActions {
  readonly save: boolean;
  readonly submit: boolean;
  readonly publish: boolean;
  readonly schedule: boolean;
  readonly returnToDraft: boolean;
  readonly unpublish: boolean;
  readonly takeOver: boolean;
}

export interface EditorPageData {
  /** null for a new article. */
  readonly id: number | null;
  readonly status: ArticleStatus;
  readonly revision: number;
  readonly fields: ArticleSnapshot;
  readonly publishAt: number | null;
  /** Public path when published. */
  readonly publicPath: string | null;
  /** Someone else holds the edit lock. */
  readonly lockedBy: LockInfo | null;
  readonly options: EditorOptions;
  readonly actions: EditorActions;
  /** Preview URLs of library pictures used in the body and as hero, by media id. */
  readonly mediaSrc: ReadonlyMap<number, string>;
  readonly errors?: Readonly<Record<string, string>>;
  readonly notice?: string | null;
  readonly error?: string | null;
  /** Value of the publication-time input ("YYYY-MM-DDTHH:mm", site time zone). */
  readonly publishAtInput?: string;
  readonly correction?: string;
}

/** Paragraph text for the no-JavaScript textarea: one paragraph per blank-line-separated chunk. */
export function bodyAsText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
        case 'heading':
        case 'quote':
          return b.content.map((r) => r.text).join('');
        case 'list':
          return b.items.map((i) => i.map((r) => r.text).join('')).join('\n');
        default:
          return '';
      }
    })
    .filter((s) => s.trim() !== '')
    .join('\n\n');
}

function MultiSelect(p: { name: string; label: string; options: readonly { id: number; name: string }[]; selected: readonly number[] }) {
  const id = `f-${p.name}`;
  return (
    <div class="nr-field">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name} multiple size={Math.min(6, Math.max(2, p.options.length))}>
        {p.options.map((o) => (
          <option key={o.id} value={String(o.id)} selected={p.selected.includes(o.id)}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function EditorPage({ ctx, data }: { ctx: NewsroomViewContext; data: EditorPageData }) {
  const t = ctx.t.desk.editor;
  const f = data.fields;
  const e = data.errors ?? {};
  const action = data.id === null ? '/newsroom/articles' : `/newsroom/articles/${data.id}`;
  const title = data.id === null ? t.newTitle : t.editTitle(f.title);
  const sectionOptions = data.options.sections.map((s) => ({ value: String(s.id), label: s.parentId === null ? s.name : `— ${s.name}` }));
  const heroSrc = f.heroMediaId !== null ? data.mediaSrc.get(f.heroMediaId) : undefined;
  const live = data.status === 'published';
  const autosave = data.id !== null && data.actions.save && (data.status === 'draft' || data.status === 'review') && !data.lockedBy;
  const firstError = Object.keys(e)[0];
  return (
    <NewsroomDocument ctx={ctx} title={title} notice={data.notice ?? null} error={data.error ?? null} scripts={['editor']}>
      {data.lockedBy ? (
        <div class="nr-lock" role="alert">
          <p>{t.lockedBy(data.lockedBy.holderName)}</p>
          {data.actions.takeOver && data.id !== null ? (
            <form method="post" action={`/newsroom/articles/${data.id}/lock`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="takeOver" value="1" />
              <button type="submit" class="nr-button">
                {t.takeOver}
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
      <p class="nr-article-status">
        <span class={`nr-status nr-status-${data.status}`}>{t.status(ctx.t.newsroom.statuses[data.status])}</span>
        {data.status === 'scheduled' && data.publishAt !== null ? (
          <span>
            {' '}
            · <time dateTime={ctx.fmt.iso(data.publishAt)}>{t.scheduledFor(ctx.fmt.dateTime(data.publishAt))}</time>
          </span>
        ) : null}
        {data.id !== null ? (
          <span class="nr-article-links">
            {' '}
            · <a href={`/newsroom/articles/${data.id}/preview`}>{t.preview}</a> · <a href={`/newsroom/articles/${data.id}/revisions`}>{t.revisions}</a>
            {data.publicPath ? (
              <>
                {' '}
                · <a href={data.publicPath}>{t.viewPublic}</a>
              </>
            ) : null}
          </span>
        ) : null}
      </p>
      {data.mediaSrc.size > 0 ? (
        <ul hidden>
          {[...data.mediaSrc].map(([id, src]) => (
            <li key={id} data-media-id={String(id)} data-media-src={src} />
          ))}
        </ul>
      ) : null}
      <form
        method="post"
        action={action}
        class="nr-editor-form"
        data-article-editor=""
        data-autosave={autosave ? '1' : '0'}
        data-lock-url={data.id !== null && data.actions.save && !data.lockedBy ? `/newsroom/articles/${data.id}/lock` : undefined}
        data-msg-count={t.client.count}
        data-msg-saving={t.client.saving}
        data-msg-saved={t.client.saved}
        data-msg-failed={t.client.failed}
        data-msg-conflict={t.client.conflict}
        data-msg-link-prompt={t.client.linkPrompt}
        data-msg-embed-prompt={t.client.embedPrompt}
        data-msg-embed-invalid={t.client.embedInvalid}
        data-msg-body={t.body}
        aria-describedby={firstError ? `f-${firstError}-error` : undefined}
      >
        <CsrfField ctx={ctx} />
        <input type="hidden" name="revision" value={String(data.revision)} />
        {/* The island starts from the structured body; JSON in an attribute is data, never script. */}
        <input type="hidden" name="bodyJson" value="" data-blocks={JSON.stringify(f.body)} />
        <div class="nr-editor-main">
          <Field name="title" label={t.title} value={f.title} required dir="auto" error={e['title'] ?? null} />
          <TextAreaField name="lead" label={t.lead} value={f.lead} rows={3} error={e['lead']} />
          <div data-body-field="">
            <TextAreaField name="bodyText" label={t.body} hint={t.bodyHint} value={bodyAsText(f.body)} rows={14} error={e['body']} />
          </div>
          <div class="editor" data-editor-root="" hidden>
            <div role="toolbar" aria-label={t.toolbar.label} class="editor__toolbar">
              {(['paragraph', 'h2', 'h3', 'quote', 'bulletList', 'orderedList', 'bold', 'italic', 'link', 'latin', 'image', 'embed'] as const).map((cmd) => (
                <button key={cmd} type="button" class="nr-button nr-button-quiet" data-cmd={cmd}>
                  {t.toolbar[cmd]}
                </button>
              ))}
            </div>
            <div class="editor__surface" data-editor-surface="" />
            {e['body'] ? <p class="nr-field-error">{e['body']}</p> : null}
          </div>
          <p class="editor__status">
            <span data-editor-count="" /> <span data-editor-status="" role="status" aria-live="polite" />
          </p>
        </div>
        <fieldset class="nr-editor-side">
          <legend>{t.fields}</legend>
          <SelectField name="sectionId" label={t.section} value={String(f.sectionId)} options={sectionOptions} error={e['sectionId'] ?? null} />
          <SelectField name="type" label={t.type} value={f.type} options={(['news', 'video', 'opinion', 'live'] as const).map((v) => ({ value: v, label: t.types[v] }))} />
          <fieldset class={e['heroMediaId'] || e['heroCredit'] ? 'nr-field nr-field-invalid' : 'nr-field'}>
            <legend>{t.hero}</legend>
            <img data-hero-preview="" src={heroSrc ?? undefined} alt="" hidden={!heroSrc} class="nr-hero-preview" />
            <button type="button" class="nr-button nr-button-quiet" data-pick-hero="">
              {t.heroPick}
            </button>
            <Field name="heroMediaId" label={t.heroId} value={f.heroMediaId === null ? '' : String(f.heroMediaId)} inputmode="numeric" dir="ltr" error={e['heroMediaId'] ?? null} />
            <Field name="heroCaption" label={t.heroCaption} value={f.heroCaption ?? ''} dir="auto" error={e['heroCaption'] ?? null} />
            <Field name="heroCredit" label={t.heroCredit} hint={t.heroCreditHint} value={f.heroCredit ?? ''} dir="auto" error={e['heroCredit'] ?? null} />
          </fieldset>
          <Field name="source" label={t.source} value={f.source ?? ''} dir="auto" error={e['source'] ?? null} />
          <MultiSelect name="storyIds" label={t.stories} options={data.options.stories} selected={f.storyIds} />
          <div class="nr-field">
            <label for="f-tags">{t.tags}</label>
            <p id="f-tags-hint" class="nr-hint">
              {t.tagsHint}
            </p>
            <input id="f-tags" name="tags" type="text" dir="auto" list="tag-options" autocomplete="off" value={f.tags.join('، ')} aria-describedby="f-tags-hint" />
            <datalist id="tag-options">
              {data.options.tags.map((name) => (
                <option key={name} value={name} data-name={name} />
              ))}
            </datalist>
          </div>
          <MultiSelect name="authorIds" label={t.authors} options={data.options.authors} selected={f.authorIds} />
          <SelectField
            name="commentsMode"
            label={t.commentsMode}
            value={f.commentsMode}
            options={(['open', 'premoderated', 'closed'] as const).map((v) => ({ value: v, label: t.commentModes[v] }))}
          />
          <fieldset class="nr-field">
            <legend>{t.seo}</legend>
            <Field name="seoTitle" label={t.seoTitle} value={f.seoTitle ?? ''} dir="auto" error={e['seoTitle'] ?? null} />
            <TextAreaField name="seoDescription" label={t.seoDescription} value={f.seoDescription ?? ''} rows={2} error={e['seoDescription']} />
          </fieldset>
          {live ? <TextAreaField name="correction" label={t.correction} hint={t.correctionHint} value={data.correction ?? ''} rows={2} error={e['correction']} /> : null}
        </fieldset>
        <fieldset class="nr-editor-actions">
          <legend>{t.actions}</legend>
          {data.actions.save ? (
            <button type="submit" name="intent" value="save" class="nr-button">
              {live ? t.update : t.save}
            </button>
          ) : null}
          {data.actions.submit ? (
            <button type="submit" name="intent" value="submit" class="nr-button">
              {t.submit}
            </button>
          ) : null}
          {data.actions.publish ? (
            <button type="submit" name="intent" value="publish" class="nr-button">
              {t.publish}
            </button>
          ) : null}
          {data.actions.schedule ? (
            <span class="nr-schedule">
              <label for="f-publishAt">{t.publishAt}</label>{' '}
              <input id="f-publishAt" name="publishAt" type="datetime-local" dir="ltr" value={data.publishAtInput ?? ''} aria-invalid={e['publishAt'] ? 'true' : undefined} />{' '}
              <button type="submit" name="intent" value="schedule" class="nr-button">
                {t.schedule}
              </button>
              {e['publishAt'] ? <span class="nr-field-error">{e['publishAt']}</span> : null}
            </span>
          ) : null}
          {data.actions.returnToDraft ? (
            <button type="submit" name="intent" value="returnToDraft" class="nr-button nr-button-quiet">
              {t.returnToDraft}
            </button>
          ) : null}
          {data.actions.unpublish ? (
            <button type="submit" name="intent" value="unpublish" class="nr-button nr-button-quiet">
              {t.unpublish}
            </button>
          ) : null}
        </fieldset>
      </form>
      <MediaPickerDialog ctx={ctx} />
    </NewsroomDocument>
  );
}

/** The library picker the editor island opens for body images and the hero image. */
export function MediaPickerDialog({ ctx }: { ctx: NewsroomViewContext }) {
  const t = ctx.t.desk.media;
  return (
    <dialog data-media-picker="" data-media-url="/newsroom/media" aria-labelledby="media-picker-title" class="nr-dialog">
      <h2 id="media-picker-title">{t.pickerTitle}</h2>
      <label for="media-picker-q">{t.search}</label> <input id="media-picker-q" type="search" dir="auto" />
      <ul class="media-grid" data-media-results="" />
      <button type="button" class="nr-button nr-button-quiet" data-picker-close="">
        {t.close}
      </button>
    </dialog>
  );
}
