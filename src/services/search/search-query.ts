// Reads what a reader typed into search clauses: words, "quoted phrases", prefix*, -exclusions, each
// analyzed like the indexed text (normalized surface form and light stem). Pure; no database.
// Must not know SQL or how clauses are matched; errors are message keys the HTTP layer translates.
import { InvalidInput } from '../../domain/index.js';
import { isStopword, type ArabicAnalyzer } from '../../text/index.js';
import type { IndexTerm } from '../../db/index.js';

export const MAX_QUERY_LENGTH = 200;
export const MAX_CLAUSES = 10;
/** A prefix shorter than this would match half the archive. */
export const MIN_PREFIX_LENGTH = 2;
/** Longer "words" are pasted garbage (hashes, URLs), not something anyone searches for. */
const MAX_WORD_LENGTH = 40;

export type QueryErrorKey = 'empty' | 'tooLong' | 'garbled' | 'onlyExclusions';

export interface ParsedQuery {
  /** Positive clauses, in the order typed, stopwords dropped when anything else is left. */
  readonly terms: readonly IndexTerm[];
  readonly exclude: readonly IndexTerm[];
}

export function queryError(key: QueryErrorKey): InvalidInput {
  return new InvalidInput(key, { q: key });
}

const STRAY_QUOTES = /["“”«»„]/g;
// Lone surrogates and control characters come from broken encodings or tampering, not from a keyboard.
// eslint-disable-next-line no-control-regex
const GARBLED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u0000-\u0008\u000e-\u001f\u007f]/;
const PHRASE = /["“”«»„]([^"“”«»„]*)["“”«»„]?/g;
const MINUS = /^[-−–]/;

export function termKey(t: IndexTerm): string {
  switch (t.kind) {
    case 'word':
      return `w:${t.stem}:${t.surface}`;
    case 'phrase':
      return `p:${t.surface.join(' ')}`;
    case 'prefix':
      return `x:${t.prefix}`;
  }
}

export function parseQuery(raw: string, analyzer: ArabicAnalyzer): ParsedQuery {
  const text = raw.trim();
  if (text === '') throw queryError('empty');
  if (text.length > MAX_QUERY_LENGTH) throw queryError('tooLong');
  if (GARBLED.test(text)) throw queryError('garbled');

  const positive: { term: IndexTerm; stop: boolean }[] = [];
  const exclude: IndexTerm[] = [];
  const seen = new Set<string>();
  const add = (term: IndexTerm, negative: boolean, stop = false) => {
    const key = (negative ? '-' : '+') + termKey(term);
    if (seen.has(key)) return;
    seen.add(key);
    if (negative) exclude.push(term);
    else positive.push({ term, stop });
  };
  const analyze = (s: string) => {
    const a = analyzer.analyze(s);
    return a.surface.map((surface, i) => ({ surface, stem: a.stems[i]! })).filter((t) => t.surface.length <= MAX_WORD_LENGTH);
  };

  // Phrases first; what is left between them is split into words.
  let rest = '';
  let last = 0;
  for (const m of text.matchAll(PHRASE)) {
    const before = text.slice(last, m.index);
    const negative = MINUS.test(before.slice(-1)) && (before.length === 1 || /\s/.test(before.slice(-2, -1)));
    rest += negative ? before.slice(0, -1) + ' ' : before + ' ';
    last = m.index + m[0].length;
    const tokens = analyze(m[1] ?? '');
    if (tokens.length === 1) add({ kind: 'word', stem: tokens[0]!.stem, surface: tokens[0]!.surface }, negative);
    else if (tokens.length > 1) add({ kind: 'phrase', surface: tokens.map((t) => t.surface) }, negative);
  }
  rest += text.slice(last);

  for (let chunk of rest.split(/\s+/)) {
    chunk = chunk.replace(STRAY_QUOTES, '');
    if (chunk === '') continue;
    const negative = MINUS.test(chunk);
    if (negative) chunk = chunk.replace(MINUS, '');
    const isPrefix = chunk.endsWith('*');
    const tokens = analyze(chunk.replace(/\*+$/, ''));
    if (tokens.length === 0) continue;
    if (tokens.length > 1 && !isPrefix) {
      // "covid-19", "al-Ula": one typed word the tokenizer splits — its parts belong together.
      add({ kind: 'phrase', surface: tokens.map((t) => t.surface) }, negative);
      continue;
    }
    for (const [i, t] of tokens.entries()) {
      const last = i === tokens.length - 1;
      if (isPrefix && last && t.surface.length >= MIN_PREFIX_LENGTH) add({ kind: 'prefix', prefix: t.surface }, negative);
      else add({ kind: 'word', stem: t.stem, surface: t.surface }, negative, isStopword(t.surface));
    }
  }

  const content = positive.filter((p) => !p.stop);
  const terms = (content.length > 0 ? content : positive).map((p) => p.term).slice(0, MAX_CLAUSES);
  if (terms.length === 0) throw queryError(exclude.length > 0 ? 'onlyExclusions' : 'garbled');
  return { terms, exclude: exclude.slice(0, MAX_CLAUSES) };
}
