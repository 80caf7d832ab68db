// A readable difference between two article snapshots: one line per field or body block, changed
// lines paired and compared word by word. Pure; knows nothing of storage, HTML or wording of labels.
import { diffArrays } from 'diff';
import type { Block, Inline } from '../../domain/index.js';

/** The editable fields of an article as a revision stores them. */
export interface ArticleSnapshot {
  readonly sectionId: number;
  readonly type: string;
  readonly title: string;
  readonly lead: string;
  readonly body: readonly Block[];
  readonly heroMediaId: number | null;
  readonly heroCaption: string | null;
  readonly heroCredit: string | null;
  readonly source: string | null;
  readonly authorIds: readonly number[];
  readonly tags: readonly string[];
  readonly storyIds: readonly number[];
  readonly commentsMode: string;
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
}

/** Which part of the article a line shows; views turn it into a label. */
export type DiffField =
  | 'title'
  | 'lead'
  | 'body'
  | 'section'
  | 'type'
  | 'hero'
  | 'heroCaption'
  | 'heroCredit'
  | 'source'
  | 'authors'
  | 'tags'
  | 'stories'
  | 'commentsMode'
  | 'seoTitle'
  | 'seoDescription';

export interface DiffPart {
  readonly text: string;
  readonly change: 'same' | 'added' | 'removed';
}

export interface DiffLine {
  readonly field: DiffField;
  readonly change: 'same' | 'added' | 'removed' | 'changed';
  readonly parts: readonly DiffPart[];
}

const inlineText = (runs: readonly Inline[]) => runs.map((r) => r.text).join('');

/** One line of plain text per block, with a short marker for its kind. */
export function blockLine(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return inlineText(b.content);
    case 'heading':
      return `${'#'.repeat(b.level)} ${inlineText(b.content)}`;
    case 'quote':
      return `« ${inlineText(b.content)} »${b.cite ? ` — ${b.cite}` : ''}`;
    case 'list':
      return b.items.map((it, i) => `${b.ordered ? `${i + 1}.` : '•'} ${inlineText(it)}`).join(' ');
    case 'image':
      return `[#${b.mediaId}] ${b.caption ?? ''}${b.credit ? ` (${b.credit})` : ''}`;
    case 'embed':
      return `[${b.provider}] ${b.url}`;
  }
}

function lines(s: ArticleSnapshot): Array<[DiffField, string]> {
  const out: Array<[DiffField, string]> = [
    ['title', s.title],
    ['lead', s.lead],
    ['section', String(s.sectionId)],
    ['type', s.type],
    ['hero', s.heroMediaId === null ? '' : `#${s.heroMediaId}`],
    ['heroCaption', s.heroCaption ?? ''],
    ['heroCredit', s.heroCredit ?? ''],
    ['source', s.source ?? ''],
    ['authors', s.authorIds.join('، ')],
    ['tags', s.tags.join('، ')],
    ['stories', s.storyIds.join('، ')],
    ['commentsMode', s.commentsMode],
    ['seoTitle', s.seoTitle ?? ''],
    ['seoDescription', s.seoDescription ?? ''],
  ];
  const body = s.body.map((b): [DiffField, string] => ['body', blockLine(b)]);
  // Body after the title and lead, where a reader of the diff expects it.
  return [...out.slice(0, 2), ...body, ...out.slice(2)].filter(([, text]) => text !== '');
}

const SEP = '\u0000';

/** Words and the spaces between them (the diff package's own word splitter knows only Latin letters). */
function words(text: string): string[] {
  return text.split(/(\s+)/u).filter((w) => w !== '');
}

/** Lines of `after` compared with `before`; unchanged lines are included so the diff reads in order. */
export function diffSnapshots(before: ArticleSnapshot, after: ArticleSnapshot): DiffLine[] {
  const a = lines(before).map(([f, t]) => `${f}${SEP}${t}`);
  const b = lines(after).map(([f, t]) => `${f}${SEP}${t}`);
  const split = (l: string): [DiffField, string] => {
    const i = l.indexOf(SEP);
    return [l.slice(0, i) as DiffField, l.slice(i + 1)];
  };
  const out: DiffLine[] = [];
  const changes = diffArrays(a, b);
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      // Pair removed and added lines of the same field and compare them word by word.
      const removed = c.value.map(split);
      const added = next.value.map(split);
      const n = Math.max(removed.length, added.length);
      for (let k = 0; k < n; k++) {
        const r = removed[k];
        const d = added[k];
        if (r && d && r[0] === d[0]) {
          const parts = diffArrays(words(r[1]), words(d[1])).map(
            (p): DiffPart => ({ text: p.value.join(''), change: p.added ? 'added' : p.removed ? 'removed' : 'same' }),
          );
          out.push({ field: d[0], change: 'changed', parts });
        } else {
          if (r) out.push({ field: r[0], change: 'removed', parts: [{ text: r[1], change: 'removed' }] });
          if (d) out.push({ field: d[0], change: 'added', parts: [{ text: d[1], change: 'added' }] });
        }
      }
      i++;
      continue;
    }
    const change = c.added ? 'added' : c.removed ? 'removed' : 'same';
    for (const l of c.value) {
      const [field, text] = split(l);
      out.push({ field, change, parts: [{ text, change }] });
    }
  }
  return out;
}
