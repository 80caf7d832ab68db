// The moderation pipeline: the ordered steps a comment goes through, from a reader's draft to a verdict
// (approved, pending with reasons, rejected). Refusals the reader can fix throw CommentRefused. Pure:
// the service looks up what the steps need (mode, counts, word lists) and stores the verdict.
import { checkLengths } from './length-limits-step.js';
import { checkOpen } from './closed-step.js';
import { normalizeForMatching } from './normalize-step.js';
import { renderCommentHtml } from './render-step.js';
import { bodyHash, checkRepeated } from './repeat-step.js';
import { checkWords } from './word-list-step.js';
import { holdsLinks } from './link-step.js';
import { checkRateLimits } from './rate-limit-step.js';
import { newCommenterHold } from './new-commenter-step.js';
import { modeHolds } from './mode-step.js';
import type { CommentDraft, HoldReason, PipelineContext, Verdict } from './pipeline-types.js';

export const PIPELINE_STEPS = [
  'lengthLimits',
  'closed',
  'normalize',
  'render',
  'repeated',
  'words',
  'links',
  'rateLimits',
  'newCommenter',
  'mode',
] as const;

/** Runs every step in order. `options.edit` skips the flood checks (an edit is not a new post). */
export function runModerationPipeline(draft: CommentDraft, ctx: PipelineContext, options: { edit?: boolean } = {}): Verdict {
  const { text, authorName } = checkLengths(draft);
  checkOpen(ctx.mode);
  const normalized = normalizeForMatching(text);
  const { html, hasLinks } = renderCommentHtml(text);
  const hash = bodyHash(normalized);
  if (!options.edit) checkRepeated(hash, ctx.recent.hashes);
  const reasons: HoldReason[] = [];
  const words = checkWords(normalized, ctx.words);
  // A guest's chosen name is text readers see too: it is checked against the same lists.
  const nameWords = draft.guest ? checkWords(normalizeForMatching(authorName), ctx.words) : { verdict: null, reason: null, matched: [] };
  let rejected = words.verdict === 'reject' || nameWords.verdict === 'reject';
  if (rejected) reasons.push('bannedWord');
  else if (words.verdict === 'hold' || nameWords.verdict === 'hold') reasons.push('suspectWord');
  if (holdsLinks(hasLinks, ctx.reader, ctx.premoderateFirst)) reasons.push('linkFromNewUser');
  if (!options.edit) checkRateLimits(ctx.recent, ctx.limits, ctx.reader !== null);
  const newcomer = newCommenterHold(ctx.reader, ctx.premoderateFirst);
  if (newcomer) reasons.push(newcomer);
  if (modeHolds(ctx.mode)) reasons.push('premoderated');
  rejected = reasons.includes('bannedWord');
  return {
    text,
    authorName,
    normalized,
    html,
    hasLinks,
    bodyHash: hash,
    status: rejected ? 'rejected' : reasons.length > 0 ? 'pending' : 'approved',
    reasons,
    matched: [...words.matched, ...nameWords.matched],
  };
}
