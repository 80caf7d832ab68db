// Canonical public addresses of content: /{section}/{id}/{slug}. The id is authoritative, the slug decorative.
// Pure string rules; knows nothing of HTTP or the database.

/** The canonical path of an article. The slug is percent-encoded so the path is valid ASCII. */
export function articlePath(a: { readonly sectionSlug: string; readonly id: number; readonly slug: string }): string {
  const slug = a.slug ? `/${encodeURIComponent(a.slug)}` : '';
  return `/${encodeURIComponent(a.sectionSlug)}/${a.id}${slug}`;
}

export function sectionPath(slug: string): string {
  return `/${encodeURIComponent(slug)}`;
}

export function storyPath(slug: string): string {
  return `/stories/${encodeURIComponent(slug)}`;
}

export function tagPath(slug: string): string {
  return `/tags/${encodeURIComponent(slug)}`;
}

export function authorPath(slug: string): string {
  return `/authors/${encodeURIComponent(slug)}`;
}

/**
 * The largest id either database stores: PostgreSQL's `serial` is a 32-bit integer, and comparing a
 * larger number with it is an error there (SQLite would simply find nothing). Every id read from a
 * request is checked against it.
 */
export const MAX_ID = 2_147_483_647;

/** Article ids in URLs: 1 to 10 digits up to MAX_ID, no sign, no leading zero. Anything else is not an article. */
export function parseArticleId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}
