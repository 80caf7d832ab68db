import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Block } from '../../src/domain/index.js';
import { bodySchema } from '../../src/domain/index.js';
import { blocksToDoc, blocksText, docToBlocks, parseEmbedUrl, type TiptapNode } from './tiptap-blocks.js';

const body: Block[] = [
  { type: 'paragraph', content: [{ text: 'قال ' }, { text: 'Sergey Lavrov', lang: 'en' }, { text: ' في ' }, { text: 'أنقرة', bold: true, href: 'https://example.org/a' }] },
  { type: 'heading', level: 3, content: [{ text: 'خلفية' }] },
  { type: 'quote', content: [{ text: 'نريد حلًا\n' }, { text: 'سياسيًا', italic: true }], cite: 'الوزير' },
  { type: 'list', ordered: true, items: [[{ text: 'أولًا' }], [{ text: 'ثانيًا' }]] },
  { type: 'image', mediaId: 7, caption: 'الوزيران', credit: 'رويترز', alt: 'صورة الوزيرين' },
  { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: 'المؤتمر الصحفي' },
];

test('blocks survive a round trip through Tiptap JSON', () => {
  assert.deepEqual(docToBlocks(blocksToDoc(body)), body);
  assert.ok(bodySchema.safeParse(docToBlocks(blocksToDoc(body))).success);
});

test('Tiptap documents become valid blocks: empty paragraphs dropped, unsafe links and bad langs ignored', () => {
  const doc: TiptapNode = {
    type: 'doc',
    content: [
      { type: 'paragraph' },
      { type: 'paragraph', content: [{ type: 'text', text: 'رابط', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }, { type: 'lang', attrs: { lang: 'x"y' } }] }] },
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'عنوان' }] },
      { type: 'minbarImage', attrs: { mediaId: 'nope' } },
      { type: 'minbarEmbed', attrs: { url: 'https://evil.example/watch?v=1' } },
      { type: 'codeBlock', content: [{ type: 'text', text: 'نص' }] },
    ],
  };
  assert.deepEqual(docToBlocks(doc), [
    { type: 'paragraph', content: [{ text: 'رابط' }] },
    { type: 'heading', level: 2, content: [{ text: 'عنوان' }] },
    { type: 'paragraph', content: [{ text: 'نص' }] },
  ]);
  assert.deepEqual(blocksToDoc([]), { type: 'doc', content: [{ type: 'paragraph' }] });
});

test('any marked paragraph round-trips (merged runs)', () => {
  const run = fc.record({
    text: fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !s.includes('\n') && s.trim() !== ''),
    bold: fc.option(fc.constant(true), { nil: undefined }),
    lang: fc.option(fc.constantFrom('en', 'fr'), { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.array(run, { minLength: 1, maxLength: 6 }), (runs) => {
      const clean = runs.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as { text: string });
      const out = docToBlocks(blocksToDoc([{ type: 'paragraph', content: clean }]));
      const text = out.flatMap((b) => (b.type === 'paragraph' ? b.content.map((r) => r.text) : [])).join('');
      assert.equal(text, clean.map((r) => r.text).join(''));
    }),
    { numRuns: 100 },
  );
});

test('embeds: YouTube and X only, canonical https URLs', () => {
  assert.deepEqual(parseEmbedUrl('https://youtu.be/dQw4w9WgXcQ'), { provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' });
  assert.deepEqual(parseEmbedUrl('https://twitter.com/minbar/status/123'), { provider: 'x', url: 'https://x.com/minbar/status/123' });
  assert.equal(parseEmbedUrl('http://youtube.com/watch?v=dQw4w9WgXcQ'), null);
  assert.equal(parseEmbedUrl('https://vimeo.com/1'), null);
  assert.equal(blocksText(body).includes('Sergey Lavrov'), true);
});
