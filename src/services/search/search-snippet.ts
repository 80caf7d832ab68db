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

/**
 * The best window of about SNIPPET_WORDS words of `text`: the one matching the most different clauses,
 * then the most words; the opening words when nothing matches. Ellipses show where text was cut.
 */
export function buildSnippet(text: string, terms: readonly IndexTerm[], analyzer: ArabicAnalyzer, words = SNIPPET_WORDS): SnippetSegment[] {
  const a = analyzer.analyze(text);
  const n = a.tokens.length;
  if (n === 0) return [];
  const marks = matchTokens(a.surface, a.stems, terms);
  let best = 0;
  let bestScore = -1;
  const span = Math.min(words, n);
  for (let start = 0; start + span <= n; start++) {
    const clauses = new Set<number>();
    let hits = 0;
    for (let i = start; i < start + span; i++) {
      if (marks[i]! >= 0) {
        clauses.add(marks[i]!);
        hits++;
      }
    }
    // Prefer windows that open on a match's sentence rather than cut through it: a small bonus for an early start.
    const score = clauses.size * 1000 + hits * 10 - (start > 0 && marks[start]! >= 0 ? 1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
    if (marks[start] === -1 && start > 0 && bestScore >= 1000 * terms.length) break;
  }
  // Start a few words before the first match, so the highlight has context.
  let first = best;
  const firstMatch = marks.findIndex((m, i) => i >= best && m >= 0);
  if (firstMatch >= 0 && firstMatch - best > 4) first = firstMatch - 4;
  const last = Math.min(n - 1, first + span - 1);
  const segments = segmentsOf(text, a.tokens, marks, first, last);
  if (first > 0) segments.unshift({ text: `${ELLIPSIS} `, mark: false });
  if (last < n - 1) segments.push({ text: ` ${ELLIPSIS}`, mark: false });
  return segments;
}
