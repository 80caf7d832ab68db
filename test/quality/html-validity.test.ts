// Quality gate: the Nu HTML Checker (vnu-jar, run with the system Java in one call) finds 0 errors in
// every page type of the reader site, error pages included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openQualitySite } from './quality-site.js';

const run = promisify(execFile);
const VNU = join(process.cwd(), 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

async function javaAvailable(): Promise<boolean> {
  try {
    await run('java', ['-version']);
    return true;
  } catch {
    return false;
  }
}

test('every page type is valid HTML (Nu HTML Checker: 0 errors)', { skip: !(await javaAvailable()) && 'java is not installed' }, async (t) => {
  const q = await openQualitySite();
  t.after(() => q.close());
  const dir = mkdtempSync(join(tmpdir(), 'minbar-vnu-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const files: string[] = [];
  for (const page of q.pages) {
    const res = await q.site.app.inject({ method: 'GET', url: page.path });
    assert.equal(res.statusCode, page.status, page.name);
    const file = join(dir, `${page.name}.html`);
    writeFileSync(file, res.body);
    files.push(file);
  }
  const failed = await q.failing.inject({ method: 'GET', url: '/' });
  assert.equal(failed.statusCode, 500);
  writeFileSync(join(dir, 'serverError.html'), failed.body);
  files.push(join(dir, 'serverError.html'));

  // vnu exits non-zero when it reports errors; the JSON report is on stderr either way.
  const out = await run('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { maxBuffer: 32 * 1024 * 1024 }).catch(
    (e: { stderr?: string }) => ({ stderr: e.stderr ?? '' }),
  );
  const report = JSON.parse(out.stderr || '{"messages":[]}') as { messages: Array<{ type: string; url: string; message: string; extract?: string }> };
  const errors = report.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  assert.deepEqual(
    errors.map((e) => `${e.url.split('/').pop()}: ${e.message} — ${e.extract ?? ''}`),
    [],
  );
  assert.equal(files.length, q.pages.length + 1);
});
