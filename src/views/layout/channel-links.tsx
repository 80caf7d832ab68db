// The outlet's follow-us channels (أين يمكنك متابعتنا) as a labelled list of links with small icons.
// Knows channel kinds and their icons; the list itself is edited in the newsroom.
import type { Channel, ChannelKind } from '../../domain/index.js';
import type { ViewContext } from '../context.js';

// Simple monochrome glyphs drawn for Minbar (currentColor), 24×24 viewBox; decorative only.
const ICONS: Record<ChannelKind, string> = {
  telegram: 'M21 4 3 11l5 2 2 6 3-4 5 4 3-15zM9 13l9-6-7 8',
  youtube: 'M3 7c0-2 1-3 3-3h12c2 0 3 1 3 3v10c0 2-1 3-3 3H6c-2 0-3-1-3-3zm7 2v6l5-3z',
  x: 'M4 4h4l12 16h-4zM4 20 11 12M20 4l-7 8',
  facebook: 'M14 8h3V4h-3c-3 0-4 2-4 4v2H7v4h3v6h4v-6h3l1-4h-4V8z',
  instagram: 'M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4zm5 5a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm5-2v2',
  whatsapp: 'M4 20l1-4a8 8 0 1 1 3 3zm5-12c0 4 3 7 7 7l1-2-2-1-1 1c-1 0-3-2-3-3l1-1-1-2z',
  tiktok: 'M14 3v11a3 3 0 1 1-3-3V8a6 6 0 1 0 6 6V8c1 1 3 2 4 2V7c-3 0-5-2-5-4z',
  rss: 'M5 5a14 14 0 0 1 14 14M5 11a8 8 0 0 1 8 8M6 18h.01',
  newsletter: 'M3 6h18v12H3zM3 6l9 7 9-7',
};

export function ChannelIcon({ kind }: { kind: ChannelKind }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={ICONS[kind]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export function ChannelLinks({ ctx, channels, headingId }: { ctx: ViewContext; channels: readonly Channel[]; headingId: string }) {
  if (channels.length === 0) return null;
  return (
    <section class="channels" aria-labelledby={headingId}>
      <h2 id={headingId} class="channels__title">
        {ctx.t.site.followUs}
      </h2>
      <ul class="channels__list">
        {channels.map((c) => (
          <li key={c.id}>
            <a href={c.url} class={`channel channel--${c.kind}`} rel={c.url.startsWith('http') ? 'noopener me' : undefined}>
              <ChannelIcon kind={c.kind} />
              <span>{c.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
