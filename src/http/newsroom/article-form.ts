// Turns the article editor's form (with or without JavaScript) into the publishing service's input:
// the structured body from the editor island when present, else paragraphs from the plain textarea;
// and the publication time typed in the site's time zone into UTC milliseconds.
import { z } from 'zod';
import { ARTICLE_TYPES, COMMENT_MODES, InvalidInput, MAX_ID, type Block } from '../../domain/index.js';
import type { ArticleInput, ArticleSnapshot } from '../../services/index.js';
import { bodyAsText } from '../../views/index.js';
import { formIds } from './form-input.js';

const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().max(max));

export const INTENTS = ['save', 'autosave', 'submit', 'publish', 'schedule', 'returnToDraft', 'unpublish'] as const;
export type Intent = (typeof INTENTS)[number];

const editorForm = z.object({
  title: text(2000),
  lead: text(5000),
  bodyText: text(1_000_000),
  bodyJson: text(2_000_000),
  sectionId: z.coerce.number().int().min(0).max(MAX_ID).catch(0),
  type: z.enum(ARTICLE_TYPES).catch('news'),
  heroMediaId: text(20),
  heroCaption: text(2000),
  heroCredit: text(1000),
  source: text(1000),
  storyIds: formIds,
  authorIds: formIds,
  tags: text(5000),
  commentsMode: z.enum(COMMENT_MODES).catch('open'),
  seoTitle: text(1000),
  seoDescription: text(2000),
  correction: text(3000),
  revision: z.coerce.number().int().min(0).max(MAX_ID).optional().catch(undefined),
  intent: z.enum(INTENTS).catch('save'),
  publishAt: text(40),
});
export type EditorForm = z.output<typeof editorForm>;

export function parseEditorForm(body: unknown): EditorForm {
  return editorForm.parse(body ?? {});
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Paragraphs separated by blank lines; single line breaks stay inside the paragraph. */
export function paragraphsFromText(s: string): Block[] {
  return s
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'paragraph' as const, content: [{ text: p }] }));
}

/**
 * The service input from the form. Without JavaScript the body comes from the textarea; when that text
 * is unchanged, the stored structured body (quotes, images, embeds) is kept as it was.
 */
export function articleInputFromForm(f: EditorForm, current: ArticleSnapshot | null): ArticleInput {
  let body: unknown;
  if (f.bodyJson.trim() !== '') {
    try {
      body = JSON.parse(f.bodyJson);
    } catch {
      throw new InvalidInput('لم يُحفظ المقال: نص المقال تالف.', { body: 'تعذّرت قراءة نص المقال؛ أعد المحاولة.' });
    }
  } else if (current && f.bodyText.replace(/\r\n?/g, '\n').trim() === bodyAsText(current.body).trim()) {
    body = current.body;
  } else {
    body = paragraphsFromText(f.bodyText);
  }
  const hero = f.heroMediaId.trim();
  const heroId = hero === '' ? null : Number(hero);
  if (heroId !== null && !(Number.isInteger(heroId) && heroId > 0)) {
    throw new InvalidInput('لم يُحفظ المقال: بعض الحقول غير صالحة.', { heroMediaId: 'رقم الصورة غير صالح.' });
  }
  return {
    sectionId: f.sectionId,
    type: f.type,
    title: f.title,
    lead: f.lead,
    body: body as ArticleInput['body'],
    heroMediaId: heroId,
    heroCaption: orNull(f.heroCaption),
    heroCredit: orNull(f.heroCredit),
    source: orNull(f.source),
    authorIds: f.authorIds,
    tags: f.tags
      .split(/[,،]/)
      .map((x) => x.trim())
      .filter(Boolean),
    storyIds: f.storyIds,
    commentsMode: f.commentsMode,
    seoTitle: orNull(f.seoTitle),
    seoDescription: orNull(f.seoDescription),
  };
}

/** The snapshot to show again in the form after a refused save (what the member typed). */
export function snapshotFromInput(i: ArticleInput, fallback: ArticleSnapshot): ArticleSnapshot {
  return {
    sectionId: i.sectionId,
    type: i.type ?? fallback.type,
    title: i.title,
    lead: i.lead ?? '',
    body: Array.isArray(i.body) ? (i.body as Block[]) : fallback.body,
    heroMediaId: i.heroMediaId ?? null,
    heroCaption: i.heroCaption ?? null,
    heroCredit: i.heroCredit ?? null,
    source: i.source ?? null,
    authorIds: i.authorIds ?? [],
    tags: i.tags ?? [],
    storyIds: i.storyIds ?? [],
    commentsMode: i.commentsMode ?? 'open',
    seoTitle: i.seoTitle ?? null,
    seoDescription: i.seoDescription ?? null,
  };
}

function zoneOffset(utc: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(utc);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - (utc - (utc % 1000));
}

/** "2026-11-29T14:30" in the site's time zone → UTC milliseconds; null when malformed. */
export function localInputToUtc(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (!Number.isFinite(guess)) return null;
  let utc = guess - zoneOffset(guess, timeZone);
  utc = guess - zoneOffset(utc, timeZone);
  return utc;
}

/** UTC milliseconds → the datetime-local value in the site's time zone. */
export function utcToLocalInput(utc: number, timeZone: string): string {
  const local = new Date(utc + zoneOffset(utc, timeZone));
  return local.toISOString().slice(0, 16);
}
