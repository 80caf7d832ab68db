// Highlighted snippets cut from the ORIGINAL text (never the folded index text): the matching words are
// found on analyzed tokens and marked through their offsets. Output is segments, never HTML, so every
// renderer escapes it. Pure; must not know SQL, HTTP or markup.
import type { IndexTerm } from '../../db/index.js';
import type { ArabicAnalyzer } from '../../text/index.js';

export interface SnippetSegment {
  readonly text: string;
  readonly mark: boolean;
}

export const SNIPPET_WORDS = 28;
const ELLIPSIS = '…';

/** For every token of `text`, the index of the clause it matches, or -1. */
function matchTokens(surface: readonly string[], stems: readonly string[], terms: readonly IndexTerm[]): number[] {
  const marks = new Array<number>(surface.length).fill(-1);
  for (const [c, term] of terms.entries()) {
    if (term.kind === 'phrase') {
      const k = term.surface.length;
      for (let i = 0; i + k <= surface.length; i++) {
        let all = true;
        for (let j = 0; j < k && all; j++) all = surface[i + j] === term.surface[j];
        if (all) for (let j = 0; j < k; j++) marks[i + j] = c;
      }
      continue;
    }
    for (let i = 0; i < surface.length; i++) {
      if (marks[i] !== -1) continue;
      const hit =
        term.kind === 'word'
          ? stems[i] === term.stem || surface[i] === term.surface
          : surface[i]!.startsWith(term.prefix) || stems[i]!.startsWith(term.prefix);
      if (hit) marks[i] = c;
    }
  }
  return marks;
}

/** Segments of text[start, end) with the marked tokens (adjacent ones merged) as mark segments. */
function segmentsOf(
  text: string,
  tokens: readonly { start: number; end: number }[],
  marks: readonly number[],
  first: number,
  last: number,
): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  let cursor = tokens[first]?.start ?? 0;
  const end = tokens[last]?.end ?? text.length;
  let i = first;
  while (i <= last) {
    if (marks[i] === -1) {
      i++;
      continue;
    }
    let j = i;
    // Merge a run of marked tokens separated only by spaces: a phrase is one highlight.
    while (j + 1 <= last && marks[j + 1] !== -1 && /^\s*$/.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) j++;
    if (tokens[i]!.start > cursor) out.push({ text: text.slice(cursor, tokens[i]!.start), mark: false });
    out.push({ text: text.slice(tokens[i]!.start, tokens[j]!.end), mark: true });
    cursor = tokens[j]!.end;
    i = j + 1;
  }
  if (end > cursor) out.push({ text: text.slice(cursor, end), mark: false });
  return out;
}

/** The whole (short) text with its matches marked: for titles. */
export function highlightAll(text: string, terms: readonly IndexTerm[], analyzer: ArabicAnalyzer): SnippetSegment[] {
  const a = analyzer.analyze(text);
  if (a.tokens.length === 0) return text ? [{ text, mark: false }] : [];
  const marks = matchTokens(a.surface, a.stems, terms);
  const segments = segmentsOf(text, a.tokens, marks, 0, a.tokens.length - 1);
  const head = text.slice(0, a.tokens[0]!.start);
  const tail = text.slice(a.tokens[a.tokens.length - 1]!.end);
  return [...(head ? [{ text: head, mark: false }] : []), ...segments, ...(tail ? [{ text: tail, mark: false }] : [])];
}

/** Paragraphs read at most when looking for the best one: long bodies are not analyzed to the end. */
const MAX_PARAGRAPHS = 80;

/**
 * The best window of about SNIPPET_WORDS words of `text`: paragraph by paragraph (stopping at the first
 * that matches every clause), the paragraph matching the most different clauses, then the most words;
 * inside it, the window with the most matches. The opening words when nothing matches. Ellipses show cuts.
 */
export function buildSnippet(text: string, terms: readonly IndexTerm[], analyzer: ArabicAnalyzer, words = SNIPPET_WORDS): SnippetSegment[] {
  let best: { offset: number; part: string; tokens: { start: number; end: number }[]; marks: number[]; score: number } | null = null;
  let offset = 0;
  const paragraphs = text.split('\n');
  for (const [i, part] of paragraphs.entries()) {
    if (i >= MAX_PARAGRAPHS) break;
    const a = analyzer.analyze(part);
    if (a.tokens.length > 0) {
      const marks = matchTokens(a.surface, a.stems, terms);
      const clauses = new Set(marks.filter((m) => m >= 0)).size;
      const score = clauses * 1000 + marks.filter((m) => m >= 0).length;
      if (best === null || score > best.score) best = { offset, part, tokens: a.tokens, marks, score };
      if (clauses === terms.length) break;
    }
    offset += part.length + 1;
  }
  if (best === null) return [];
  const { part, tokens, marks } = best;
  const n = tokens.length;
  const span = Math.min(words, n);
  let start = 0;
  let bestHits = -1;
  for (let s = 0; s + span <= n; s++) {
    let hits = 0;
    for (let i = s; i < s + span; i++) if (marks[i]! >= 0) hits++;
    if (hits > bestHits) {
      bestHits = hits;
      start = s;
    }
  }
  // Start a few words before the first match, so the highlight has context.
  const firstMatch = marks.findIndex((m, i) => i >= start && m >= 0);
  if (firstMatch >= 0 && firstMatch - start > 4) start = firstMatch - 4;
  const last = Math.min(n - 1, start + span - 1);
  const segments = segmentsOf(part, tokens, marks, start, last);
  const cutBefore = start > 0 || best.offset > 0;
  const cutAfter = last < n - 1 || best.offset + part.length < text.length;
  if (cutBefore) segments.unshift({ text: `${ELLIPSIS} `, mark: false });
  if (cutAfter) segments.push({ text: ` ${ELLIPSIS}`, mark: false });
  return segments;
}
