import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = join(import.meta.dirname, '..', 'bin', 'minbar.js');

function minbar(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [bin, ...args], { env: { PATH: process.env['PATH'] ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
}

test('invalid configuration stops the process with one sentence naming the setting', () => {
  for (const [env, setting] of [
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'DATABASE_URL'],
    [{ TIME_ZONE: 'Nowhere/City' }, 'TIME_ZONE'],
  ] as const) {
    const r = minbar(['serve'], env);
    assert.equal(r.status, 78, setting);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, new RegExp(`^Invalid configuration: ${setting} `));
  }
});

test('minbar migrate creates the SQLite database and is idempotent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minbar-cli-'));
  try {
    const first = minbar(['migrate'], { DATA_DIR: dir });
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /^SQLite: applied 0001-content/);
    assert.ok(existsSync(join(dir, 'minbar.db')));
    const again = minbar(['migrate'], { DATA_DIR: dir });
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout.trim(), 'SQLite: schema is up to date.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('unknown commands and a seed without --demo are refused with usage', () => {
  const r = minbar(['publish-everything'], {});
  assert.equal(r.status, 2);
  assert.match(r.stderr, /Unknown command "publish-everything"/);
  const dir = mkdtempSync(join(tmpdir(), 'minbar-cli-'));
  try {
    const s = minbar(['seed'], { DATA_DIR: dir });
    assert.equal(s.status, 2);
    assert.match(s.stderr, /--demo/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
