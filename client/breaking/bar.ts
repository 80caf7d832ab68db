// The breaking-news bar and the header's مباشر link as the islands change them: shared by the small
// breaking island (every page) and the live island (live blog pages). The banner's text is set as text,
// never as markup; its link was validated by the server (https:// or a path on the site).

export interface Banner {
  readonly id: number | null;
  readonly text?: string;
  readonly url?: string | null;
  readonly expiresAt?: number;
}

export interface Bar {
  /** Shows the banner (or hides the bar for `id: null`). */
  show(b: Banner): void;
  /** Lights the مباشر link while a stream or a live blog is on air. */
  onAir(on: boolean): void;
}

export function createBar(el: HTMLElement): Bar {
  // The site's clock (rendered into the page) minus this browser's: expiry never trusts the device's clock.
  const skew = Number(el.dataset['now'] ?? Date.now()) - Date.now();
  let expiryTimer: number | null = null;

  function scheduleExpiry(): void {
    if (expiryTimer !== null) window.clearTimeout(expiryTimer);
    expiryTimer = null;
    const at = Number(el.dataset['expiresAt'] ?? '0');
    if (!at || el.hidden) return;
    const wait = at - (Date.now() + skew);
    if (wait <= 0) el.hidden = true;
    else expiryTimer = window.setTimeout(() => (el.hidden = true), Math.min(wait, 2 ** 31 - 1));
  }
  scheduleExpiry();

  return {
    show(b) {
      const text = el.querySelector<HTMLElement>('.breaking-bar__text');
      if (b.id === null || !b.text || !text) {
        el.hidden = true;
        delete el.dataset['breakingId'];
        scheduleExpiry();
        return;
      }
      if (el.dataset['breakingId'] !== String(b.id) || text.textContent !== b.text) {
        const node = b.url ? document.createElement('a') : document.createElement('span');
        node.className = 'breaking-bar__text';
        node.textContent = b.text;
        if (b.url && node instanceof HTMLAnchorElement) node.href = b.url;
        text.replaceWith(node);
      }
      el.dataset['breakingId'] = String(b.id);
      el.dataset['expiresAt'] = String(b.expiresAt ?? 0);
      el.hidden = false;
      scheduleExpiry();
    },
    onAir(on) {
      document.querySelector('.live-link')?.classList.toggle('live-link--on', on);
    },
  };
}
