// What every newsroom view receives: the member's language and messages, the signed-in member (if any),
// the session's CSRF token for forms, the menu they may use and the newsroom stylesheet.
// Views never decide permissions: the HTTP layer hands them a menu already filtered by the access rules.
import type { Formatter, Locale, Messages } from '../../i18n/index.js';
import type { Role } from '../../domain/index.js';

export interface NewsroomNavItem {
  readonly href: string;
  readonly label: string;
}

export interface NewsroomViewContext {
  readonly siteName: string;
  readonly locale: Locale;
  readonly lang: string;
  readonly dir: 'rtl' | 'ltr';
  readonly t: Messages;
  readonly fmt: Formatter;
  /** Hashed URL of public/css/newsroom.css. */
  readonly css: string;
  /** Hashed URL of the site icon. */
  readonly icon: string;
  /** Hashed URLs of the client islands a page may load (`<script type="module" src>`, never inline). */
  readonly scripts: Readonly<Record<string, string>>;
  readonly user: { readonly id: number; readonly displayName: string; readonly role: Role } | null;
  /** The token every form posts back in `_csrf` (and fetch sends as `x-csrf-token`). */
  readonly csrfToken: string;
  readonly nav: readonly NewsroomNavItem[];
  /** Path of the current page, to mark the current menu item. */
  readonly path: string;
  readonly now: number;
}
