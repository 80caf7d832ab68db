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

// The `*Href` forms are the same paths as IRIs, for the `href` of a link on the site's own pages: a slug made
// only of letters, marks, digits and `-._~` stays as written ("/stories/حرب-السودان"), anything else is
// percent-encoded as in the paths. A browser encodes an IRI itself when it follows the link, and the reader's
// status bar shows Arabic, not %D8%AD…; the page is smaller (an encoded Arabic letter is six bytes, written it
// is two: an article page's links are about a sixth of its bytes). Never for what leaves as a whole URL: HTTP
// headers, absolute URLs (canonical, og:url, JSON-LD, feeds, sitemaps) use the ASCII paths above.
const IRI_SEGMENT = /^[\p{L}\p{M}\p{N}._~-]*$/u;
const hrefSegment = (s: string): string => (IRI_SEGMENT.test(s) ? s : encodeURIComponent(s));

export function articleHref(a: { readonly sectionSlug: string; readonly id: number; readonly slug: string }): string {
  const slug = a.slug ? `/${hrefSegment(a.slug)}` : '';
  return `/${hrefSegment(a.sectionSlug)}/${a.id}${slug}`;
}

export function sectionHref(slug: string): string {
  return `/${hrefSegment(slug)}`;
}

export function storyHref(slug: string): string {
  return `/stories/${hrefSegment(slug)}`;
}

export function tagHref(slug: string): string {
  return `/tags/${hrefSegment(slug)}`;
}

export function authorHref(slug: string): string {
  return `/authors/${hrefSegment(slug)}`;
}

/**
 * A query value in an href, as an IRI: letters, marks and digits as written, anything else (`&`, `=`, `#`, `%`,
 * spaces, `/`, bidi controls) percent-encoded — what `encodeURIComponent` gives once the receiving site decodes it.
 */
export function hrefComponent(value: string): string {
  return value.replace(/[^\p{L}\p{M}\p{N}._~-]+/gu, encodeURIComponent);
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
