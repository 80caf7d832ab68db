import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSeedPage, seedPageAvailable } from './seed-page-fixture.js';

test('the seed page fixture splits into the elements Minbar must serve', { skip: !seedPageAvailable() }, () => {
  const p = readSeedPage();
  // The capture keeps the site's no-break spaces; compare words, not space characters.
  assert.equal(p.title.replace(/\s+/g, ' '), 'لافروف يوضح نقطة الخلاف في إطلاق مفاوضات التسوية التركية السورية');
  assert.match(p.lead, /^قال وزير الخارجية الروسي/);
  assert.equal(p.credit, 'Sputnik');
  assert.equal(p.source, 'RT');
  assert.equal(p.paragraphs.length, 5);
  assert.ok(p.paragraphs.some((x) => x.includes('Hürriyet')));
  assert.equal(p.headlines.length, 19);
  assert.ok(p.storyTitles.includes('نبض الملاعب'));
  assert.equal(p.storyCountLabel, '49 خبر');
});
