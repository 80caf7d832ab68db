import { readFileSync } from 'node:fs';
import { normalizeArabic, tokenize } from './index.js';
const seed = readFileSync('/work/shared/reference/seed-article-page.txt', 'utf8');
const text = seed.repeat(200);
function naive(s: string): string {
  return s.normalize('NFKC').replace(/[أإآٱٲٳ]/g, 'ا').replace(/ى/g, 'ي').replace(/ئ/g, 'ي').replace(/ؤ/g, 'و').replace(/ة/g, 'ه')
    .replace(/[\u0640\u064B-\u065F\u0670\u06D6-\u06ED\u0610-\u061A\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x6F0))
    .toLowerCase().replace(/\s+/g, ' ').trim();
}
const words: string[] = text.split(/\s+/);
function time(label: string, fn: () => unknown, reps = 10) {
  for (let i = 0; i < 3; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  console.log(label, ((performance.now() - t0) / reps).toFixed(1), 'ms');
}
console.log('same whole', naive(text) === normalizeArabic(text));
let mism = 0; for (const w of words) if (naive(w) !== normalizeArabic(w)) mism++; console.log('mismatch', mism);
time('per word', () => { for (const w of words) normalizeArabic(w); });
time('naive per word', () => { for (const w of words) naive(w); });
time('whole', () => normalizeArabic(text));
time('naive whole', () => naive(text));
time('tokenize', () => tokenize(text));
