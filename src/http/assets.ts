// Static assets with content-hashed URLs: the stylesheet from public/, the self-hosted Arabic fonts from
// their npm package. Hashed URLs are cached for a year; a changed file gets a new URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetUrls } from '../views/index.js';
import { buildClientBundles } from './client-bundles.js';

export interface Asset {
  readonly url: string;
  readonly body: Buffer;
  readonly type: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

function hashed(name: string, ext: string, body: Buffer, type: string): Asset {
  const h = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `/assets/${name}.${h}.${ext}`, body, type };
}

/** Loads every asset once at start-up; requests are then answered from memory. */
export function loadAssets(): { urls: AssetUrls; byUrl: ReadonlyMap<string, Asset> } {
  const css = hashed('site', 'css', readFileSync(join(ROOT, 'public', 'css', 'site.css')), 'text/css; charset=utf-8');
  const fontFiles = [
    ['naskh-400', '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff2'],
    ['kufi-700', '@fontsource/noto-kufi-arabic/files/noto-kufi-arabic-arabic-700-normal.woff2'],
  ] as const;
  const fonts = fontFiles.map(([name, path]) => hashed(name, 'woff2', readFileSync(require.resolve(path)), 'font/woff2'));
  // The stylesheet names fonts by stable names; rewrite them to the hashed URLs.
  let cssText = css.body.toString('utf8');
  fontFiles.forEach(([name], i) => {
    cssText = cssText.replaceAll(`/assets/fonts/${name}.woff2`, fonts[i]!.url);
  });
  const cssAsset = hashed('site', 'css', Buffer.from(cssText), css.type);
  const scripts = buildClientBundles(ROOT);
  const all = [cssAsset, ...fonts, ...scripts];
  return {
    urls: { css: cssAsset.url, fonts: fonts.map((f) => f.url), scripts: Object.fromEntries(scripts.map((s) => [s.name, s.url])) },
    byUrl: new Map(all.map((a) => [a.url, a])),
  };
}
