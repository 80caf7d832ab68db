// Video island: where a browser cannot play an HLS playlist natively, loads the self-hosted hls.js
// (a separate chunk, fetched only now) and attaches it. MP4 videos and native HLS need nothing.

async function attach(video: HTMLVideoElement, src: string): Promise<void> {
  const { default: Hls } = await import('hls.js');
  if (!Hls.isSupported()) return;
  const hls = new Hls({ autoStartLoad: false });
  hls.loadSource(src);
  hls.attachMedia(video);
  // preload="none": fetch segments only once the reader presses play.
  video.addEventListener('play', () => hls.startLoad(), { once: true });
}

for (const video of document.querySelectorAll<HTMLVideoElement>('video[data-hls]')) {
  const src = video.dataset['hls'];
  if (src && video.canPlayType('application/vnd.apple.mpegurl') === '') void attach(video, src);
}
