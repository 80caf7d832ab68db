// Static assets with content-hashed URLs: the stylesheet from public/, the self-hosted Arabic fonts from
// their npm package, the site icon and publisher logo, and the client islands bundled by esbuild.
// Hashed URLs are cached for a year; a changed file gets a new URL.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { INSTALL_ROOT } from '../config/index.js';
import type { AssetUrls } from '../views/index.js';
import type { BuiltFile, HeavyAssets } from './asset-worker.js';

export interface Asset {
  readonly url: string;
  readonly body: Buffer;
  readonly type: string;
}

const require = createRequire(import.meta.url);

function hashed(name: string, ext: string, body: Buffer, type: string): Asset {
  const h = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `/assets/${name}.${h}.${ext}`, body, type };
}

let heavy: Promise<HeavyAssets> | null = null;

/**
 * The islands and the logo, built once per process by `asset-worker.ts` in a child process (esbuild and
 * sharp stay out of the serving process; under tsx the child runs the TypeScript source the same way).
 */
function buildHeavyAssets(): Promise<HeavyAssets> {
  heavy ??= new Promise<HeavyAssets>((resolve, reject) => {
    const here = fileURLToPath(import.meta.url);
    const worker = join(dirname(here), here.endsWith('.ts') ? 'asset-worker.ts' : 'asset-worker.js');
    const execArgv = here.endsWith('.ts') ? ['--import', 'tsx'] : [];
    execFile(process.execPath, [...execArgv, worker, INSTALL_ROOT], { maxBuffer: 256 * 1024 * 1024, cwd: INSTALL_ROOT }, (error, stdout, stderr) => {
      if (error) reject(new Error(`building the client islands failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as HeavyAssets);
    });
  });
  return heavy;
}

const fromBuilt = (f: BuiltFile): Asset => ({ url: f.url, type: f.type, body: Buffer.from(f.body, 'base64') });

/** Loads every asset once at start-up; requests are then answered from memory. */
export async function loadAssets(): Promise<{ urls: AssetUrls; newsroomCss: string; byUrl: ReadonlyMap<string, Asset> }> {
  const css = hashed('site', 'css', readFileSync(join(INSTALL_ROOT, 'public', 'css', 'site.css')), 'text/css; charset=utf-8');
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
  const iconSvg = readFileSync(join(INSTALL_ROOT, 'public', 'icon.svg'));
  const icon = hashed('icon', 'svg', iconSvg, 'image/svg+xml');
  const built = await buildHeavyAssets();
  const logo = fromBuilt(built.logo);
  const islandFiles = built.islandFiles.map(fromBuilt);
  // The newsroom's own stylesheet, with the same stable font names rewritten.
  let newsroomText = readFileSync(join(INSTALL_ROOT, 'public', 'css', 'newsroom.css'), 'utf8');
  fontFiles.forEach(([name], i) => {
    newsroomText = newsroomText.replaceAll(`/assets/fonts/${name}.woff2`, fonts[i]!.url);
  });
  const newsroomCss = hashed('newsroom', 'css', Buffer.from(newsroomText), css.type);
  // Islands in client/<name>/main.ts (the newsroom editor, …), by name.
  const scripts = built.scripts.map((s) => ({ name: s.name, ...fromBuilt(s) }));
  const all = [cssAsset, newsroomCss, ...fonts, icon, logo, ...islandFiles, ...scripts];
  return {
    urls: { css: cssAsset.url, fonts: fonts.map((f) => f.url), icon: icon.url, logo: logo.url, videoPlayer: built.videoPlayer, scripts: Object.fromEntries(scripts.map((s) => [s.name, s.url])) },
    newsroomCss: newsroomCss.url,
    byUrl: new Map(all.map((a) => [a.url, a])),
  };
}
