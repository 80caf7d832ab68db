// The masthead on every page: site name, the مباشر link, the sections navigation (أقسام مهمة)
// and a menu that opens without JavaScript (<details>) holding sections and follow-us channels.
import type { Section } from '../../domain/index.js';
import { sectionHref } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { SearchIcon } from '../parts/icons.js';
import { ChannelLinks } from './channel-links.js';

function topLevel(sections: readonly Section[]): Section[] {
  return sections.filter((s) => s.parentId === null && s.inNav);
}

function SectionList({ sections, all }: { sections: readonly Section[]; all: readonly Section[] }) {
  return (
    <ul>
      {sections.map((s) => {
        const children = all.filter((c) => c.parentId === s.id && c.inNav);
        return (
          <li key={s.id}>
            <a href={sectionHref(s.slug)}>{s.name}</a>
            {children.length > 0 ? <SectionList sections={children} all={all} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function SiteHeader({ ctx }: { ctx: ViewContext }) {
  const top = topLevel(ctx.sections);
  return (
    <header class="masthead">
      <div class="masthead__bar">
        <a class="masthead__name" href="/">
          {ctx.siteName}
        </a>
        <form class="search-form" action="/search" method="get" role="search">
          <label class="visually-hidden" for="site-search">
            {ctx.t.reader.searchLabel}
          </label>
          <input id="site-search" class="search-form__input" type="search" name="q" placeholder={ctx.t.site.searchPlaceholder} />
          <button class="search-form__submit" type="submit">
            <SearchIcon />
            <span class="visually-hidden">{ctx.t.reader.searchSubmit}</span>
          </button>
        </form>
        <a class={ctx.liveOn ? 'live-link live-link--on' : 'live-link'} href="/live">
          <span class="live-link__dot" aria-hidden="true"></span>
          {ctx.t.site.live}
        </a>
        <details class="menu">
          <summary class="menu__toggle">{ctx.t.site.menu}</summary>
          <div class="menu__panel">
            <nav aria-label={ctx.t.reader.menuSections}>
              <h2 id="menu-sections-title" class="menu__title">
                {ctx.t.site.importantSections}
              </h2>
              <SectionList sections={top} all={ctx.sections} />
            </nav>
            <ChannelLinks ctx={ctx} channels={ctx.channels} headingId="menu-channels-title" />
          </div>
        </details>
      </div>
      <nav class="sections-nav" aria-label={ctx.t.site.importantSections}>
        <ul>
          <li>
            <a href="/">{ctx.t.site.home}</a>
          </li>
          {top.map((s) => (
            <li key={s.id}>
              <a href={sectionHref(s.slug)}>{s.name}</a>
            </li>
          ))}
          {(ctx.menus?.main ?? []).map((link) => (
            <li key={`menu-${link.url}`}>
              <a href={link.url}>{link.label}</a>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
