// Front door of i18n: typed Arabic-first message catalogues and Intl-based formatting. Pure, no I/O.
// Must not know about HTTP, views, the database or where the site's locale settings are stored.
export { type Locale, locales, localeInfo } from './locale.js';
export { type Messages, ar } from './ar.js';
export { en } from './en.js';
export { messages } from './messages.js';
export { type CountMessage, type PluralForms, plural } from './plural.js';
export { type FormatOptions, type Formatter, type TimeInput, createFormatter } from './formatter.js';
