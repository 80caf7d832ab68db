// Fragments rendered once per data object: the lists many pages share (the stories strip, the latest
// headlines) come from the site service's shared reads as the same objects until a purge replaces them, so
// their HTML is made once and reused by every page that shows them. Keys are weak: a fragment goes when its
// data does. The data must not change after it is rendered (domain values are read-only).
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ViewContext } from '../context.js';

export interface FragmentCache<K extends object> {
  /** The HTML of `render()` for `key` in `ctx`'s language and formats, made on first use. */
  (key: K, ctx: ViewContext, render: () => VNode | null): string;
}

/** One cache per kind of fragment (the same object may show as several fragments). */
export function fragmentCache<K extends object>(): FragmentCache<K> {
  const made = new WeakMap<K, { t: ViewContext['t']; fmt: ViewContext['fmt']; html: string }>();
  return (key, ctx, render) => {
    const hit = made.get(key);
    if (hit && hit.t === ctx.t && hit.fmt === ctx.fmt) return hit.html;
    const vnode = render();
    const html = vnode ? renderToString(vnode) : '';
    made.set(key, { t: ctx.t, fmt: ctx.fmt, html });
    return html;
  };
}
