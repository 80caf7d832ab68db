// The player of a video article: a native <video> with poster, size and duration, playing MP4 directly
// and HLS natively or through hls.js, which a small island loads only when the browser needs it.
import type { ArticleVideo } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { variantNear } from './picture.js';

export function formatDuration(ctx: ViewContext, seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => (n < 10 ? `${ctx.fmt.number(0)}${ctx.fmt.number(n)}` : ctx.fmt.number(n));
  return h > 0 ? `${ctx.fmt.number(h)}:${two(m)}:${two(s)}` : `${ctx.fmt.number(m)}:${two(s)}`;
}

export function VideoPlayer({ ctx, video, title }: { ctx: ViewContext; video: ArticleVideo; title: string }) {
  const poster = video.poster ? variantNear(video.poster, 960) : null;
  const hls = video.mime === 'application/vnd.apple.mpegurl';
  return (
    <figure class="video">
      <video
        class="video__player"
        controls
        preload="none"
        playsInline
        width={video.width}
        height={video.height}
        aria-label={title}
        {...(poster ? { poster: `/media/${poster.key}` } : {})}
        {...(hls ? { 'data-hls': video.url } : {})}
      >
        <source src={video.url} type={video.mime} />
        <p>
          {ctx.t.reader.videoFallback} <a href={video.url}>{ctx.t.reader.videoDownload}</a>
        </p>
      </video>
      <figcaption class="video__meta">
        {ctx.t.reader.videoDuration(formatDuration(ctx, video.durationSeconds))}
      </figcaption>
      {hls ? <script type="module" src={ctx.assets.videoPlayer} /> : null}
    </figure>
  );
}
