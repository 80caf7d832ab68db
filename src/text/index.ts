// Front door of the Arabic text module: normalization, tokens, stems, slugs, bidi runs, counts, escaping.
// Pure functions over strings: no I/O, no clock, no knowledge of articles, databases or HTTP.
export { normalizeArabic, foldRepeatedLetters } from './arabic-normalizer.js';
export { tokenize, type Token } from './word-tokenizer.js';
export { stemArabic, MIN_STEM_LENGTH } from './arabic-stemmer.js';
export { createArabicAnalyzer, type ArabicAnalyzer, type AnalyzedText, type AnalyzerOptions } from './arabic-analyzer.js';
export { slugify } from './url-slug.js';
export { splitDirectionRuns, type DirectionRun } from './direction-runs.js';
export { countWords, readingMinutes, DEFAULT_WORDS_PER_MINUTE } from './reading-time.js';
export { escapeHtml } from './html-escape.js';
export { isStopword } from './arabic-stopwords.js';
