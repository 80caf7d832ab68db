// The one ranking both databases share: BM25F over title, lead and body, the exact (surface) form scored
// above the stem, a small recency boost. Computed here from the stored token strings, so SQLite and
// PostgreSQL order the same candidates identically. Pure; must not know SQL or HTTP.
import type { IndexCandidate, IndexStats, IndexTerm } from '../../db/index.js';

export interface RankingOptions {
  /** Weight of an exact-form match on top of the stem match it also is (0.5 → 1.5 × a stem-only match). */
  readonly surfaceBoost: number;
  readonly fieldWeights: { readonly title: number; readonly lead: number; readonly body: number };
  /** Length normalization per field (BM25's b). */
  readonly lengthNorm: { readonly title: number; readonly lead: number; readonly body: number };
  readonly k1: number;
  /** Share added for a brand-new article, halving every `recencyHalfLifeMs` (0 turns recency off). */
  readonly recencyBoost: number;
  readonly recencyHalfLifeMs: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  surfaceBoost: 0.5,
  fieldWeights: { title: 3, lead: 1.5, body: 1 },
  lengthNorm: { title: 0.3, lead: 0.5, body: 0.75 },
  k1: 1.2,
  recencyBoost: 0.1,
  recencyHalfLifeMs: 30 * 86_400_000,
};

export interface RankedCandidate {
  readonly candidate: IndexCandidate;
  readonly score: number;
}

/** Occurrences of whole tokens (or token prefixes) `needle` in a space-separated token string. */
export function countTokens(padded: string, needle: string, prefix: boolean): number {
  if (needle === '') return 0;
  const pattern = prefix ? ` ${needle}` : ` ${needle} `;
  let n = 0;
  let from = 0;
  for (;;) {
    const at = padded.indexOf(pattern, from);
    if (at < 0) return n;
    n++;
    from = at + pattern.length - 1;
  }
}

function fieldFrequency(term: IndexTerm, surface: string, stems: string, boost: number): number {
  switch (term.kind) {
    case 'word':
      return countTokens(stems, term.stem, false) + boost * countTokens(surface, term.surface, false);
    case 'phrase':
      return (1 + boost) * countTokens(surface, term.surface.join(' '), false);
    case 'prefix':
      return countTokens(stems, term.prefix, true) + boost * countTokens(surface, term.prefix, true);
  }
}

export function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Scores and orders candidates: score, then newer, then higher id. */
export function rankCandidates(
  candidates: readonly IndexCandidate[],
  terms: readonly IndexTerm[],
  documentFrequencies: readonly number[],
  stats: IndexStats,
  now: number,
  options: RankingOptions = DEFAULT_RANKING,
): RankedCandidate[] {
  const n = Math.max(stats.documents, 1);
  const avg = {
    title: Math.max(stats.titleTokens / n, 1),
    lead: Math.max(stats.leadTokens / n, 1),
    body: Math.max(stats.bodyTokens / n, 1),
  };
  const idfs = terms.map((_, i) => idf(n, documentFrequencies[i] ?? 0));
  const { fieldWeights: w, lengthNorm: b, k1, surfaceBoost } = options;
  const ranked = candidates.map((c) => {
    const fields = [
      { surface: ` ${c.titleSurface} `, stems: ` ${c.titleStem} `, norm: 1 - b.title + (b.title * c.titleLength) / avg.title, weight: w.title },
      { surface: ` ${c.leadSurface} `, stems: ` ${c.leadStem} `, norm: 1 - b.lead + (b.lead * c.leadLength) / avg.lead, weight: w.lead },
      { surface: ` ${c.bodySurface} `, stems: ` ${c.bodyStem} `, norm: 1 - b.body + (b.body * c.bodyLength) / avg.body, weight: w.body },
    ];
    let score = 0;
    for (const [i, term] of terms.entries()) {
      let tf = 0;
      for (const f of fields) tf += (f.weight * fieldFrequency(term, f.surface, f.stems, surfaceBoost)) / f.norm;
      score += idfs[i]! * (tf / (k1 + tf));
    }
    if (options.recencyBoost > 0) {
      const age = Math.max(0, now - c.publishedAt);
      score *= 1 + options.recencyBoost * Math.pow(0.5, age / options.recencyHalfLifeMs);
    }
    return { candidate: c, score };
  });
  return ranked.sort(
    (x, y) => y.score - x.score || y.candidate.publishedAt - x.candidate.publishedAt || y.candidate.articleId - x.candidate.articleId,
  );
}
