// Step 4: a comment's plain text → safe HTML: paragraphs on blank lines, line breaks, http(s) URLs
// auto-linked with rel="ugc nofollow noopener", then sanitize-html with a three-tag allowlist as the
// last word. Readers never send HTML; whatever they typed is text.
import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from '../../../text/index.js';

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`\u00A0\u200B]+/giu;
const TRAILING = /[.,;:!?،؛؟)\]}»"'’”]+$/u;
export const LINK_REL = 'ugc nofollow noopener';

const ALLOW: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: { a: (_tag, attribs) => ({ tagName: 'a', attribs: { ...(attribs['href'] ? { href: attribs['href'] } : {}), rel: LINK_REL } }) },
};

function linkify(line: string): { html: string; links: number } {
  let html = '';
  let last = 0;
  let links = 0;
  for (const m of line.matchAll(URL)) {
    let url = m[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    if (trail) url = url.slice(0, -trail.length);
    if (url.length < 5) continue;
    const start = m.index;
    html += escapeHtml(line.slice(last, start));
    const href = url.toLowerCase().startsWith('www.') ? `https://${url}` : url;
    html += `<a href="${escapeHtml(href)}" rel="${LINK_REL}">${escapeHtml(url)}</a>`;
    last = start + url.length;
    links++;
  }
  return { html: html + escapeHtml(line.slice(last)), links };
}

export function renderCommentHtml(text: string): { html: string; hasLinks: boolean } {
  let links = 0;
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) =>
      p
        .split('\n')
        .map((line) => {
          const r = linkify(line);
          links += r.links;
          return r.html;
        })
        .join('<br />'),
    );
  const html = sanitizeHtml(paragraphs.map((p) => `<p>${p}</p>`).join(''), ALLOW);
  return { html, hasLinks: links > 0 };
}
