import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block } from './content.js';
import { bodyLines } from './body-text.js';

const body: Block[] = [
  { type: 'heading', level: 2, content: [{ text: 'عنوان' }] },
  { type: 'paragraph', content: [{ text: 'قالت صحيفة ' }, { text: 'Hürriyet', lang: 'tr' }] },
  { type: 'quote', content: [{ text: 'نص الاقتباس' }], cite: 'الوزير' },
  { type: 'list', ordered: false, items: [[{ text: 'أولًا' }], [{ text: 'ثانيًا' }]] },
  { type: 'image', mediaId: 1, caption: 'تعليق الصورة' },
];

test('the text of a body is one line per block and list item, in reading order', () => {
  assert.deepEqual(bodyLines(body), ['عنوان', 'قالت صحيفة Hürriyet', 'نص الاقتباس', 'أولًا', 'ثانيًا']);
});

test('a quote can bring its attribution along', () => {
  assert.deepEqual(bodyLines(body, { cites: true }).slice(2, 4), ['نص الاقتباس', 'الوزير']);
});
