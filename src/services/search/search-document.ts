// What the search index holds of an article: its title, lead and body as plain text, analyzed into
// surface forms and stems. Pure; must not know SQL, the index engine or how hits are shown.
import type { Block } from '../../domain/index.js';
import type { IndexDocument, IndexedField } from '../../db/index.js';
import type { ArabicAnalyzer } from '../../text/index.js';

/** The readable text of a body, one line per block; images and embeds contribute nothing. */
export function bodyPlainText(body: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of body) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        lines.push(block.content.map((r) => r.text).join(''));
        break;
      case 'quote':
        lines.push(block.content.map((r) => r.text).join(''));
        if (block.cite) lines.push(block.cite);
        break;
      case 'list':
        for (const item of block.items) lines.push(item.map((r) => r.text).join(''));
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

function field(analyzer: ArabicAnalyzer, text: string): IndexedField {
  const { surface, stems } = analyzer.analyze(text);
  return { surface, stems };
}

export interface SearchSource {
  readonly id: number;
  readonly sectionId: number;
  readonly type: string;
  readonly publishedAt: number;
  readonly title: string;
  readonly lead: string;
  readonly bodyText: string;
}

export function buildIndexDocument(source: SearchSource, analyzer: ArabicAnalyzer): IndexDocument {
  return {
    articleId: source.id,
    sectionId: source.sectionId,
    type: source.type,
    publishedAt: source.publishedAt,
    title: field(analyzer, source.title),
    lead: field(analyzer, source.lead),
    body: field(analyzer, source.bodyText),
  };
}
