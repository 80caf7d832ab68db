// Builds the browser islands (client/<name>/main.ts) with esbuild once at server start: in memory,
// minified, served under content-hashed /assets/ URLs. No separate build step; no inline scripts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export interface ClientBundle {
  readonly name: string;
  readonly url: string;
  readonly body: Buffer;
  readonly type: string;
}

// The build is deterministic for a given source tree: one build per process, however many apps it builds.
const built = new Map<string, ClientBundle[]>();

/** Every `client/<name>/main.ts` as one minified ES module, named by its folder. */
export function buildClientBundles(root: string): ClientBundle[] {
  const cached = built.get(root);
  if (cached) return cached;
  const bundles = build(root);
  built.set(root, bundles);
  return bundles;
}

function build(root: string): ClientBundle[] {
  const dir = join(root, 'client');
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'main.ts')))
    .map((d) => d.name)
    .sort();
  return names.map((name) => {
    const result = buildSync({
      entryPoints: [join(dir, name, 'main.ts')],
      bundle: true,
      minify: true,
      format: 'esm',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      platform: 'browser',
      write: false,
      legalComments: 'none',
      logLevel: 'silent',
      absWorkingDir: root,
    });
    const body = Buffer.from(result.outputFiles[0]!.contents);
    const h = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return { name, url: `/assets/${name}.${h}.js`, body, type: 'text/javascript; charset=utf-8' };
  });
}
