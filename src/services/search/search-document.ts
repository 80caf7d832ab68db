// What the search index holds of an article: its title, lead and body as plain text, analyzed into
// surface forms and stems. Pure; must not know SQL, the index engine or how hits are shown.
import { bodyLines, type Block } from '../../domain/index.js';
import type { IndexDocument, IndexedField } from '../../db/index.js';
import type { ArabicAnalyzer } from '../../text/index.js';

/** The readable text of a body, one line per block; images and embeds contribute nothing. */
export function bodyPlainText(body: readonly Block[]): string {
  return bodyLines(body, { cites: true }).join('\n');
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
