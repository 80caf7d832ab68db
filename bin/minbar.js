#!/usr/bin/env node
// The `minbar` command: runs the TypeScript sources through tsx's loader (no build step needed).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
