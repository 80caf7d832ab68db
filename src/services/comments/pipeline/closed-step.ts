// Step 2: a closed story or article (or one past its closing time) takes no comments.
// Knows only the mode in force, which the service computes with effectiveCommentsMode.
import { CommentRefused } from './pipeline-types.js';

export function checkOpen(mode: 'open' | 'premoderated' | 'closed'): void {
  if (mode === 'closed') throw new CommentRefused('form', 'closed');
}
