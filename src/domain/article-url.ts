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

/** Article ids in URLs: 1 to 15 digits, no sign, no leading zero. Anything else is not an article. */
export function parseArticleId(raw: string): number | null {
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) return null;
  return Number(raw);
}
