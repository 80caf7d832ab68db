import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createFormatter, type FormatOptions } from './formatter.js';

const riyadh = (extra: Partial<FormatOptions> = {}) =>
  createFormatter({ locale: 'ar', timeZone: 'Asia/Riyadh', digits: 'latn', ...extra });
const at = (iso: string) => new Date(iso);

test('articleCount follows every Arabic plural category', () => {
  const f = riyadh();
  const expected: Record<number, string> = {
    0: 'لا أخبار',
    1: '1 خبر',
    2: '2 خبران',
    3: '3 أخبار',
    10: '10 أخبار',
    11: '11 خبرًا',
    49: '49 خبرًا',
    99: '99 خبرًا',
    100: '100 خبر',
    101: '101 خبر',
    102: '102 خبر',
    103: '103 أخبار',
  };
  for (const [n, text] of Object.entries(expected)) assert.equal(f.articleCount(Number(n)), text, `n=${n}`);
});

test('articleCount in Arabic-Indic digits', () => {
  const f = riyadh({ digits: 'arab' });
  assert.equal(f.articleCount(49), '٤٩ خبرًا');
  assert.equal(f.articleCount(1), '١ خبر');
  assert.equal(f.articleCount(103), '١٠٣ أخبار');
});

test('commentCount and minutesRead use plural categories', () => {
  const f = riyadh();
  assert.deepEqual([0, 1, 2, 3, 11, 100].map(f.commentCount), [
    'لا تعليقات', '1 تعليق', '2 تعليقان', '3 تعليقات', '11 تعليقًا', '100 تعليق',
  ]);
  assert.deepEqual([1, 2, 3, 11, 100].map(f.minutesRead), [
    'دقيقة واحدة للقراءة', 'دقيقتان للقراءة', '3 دقائق للقراءة', '11 دقيقة للقراءة', '100 دقيقة للقراءة',
  ]);
});

test('English counts', () => {
  const f = createFormatter({ locale: 'en', timeZone: 'UTC', digits: 'latn' });
  assert.deepEqual([0, 1, 2, 49].map(f.articleCount), ['0 articles', '1 article', '2 articles', '49 articles']);
  assert.equal(f.commentCount(1), '1 comment');
  assert.equal(f.minutesRead(3), 'Reading time: 3 minutes');
  assert.equal(f.pluralCategory(1), 'one');
});

test('pluralCategory uses the Arabic rules', () => {
  const f = riyadh();
  assert.deepEqual([0, 1, 2, 3, 11, 100, 103, 111].map(f.pluralCategory), [
    'zero', 'one', 'two', 'few', 'many', 'other', 'few', 'many',
  ]);
});

test('date is computed in the configured zone, across midnight', () => {
  const lateUtc = at('2026-11-29T21:30:00Z'); // 00:30 on the 30th in Riyadh
  assert.equal(riyadh().date(lateUtc), '30 نوفمبر 2026');
  assert.equal(createFormatter({ locale: 'ar', timeZone: 'UTC', digits: 'latn' }).date(lateUtc), '29 نوفمبر 2026');
  assert.equal(riyadh({ digits: 'arab' }).date(lateUtc), '٣٠ نوفمبر ٢٠٢٦');
  assert.equal(riyadh().date(lateUtc.getTime()), '30 نوفمبر 2026');
});

test('dateTime, time and year', () => {
  const t = at('2026-11-29T11:05:00Z');
  assert.equal(riyadh().dateTime(t), '29 نوفمبر 2026، 14:05');
  assert.equal(riyadh({ digits: 'arab' }).dateTime(t), '٢٩ نوفمبر ٢٠٢٦، ١٤:٠٥');
  assert.equal(riyadh().time(at('2026-11-29T21:05:00Z')), '00:05');
  assert.equal(createFormatter({ locale: 'en', timeZone: 'Asia/Riyadh', digits: 'latn' }).dateTime(t), '29 November 2026, 14:05');
  assert.equal(riyadh().year(at('2026-12-31T21:30:00Z')), '2027');
  assert.equal(riyadh({ digits: 'arab' }).year(t), '٢٠٢٦');
});

