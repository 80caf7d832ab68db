// Canonical public addresses of content: /{section}/{id}/{slug}. The id is authoritative, the slug decorative.
// Pure string rules; knows nothing of HTTP or the database.

/** What an article's address is made of. */
export type ArticleAddress = { readonly sectionSlug: string; readonly id: number; readonly slug: string };

/** The address of every kind of page, with each slug written by `segment`. */
function addresses(segment: (slug: string) => string) {
  return {
    article: (a: ArticleAddress): string => `/${segment(a.sectionSlug)}/${a.id}${a.slug ? `/${segment(a.slug)}` : ''}`,
    section: (slug: string): string => `/${segment(slug)}`,
    story: (slug: string): string => `/stories/${segment(slug)}`,
    tag: (slug: string): string => `/tags/${segment(slug)}`,
    author: (slug: string): string => `/authors/${segment(slug)}`,
  };
}

// The `*Path` forms are canonical paths, slugs percent-encoded so the path is valid ASCII: for whatever leaves as
// a whole URL — HTTP headers, absolute URLs (canonical, og:url, JSON-LD, feeds, sitemaps).
const paths = addresses(encodeURIComponent);
export const articlePath = paths.article;
export const sectionPath = paths.section;
export const storyPath = paths.story;
export const tagPath = paths.tag;
export const authorPath = paths.author;

// The `*Href` forms are the same paths as IRIs, for the `href` of a link on the site's own pages: a slug made
// only of letters, marks, digits and `-._~` stays as written ("/stories/حرب-السودان"), anything else is
// percent-encoded as in the paths. A browser encodes an IRI itself when it follows the link, and the reader's
// status bar shows Arabic, not %D8%AD…; the page is smaller (an encoded Arabic letter is six bytes, written it
// is two: an article page's links were about a sixth of its bytes).
const IRI_SEGMENT = /^[\p{L}\p{M}\p{N}._~-]*$/u;
const hrefs = addresses((s) => (IRI_SEGMENT.test(s) ? s : encodeURIComponent(s)));
export const articleHref = hrefs.article;
export const sectionHref = hrefs.section;
export const storyHref = hrefs.story;
export const tagHref = hrefs.tag;
export const authorHref = hrefs.author;

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
