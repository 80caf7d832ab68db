// Static assets with content-hashed URLs: the stylesheet from public/, the self-hosted Arabic fonts from
// their npm package, the site icon and publisher logo, and the client islands bundled by esbuild.
// Hashed URLs are cached for a year; a changed file gets a new URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import sharp from 'sharp';
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

let islands: Promise<{ entry: Asset; all: Asset[] }> | null = null;

/** The video island and its on-demand hls.js chunk, bundled once per process. */
function buildIslands(): Promise<{ entry: Asset; all: Asset[] }> {
  islands ??= build({
    entryPoints: [join(ROOT, 'client', 'video-player.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    write: false,
    outdir: join(ROOT, 'public', 'build'),
    entryNames: '[name].[hash]',
    chunkNames: 'chunk.[hash]',
    logLevel: 'silent',
    legalComments: 'none',
  }).then((r) => {
    const all = r.outputFiles.map((f) => ({ url: `/assets/${basename(f.path)}`, body: Buffer.from(f.contents), type: 'text/javascript; charset=utf-8' }));
    const entry = all.find((a) => a.url.startsWith('/assets/video-player.'));
    if (!entry) throw new Error('esbuild produced no video-player bundle');
    return { entry, all };
  });
  return islands;
}

/** Loads every asset once at start-up; requests are then answered from memory. */
export async function loadAssets(): Promise<{ urls: AssetUrls; newsroomCss: string; byUrl: ReadonlyMap<string, Asset> }> {
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
  const iconSvg = readFileSync(join(ROOT, 'public', 'icon.svg'));
  const icon = hashed('icon', 'svg', iconSvg, 'image/svg+xml');
  // Search engines want a raster publisher logo: the icon drawn at 512×512.
  const logo = hashed('logo', 'png', await sharp(iconSvg, { density: 800 }).resize(512, 512).png().toBuffer(), 'image/png');
  const { entry, all: islandFiles } = await buildIslands();
  // The newsroom's own stylesheet, with the same stable font names rewritten.
  let newsroomText = readFileSync(join(ROOT, 'public', 'css', 'newsroom.css'), 'utf8');
  fontFiles.forEach(([name], i) => {
    newsroomText = newsroomText.replaceAll(`/assets/fonts/${name}.woff2`, fonts[i]!.url);
  });
  const newsroomCss = hashed('newsroom', 'css', Buffer.from(newsroomText), css.type);
  // Islands in client/<name>/main.ts (the newsroom editor, …), by name.
  const scripts = buildClientBundles(ROOT);
  const all = [cssAsset, newsroomCss, ...fonts, icon, logo, ...islandFiles, ...scripts];
  return {
    urls: { css: cssAsset.url, fonts: fonts.map((f) => f.url), icon: icon.url, logo: logo.url, videoPlayer: entry.url, scripts: Object.fromEntries(scripts.map((s) => [s.name, s.url])) },
    newsroomCss: newsroomCss.url,
    byUrl: new Map(all.map((a) => [a.url, a])),
  };
}
