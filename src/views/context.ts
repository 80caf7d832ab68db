// What every view receives besides its own data: site identity, the reader's messages and formatter,
// the site chrome (sections, channels) and asset URLs. Views never fetch anything themselves.
import type { Formatter, Locale, Messages } from '../i18n/index.js';
import type { Channel, Section } from '../domain/index.js';
import type { BreakingNews } from '../services/index.js';

export interface AssetUrls {
  readonly css: string;
  readonly fonts: readonly string[];
  /** Browser islands by name (client/<name>/main.ts), e.g. scripts['editor']. */
  readonly scripts?: Readonly<Record<string, string>>;
  /** The site icon (SVG) and the publisher logo for structured data (PNG, 512×512). */
  readonly icon: string;
  readonly logo: string;
  /** The video island that loads hls.js on demand where HLS is not played natively. */
  readonly videoPlayer: string;
}

export interface MenuLinkView {
  readonly label: string;
  readonly url: string;
}

export interface ViewContext {
  readonly siteName: string;
  readonly publicUrl: string;
  readonly locale: Locale;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  readonly t: Messages;
  readonly fmt: Formatter;
  readonly assets: AssetUrls;
  readonly sections: readonly Section[];
  readonly channels: readonly Channel[];
  /** Request time, for relative dates and the copyright year. */
  readonly now: number;
  /** Show the مباشر badge as "on air" (a live blog or stream is running). */
  readonly liveOn: boolean;
  /** Live coverage (issue 7): the breaking banner, the event id the page is current to, and the page's own event stream. */
  readonly breaking?: BreakingNews | null;
  readonly liveSeq?: number;
  readonly liveEvents?: string;
  /** The outlet's static pages (about, contact, …) linked from the footer. */
  readonly staticPages?: ReadonlyArray<{ readonly slug: string; readonly title: string }>;
  /** Links curated in the newsroom's menus. */
  readonly menus?: { readonly main: ReadonlyArray<MenuLinkView>; readonly footer: ReadonlyArray<MenuLinkView> };
}

/** Document-level metadata of a page. */
export interface PageMeta {
  readonly title: string;
  readonly description?: string;
  /** Path of the canonical URL, e.g. "/politics/12/…". */
  readonly canonicalPath?: string;
  readonly noindex?: boolean;
  readonly image?: { readonly url: string; readonly width: number; readonly height: number; readonly alt: string };
  readonly type?: 'website' | 'article' | 'video.other';
  /** Structured data objects, each rendered as one JSON-LD script. */
  readonly jsonLd?: readonly object[];
  /** Previous and next pages of a paginated list (absolute paths). */
  readonly prevPath?: string;
  readonly nextPath?: string;
  /** An RSS feed for this page, besides the site's. */
  readonly feed?: { readonly title: string; readonly path: string };
  readonly article?: {
    readonly publishedTime: string;
    readonly modifiedTime: string;
    readonly section: string;
    readonly tags: readonly string[];
  };
}
