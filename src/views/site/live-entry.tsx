// One entry of a live blog, as the server renders it on the page and inside live events (the island
// inserts the same markup): time, key-event and "edited" marks, optional title, body, picture, byline.
// Knows the entry's shape; nothing of where it is inserted.
import type { Media } from '../../domain/index.js';
import type { LiveEntry } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Picture } from '../parts/picture.js';
import { BidiText, BodyBlocks } from '../parts/rich-text.js';

const NO_MEDIA: ReadonlyMap<number, Media> = new Map();

/** Within the last day the time is enough; older entries carry their date too. */
export function entryTime(ctx: ViewContext, at: number): string {
  return ctx.now - at < 20 * 3_600_000 ? ctx.fmt.time(at) : ctx.fmt.dateTime(at);
}

export function LiveEntryItem({ ctx, entry, pinned = false }: { ctx: ViewContext; entry: LiveEntry; pinned?: boolean }) {
  const t = ctx.t.liveCoverage;
  const id = pinned ? `pinned-entry-${entry.id}` : `entry-${entry.id}`;
  const titleId = `${id}-title`;
  return (
    <article
      class={entry.keyEvent ? 'live-entry live-entry--key' : 'live-entry'}
      id={id}
      data-entry-id={String(entry.id)}
      data-updated={String(entry.updatedAt)}
      {...(entry.title ? { 'aria-labelledby': titleId } : {})}
    >
      <p class="live-entry__meta">
        <a class="live-entry__time" href={`#entry-${entry.id}`} title={t.entryLink}>
          <time datetime={ctx.fmt.iso(entry.createdAt)}>{entryTime(ctx, entry.createdAt)}</time>
        </a>
        {entry.keyEvent ? <span class="live-entry__flag">{t.keyEvent}</span> : null}
        {entry.editedAt !== null ? (
          <span class="live-entry__edited">
            {' '}
            · <time datetime={ctx.fmt.iso(entry.editedAt)} title={t.editedAt(entryTime(ctx, entry.editedAt))}>{t.edited}</time>
          </span>
        ) : null}
      </p>
      {entry.title ? (
        <h3 class="live-entry__title" id={titleId}>
          <BidiText text={entry.title} />
        </h3>
      ) : null}
      <div class="live-entry__body">
        <BodyBlocks blocks={entry.body} media={NO_MEDIA} />
      </div>
      {entry.image ? (
        <figure class="live-entry__figure">
          <Picture media={entry.image} alt={entry.image.alt} sizes="(min-width: 60em) 44rem, 100vw" />
          {entry.image.caption || entry.image.credit ? (
            <figcaption>
              <BidiText text={entry.image.caption} />
              {entry.image.credit ? <span class="credit"> {ctx.t.article.photoCredit(entry.image.credit)}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <p class="live-entry__byline">{t.by(entry.authorName)}</p>
    </article>
  );
}
