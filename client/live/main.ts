// The live island: one Server-Sent Events connection per page (the live blog's, which carries the site-wide
// events too, or /live/events) that keeps the breaking-news bar and a live blog current. New entries never
// move what the reader is reading: scrolled down, they wait behind a "N تحديثات جديدة" button; the title
// shows (N); screen readers hear a polite summary. Reconnects with jitter; falls back to polling.
// Every visible string comes from the server-rendered page; entry markup is the server's own rendering.
import { createBar, type Banner } from '../breaking/bar.js';
import { backoff, countedMessage } from './live-messages.js';

interface EntryData {
  readonly id: number;
  readonly html: string;
}
type Handler = (data: Record<string, unknown>) => void;

const barElement = document.querySelector<HTMLElement>('[data-breaking]');
const blog = document.querySelector<HTMLElement>('[data-live-blog]');
const eventsUrl = barElement?.dataset['events'];

function start(barEl: HTMLElement, url: string): void {
  let lastId = Number(barEl.dataset['seq'] ?? '0');
  const bar = createBar(barEl);
  const baseTitle = document.title;
  const list = blog?.querySelector<HTMLElement>('[data-live-entries]') ?? null;
  const firstPage = blog?.dataset['firstPage'] === 'true';
  const newButton = blog?.querySelector<HTMLButtonElement>('[data-live-new]') ?? null;
  const announcer = blog?.querySelector<HTMLElement>('[data-live-announcer]') ?? null;
  const status = blog?.querySelector<HTMLElement>('[data-live-status]') ?? null;
  const digits = blog?.dataset['digits'];
  const queue = new Map<number, EntryData>();
  let unseen = 0;
  let announceCount = 0;
  let announceTimer: number | null = null;

  const fragment = (html: string): Element => {
    const t = document.createElement('template');
    t.innerHTML = html.trim();
    return t.content.firstElementChild!;
  };

  function updateTitle(): void {
    document.title = unseen > 0 ? `(${new Intl.NumberFormat(digits === 'arab' ? 'ar-EG' : 'ar-u-nu-latn').format(unseen)}) ${baseTitle}` : baseTitle;
  }

  function announce(text: string): void {
    if (announcer) announcer.textContent = text;
  }

  function announceNew(): void {
    announceCount++;
    if (announceTimer !== null) return;
    announceTimer = window.setTimeout(() => {
      if (blog) announce(countedMessage(blog, 'Announce', announceCount, digits));
      announceCount = 0;
      announceTimer = null;
    }, 1500);
  }

  /** The reader is at the top of the updates: new entries can go in without surprise. */
  function readingTop(): boolean {
    if (!list) return false;
    return list.getBoundingClientRect().top >= -40;
  }

  /** Inserts at the top of the list (only while the reader is there, or on request). */
  function insertAtTop(nodes: Element[]): void {
    if (!list) return;
    for (const node of nodes) {
      const li = document.createElement('li');
      li.append(node);
      list.prepend(li);
    }
    blog?.querySelector('[data-live-empty]')?.remove();
  }

  function showQueue(): void {
    if (!newButton || !blog) return;
    if (queue.size === 0) {
      newButton.hidden = true;
      return;
    }
    newButton.textContent = countedMessage(blog, 'New', queue.size, digits);
    newButton.hidden = false;
  }

  function flushQueue(): void {
    const entries = [...queue.values()].sort((a, b) => a.id - b.id);
    queue.clear();
    insertAtTop(entries.map((e) => fragment(e.html)));
    showQueue();
    unseen = 0;
    updateTitle();
  }

  newButton?.addEventListener('click', () => {
    flushQueue();
    list?.querySelector<HTMLElement>('.live-entry')?.setAttribute('tabindex', '-1');
    list?.querySelector<HTMLElement>('.live-entry')?.focus();
    list?.scrollIntoView({ block: 'start' });
  });

  const seen = () => {
    if (!document.hidden && readingTop() && queue.size === 0) {
      unseen = 0;
      updateTitle();
    }
  };
  document.addEventListener('visibilitychange', seen);
  window.addEventListener('scroll', seen, { passive: true });

  function entryCreated(d: EntryData): void {
    if (!list || !firstPage) return;
    const existing = document.getElementById(`entry-${d.id}`);
    if (existing) {
      existing.replaceWith(fragment(d.html));
      return;
    }
    if (readingTop() && queue.size === 0) {
      insertAtTop([fragment(d.html)]);
      if (document.hidden) unseen++;
    } else {
      queue.set(d.id, d);
      unseen++;
      showQueue();
    }
    updateTitle();
    announceNew();
  }

  function entryUpdated(d: EntryData): void {
    if (queue.has(d.id)) queue.set(d.id, d);
    const existing = document.getElementById(`entry-${d.id}`);
    if (existing) {
      existing.replaceWith(fragment(d.html));
      if (blog?.dataset['msgEdited']) announce(blog.dataset['msgEdited']);
    }
  }

  function entryDeleted(id: number): void {
    if (queue.delete(id)) {
      unseen = Math.max(0, unseen - 1);
      showQueue();
      updateTitle();
    }
    document.getElementById(`entry-${id}`)?.closest('li')?.remove();
  }

  function pinned(d: { id: number | null; html?: string }): void {
    const section = blog?.querySelector<HTMLElement>('[data-live-pinned]');
    const body = section?.querySelector<HTMLElement>('[data-live-pinned-body]');
    if (!section || !body || !firstPage) return;
    body.replaceChildren(...(d.id !== null && d.html ? [fragment(d.html)] : []));
    section.hidden = d.id === null;
  }

  function state(d: { state: string; label: string; notice: string }): void {
    if (!blog) return;
    blog.dataset['state'] = d.state;
    const label = blog.querySelector<HTMLElement>('[data-live-state-label]');
    if (label) {
      label.textContent = d.label;
      label.classList.toggle('live-badge--on', d.state === 'live');
    }
    const notice = blog.querySelector<HTMLElement>('[data-live-notice]');
    if (notice) notice.textContent = d.notice;
    if (d.state === 'ended' && blog.dataset['msgEnded']) announce(blog.dataset['msgEnded']);
    if (d.state === 'live') bar.onAir(true);
  }

  function summary(points: string[]): void {
    const box = blog?.querySelector<HTMLElement>('[data-live-summary]');
    const ul = box?.querySelector('ul');
    if (!box || !ul) return;
    ul.replaceChildren(
      ...points.map((p) => {
        const li = document.createElement('li');
        li.textContent = p;
        return li;
      }),
    );
    box.hidden = points.length === 0;
  }

  function reset(): void {
    if (!status || !blog) return;
    status.textContent = blog.dataset['msgReload'] ?? '';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '↻';
    button.addEventListener('click', () => location.reload());
    status.append(' ', button);
    status.hidden = false;
  }

  const handlers: Record<string, Handler> = {
    'entry.created': (d) => entryCreated(d as unknown as EntryData),
    'entry.updated': (d) => entryUpdated(d as unknown as EntryData),
    'entry.deleted': (d) => entryDeleted(Number(d['id'])),
    pinned: (d) => pinned(d as { id: number | null; html?: string }),
    state: (d) => state(d as { state: string; label: string; notice: string }),
    summary: (d) => summary((d['points'] as string[]) ?? []),
    breaking: (d) => bar.show(d as unknown as Banner),
    // Only lights the link: another coverage may still be on air when the stream stops.
    stream: (d) => {
      if (d['onAir'] === true) bar.onAir(true);
    },
    comments: (d) => {
      for (const el of document.querySelectorAll<HTMLElement>('[data-live-comments]')) {
        el.textContent = String(d['label'] ?? '');
        el.parentElement?.removeAttribute('hidden');
      }
    },
    reset: () => reset(),
  };

  function apply(kind: string, id: string, data: string | Record<string, unknown>): void {
    const seq = Number(id);
    if (Number.isFinite(seq) && seq > 0) {
      if (kind !== 'reset' && seq <= lastId) return;
      lastId = seq;
    }
    const parsed = typeof data === 'string' ? (JSON.parse(data) as Record<string, unknown>) : data;
    handlers[kind]?.(parsed);
  }

  let attempt = 0;
  let failures = 0;

  function setReconnecting(on: boolean): void {
    if (!status || !blog) return;
    if (on) {
      status.textContent = blog.dataset['msgReconnecting'] ?? '';
      status.hidden = false;
    } else if (status.textContent === blog.dataset['msgReconnecting']) status.hidden = true;
  }

  function connect(): void {
    if (!('EventSource' in window) || failures >= 5) {
      poll();
      return;
    }
    const source = new EventSource(`${url}?lastEventId=${lastId}`);
    for (const kind of Object.keys(handlers)) source.addEventListener(kind, (e) => apply(kind, (e as MessageEvent).lastEventId, (e as MessageEvent<string>).data));
    source.addEventListener('open', () => {
      attempt = 0;
      failures = 0;
      setReconnecting(false);
    });
    source.addEventListener('error', () => {
      setReconnecting(true);
      // The browser retries by itself unless the stream is closed for good; then retry with jitter.
      if (source.readyState === EventSource.CLOSED) {
        failures++;
        window.setTimeout(connect, backoff(attempt++));
      }
    });
  }

  /** The fallback: ask for what happened after the last id, every 10–20 s. */
  async function poll(): Promise<void> {
    try {
      const res = await fetch(`${url.replace(/\/events$/, '/updates')}?after=${lastId}`, { headers: { accept: 'application/json' } });
      if (res.ok) {
        const body = (await res.json()) as { head: number; reset: boolean; events: Array<{ id: number; event: string; data: Record<string, unknown> }> };
        if (body.reset) apply('reset', String(body.head), {});
        for (const e of body.events) apply(e.event, String(e.id), e.data);
        setReconnecting(false);
      }
    } catch {
      setReconnecting(true);
    }
    window.setTimeout(() => void poll(), 10_000 + Math.random() * 10_000);
  }

  connect();
}

if (barElement && eventsUrl) start(barElement, eventsUrl);