test('hijriDate uses the Umm al-Qura calendar', () => {
  const t = at('2026-11-29T11:05:00Z');
  assert.equal(riyadh().hijriDate(t), '19 جمادى الآخرة 1448 هـ');
  assert.equal(riyadh({ digits: 'arab' }).hijriDate(t), '١٩ جمادى الآخرة ١٤٤٨ هـ');
  assert.equal(riyadh({ hijri: true }).hijri, true);
  assert.equal(riyadh().hijri, false);
});

test('iso carries the offset of the configured zone, including DST', () => {
  const iso = (timeZone: string, t: string) => createFormatter({ locale: 'ar', timeZone, digits: 'arab' }).iso(at(t));
  assert.equal(iso('Asia/Riyadh', '2026-11-29T11:05:00Z'), '2026-11-29T14:05:00+03:00');
  assert.equal(iso('Asia/Riyadh', '2026-11-29T21:30:00Z'), '2026-11-30T00:30:00+03:00');
  assert.equal(iso('Europe/London', '2026-07-01T12:00:00Z'), '2026-07-01T13:00:00+01:00');
  assert.equal(iso('Europe/London', '2026-01-15T12:00:00Z'), '2026-01-15T12:00:00+00:00');
  assert.equal(iso('UTC', '2026-01-15T12:00:00.999Z'), '2026-01-15T12:00:00+00:00');
  assert.equal(iso('America/New_York', '2026-01-15T03:00:00Z'), '2026-01-14T22:00:00-05:00');
  assert.equal(iso('Asia/Kathmandu', '2026-01-15T12:00:00Z'), '2026-01-15T17:45:00+05:45');
  const t = at('2026-03-29T00:59:59Z'); // one second before London switches to summer time
  assert.equal(Date.parse(iso('Europe/London', t.toISOString())), t.getTime());
});

test('number follows the digit system', () => {
  assert.equal(riyadh().number(1234567), '1,234,567');
  assert.equal(riyadh({ digits: 'arab' }).number(1234567), '١٬٢٣٤٬٥٦٧');
});

test('relative: minutes and hours up to a day, then the date', () => {
  const f = riyadh();
  const now = at('2026-11-29T12:00:00Z');
  const ago = (ms: number) => f.relative(now.getTime() - ms, now);
  assert.equal(ago(30_000), 'الآن');
  assert.equal(ago(-30_000), 'الآن');
  assert.equal(ago(60_000), 'قبل دقيقة واحدة');
  assert.equal(ago(5 * 60_000 + 59_000), 'قبل 5 دقائق');
  assert.equal(ago(2 * 3_600_000), 'قبل ساعتين');
  assert.equal(ago(24 * 3_600_000 - 1), 'قبل 23 ساعة');
  assert.equal(ago(24 * 3_600_000), '28 نوفمبر 2026');
  assert.equal(ago(-3_600_000), '29 نوفمبر 2026');
  assert.equal(riyadh({ digits: 'arab' }).relative(now.getTime() - 5 * 60_000, now), 'قبل ٥ دقائق');
  const en = createFormatter({ locale: 'en', timeZone: 'UTC', digits: 'latn' });
  assert.equal(en.relative(now.getTime() - 5 * 60_000, now), '5 minutes ago');
});

test('an unknown time zone fails when the formatter is created', () => {
  assert.throws(() => createFormatter({ locale: 'ar', timeZone: 'Mars/Olympus', digits: 'latn' }), RangeError);
});

