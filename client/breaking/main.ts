// The breaking island, on every reader page that does not follow a live blog: it asks the site every
// 5–10 s (jittered, and only while the page is visible) for the current banner and whether مباشر is on
// air. The answer is one small JSON document, the same for every reader and cacheable for a few seconds,
// so a CDN or nginx in front absorbs a crowd; no connection stays open per reader.
import { createBar, type Banner } from './bar.js';

interface Status {
  readonly breaking: Banner | null;
  readonly onAir: boolean;
}

const el = document.querySelector<HTMLElement>('[data-breaking]');
const url = el?.dataset['status'];

if (el && url) {
  const bar = createBar(el);
  let timer: number | null = null;
  let paused = false;

  const schedule = () => {
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(() => void check(), 5000 + Math.random() * 5000);
  };

  async function check(): Promise<void> {
    timer = null;
    if (document.hidden) {
      paused = true; // resumes when the page is seen again
      return;
    }
    try {
      const res = await fetch(url!, { headers: { accept: 'application/json' } });
      if (res.ok) {
        const status = (await res.json()) as Status;
        bar.show(status.breaking ?? { id: null });
        bar.onAir(status.onAir);
      }
    } catch {
      // Offline for a moment: the next check tries again.
    }
    schedule();
  }

  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && paused) {
      paused = false;
      void check();
    }
  });
  schedule();
}
