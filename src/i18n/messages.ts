// Picks the message catalogue for a locale.
// Must not know any message text; the catalogues own it.
import { ar, type Messages } from './ar.js';
import { en } from './en.js';
import type { Locale } from './locale.js';

const catalogues: Readonly<Record<Locale, Messages>> = { ar, en };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}
