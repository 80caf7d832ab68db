// Formats dates (Gregorian and Hijri), numbers, counts and relative times for one locale, zone and digit system.
// Must not know where the options come from (site config) or what the page looks like; it only returns strings.
import { messages } from './messages.js';
import type { Locale } from './locale.js';

export interface FormatOptions {
  locale: Locale;
  /** IANA zone, e.g. "Asia/Riyadh"; an unknown zone throws a RangeError from createFormatter. */
  timeZone: string;
  /** Western digits (0-9) or Arabic-Indic digits (٠-٩). */
  digits: 'latn' | 'arab';
  /** Whether the site shows the Hijri date alongside the Gregorian one; hijriDate() works either way. */
  hijri?: boolean;
}

export type TimeInput = Date | number;

export interface Formatter {
  readonly locale: Locale;
  readonly hijri: boolean;
  /** "29 نوفمبر 2026" */
  date(t: TimeInput): string;
  /** "29 نوفمبر 2026، 14:05" */
  dateTime(t: TimeInput): string;
  /** "14:05" (24-hour clock) */
  time(t: TimeInput): string;
  /** "2026", without grouping separators (for copyright lines) */
  year(t: TimeInput): string;
  /** "19 جمادى الآخرة 1448 هـ" (Umm al-Qura calendar) */
  hijriDate(t: TimeInput): string;
  /** "2026-11-29T14:05:00+03:00", always Western digits, for <time datetime> */
  iso(t: TimeInput): string;
  number(n: number): string;
  /** "قبل 5 دقائق" up to 24 hours before `now`, then the date */
  relative(t: TimeInput, now: TimeInput): string;
  pluralCategory(n: number): Intl.LDMLPluralRule;
  /** "49 خبرًا" */
  articleCount(n: number): string;
  /** "3 تعليقات" */
  commentCount(n: number): string;
  /** "3 دقائق للقراءة" */
  minutesRead(n: number): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Strings and offsets remembered (bounded: a map starts afresh when full). */
const REMEMBERED = 4096;

/** `format` with its results kept under `key(t)`: every instant with the same key formats to the same string. */
function remembered(format: (t: number) => string, key: (t: number) => number = (t) => t): (t: TimeInput) => string {
  let seen = new Map<number, string>();
  return (t) => {
    const ms = +t;
    const k = key(ms);
    let s = seen.get(k);
    if (s === undefined) {
      s = format(ms);
      if (seen.size >= REMEMBERED) seen = new Map();
      seen.set(k, s);
    }
    return s;
  };
}

// English dates read day-first ("29 November 2026"), matching the Arabic order and a 24-hour clock.
const languageTag: Record<Locale, string> = { ar: 'ar', en: 'en-GB' };

/** Create once per site and locale (not per request): every Intl object is built here and reused. */
export function createFormatter(o: FormatOptions): Formatter {
  const { locale, timeZone, digits } = o;
  const base = languageTag[locale];
  const gregory = `${base}-u-ca-gregory-nu-${digits}`;
  const dayMonthYear = { day: 'numeric', month: 'long', year: 'numeric' } as const;
  const hourMinute = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

  const dateFormat = new Intl.DateTimeFormat(gregory, { timeZone, ...dayMonthYear });
  const timeFormat = new Intl.DateTimeFormat(gregory, { timeZone, ...hourMinute });
  const yearFormat = new Intl.DateTimeFormat(gregory, { timeZone, year: 'numeric' });
  const hijriFormat = new Intl.DateTimeFormat(`${base}-u-ca-islamic-umalqura-nu-${digits}`, { timeZone, ...dayMonthYear });
  const isoFormat = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...hourMinute,
    second: '2-digit',
    timeZoneName: 'longOffset',
  });
  const numberFormat = new Intl.NumberFormat(`${base}-u-nu-${digits}`);
  const relativeFormat = new Intl.RelativeTimeFormat(`${base}-u-nu-${digits}`, { numeric: 'always' });
  const pluralRules = new Intl.PluralRules(base);
  const m = messages(locale);

  // The zone's offset from UTC at an instant ("+03:00" and minutes), from ICU. An offset changes at most once a
  // day (a DST switch): a UTC day whose first and last millisecond have the same offset has it throughout and
  // is remembered; a switching day asks ICU for each instant.
  const offsetOf = (t: number) => {
    const name = isoFormat.formatToParts(t).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    // "GMT+03:00" → "+03:00"; ICU writes bare "GMT" for a zero offset, and seconds only for pre-1900 local mean time.
    const text = name.slice(3, 9) || '+00:00';
    const minutes = (text[0] === '-' ? -1 : 1) * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
    return { text, ms: minutes * MINUTE };
  };
  let offsetsByDay = new Map<number, { text: string; ms: number } | null>();
  const offset = (t: number) => {
    const day = Math.floor(t / DAY);
    let steady = offsetsByDay.get(day);
    if (steady === undefined) {
      const first = offsetOf(day * DAY);
      const last = offsetOf(day * DAY + DAY - 1);
      steady = first.text === last.text ? first : null;
      if (offsetsByDay.size >= REMEMBERED) offsetsByDay = new Map();
      offsetsByDay.set(day, steady);
    }
    return steady ?? offsetOf(t);
  };
  /** The local calendar day and minute of an instant: what a date and a clock time show. */
  const localDay = (t: number) => Math.floor((t + offset(t).ms) / DAY);
  const localMinute = (t: number) => Math.floor((t + offset(t).ms) / MINUTE);

  const date = remembered((t) => dateFormat.format(t), localDay);
  const time = remembered((t) => timeFormat.format(t), localMinute);
  const number = (n: number): string => numberFormat.format(n);
  const pluralCategory = (n: number): Intl.LDMLPluralRule => pluralRules.select(n);

  return {
    locale,
    hijri: o.hijri ?? false,
    date,
    time,
    number,
    pluralCategory,
    dateTime: (t) => m.time.dateTime(date(t), time(t)),
    year: (t) => yearFormat.format(t),
    hijriDate: remembered((t) => hijriFormat.format(t), localDay),
    iso: remembered((t) => {
      const o = offset(t);
      // The local wall time is the UTC time shifted by the offset; years 0–9999 as four digits.
      return `${new Date(Math.floor(t / 1000) * 1000 + o.ms).toISOString().slice(0, 19)}${o.text}`;
    }),
    relative: (t, now) => {
      const elapsed = +now - +t;
      if (elapsed >= DAY || elapsed <= -MINUTE) return date(t);
      if (elapsed < MINUTE) return m.time.justNow;
      if (elapsed < HOUR) return relativeFormat.format(-Math.floor(elapsed / MINUTE), 'minute');
      return relativeFormat.format(-Math.floor(elapsed / HOUR), 'hour');
    },
    articleCount: (n) => m.story.articleCount(number(n), pluralCategory(n)),
    commentCount: (n) => m.article.commentCount(number(n), pluralCategory(n)),
    minutesRead: (n) => m.article.readingTime(m.time.minutes(number(n), pluralCategory(n))),
  };
}
