// Escaping of untrusted text for HTML text content and quoted attribute values.
// Must not know about markup structure, sanitizing of rich text, or URLs (escaping does not make a URL safe).

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes & < > " ' so the result is inert both as element text and inside a quoted attribute. */
export function escapeHtml(s: string): string {
  // Most text (and nearly all Arabic text) has none of these: answer without building a new string.
  if (!SPECIAL.test(s)) return s;
  return s.replace(SPECIAL_ALL, (ch) => ENTITIES[ch]!);
}
