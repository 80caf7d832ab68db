// The `minbar` command runs compiled ES modules instead of the TypeScript sources under a loader
// (bin/compile.js): one build per content, shared by processes that start at the same time, rebuilt
// when a source changes, JSX and types handled as tsconfig says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readdir, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { compiledEntry } = (await import(pathToFileURL(join(ROOT, 'bin', 'compile.js')).href)) as {
  compiledEntry(root: string, entry: string): Promise<string | null>;
};

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'minbar-compile-'));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  await copyFile(join(ROOT, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  await mkdir(join(dir, 'src', 'views'), { recursive: true });
  await writeFile(join(dir, 'src', 'views', 'greeting.tsx'),
    "export const Greeting = ({ name }: { name: string }) => <p dir=\"rtl\">مرحبا <bdi>{name}</bdi></p>;\n");
  await writeFile(join(dir, 'src', 'main.ts'), [
    "import { renderToString } from 'preact-render-to-string';",
    "import { Greeting } from './views/greeting.js';",
    "interface Reader { readonly name: string }",
    "const reader: Reader = { name: 'Minbar' };",
    "export const page = (): string => renderToString(Greeting(reader));",
    "export const edition = 1;",
  ].join('\n'));
  await writeFile(join(dir, 'src', 'main.test.ts'), 'this file is a test and is not compiled (: a syntax error');
  return dir;
}

test('a TypeScript and JSX project compiles once and runs as plain ES modules', async (t) => {
  const dir = await project();
  t.after(() => rm(dir, { recursive: true, force: true }));

  // Two processes starting at once build the same content; both get the one build.
  const [a, b] = await Promise.all([compiledEntry(dir, 'src/main.ts'), compiledEntry(dir, 'src/main.ts')]);
  assert.ok(a, 'compiled');
  assert.equal(a, b);
  assert.match(a, /\/\.build\/[0-9a-f]{16}\/src\/main\.js$/);
  const builds = (await readdir(join(dir, '.build'))).filter((n) => !n.startsWith('.'));
  assert.deepEqual(builds.length, 1, 'one build directory, no staging left behind');
  assert.deepEqual((await readdir(join(dir, '.build'))).filter((n) => n.startsWith('.staging')), []);

  const compiled = (await import(pathToFileURL(a).href)) as { page(): string; edition: number };
  assert.equal(compiled.page(), '<p dir="rtl">مرحبا <bdi>Minbar</bdi></p>');

  // Unchanged content: the same build, not rebuilt.
  assert.equal(await compiledEntry(dir, 'src/main.ts'), a);

  // A changed source gives a new build with the new content.
  await writeFile(join(dir, 'src', 'main.ts'), "export const edition: number = 2;\n");
  const c = await compiledEntry(dir, 'src/main.ts');
  assert.ok(c);
  assert.notEqual(c, a);
  assert.equal(((await import(pathToFileURL(c).href)) as { edition: number }).edition, 2);
});

test('a source that does not compile leaves no build behind and the command falls back to the sources', async (t) => {
  const dir = await project();
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'src', 'broken.ts'), 'export const x = ;\n');
  assert.equal(await compiledEntry(dir, 'src/main.ts'), null);
  assert.deepEqual((await readdir(join(dir, '.build'))), []);
});

test('the minbar command runs from the compiled build, which finds the installation as the sources do', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'minbar.js'), '--help'], { cwd: tmpdir() });
  assert.match(stdout, /Usage: minbar <command>/);
  const entry = await compiledEntry(ROOT, 'src/main.ts');
  assert.ok(entry);
  assert.ok(entry.startsWith(join(ROOT, '.build')));
  // Paths to public/, package.json and the shared corpus are taken from the installation root, not from
  // the module's own place (which is two levels deeper in the build).
  const config = (await import(pathToFileURL(join(entry, '..', 'config', 'index.js')).href)) as { INSTALL_ROOT: string };
  assert.equal(join(config.INSTALL_ROOT, '/'), join(ROOT, '/'));
});
