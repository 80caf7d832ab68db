import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkWords, createWordMatcher } from './word-list-step.js';
import { normalizeForMatching } from './normalize-step.js';
import { BANNED_WORDS, SUSPECT_WORDS, corpusSample } from './word-list-fixture.js';

const matcher = createWordMatcher([...BANNED_WORDS.map((word) => ({ word, kind: 'banned' as const })), ...SUSPECT_WORDS.map((word) => ({ word, kind: 'suspect' as const }))]);
const HARAKAT = ['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'];

/** Every way a hostile reader disguises a word, alone and combined. */
function disguises(entry: string): string[] {
  const words = entry.split(' ');
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const withLast = (w: string) => [...words.slice(0, -1), w].join(' ');
  const diacritics = (w: string) => [...w].map((ch, i) => ch + HARAKAT[i % HARAKAT.length]).join('');
  const tatweel = (w: string) => [...w].join('ـــ');
  const alef = (w: string) => w.replace(/ا/g, 'أ').replace(/ة$/, 'ه').replace(/ي$/, 'ى');
  const alef2 = (w: string) => w.replace(/ا/g, 'إ').replace(/أ/g, 'آ');
  const repeat = (w: string) => {
    const chars = [...w];
    const mid = Math.floor(chars.length / 2);
    return [...chars.slice(0, mid), chars[mid]!.repeat(6), ...chars.slice(mid + 1)].join('');
  };
  const out = [entry, withLast(diacritics(last)), withLast(tatweel(last)), withLast(alef(last)), withLast(alef2(last)), withLast(repeat(last)), withLast(repeat(tatweel(diacritics(last))))];
  out.push(words.map(diacritics).join(' '), words.map(alef).join(' '));
  if (first !== 'يا') {
    // Attached clitics on the first word.
    for (const p of ['و', 'ف', 'ب', 'ل', 'ال', 'وال', 'بال', 'فال', 'لل', 'وب']) out.push([p + first, ...words.slice(1)].join(' '));
    out.push(['وال' + diacritics(repeat(first)), ...words.slice(1)].join(' '));
  } else {
    out.push(`يا${words.slice(1).join('')}`, `يـــا ${diacritics(repeat(last))}`);
  }
  if (words.length === 1) {
    if (first.endsWith('ة')) out.push(`${first.slice(0, -1)}ات`, `${first.slice(0, -1)}تهم`, `${first.slice(0, -1)}تك`);
    else for (const s of ['ه', 'ات', 'ين', 'هم']) out.push(first + s);
  }
  return out.map((w) => `قرأت الخبر، ${w}! لن أعود`);
}

test('100 % recall: every listed word is caught under diacritics, tatweel, alef variants, clitics and repetition', () => {
  let tried = 0;
  for (const [list, kind] of [[BANNED_WORDS, 'reject'], [SUSPECT_WORDS, 'hold']] as const) {
    for (const entry of list) {
      for (const text of disguises(entry)) {
        tried++;
        const r = checkWords(normalizeForMatching(text), matcher);
        assert.equal(r.verdict, kind, `${entry} missed in: ${text}`);
      }
    }
  }
  assert.ok(tried > 300);
});

test('no false hit on 2,000 articles of the clean news corpus', { skip: corpusSample(1).length === 0 && 'corpus not present' }, () => {
  const sample = corpusSample(2000);
  const hits: string[] = [];
  for (const article of sample) {
    const m = matcher.match(normalizeForMatching(article));
    if (m.banned.length || m.suspect.length) hits.push(`${[...m.banned, ...m.suspect].join(', ')} in: ${article.slice(0, 80)}`);
  }
  assert.deepEqual(hits, []);
  assert.equal(sample.length, 2000);
});

test('a word inside a longer ordinary word is not a hit', () => {
  const m = createWordMatcher([{ word: 'وسخ', kind: 'banned' }]);
  assert.deepEqual(m.match(normalizeForMatching('رجل كريم وسخي، والأوساخ في الشارع')).banned, []);
});
