// The search analysis pipeline: original text → tokens → normalized surface forms → light stems.
// Must not know which names are protected or where they come from (callers pass them in), nor any index.
import { stemArabic } from './arabic-stemmer.js';
import { tokenize, type Token } from './word-tokenizer.js';

export interface AnalyzedText {
  readonly tokens: Token[];
  /** surface[i] === tokens[i].norm: for exact-form (phrase, name) matching. */
  readonly surface: string[];
  /** stems[i] === stemArabic(surface[i], protectedWords): for recall across inflections. */
  readonly stems: string[];
}

export interface ArabicAnalyzer {
  analyze(text: string): AnalyzedText;
  /** The normalized single words that are never stemmed. */
  readonly protectedWords: ReadonlySet<string>;
}

export interface AnalyzerOptions {
  /**
   * Replaces the light stemmer, protected words included (the evaluation compares another stemmer this way):
   * receives each token normalized and as written, returns its index term.
   */
  readonly stem?: (normalized: string, written: string) => string;
}

/**
 * Builds an analyzer. `protectedWords` are names (tags, stories, authors) written any way: they are
 * normalized here, and a multi-word entry ("بشار الأسد") protects each of its words, because text is
 * stemmed one word at a time.
 */
export function createArabicAnalyzer(protectedWords: Iterable<string> = [], options: AnalyzerOptions = {}): ArabicAnalyzer {
  const protectedSet = new Set<string>();
  for (const entry of protectedWords) {
    for (const token of tokenize(entry)) protectedSet.add(token.norm);
  }
  const other = options.stem;
  return {
    protectedWords: protectedSet,
    analyze(text: string): AnalyzedText {
      const tokens = tokenize(text);
      const surface: string[] = [];
      const stems: string[] = [];
      for (const { norm, start, end } of tokens) {
        surface.push(norm);
        stems.push(other === undefined ? stemArabic(norm, protectedSet) : other(norm, text.slice(start, end)));
      }
      return { tokens, surface, stems };
    },
  };
}
