#!/usr/bin/env -S node --max-old-space-size=256
// The `minbar` command. The TypeScript sources are compiled once per content to plain ES modules
// (bin/compile.js, into .build/) and run without a loader; where that cannot be written, they run
// through tsx's loader instead, with the package's own tsconfig (JSX through Preact) whatever
// directory the command is started from.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compiledEntry } from './compile.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const compiled = process.env.MINBAR_RUN_SOURCES === '1' ? null : await compiledEntry(root, 'src/main.ts');
let main;
if (compiled) {
  main = await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  main = await import('../src/main.ts');
}
const code = await main.runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
