// Step 6: banned words reject a comment, suspect words hold it. Both sides are normalized the same way
// (search normalizer, repeated letters, then every doubled letter collapsed) and each word of the text is
// also tried without attached prefixes (و ف ب ك ل ال وال بال لل …) and common suffixes, so diacritics,
// tatweel, alef variants, clitics and stretched letters do not hide a listed word.
import { normalizeForMatching } from './normalize-step.js';

// Longest first: "وال" before "و". Two layers are tried ("وبال" = و + بال).
const PREFIXES = ['وبال', 'وكال', 'وفال', 'فبال', 'وال', 'فال', 'بال', 'كال', 'ولل', 'فلل', 'لل', 'ال', 'و', 'ف', 'ب', 'ك', 'ل', 'س'];
// Single letters other than ه (ة) are left alone: "وسخي" (generous) must not read as "وسخ".
const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'كم', 'ها', 'ون', 'ين', 'ات', 'ه'];
const MIN_STEM = 3;

/** Collapses every run of one letter to a single letter: the skeleton both sides are compared by. */
export function skeleton(s: string): string {
  return s.replace(/(\p{L})\1+/gu, '$1');
}

function wordsOf(normalized: string): string[] {
  return normalized.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Candidate forms of a written word, compared by skeleton: clitics are cut before collapsing doubles
 * ("اللعنة" is ال + لعنة) and after ("ووالكلب"). */
function skeletonForms(word: string): Set<string> {
  const out = new Set<string>();
  for (const f of candidateForms(word)) out.add(skeleton(f));
  const s = skeleton(word);
  if (s !== word) for (const f of candidateForms(s)) out.add(f);
  return out;
}

/** The forms a written word may be a listed word in: itself, without prefixes, without a suffix. */
export function candidateForms(word: string): string[] {
  const out = new Set<string>([word]);
  const stripPrefix = (w: string, depth: number) => {
    for (const p of PREFIXES) {
      if (w.startsWith(p) && w.length - p.length >= MIN_STEM - 1) {
        const rest = w.slice(p.length);
        out.add(rest);
        if (depth < 1) stripPrefix(rest, depth + 1);
      }
    }
  };
  stripPrefix(word, 0);
  for (const w of [...out]) {
    // "زبالتك", "زبالتي": ة + a one-letter pronoun.
    if (w.length > MIN_STEM + 1 && (w.endsWith('تك') || w.endsWith('تي'))) out.add(`${w.slice(0, -2)}ه`);
    for (const s of SUFFIXES) {
      if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
        const rest = w.slice(0, -s.length);
        out.add(rest);
        // ة before a suffix is written ت ("زبالتهم"), and a feminine plural drops it ("زبالات").
        if (s === 'ات') out.add(`${rest}ه`);
        else if (rest.endsWith('ت')) out.add(`${rest.slice(0, -1)}ه`);
      }
    }
  }
  return [...out].filter((w) => w.length >= 2);
}

export interface WordMatcher {
  /** Listed entries found in already-normalized text, by kind. */
  match(normalized: string): { readonly banned: readonly string[]; readonly suspect: readonly string[] };
  readonly size: number;
}

interface Entry {
  readonly word: string;
  readonly kind: 'banned' | 'suspect';
  /** Further words of a phrase, as skeletons. */
  readonly rest: readonly string[];
}

/** Builds a matcher over the word lists once; matching a comment is a few set lookups per word. */
export function createWordMatcher(list: ReadonlyArray<{ readonly word: string; readonly kind: 'banned' | 'suspect' }>): WordMatcher {
  const byFirst = new Map<string, Entry[]>();
  for (const { word, kind } of list) {
    const parts = wordsOf(skeleton(normalizeForMatching(word)));
    if (parts.length === 0) continue;
    const [first, ...rest] = parts as [string, ...string[]];
    const add = (key: string, e: Entry) => {
      const entries = byFirst.get(key) ?? [];
      entries.push(e);
      byFirst.set(key, entries);
    };
    add(first, { word, kind, rest });
    // A phrase written as one word ("ياحيوان", "ابنالكلب") is the same phrase.
    if (rest.length > 0) add(parts.join(''), { word, kind, rest: [] });
  }
  return {
    size: list.length,
    match(normalized) {
      const banned = new Set<string>();
      const suspect = new Set<string>();
      if (byFirst.size === 0) return { banned: [], suspect: [] };
      const raw = wordsOf(normalized);
      const words = raw.map(skeleton);
      for (let i = 0; i < raw.length; i++) {
        for (const form of skeletonForms(raw[i]!)) {
          const entries = byFirst.get(form);
          if (!entries) continue;
          for (const e of entries) {
            if (e.rest.every((r, k) => words[i + 1 + k] === r)) (e.kind === 'banned' ? banned : suspect).add(e.word);
          }
        }
      }
      return { banned: [...banned], suspect: [...suspect] };
    },
  };
}

/** Banned → reject; suspect → hold; otherwise no opinion. */
export function checkWords(normalized: string, matcher: WordMatcher): { verdict: 'reject' | 'hold' | null; reason: 'bannedWord' | 'suspectWord' | null; matched: string[] } {
  const m = matcher.match(normalized);
  if (m.banned.length > 0) return { verdict: 'reject', reason: 'bannedWord', matched: [...m.banned, ...m.suspect] };
  if (m.suspect.length > 0) return { verdict: 'hold', reason: 'suspectWord', matched: [...m.suspect] };
  return { verdict: null, reason: null, matched: [] };
}
