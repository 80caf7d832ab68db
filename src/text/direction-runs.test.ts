import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { splitDirectionRuns, type DirectionRun } from './direction-runs.js';

const SEED_PAGE = '/work/shared/reference/seed-article-page.txt';

/** Runs written compactly: LTR runs as [text], RTL runs as plain strings. */
function runs(text: string): Array<string | [string]> {
  const result = splitDirectionRuns(text);
  assert.equal(result.map((r) => r.text).join(''), text, 'runs must re-join to the input');
  for (const run of result) assert.notEqual(run.text, '', 'no empty runs');
  for (let i = 1; i < result.length; i++) assert.notEqual(result[i]!.ltr, result[i - 1]!.ltr, 'runs alternate');
  return result.map((r) => (r.ltr ? [r.text] : r.text));
}

describe('splitDirectionRuns', () => {
  it('isolates a Latin name inside Arabic', () => {
    assert.deepEqual(runs('صحيفة Hürriyet التركية'), ['صحيفة ', ['Hürriyet'], ' التركية']);
  });

  it('extends a run over spaces that are followed by more Latin', () => {
    assert.deepEqual(runs('سفينة USS Tripoli تقترب'), ['سفينة ', ['USS Tripoli'], ' تقترب']);
  });

  it('leaves quotes and a trailing period after a Latin word in the RTL run', () => {
    assert.deepEqual(runs('"USS Tripoli" تقترب'), ['"', ['USS Tripoli'], '" تقترب']);
    assert.deepEqual(runs('المصدر: RT.'), ['المصدر: ', ['RT'], '.']);
    assert.deepEqual(runs('قالت «Sputnik»، إن'), ['قالت «', ['Sputnik'], '»، إن']);
  });

  it('keeps inner punctuation followed by Latin (U.S, Macy\'s)', () => {
    assert.deepEqual(runs('الولايات المتحدة U.S. اليوم'), ['الولايات المتحدة ', ['U.S'], '. اليوم']);
    assert.deepEqual(runs("متجر Macy's الشهير"), ['متجر ', ["Macy's"], ' الشهير']);
  });

  it('does not make numbers on their own LTR runs', () => {
    assert.deepEqual(runs('بـ 2200 مارينز'), ['بـ 2200 مارينز']);
    assert.deepEqual(runs('عام ٢٠٢٤ و2025'), ['عام ٢٠٢٤ و2025']);
    assert.deepEqual(runs('iPhone 15 الجديد'), [['iPhone'], ' 15 الجديد']);
  });

  it('keeps Latin-digit codes whole so that isolation does not reorder them', () => {
    assert.deepEqual(runs('طائرات F-35 و5G وCOVID-19.'), ['طائرات ', ['F-35'], ' و', ['5G'], ' و', ['COVID-19'], '.']);
    assert.deepEqual(runs('رحلة MH17 سقطت'), ['رحلة ', ['MH17'], ' سقطت']);
  });

  it('closes a bracket opened inside the run', () => {
    assert.deepEqual(runs('صحيفة Hürriyet (Istanbul) التركية'), ['صحيفة ', ['Hürriyet (Istanbul)'], ' التركية']);
    assert.deepEqual(runs('صحيفة (Hürriyet) التركية'), ['صحيفة (', ['Hürriyet'], ') التركية']);
  });

  it('ends a run at Arabic punctuation and at line breaks', () => {
    assert.deepEqual(runs('صحف Hürriyet، Sabah'), ['صحف ', ['Hürriyet'], '، ', ['Sabah']]);
    assert.deepEqual(runs('Stories\nSputnik'), [['Stories'], '\n', ['Sputnik']]);
  });

  it('handles text that starts or ends with Latin, or is all Latin', () => {
    assert.deepEqual(runs('RT: قال'), [['RT'], ': قال']);
    assert.deepEqual(runs('قال RT'), ['قال ', ['RT']]);
    assert.deepEqual(runs('Hello world'), [['Hello world']]);
  });

  it('returns a single RTL run for Arabic-only text and nothing for empty text', () => {
    assert.deepEqual(splitDirectionRuns('قال وزير الخارجية'), [{ text: 'قال وزير الخارجية', ltr: false }]);
    assert.deepEqual(splitDirectionRuns(''), []);
  });

  it('never splits an emoji (surrogate pair) and re-joins exactly', () => {
    const text = 'رائع 😀 Hello 😀 world 👍🏽 نعم';
    assert.deepEqual(runs(text), ['رائع 😀 ', ['Hello 😀 world'], ' 👍🏽 نعم']);
  });

  it('keeps decomposed accents with their letter', () => {
    assert.deepEqual(runs('صحيفة Hu\u0308rriyet'), ['صحيفة ', ['Hu\u0308rriyet']]);
  });

  it('puts every Latin word of the seed article page in an LTR run', (t) => {
    if (!existsSync(SEED_PAGE)) {
      t.skip(`seed page not found at ${SEED_PAGE}`);
      return;
    }
    const page = readFileSync(SEED_PAGE, 'utf8');
    const latinWords = [...page.matchAll(/[A-Za-z\u00C0-\u024F]+/g)];
    assert.ok(latinWords.length >= 6, 'the seed page has Latin words (Hürriyet, USS Tripoli, RT …)');
    for (const paragraph of [page, ...page.split('\n')]) {
      const result: DirectionRun[] = splitDirectionRuns(paragraph);
      assert.equal(result.map((r) => r.text).join(''), paragraph);
    }
    const result = splitDirectionRuns(page);
    const ltrSpans: Array<[number, number]> = [];
    let offset = 0;
    for (const run of result) {
      if (run.ltr) ltrSpans.push([offset, offset + run.text.length]);
      offset += run.text.length;
    }
    for (const match of latinWords) {
      const start = match.index;
      const end = start + match[0].length;
      assert.ok(ltrSpans.some(([a, b]) => a <= start && end <= b), `"${match[0]}" at ${start} is not in an LTR run`);
    }
    const ltrTexts = result.filter((r) => r.ltr).map((r) => r.text);
    assert.ok(ltrTexts.includes('Hürriyet'));
    assert.ok(ltrTexts.includes('USS Tripoli'));
    assert.ok(!ltrTexts.some((text) => /[\u0600-\u06FF]|^\d+$|[."]$/.test(text)), ltrTexts.join(' | '));
  });
});
