// The languages the site speaks and the document facts each one implies (lang attribute, direction).
// Must not know any message text or formatting rules; those live in the catalogue and the formatter.

export type Locale = 'ar' | 'en';

export const locales: readonly Locale[] = ['ar', 'en'];

export const localeInfo: Readonly<Record<Locale, { readonly lang: string; readonly dir: 'rtl' | 'ltr' }>> = {
  ar: { lang: 'ar', dir: 'rtl' },
  en: { lang: 'en', dir: 'ltr' },
};
