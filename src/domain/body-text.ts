// The plain text of an article body, one line per paragraph, heading, quote or list item: what word
// counts, descriptions and the search index read. Pure; knows nothing of HTML or the index.
import type { Block } from './content.js';

/** Lines of text in reading order; with `cites`, a quote's attribution follows the quote. */
export function bodyLines(blocks: readonly Block[], options: { readonly cites?: boolean } = {}): string[] {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.type) {
      case 'paragraph':
      case 'heading':
        lines.push(b.content.map((r) => r.text).join(''));
        break;
      case 'quote':
        lines.push(b.content.map((r) => r.text).join(''));
        if (options.cites && b.cite) lines.push(b.cite);
        break;
      case 'list':
        for (const item of b.items) lines.push(item.map((r) => r.text).join(''));
        break;
      default:
        break;
    }
  }
  return lines;
}
