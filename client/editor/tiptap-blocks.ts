// Converts between the editor's Tiptap (ProseMirror) JSON and Minbar's body blocks, both ways.
// Pure: no DOM, no editor instance; what the server stores is always blocks, never HTML.
import type { Block, Inline } from '../../src/domain/index.js';

export interface TiptapMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface TiptapNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: TiptapNode[];
  text?: string;
  marks?: TiptapMark[];
}

/** Node names of Minbar's own editor extensions. */
export const IMAGE_NODE = 'minbarImage';
export const EMBED_NODE = 'minbarEmbed';
export const LANG_MARK = 'lang';

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function inlineToNodes(runs: readonly Inline[]): TiptapNode[] {
  const out: TiptapNode[] = [];
  for (const run of runs) {
    const marks: TiptapMark[] = [];
    if (run.bold) marks.push({ type: 'bold' });
    if (run.italic) marks.push({ type: 'italic' });
    if (run.href) marks.push({ type: 'link', attrs: { href: run.href } });
    if (run.lang) marks.push({ type: LANG_MARK, attrs: { lang: run.lang } });
    // Line breaks inside a run become hard breaks; empty text nodes are not allowed in ProseMirror.
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push({ type: 'hardBreak' });
      if (part) out.push(marks.length > 0 ? { type: 'text', text: part, marks } : { type: 'text', text: part });
    });
  }
  return out;
}

const paragraph = (runs: readonly Inline[]): TiptapNode => {
  const content = inlineToNodes(runs);
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
};

/** Blocks → a Tiptap document. */
export function blocksToDoc(blocks: readonly Block[]): TiptapNode {
  const content: TiptapNode[] = blocks.map((b): TiptapNode => {
    switch (b.type) {
      case 'paragraph':
        return paragraph(b.content);
      case 'heading': {
        const inner = inlineToNodes(b.content);
        return { type: 'heading', attrs: { level: b.level }, ...(inner.length > 0 ? { content: inner } : {}) };
      }
      case 'quote':
        return { type: 'blockquote', attrs: { cite: b.cite ?? null }, content: [paragraph(b.content)] };
      case 'list':
        return {
          type: b.ordered ? 'orderedList' : 'bulletList',
          content: b.items.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
        };
      case 'image':
        return { type: IMAGE_NODE, attrs: { mediaId: b.mediaId, caption: b.caption ?? '', credit: b.credit ?? '', alt: b.alt ?? '', src: null } };
      case 'embed':
        return { type: EMBED_NODE, attrs: { provider: b.provider, url: b.url, title: b.title } };
    }
  });
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function sameMarks(a: Inline, b: Inline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href && a.lang === b.lang;
}

/** Inline Tiptap nodes → runs; neighbouring runs with the same marks are merged. */
export function nodesToInlines(nodes: readonly TiptapNode[] | undefined): Inline[] {
  const out: Inline[] = [];
  const push = (run: Inline) => {
    const last = out.at(-1);
    if (last && sameMarks(last, run)) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push(run);
  };
  for (const n of nodes ?? []) {
    if (n.type === 'hardBreak') {
      const last = out.at(-1);
      push(last ? { ...last, text: '\n' } : { text: '\n' });
      continue;
    }
    if (n.type !== 'text' || !n.text) continue;
    const run: { -readonly [K in keyof Inline]: Inline[K] } = { text: n.text };
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') run.bold = true;
      else if (m.type === 'italic') run.italic = true;
      else if (m.type === 'link') {
        const href = str(m.attrs?.['href']);
        if (/^(https?:\/\/|\/)/.test(href)) run.href = href;
      } else if (m.type === LANG_MARK) {
        const lang = str(m.attrs?.['lang']);
        if (/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang)) run.lang = lang;
      }
    }
    push(run);
  }
  return out;
}

const hasText = (runs: readonly Inline[]) => runs.some((r) => r.text.trim() !== '');

/** A Tiptap document → blocks. Empty paragraphs are dropped; unknown nodes keep their text. */
export function docToBlocks(doc: TiptapNode): Block[] {
  const blocks: Block[] = [];
  for (const n of doc.content ?? []) {
    switch (n.type) {
      case 'paragraph': {
        const content = nodesToInlines(n.content);
        if (hasText(content)) blocks.push({ type: 'paragraph', content });
        break;
      }
      case 'heading': {
        const content = nodesToInlines(n.content);
        const level = n.attrs?.['level'] === 3 ? 3 : 2;
        if (hasText(content)) blocks.push({ type: 'heading', level, content });
        break;
      }
      case 'blockquote': {
        const paragraphs = (n.content ?? []).map((p) => nodesToInlines(p.content)).filter(hasText);
        const content = paragraphs.flatMap((runs, i) => (i > 0 ? [{ text: '\n' }, ...runs] : runs));
        const cite = str(n.attrs?.['cite']).trim();
        if (content.length > 0) blocks.push({ type: 'quote', content, ...(cite ? { cite } : {}) });
        break;
      }
      case 'bulletList':
      case 'orderedList': {
        const items = (n.content ?? []).map((li) => (li.content ?? []).flatMap((p) => nodesToInlines(p.content))).filter(hasText);
        if (items.length > 0) blocks.push({ type: 'list', ordered: n.type === 'orderedList', items });
        break;
      }
      case IMAGE_NODE: {
        const mediaId = Number(n.attrs?.['mediaId']);
        if (!Number.isInteger(mediaId) || mediaId <= 0) break;
        const caption = str(n.attrs?.['caption']).trim();
        const credit = str(n.attrs?.['credit']).trim();
        const alt = str(n.attrs?.['alt']).trim();
        blocks.push({ type: 'image', mediaId, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}), ...(alt ? { alt } : {}) });
        break;
      }
      case EMBED_NODE: {
        const embed = parseEmbedUrl(str(n.attrs?.['url']));
        if (embed) blocks.push({ type: 'embed', provider: embed.provider, url: embed.url, title: str(n.attrs?.['title']).trim() || embed.url });
        break;
      }
      default: {
        const content = nodesToInlines(n.content);
        if (hasText(content)) blocks.push({ type: 'paragraph', content });
      }
    }
  }
  return blocks;
}

/** Recognises the embeds Minbar renders (click-to-load): YouTube videos and X posts. */
export function parseEmbedUrl(raw: string): { provider: 'youtube' | 'x'; url: string } | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/^www\./, '').replace(/^m\./, '');
  if (host === 'youtube.com' && u.pathname === '/watch' && /^[\w-]{11}$/.test(u.searchParams.get('v') ?? '')) {
    return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${u.searchParams.get('v')}` };
  }
  if (host === 'youtu.be' && /^\/[\w-]{11}$/.test(u.pathname)) return { provider: 'youtube', url: `https://www.youtube.com/watch?v=${u.pathname.slice(1)}` };
  if ((host === 'x.com' || host === 'twitter.com') && /^\/\w{1,15}\/status\/\d{1,25}$/.test(u.pathname)) {
    return { provider: 'x', url: `https://x.com${u.pathname}` };
  }
  return null;
}

/** Plain text of blocks, for the word count and reading time. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
        case 'heading':
        case 'quote':
          return b.content.map((r) => r.text).join('');
        case 'list':
          return b.items.map((it) => it.map((r) => r.text).join('')).join('\n');
        case 'image':
          return b.caption ?? '';
        case 'embed':
          return '';
      }
    })
    .join('\n');
}
