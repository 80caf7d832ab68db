// The media library screens: a searchable, paginated grid with the upload form, and one picture's
// caption, alt text, credit and source form. Gets prepared pages; knows nothing of files or sharp.
import type { Media } from '../../domain/index.js';
import type { MediaPage } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, Field, NewsroomDocument } from './newsroom-document.js';

/** The smallest JPEG variant at least `width` wide (or the largest there is): a thumbnail URL. */
export function mediaThumb(m: Media, width = 320): string {
  const jpegs = m.variants.filter((v) => v.format === 'jpeg').sort((a, b) => a.width - b.width);
  const v = jpegs.find((x) => x.width >= width) ?? jpegs.at(-1);
  return v ? `/media/${v.key}` : '';
}

export interface MediaLibraryData {
  readonly page: MediaPage;
  readonly q: string;
  readonly maxMegabytes: number;
  readonly canUpload: boolean;
  readonly errors?: Readonly<Record<string, string>>;
  readonly notice?: string | null;
  readonly error?: string | null;
}

export function MediaLibraryPage({ ctx, data }: { ctx: NewsroomViewContext; data: MediaLibraryData }) {
  const t = ctx.t.desk.media;
  const e = data.errors ?? {};
  const href = (page: number) => `/newsroom/media?${new URLSearchParams({ ...(data.q ? { q: data.q } : {}), page: String(page) }).toString()}`;
  return (
    <NewsroomDocument ctx={ctx} title={t.title} notice={data.notice ?? null} error={data.error ?? null}>
      {data.canUpload ? (
        <form method="post" action="/newsroom/media" enctype="multipart/form-data" class="nr-upload">
          <h2>{t.upload}</h2>
          <CsrfField ctx={ctx} />
          <div class={e['file'] ? 'nr-field nr-field-invalid' : 'nr-field'}>
            <label for="f-file">{t.file}</label>
            <p id="f-file-hint" class="nr-hint">
              {t.fileHint(ctx.fmt.number(data.maxMegabytes))}
            </p>
            <input id="f-file" name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required aria-describedby="f-file-hint" />
            {e['file'] ? <p class="nr-field-error">{e['file']}</p> : null}
          </div>
          <Field name="caption" label={t.caption} dir="auto" error={e['caption'] ?? null} />
          <Field name="alt" label={t.alt} dir="auto" error={e['alt'] ?? null} />
          <Field name="credit" label={t.credit} dir="auto" error={e['credit'] ?? null} />
          <Field name="source" label={t.source} dir="auto" error={e['source'] ?? null} />
          <button type="submit" class="nr-button">
            {t.upload}
          </button>
        </form>
      ) : null}
      <form method="get" action="/newsroom/media" role="search" class="nr-filters">
        <Field name="q" type="search" label={t.search} value={data.q} dir="auto" />
        <button type="submit" class="nr-button">
          {ctx.t.newsroom.articles.filter}
        </button>
      </form>
      {data.page.items.length === 0 ? <p>{t.empty}</p> : null}
      <ul class="media-grid">
        {data.page.items.map((m) => (
          <li key={m.id}>
            <figure>
              <img src={mediaThumb(m)} alt={m.alt} loading="lazy" width={320} height={Math.round((320 * m.height) / Math.max(1, m.width))} />
              <figcaption dir="auto">
                {m.caption} {m.credit ? <span class="nr-credit">({m.credit})</span> : null}
                <br />
                <span class="nr-hint">
                  {t.id(String(m.id))} · {t.size(ctx.fmt.number(m.width), ctx.fmt.number(m.height))}
                </span>{' '}
                <a href={`/newsroom/media/${m.id}`}>{t.edit}</a>
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
      <nav class="nr-pages" aria-label={ctx.t.newsroom.articles.pages}>
        {data.page.page > 1 ? (
          <a rel="prev" href={href(data.page.page - 1)}>
            {t.previous}
          </a>
        ) : null}{' '}
        <span>{t.pageOf(ctx.fmt.number(data.page.page), ctx.fmt.number(data.page.pages))}</span>{' '}
        {data.page.page < data.page.pages ? (
          <a rel="next" href={href(data.page.page + 1)}>
            {t.next}
          </a>
        ) : null}
      </nav>
    </NewsroomDocument>
  );
}

export function MediaEditPage({ ctx, media, errors }: { ctx: NewsroomViewContext; media: Media; errors?: Readonly<Record<string, string>> }) {
  const t = ctx.t.desk.media;
  const e = errors ?? {};
  return (
    <NewsroomDocument ctx={ctx} title={`${t.edit} · ${t.id(String(media.id))}`}>
      <img src={mediaThumb(media, 640)} alt={media.alt} class="nr-hero-preview" />
      <form method="post" action={`/newsroom/media/${media.id}`}>
        <CsrfField ctx={ctx} />
        <Field name="caption" label={t.caption} value={media.caption} dir="auto" error={e['caption'] ?? null} />
        <Field name="alt" label={t.alt} value={media.alt} dir="auto" error={e['alt'] ?? null} />
        <Field name="credit" label={t.credit} value={media.credit} dir="auto" error={e['credit'] ?? null} />
        <Field name="source" label={t.source} value={media.source ?? ''} dir="auto" error={e['source'] ?? null} />
        <button type="submit" class="nr-button">
          {t.save}
        </button>
      </form>
    </NewsroomDocument>
  );
}
