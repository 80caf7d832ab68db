// Builds the assets that need esbuild or sharp — the video island with its hls.js chunk, every
// client/<name>/main.ts island, the raster publisher logo — in a short-lived child process, so a serving
// process never loads esbuild or sharp's native library just to start (≈ 50 MB of resident memory).
// Run by `buildHeavyAssets` (assets.ts); writes one JSON document to stdout.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import sharp from 'sharp';
import { buildClientBundles } from './client-bundles.js';

export interface BuiltFile {
  readonly url: string;
  readonly type: string;
  /** The body, base64. */
  readonly body: string;
}

export interface HeavyAssets {
  readonly logo: BuiltFile;
  /** The video island's entry URL; its file and chunk are in `islandFiles`. */
  readonly videoPlayer: string;
  readonly islandFiles: readonly BuiltFile[];
  /** client/<name>/main.ts islands by name. */
  readonly scripts: ReadonlyArray<BuiltFile & { readonly name: string }>;
}

const JS = 'text/javascript; charset=utf-8';

async function main(root: string): Promise<HeavyAssets> {
  const video = await build({
    entryPoints: [join(root, 'client', 'video-player.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    minify: true,
    write: false,
    outdir: join(root, 'public', 'build'),
    entryNames: '[name].[hash]',
    chunkNames: 'chunk.[hash]',
    logLevel: 'silent',
    legalComments: 'none',
  });
  const islandFiles = video.outputFiles.map((f) => ({ url: `/assets/${basename(f.path)}`, type: JS, body: Buffer.from(f.contents).toString('base64') }));
  const entry = islandFiles.find((a) => a.url.startsWith('/assets/video-player.'));
  if (!entry) throw new Error('esbuild produced no video-player bundle');
  // Search engines want a raster publisher logo: the icon drawn at 512×512.
  const png = await sharp(readFileSync(join(root, 'public', 'icon.svg')), { density: 800 }).resize(512, 512).png().toBuffer();
  const h = createHash('sha256').update(png).digest('hex').slice(0, 12);
  const scripts = buildClientBundles(root).map((s) => ({ name: s.name, url: s.url, type: s.type, body: s.body.toString('base64') }));
  return { logo: { url: `/assets/logo.${h}.png`, type: 'image/png', body: png.toString('base64') }, videoPlayer: entry.url, islandFiles, scripts };
}

const root = process.argv[2];
if (!root) {
  process.stderr.write('usage: asset-worker <root>\n');
  process.exit(2);
}
process.stdout.write(JSON.stringify(await main(root)));
