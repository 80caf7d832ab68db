// The server's Node flags (V8's old-space cap, BENCHMARKS.md issue 8) are the same however it is started:
// `npm start`, `npm run serve`, the `minbar` command itself, the systemd unit, and the benchmarks that
// measure it. A flag changed in one place and not the others would make the figures lie about production.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../bench/support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const flagsBefore = (command: string, marker: string) => {
  const at = command.indexOf(marker);
  assert.ok(at >= 0, `${command} runs ${marker}`);
  return command.slice(0, at).trim().split(/\s+/).filter((w) => w.startsWith('--'));
};

test('every way of starting the server gives Node the same flags', () => {
  assert.ok(SERVER_NODE_FLAGS.some((f) => /^--max-old-space-size=\d+$/.test(f)), 'the old space is capped');
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  assert.deepEqual(flagsBefore(scripts.start!, 'bin/minbar.js'), SERVER_NODE_FLAGS, 'npm start');
  assert.deepEqual(flagsBefore(scripts.serve!, 'bin/minbar.js'), SERVER_NODE_FLAGS, 'npm run serve');
  // `#!/usr/bin/env -S node <flags>`: the command run directly (`./bin/minbar.js`, `npx minbar`).
  const shebang = read('bin/minbar.js').split('\n')[0]!;
  assert.match(shebang, /^#!\/usr\/bin\/env -S node /);
  assert.deepEqual(shebang.split(/\s+/).filter((w) => w.startsWith('--')), SERVER_NODE_FLAGS, 'the minbar command');
  const unit = read('deploy/systemd/minbar@.service').split('\n').find((l) => l.startsWith('ExecStart='))!;
  assert.deepEqual(flagsBefore(unit, '/opt/minbar/bin/minbar.js'), SERVER_NODE_FLAGS, 'the systemd unit');
  // The A/B script is plain JavaScript (it runs other checkouts without tsx) and spells the flags out.
  const spawnLine = read('bench/ab-compare.mjs').split('\n').find((l) => l.includes("'minbar.js'"))!;
  assert.deepEqual(spawnLine.match(/'--[^']+'/g)?.map((f) => f.slice(1, -1)), SERVER_NODE_FLAGS, 'bench/ab-compare.mjs');
});
