// The مباشر page (/live): the outlet's 24-hour channel — a native <video> with poster and WebVTT captions,
// HLS played natively or through hls.js loaded on demand — its schedule, and the live text coverage as the
// fallback. Says plainly when no stream is configured or it is off. Never fetches anything.
import type { ArticleSummary } from '../../domain/index.js';
import type { LiveStreamPage } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { ArticleCard, HeadlineList } from '../parts/cards.js';
import { variantNear } from '../parts/picture.js';
import { BidiText } from '../parts/rich-text.js';

export interface LiveStreamView {
  readonly channel: LiveStreamPage;
  /** Live blogs running now. */
  readonly running: readonly ArticleSummary[];
  /** Live blogs that ended recently. */
  readonly ended: readonly ArticleSummary[];
  readonly latest: readonly ArticleSummary[];
}

export function LiveStreamPage({ ctx, data }: { ctx: ViewContext; data: LiveStreamView }) {
  const t = ctx.t.liveCoverage.stream;
  const { stream, onAir, schedule, current } = data.channel;
  const poster = stream?.poster ? variantNear(stream.poster, 1280) : null;
  const title = stream?.title ?? t.title;
  return (
    <Document ctx={ctx} meta={{ title: t.title, description: t.intro, canonicalPath: '/live' }}>
      <header class="page-header">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
      </header>

      <section class="live-channel" aria-labelledby="live-channel-title">
        <h2 id="live-channel-title">
          <BidiText text={title} />
        </h2>
        {stream && onAir && stream.hlsUrl ? (
          <figure class="video live-channel__player">
            <video
              class="video__player"
              controls
              preload="none"
              playsInline
              width={1280}
              height={720}
              aria-label={t.player}
              data-hls={stream.hlsUrl}
              {...(poster ? { poster: `/media/${poster.key}` } : {})}
            >
              <source src={stream.hlsUrl} type="application/vnd.apple.mpegurl" />
              {stream.captionsUrl ? <track kind="captions" src={stream.captionsUrl} srclang={stream.captionsLang} label={t.captions} default /> : null}
              <p>
                {t.videoFallback} <a href={stream.hlsUrl}>{t.playlist}</a>
              </p>
            </video>
            {stream.description ? (
              <figcaption class="video__meta">
                <BidiText text={stream.description} />
              </figcaption>
            ) : null}
          </figure>
        ) : (
          <p class="live-channel__off" data-stream-state={stream?.hlsUrl ? 'off' : 'unconfigured'}>
            {stream?.hlsUrl ? t.offAir : t.notConfigured}
          </p>
        )}
        {stream && onAir && stream.hlsUrl ? <script type="module" src={ctx.assets.videoPlayer} /> : null}
      </section>

      <section class="live-schedule" aria-labelledby="live-schedule-title">
        <h2 id="live-schedule-title">{t.schedule}</h2>
        {schedule.length === 0 ? (
          <p>{t.noSchedule}</p>
        ) : (
          <ol class="live-schedule__list">
            {schedule.map((s) => (
              <li key={s.id} class={current?.id === s.id ? 'live-schedule__item live-schedule__item--now' : 'live-schedule__item'} {...(current?.id === s.id ? { 'aria-current': 'true' } : {})}>
                <span class="live-schedule__time">
                  <time datetime={ctx.fmt.iso(s.startsAt)}>{ctx.fmt.time(s.startsAt)}</time>
                  {' – '}
                  <time datetime={ctx.fmt.iso(s.endsAt)}>{ctx.fmt.time(s.endsAt)}</time>
                </span>{' '}
                {current?.id === s.id ? <strong class="live-schedule__now">{t.now}</strong> : null} <BidiText text={s.title} />
                {s.description ? (
                  <span class="live-schedule__description">
                    {' '}
                    — <BidiText text={s.description} />
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="live-coverage-title">
        <h2 id="live-coverage-title">{t.coverageNow}</h2>
        {data.running.length === 0 ? (
          <p>{t.noCoverage}</p>
        ) : (
          <div class="card-grid">
            {data.running.map((a) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} />
            ))}
          </div>
        )}
      </section>
      {data.ended.length > 0 ? (
        <section aria-labelledby="live-ended-title">
          <h2 id="live-ended-title">{t.recentCoverage}</h2>
          <div class="card-grid">
            {data.ended.map((a) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} />
            ))}
          </div>
        </section>
      ) : null}
      <HeadlineList ctx={ctx} articles={data.latest} title={ctx.t.site.latestHeadlines} headingId="latest-title" />
    </Document>
  );
}
