// Minbar's Tiptap extensions: a language mark for Latin runs, library images with caption and credit,
// click-to-load embeds, a quote's source, and dir="auto" on every text block so mixed runs behave.
// Browser-only; knows nothing of the server beyond the attributes it stores.
import { Extension, Mark, Node, mergeAttributes } from '@tiptap/core';
import { EMBED_NODE, IMAGE_NODE, LANG_MARK } from './tiptap-blocks.js';

/** dir="auto" per paragraph, heading and list item: each takes the direction of its first strong letter. */
export const AutoDirection = Extension.create({
  name: 'autoDirection',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading', 'listItem'],
        attributes: { dir: { default: 'auto', renderHTML: () => ({ dir: 'auto' }), parseHTML: () => 'auto' } },
      },
      {
        types: ['blockquote'],
        attributes: {
          cite: {
            default: null,
            parseHTML: (el: HTMLElement) => el.getAttribute('data-cite'),
            renderHTML: (attrs: Record<string, unknown>) => (attrs['cite'] ? { 'data-cite': String(attrs['cite']) } : {}),
          },
        },
      },
    ];
  },
});

/** A run in another language (a Latin name): rendered as <bdi lang dir="ltr"> like the public page. */
export const LangMark = Mark.create({
  name: LANG_MARK,
  addAttributes() {
    return { lang: { default: 'en', parseHTML: (el: HTMLElement) => el.getAttribute('lang') ?? 'en' } };
  },
  parseHTML() {
    return [{ tag: 'bdi[lang]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['bdi', mergeAttributes(HTMLAttributes, { dir: 'ltr' }), 0];
  },
});

/** A picture from the media library: an atom showing the preview, caption and credit. */
export const LibraryImage = Node.create({
  name: IMAGE_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { mediaId: { default: null }, caption: { default: '' }, credit: { default: '' }, alt: { default: '' }, src: { default: null } };
  },
  parseHTML() {
    return [{ tag: 'figure[data-media-id]', getAttrs: (el: HTMLElement) => ({ mediaId: Number(el.dataset['mediaId']) }) }];
  },
  renderHTML({ node }) {
    const a = node.attrs as { mediaId: number; caption: string; credit: string; alt: string; src: string | null };
    const caption = [a.caption, a.credit ? `(${a.credit})` : ''].filter(Boolean).join(' ');
    return [
      'figure',
      { 'data-media-id': String(a.mediaId), class: 'editor-figure', contenteditable: 'false' },
      a.src ? ['img', { src: a.src, alt: a.alt, loading: 'lazy' }] : ['span', { class: 'editor-figure__id' }, `#${a.mediaId}`],
      ['figcaption', { dir: 'auto' }, caption],
    ];
  },
});

/** A YouTube video or X post: stored as a link; readers load it only when they click. */
export const ClickToLoadEmbed = Node.create({
  name: EMBED_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { provider: { default: 'youtube' }, url: { default: '' }, title: { default: '' } };
  },
  parseHTML() {
    return [{ tag: 'div[data-embed-url]', getAttrs: (el: HTMLElement) => ({ url: el.dataset['embedUrl'] ?? '' }) }];
  },
  renderHTML({ node }) {
    const a = node.attrs as { provider: string; url: string; title: string };
    return [
      'div',
      { 'data-embed-url': a.url, class: `editor-embed editor-embed--${a.provider}`, contenteditable: 'false' },
      ['span', { class: 'editor-embed__provider' }, a.provider === 'x' ? 'X' : 'YouTube'],
      ['span', { dir: 'ltr', class: 'editor-embed__url' }, a.url],
    ];
  },
});
