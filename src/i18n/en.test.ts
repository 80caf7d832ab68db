import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Messages } from './ar.js';
import { en } from './en.js';

// These checks run in `tsc`: each @ts-expect-error fails the typecheck if the line below stops being an error.
test('the type system rejects a missing key, an extra key and a wrong signature', () => {
  const missingHome: Omit<Messages['site'], 'home'> = en.site;
  // @ts-expect-error a missing key fails to compile
  const incomplete: Messages['site'] = missingHome;
  // @ts-expect-error an extra key fails to compile
  const padded = { ...en.site, extra: 'x' } satisfies Messages['site'];
  // @ts-expect-error a parameter of the wrong type fails to compile
  const wrongParam = { ...en.pagination, pageN: (n: number) => `Page ${n}` } satisfies Messages['pagination'];
  assert.ok(incomplete && padded && wrongParam);
});

test('English copy with parameters', () => {
  assert.equal(en.site.copyright('2026', 'Minbar'), '© 2026 Minbar');
  assert.equal(en.time.dateTime('29 November 2026', '14:05'), '29 November 2026, 14:05');
});
