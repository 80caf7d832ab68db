// The footer on every page: follow-us channels, the sections again, and the copyright line.
import { sectionHref } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { ChannelLinks } from './channel-links.js';

export function SiteFooter({ ctx }: { ctx: ViewContext }) {
  return (
    <footer class="site-footer">
      <ChannelLinks ctx={ctx} channels={ctx.channels} headingId="footer-channels-title" />
      <nav aria-label={ctx.t.reader.footerSections} class="site-footer__sections">
        <h2 id="footer-sections-title">{ctx.t.site.importantSections}</h2>
        <ul>
          {ctx.sections
            .filter((s) => s.parentId === null)
            .map((s) => (
              <li key={s.id}>
                <a href={sectionHref(s.slug)}>{s.name}</a>
              </li>
            ))}
        </ul>
      </nav>
      {(ctx.staticPages?.length ?? 0) + (ctx.menus?.footer.length ?? 0) > 0 ? (
        <nav aria-labelledby="footer-pages-title" class="site-footer__pages">
          <h2 id="footer-pages-title">{ctx.t.reader.aboutSite}</h2>
          <ul>
            {(ctx.staticPages ?? []).map((p) => (
              <li key={p.slug}>
                <a href={`/pages/${p.slug}`}>{p.title}</a>
              </li>
            ))}
            {(ctx.menus?.footer ?? []).map((link) => (
              <li key={`menu-${link.url}`}>
                <a href={link.url}>{link.label}</a>
              </li>
            ))}
            <li>
              <a href="/rss.xml">{ctx.t.site.rss}</a>
            </li>
          </ul>
        </nav>
      ) : null}
      <p class="site-footer__copy">
        {ctx.t.site.copyright(ctx.fmt.year(ctx.now), ctx.siteName)} — {ctx.t.site.allRightsReserved}
      </p>
    </footer>
  );
}