test('Intl objects are built once per formatter, never per call', () => {
  const constructors = ['DateTimeFormat', 'NumberFormat', 'RelativeTimeFormat', 'PluralRules'] as const;
  const originals = constructors.map((name) => Intl[name]);
  let built = 0;
  for (const name of constructors) {
    const Original = Intl[name];
    Object.defineProperty(Intl, name, {
      configurable: true,
      writable: true,
      value: new Proxy(Original, { construct: (target, args) => (built++, Reflect.construct(target, args)) }),
    });
  }
  try {
    const f = riyadh({ hijri: true });
    const afterCreate = built;
    assert.ok(afterCreate >= 7);
    const t = at('2026-11-29T11:05:00Z');
    for (let i = 0; i < 3; i++) {
      f.date(t); f.dateTime(t); f.time(t); f.year(t); f.hijriDate(t); f.iso(t); f.number(i);
      f.relative(t, t.getTime() + i * 3_600_000); f.articleCount(i); f.commentCount(i); f.minutesRead(i);
    }
    assert.equal(built, afterCreate);
  } finally {
    constructors.forEach((name, i) => Object.defineProperty(Intl, name, { configurable: true, writable: true, value: originals[i] }));
  }
});

test('remembered dates are the ones Intl makes, for Date and number inputs, past the memory bound', () => {
  const f = riyadh({ digits: 'arab' });
  const date = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-arab', { timeZone: 'Asia/Riyadh', day: 'numeric', month: 'long', year: 'numeric' });
  const time = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-arab', { timeZone: 'Asia/Riyadh', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const hijri = new Intl.DateTimeFormat('ar-u-ca-islamic-umalqura-nu-arab', { timeZone: 'Asia/Riyadh', day: 'numeric', month: 'long', year: 'numeric' });
  // Instants from a small pool (asked again and again) and from everywhere (filling the memory past its bound).
  const instant = fc.oneof(fc.integer({ min: 0, max: 30 }).map((i) => 1_796_457_069_817 + i * 3_600_000), fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }));
  fc.assert(
    fc.property(instant, fc.boolean(), fc.integer({ min: 0, max: 49 }), (ms, asDate, one) => {
      const t = asDate ? new Date(ms) : ms;
      assert.equal(f.date(t), date.format(ms));
      assert.equal(f.time(t), time.format(ms));
      assert.equal(f.hijriDate(t), hijri.format(ms));
      // A fresh formatter has remembered nothing (made for one run in fifty: making one is slow).
      if (one === 0) assert.equal(f.iso(t), riyadh({ digits: 'arab' }).iso(ms));
      assert.match(f.iso(t), /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}$/);
    }),
    { numRuns: 5000, seed: 8 },
  );
});

test('dates, times and offsets stay exact across DST switches, where a day keeps no single offset', () => {
  for (const timeZone of ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago']) {
    const f = createFormatter({ locale: 'ar', timeZone, digits: 'latn' });
    const date = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
    const time = new Intl.DateTimeFormat('ar-u-ca-gregory-nu-latn', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const parts = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });
    const iso = (ms: number) => {
      const p = Object.fromEntries(parts.formatToParts(ms).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${(p.timeZoneName ?? 'GMT').slice(3, 9) || '+00:00'}`;
    };
    // Every minute-ish of a few switching days, and instants anywhere from 1970 to 2100.
    const switching = [Date.UTC(2026, 2, 8), Date.UTC(2026, 10, 1), Date.UTC(2026, 2, 29), Date.UTC(2026, 9, 25), Date.UTC(2026, 3, 5), Date.UTC(2026, 9, 4), Date.UTC(2026, 8, 6)];
    const instant = fc.oneof(
      fc.tuple(fc.constantFrom(...switching), fc.integer({ min: -86_400_000, max: 2 * 86_400_000 })).map(([d, off]) => d + off),
      fc.integer({ min: 0, max: 4_102_444_800_000 }),
    );
    fc.assert(
      fc.property(instant, (ms) => {
        assert.equal(f.iso(ms), iso(ms), `${timeZone} ${new Date(ms).toISOString()}`);
        assert.equal(f.date(ms), date.format(ms));
        assert.equal(f.time(ms), time.format(ms));
      }),
      { numRuns: 3000, seed: 5 },
    );
  }
});
