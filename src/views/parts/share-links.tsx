// Share links under an article: plain links to each network's share address — no third-party script,
// nothing loads from another site until the reader clicks.
// The article's address and title go in as IRIs (Arabic as written, hrefComponent): each network decodes the
// same address and text as from percent-encoding, and the page does not carry the address six times at nine
// bytes a letter (an encoded URL, encoded again).
import { articleHref, hrefComponent, type ArticleAddress } from '../../domain/index.js';
import type { ViewContext } from '../context.js';

export function ShareLinks({ ctx, article }: { ctx: ViewContext; article: ArticleAddress & { readonly title: string } }) {
  const u = hrefComponent(`${ctx.publicUrl}${articleHref(article)}`);
  const t = hrefComponent(article.title);
  const r = ctx.t.reader;
  const links: Array<[string, string, string]> = [
    ['x', ctx.t.channels.x, `https://x.com/intent/post?url=${u}&text=${t}`],
    ['facebook', ctx.t.channels.facebook, `https://www.facebook.com/sharer/sharer.php?u=${u}`],
    ['telegram', ctx.t.channels.telegram, `https://t.me/share/url?url=${u}&text=${t}`],
    ['whatsapp', ctx.t.channels.whatsapp, `https://wa.me/?text=${t}%20${u}`],
    ['linkedin', r.linkedin, `https://www.linkedin.com/sharing/share-offsite/?url=${u}`],
    ['email', r.email, `mailto:?subject=${t}&body=${u}`],
  ];
  return (
    <section class="share" aria-labelledby="share-title">
      <h2 id="share-title" class="share__title">
        {r.shareTitle}
      </h2>
      <ul class="share__list">
        {links.map(([kind, name, href]) => (
          <li key={kind}>
            <a class={`share__link share__link--${kind}`} href={href} rel="noopener noreferrer" aria-label={r.shareOn(name)}>
              {name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
