// The newsroom editor island: turns the plain article form (which works without JavaScript) into a
// right-to-left Tiptap editor with a toolbar, library images, embeds, autosave, word count and lock renewal.
// Every visible string comes from the server-rendered page (data-msg-* attributes); nothing is hard-coded.
import { Editor } from '@tiptap/core';
import { StarterKit } from '@tiptap/starter-kit';
import type { Block } from '../../src/domain/index.js';
import { AutoDirection, ClickToLoadEmbed, LangMark, LibraryImage } from './editor-extensions.js';
import { EMBED_NODE, IMAGE_NODE, LANG_MARK, blocksText, blocksToDoc, docToBlocks, parseEmbedUrl, type TiptapNode } from './tiptap-blocks.js';

const AUTOSAVE_MS = 15_000;
const HEARTBEAT_MS = 45_000;

interface LibraryItem {
  readonly id: number;
  readonly src: string;
  readonly caption: string;
  readonly credit: string;
  readonly alt: string;
}

function msg(form: HTMLElement, key: string, vars: Record<string, string | number> = {}): string {
  let s = form.dataset[key] ?? '';
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}

function countWords(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

function setup(form: HTMLFormElement): void {
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name="bodyText"]');
  const bodyJson = form.querySelector<HTMLInputElement>('input[name="bodyJson"]');
  const root = form.querySelector<HTMLElement>('[data-editor-root]');
  const surface = form.querySelector<HTMLElement>('[data-editor-surface]');
  if (!textarea || !bodyJson || !root || !surface) return;
  const status = form.querySelector<HTMLElement>('[data-editor-status]');
  const count = form.querySelector<HTMLElement>('[data-editor-count]');
  const revision = form.querySelector<HTMLInputElement>('input[name="revision"]');

  let initial: Block[] = [];
  try {
    initial = JSON.parse(bodyJson.dataset['blocks'] ?? '[]') as Block[];
  } catch {
    initial = [];
  }
  const imageSrc = new Map<number, string>();
  for (const el of form.querySelectorAll<HTMLElement>('[data-media-src]')) imageSrc.set(Number(el.dataset['mediaId']), el.dataset['mediaSrc'] ?? '');

  const doc = blocksToDoc(initial);
  for (const n of doc.content ?? []) if (n.type === IMAGE_NODE && n.attrs) n.attrs['src'] = imageSrc.get(Number(n.attrs['mediaId'])) ?? null;

  const editor = new Editor({
    element: surface,
    extensions: [StarterKit.configure({ code: false, codeBlock: false, horizontalRule: false, strike: false, underline: false, link: { openOnClick: false, autolink: true, protocols: ['https', 'http'] } }), AutoDirection, LangMark, LibraryImage, ClickToLoadEmbed],
    content: doc,
    editorProps: {
      attributes: {
        dir: 'rtl',
        class: 'editor__editable',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': textarea.getAttribute('aria-label') ?? msg(form, 'msgBody'),
      },
    },
  });

  // The textarea stays in the form for no-JS saves; with the editor on, the structured body wins.
  const field = textarea.closest<HTMLElement>('[data-body-field]') ?? textarea;
  field.hidden = true;
  textarea.disabled = true;
  root.hidden = false;

  let dirty = false;
  const blocks = () => docToBlocks(editor.getJSON() as TiptapNode);
  const sync = () => {
    const b = blocks();
    bodyJson.value = JSON.stringify(b);
    const title = form.querySelector<HTMLInputElement>('[name="title"]')?.value ?? '';
    const lead = form.querySelector<HTMLTextAreaElement>('[name="lead"]')?.value ?? '';
    const words = countWords(`${title}\n${lead}\n${blocksText(b)}`);
    if (count) count.textContent = msg(form, 'msgCount', { words, minutes: Math.max(1, Math.round(words / 180)) });
  };
  sync();
  editor.on('update', () => {
    dirty = true;
    sync();
  });
  form.addEventListener('input', () => {
    dirty = true;
    sync();
  });
  form.addEventListener('submit', () => {
    sync();
    dirty = false;
  });

  // Toolbar: every button is a real <button>, reachable with Tab; aria-pressed reflects the selection.
  const commands: Record<string, () => void> = {
    paragraph: () => editor.chain().focus().setParagraph().run(),
    h2: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    h3: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    quote: () => editor.chain().focus().toggleBlockquote().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    latin: () => editor.chain().focus().toggleMark(LANG_MARK, { lang: 'en' }).run(),
    link: () => {
      const current = (editor.getAttributes('link')['href'] as string | undefined) ?? 'https://';
      const href = window.prompt(msg(form, 'msgLinkPrompt'), current);
      if (href === null) return;
      if (href.trim() === '') editor.chain().focus().unsetLink().run();
      else if (/^(https?:\/\/|\/)/.test(href.trim())) editor.chain().focus().setLink({ href: href.trim() }).run();
    },
    embed: () => {
      const raw = window.prompt(msg(form, 'msgEmbedPrompt'), 'https://');
      if (!raw) return;
      const e = parseEmbedUrl(raw);
      if (!e) {
        window.alert(msg(form, 'msgEmbedInvalid'));
        return;
      }
      editor.chain().focus().insertContent({ type: EMBED_NODE, attrs: { provider: e.provider, url: e.url, title: e.url } }).run();
    },
    image: () => openPicker((item) => {
      editor
        .chain()
        .focus()
        .insertContent({ type: IMAGE_NODE, attrs: { mediaId: item.id, caption: item.caption, credit: item.credit, alt: item.alt, src: item.src } })
        .run();
    }),
  };
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-cmd]')];
  for (const b of buttons) b.addEventListener('click', () => commands[b.dataset['cmd'] ?? '']?.());
  const active: Record<string, () => boolean> = {
    h2: () => editor.isActive('heading', { level: 2 }),
    h3: () => editor.isActive('heading', { level: 3 }),
    quote: () => editor.isActive('blockquote'),
    bulletList: () => editor.isActive('bulletList'),
    orderedList: () => editor.isActive('orderedList'),
    bold: () => editor.isActive('bold'),
    italic: () => editor.isActive('italic'),
    latin: () => editor.isActive(LANG_MARK),
    link: () => editor.isActive('link'),
  };
  editor.on('transaction', () => {
    for (const b of buttons) {
      const f = active[b.dataset['cmd'] ?? ''];
      if (f) b.setAttribute('aria-pressed', String(f()));
    }
  });

  // The media library picker, shared by body images and the hero image.
  const dialog = form.ownerDocument.querySelector<HTMLDialogElement>('dialog[data-media-picker]');
  let onPick: ((item: LibraryItem) => void) | null = null;
  async function search(q: string): Promise<void> {
    if (!dialog) return;
    const list = dialog.querySelector<HTMLElement>('[data-media-results]');
    if (!list) return;
    const res = await fetch(`${dialog.dataset['mediaUrl'] ?? ''}?q=${encodeURIComponent(q)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) return;
    const data = (await res.json()) as { items: LibraryItem[] };
    list.replaceChildren(
      ...data.items.map((item) => {
        const li = form.ownerDocument.createElement('li');
        const button = form.ownerDocument.createElement('button');
        button.type = 'button';
        button.className = 'media-pick';
        button.dataset['mediaId'] = String(item.id);
        const img = form.ownerDocument.createElement('img');
        img.src = item.src;
        img.alt = item.alt;
        const label = form.ownerDocument.createElement('span');
        label.dir = 'auto';
        label.textContent = [item.caption, item.credit].filter(Boolean).join(' — ');
        button.append(img, label);
        button.addEventListener('click', () => {
          imageSrc.set(item.id, item.src);
          onPick?.(item);
          dialog.close();
        });
        li.append(button);
        return li;
      }),
    );
  }
  function openPicker(pick: (item: LibraryItem) => void): void {
    if (!dialog) return;
    onPick = pick;
    dialog.showModal();
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]');
    input?.focus();
    void search(input?.value ?? '');
  }
  if (dialog) {
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]');
    let t: ReturnType<typeof setTimeout> | null = null;
    input?.addEventListener('input', () => {
      if (t) clearTimeout(t);
      t = setTimeout(() => void search(input.value), 250);
    });
    dialog.querySelector<HTMLButtonElement>('[data-picker-close]')?.addEventListener('click', () => dialog.close());
  }
  form.querySelector<HTMLButtonElement>('[data-pick-hero]')?.addEventListener('click', () =>
    openPicker((item) => {
      const set = (name: string, value: string) => {
        const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
        if (el && (name === 'heroMediaId' || el.value.trim() === '')) el.value = value;
      };
      set('heroMediaId', String(item.id));
      set('heroCaption', item.caption);
      set('heroCredit', item.credit);
      const preview = form.querySelector<HTMLImageElement>('img[data-hero-preview]');
      if (preview) {
        preview.src = item.src;
        preview.alt = item.alt;
        preview.hidden = false;
      }
      dirty = true;
    }),
  );

  // Tag suggestions: the datalist completes the last comma-separated tag, keeping the ones before it.
  const tags = form.querySelector<HTMLInputElement>('input[name="tags"]');
  const tagList = tags?.list;
  if (tags && tagList) {
    const names = [...tagList.querySelectorAll('option')].map((o) => o.dataset['name'] ?? o.value);
    tags.addEventListener('input', () => {
      const parts = tags.value.split(/[،,]/);
      const head = parts.slice(0, -1).map((p) => p.trim()).filter(Boolean);
      const last = (parts.at(-1) ?? '').trim();
      const prefix = head.length > 0 ? `${head.join('، ')}، ` : '';
      tagList.replaceChildren(
        ...names
          .filter((n) => last !== '' && n.includes(last) && !head.includes(n))
          .slice(0, 20)
          .map((n) => {
            const o = form.ownerDocument.createElement('option');
            o.value = `${prefix}${n}`;
            o.dataset['name'] = n;
            return o;
          }),
      );
    });
  }

  // Autosave (drafts and articles in review only) and lock renewal while the page is open.
  const say = (key: string, vars: Record<string, string | number> = {}) => {
    if (status) status.textContent = msg(form, key, vars);
  };
  async function autosave(): Promise<void> {
    if (!dirty || form.dataset['autosave'] !== '1') return;
    sync();
    dirty = false;
    const data = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') data.append(k, v);
    data.set('intent', 'autosave');
    say('msgSaving');
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        body: data,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        credentials: 'same-origin',
      });
      const json = (await res.json().catch(() => ({}))) as { revision?: number; savedAt?: string; message?: string };
      if (res.ok && json.revision !== undefined) {
        if (revision) revision.value = String(json.revision);
        say('msgSaved', { time: json.savedAt ?? '' });
      } else {
        dirty = true;
        if (status) status.textContent = json.message ?? msg(form, res.status === 409 ? 'msgConflict' : 'msgFailed');
      }
    } catch {
      dirty = true;
      say('msgFailed');
    }
  }
  setInterval(() => void autosave(), AUTOSAVE_MS);
  const lockUrl = form.dataset['lockUrl'];
  if (lockUrl) {
    setInterval(() => {
      const csrf = form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value ?? '';
      void fetch(lockUrl, {
        method: 'POST',
        body: new URLSearchParams({ _csrf: csrf }),
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        credentials: 'same-origin',
      });
    }, HEARTBEAT_MS);
  }
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });
}

const form = document.querySelector<HTMLFormElement>('form[data-article-editor]');
if (form) setup(form);
