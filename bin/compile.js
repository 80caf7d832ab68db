// Compiles the server's TypeScript sources to plain ES modules once per content, so that a running
// Minbar needs no TypeScript loader: tsx's loader runs in a worker thread of its own that costs every
// process about 40 MB of resident memory and stays for the life of the process (BENCHMARKS.md, issue 8).
//
// Each src/**/*.ts(x) file (tests excluded) becomes one .js file at the same relative place under
// .build/<hash>/src/, where <hash> covers every source's content, tsconfig.json, esbuild's version and
// this file. Module specifiers already end in .js, so the output imports itself as the sources do;
// node_modules and "type": "module" are found by walking up to the repository as for the sources.
// Two processes starting at once each build into a private directory and rename it into place: the
// first rename wins, the second finds the directory there and uses it. Older builds are removed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const SOURCE_FILE = /\.tsx?$/;
const TEST_FILE = /\.test\.tsx?$/;

function sources(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (SOURCE_FILE.test(name) && !TEST_FILE.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Returns the compiled entry module for `entry` (a path under src/, e.g. 'src/main.ts'), building it if
 * this content has not been built yet; null when it cannot be built here (a read-only checkout, say),
 * in which case the caller runs the sources through tsx.
 */
export async function compiledEntry(root, entry) {
  let esbuildVersion;
  try {
    esbuildVersion = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('esbuild/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
  const files = sources(join(root, 'src'));
  const hash = createHash('sha256');
  hash.update(`esbuild ${esbuildVersion}\0`);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(join(root, 'tsconfig.json')));
  for (const file of files) {
    hash.update(`\0${relative(root, file)}\0`);
    hash.update(readFileSync(file));
  }
  const id = hash.digest('hex').slice(0, 16);
  const buildRoot = join(root, '.build');
  const target = join(buildRoot, id);
  const compiled = join(target, entry.replace(SOURCE_FILE, '.js'));
  if (existsSync(join(target, 'complete'))) return compiled;

  const staging = join(buildRoot, `.staging-${id}-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(buildRoot, { recursive: true });
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: files,
      outdir: staging,
      outbase: root,
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      tsconfig: join(root, 'tsconfig.json'),
      jsx: 'automatic',
      jsxImportSource: 'preact',
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    writeFileSync(join(staging, 'complete'), `${new Date().toISOString()}\n`);
    try {
      renameSync(staging, target);
    } catch (error) {
      // Another process renamed the same build into place first: use that one.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(target, 'complete'))) throw error;
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`minbar: running the TypeScript sources through tsx (compiling into ${buildRoot} failed: ${reason})\n`);
    return null;
  }
  // Builds of other contents are kept for an hour (a process started from one may still be loading
  // modules from it), then removed.
  for (const name of readdirSync(buildRoot)) {
    if (name === id) continue;
    const path = join(buildRoot, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Removed by another process meanwhile.
    }
  }
  return compiled;
}
