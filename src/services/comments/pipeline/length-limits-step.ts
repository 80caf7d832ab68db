// Step 1: length limits, after cleaning the text of control characters and bidi overrides (which could
// make a comment read differently from what it says). Must not know the database or the other steps.
import { CommentRefused } from './pipeline-types.js';

export const BODY_MIN = 2;
export const BODY_MAX = 3000;
export const NAME_MIN = 2;
export const NAME_MAX = 50;

// C0/C1 controls except tab and newline; bidi embeddings, overrides and isolates; zero-width joiners
// outside words are harmless and kept (ZWNJ matters in Persian).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\uFEFF]/g;

export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

export function cleanName(s: string): string {
  return s.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
}

/** Cleans body and (for guests) name and refuses text outside the limits. */
export function checkLengths(draft: { body: string; authorName: string; guest: boolean }): { text: string; authorName: string } {
  const text = cleanText(draft.body);
  const authorName = cleanName(draft.authorName);
  if ([...text].length < BODY_MIN) throw new CommentRefused('body', 'tooShort');
  if ([...text].length > BODY_MAX) throw new CommentRefused('body', 'tooLong');
  if (draft.guest) {
    if ([...authorName].length < NAME_MIN) throw new CommentRefused('authorName', 'nameTooShort');
    if ([...authorName].length > NAME_MAX) throw new CommentRefused('authorName', 'nameTooLong');
  }
  return { text, authorName };
}
