import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadConfig, ConfigError } from './config.js';

test('defaults give a SQLite site on port 3000 with Latin digits', () => {
  const c = loadConfig({});
  assert.equal(c.port, 3000);
  assert.equal(c.database.kind, 'sqlite');
  assert.match(c.database.sqlitePath ?? '', /data\/minbar\.db$/);
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.equal(c.digits, 'latn');
  assert.equal(c.redisUrl, null);
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.database));
});

test('a postgres:// URL selects PostgreSQL', () => {
  const c = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/minbar' });
  assert.equal(c.database.kind, 'postgres');
  assert.equal(c.database.sqlitePath, null);
});

test('each invalid setting fails with one sentence naming it', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'news.example.org' }, 'PUBLIC_URL'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL'],
    [{ TIME_ZONE: 'Mars/Olympus' }, 'TIME_ZONE'],
    [{ DIGITS: 'roman' }, 'DIGITS'],
    [{ HIJRI_DATES: 'maybe' }, 'HIJRI_DATES'],
  ];
  for (const [env, setting] of cases) {
    assert.throws(
      () => loadConfig(env),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.setting === setting &&
        e.message.startsWith(`Invalid configuration: ${setting} `) &&
        e.message.endsWith('.') &&
        !e.message.includes('\n'),
      setting,
    );
  }
});

test('a JSON file supplies settings and the environment overrides it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'minbar-config-'));
  const file = join(dir, 'minbar.json');
  writeFileSync(file, JSON.stringify({ PORT: 4000, SITE_NAME: 'صوت الساحل', DIGITS: 'arab' }));
  const c = loadConfig({ MINBAR_CONFIG: file, PORT: '5000' });
  assert.equal(c.port, 5000);
  assert.equal(c.siteName, 'صوت الساحل');
  assert.equal(c.digits, 'arab');
  writeFileSync(file, JSON.stringify({ PROT: 1 }));
  assert.throws(() => loadConfig({ MINBAR_CONFIG: file }), /PROT .* is not a Minbar setting/);
});
