#!/usr/bin/env node
// The `minbar` command: runs the TypeScript sources through tsx's loader (no build step needed).
// The package's own tsconfig (JSX through Preact) whatever directory the command is started from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runCli } = await import('../src/main.ts');
const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
