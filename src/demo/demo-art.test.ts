// Tests for the demo artwork generator: size, format, determinism, variety and speed of every motif.
// Knows only the generator's public functions and the DemoArt type; nothing of articles or storage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { renderDemoArt, renderDemoArtSvg } from './demo-art.js';
import type { DemoArt } from './demo-types.js';

const MOTIFS: readonly DemoArt['motif'][] = ['waves', 'grid', 'circles', 'skyline', 'field', 'rays', 'mosaic', 'bars'];

test('renders a JPEG of the requested size', async () => {
  const buf = await renderDemoArt({ palette: 3, motif: 'waves', seed: 42 }, 640, 360);
  assert.equal(buf[0], 0xff);
  assert.equal(buf[1], 0xd8);
  const meta = await sharp(buf).metadata();
  assert.equal(meta.format, 'jpeg');
  assert.equal(meta.width, 640);
  assert.equal(meta.height, 360);
});

test('defaults to 1600×900', async () => {
  const meta = await sharp(await renderDemoArt({ palette: 0, motif: 'grid', seed: 1 })).metadata();
  assert.equal(meta.width, 1600);
  assert.equal(meta.height, 900);
});

test('the same input gives identical bytes', async () => {
  const art: DemoArt = { palette: 7, motif: 'skyline', seed: 2024 };
  const a = await renderDemoArt(art, 800, 450);
  const b = await renderDemoArt(art, 800, 450);
  assert.ok(a.equals(b));
  assert.equal(renderDemoArtSvg(art, 800, 450), renderDemoArtSvg(art, 800, 450));
});

test('different seeds give different images', async () => {
  for (const motif of MOTIFS) {
    const a = await renderDemoArt({ palette: 5, motif, seed: 11 }, 320, 180);
    const b = await renderDemoArt({ palette: 5, motif, seed: 12 }, 320, 180);
    assert.ok(!a.equals(b), `${motif}: seeds 11 and 12 rendered the same image`);
  }
});

test('different palettes give different images', async () => {
  const a = renderDemoArtSvg({ palette: 0, motif: 'circles', seed: 9 }, 320, 180);
  const b = renderDemoArtSvg({ palette: 1, motif: 'circles', seed: 9 }, 320, 180);
  assert.notEqual(a, b);
});

test('every motif renders with every palette, without text', async () => {
  for (const motif of MOTIFS) {
    for (let palette = 0; palette < 12; palette++) {
      const svg = renderDemoArtSvg({ palette, motif, seed: 100 + palette }, 1600, 900);
      assert.match(svg, /^<svg [^>]*width="1600" height="900"/);
      assert.doesNotMatch(svg, /<text|<image|href=|NaN|undefined/, `${motif}/${palette}`);
    }
    const buf = await renderDemoArt({ palette: MOTIFS.indexOf(motif), motif, seed: 7 });
    const meta = await sharp(buf).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.width, 1600);
    assert.equal(meta.height, 900);
    const { channels } = await sharp(buf).stats();
    const spread = channels.reduce((sum, ch) => sum + ch.stdev, 0);
    assert.ok(spread > 10, `${motif} rendered a nearly flat image`);
  }
});

test('palette indices outside 0..11 wrap instead of failing', async () => {
  assert.equal(renderDemoArtSvg({ palette: 12, motif: 'rays', seed: 3 }, 200, 100), renderDemoArtSvg({ palette: 0, motif: 'rays', seed: 3 }, 200, 100));
  assert.ok(renderDemoArtSvg({ palette: -1, motif: 'rays', seed: 3 }, 200, 100).length > 0);
});
