// The breaking-news bar under the header of every public page, and the live island that keeps it (and a
// live blog) current. The island loads only while something is live or a banner is up: other pages carry
// no JavaScript. Knows the banner's shape; nothing of where it comes from.
import type { ViewContext } from '../context.js';
import { BidiText } from './rich-text.js';

export function BreakingBar({ ctx }: { ctx: ViewContext }) {
  const t = ctx.t.liveCoverage.breaking;
  const b = ctx.breaking ?? null;
  const island = ctx.assets.scripts?.['live'];
  // One connection per page: a live blog's own stream carries the site-wide events too.
  const follow = island && (b !== null || ctx.liveOn || ctx.liveEvents !== undefined);
  return (
    <>
      <div
        class="breaking-bar"
        role="region"
        aria-label={t.region}
        data-breaking
        data-now={String(ctx.now)}
        {...(b ? { 'data-expires-at': String(b.expiresAt), 'data-breaking-id': String(b.id) } : { hidden: true })}
        {...(follow ? { 'data-events': ctx.liveEvents ?? '/live/events', 'data-seq': String(ctx.liveSeq ?? 0) } : {})}
      >
        <p class="breaking-bar__inner" aria-live="polite">
          <strong class="breaking-bar__label">{t.label}</strong>{' '}
          {b ? (
            b.url ? (
              <a class="breaking-bar__text" href={b.url}>
                <BidiText text={b.text} />
              </a>
            ) : (
              <span class="breaking-bar__text">
                <BidiText text={b.text} />
              </span>
            )
          ) : (
            <span class="breaking-bar__text" />
          )}
        </p>
      </div>
      {follow ? <script type="module" src={island} /> : null}
    </>
  );
}
