// The breaking-news bar under the header of every public page, and the island that keeps it current: on a
// live blog, the live island (one event stream carries the blog and the site-wide events); on every other
// page, the small breaking island, which asks /live/status every few seconds (one cacheable answer for all
// readers). Reading never needs either. Knows the banner's shape; nothing of where it comes from.
import type { ViewContext } from '../context.js';
import { BidiText } from './rich-text.js';

export function BreakingBar({ ctx }: { ctx: ViewContext }) {
  const t = ctx.t.liveCoverage.breaking;
  const b = ctx.breaking ?? null;
  // One way in per page: a live blog's own stream carries the site-wide events too.
  const follow = ctx.liveEvents !== undefined && ctx.assets.scripts?.['live'] ? ctx.liveEvents : null;
  const island = follow ? ctx.assets.scripts?.['live'] : ctx.assets.scripts?.['breaking'];
  return (
    <>
      <div
        class="breaking-bar"
        role="region"
        aria-label={t.region}
        data-breaking
        data-now={String(ctx.now)}
        {...(b ? { 'data-expires-at': String(b.expiresAt), 'data-breaking-id': String(b.id) } : { hidden: true })}
        {...(follow ? { 'data-events': follow, 'data-seq': String(ctx.liveSeq ?? 0) } : island ? { 'data-status': '/live/status' } : {})}
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
      {island ? <script type="module" src={island} /> : null}
    </>
  );
}
