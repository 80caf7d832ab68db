import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ar } from './ar.js';
import { en } from './en.js';
import { messages } from './messages.js';

function keyPaths(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const path = `${prefix}${key}`;
    if (typeof value === 'object' && value !== null) return keyPaths(value, `${path}.`);
    return [`${path}:${typeof value === 'function' ? `fn/${value.length}` : typeof value}`];
  });
}

test('ar and en have identical keys, leaf kinds and parameter counts', () => {
  assert.deepEqual(keyPaths(en).sort(), keyPaths(ar).sort());
});

test('no leaf is empty in either catalogue', () => {
  for (const catalogue of [ar, en]) {
    const walk = (node: object): void => {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'object' && value !== null) walk(value);
        else if (typeof value === 'string') assert.ok(value.trim(), key);
        else assert.ok(String(value('1', 'one')).trim(), key);
      }
    };
    walk(catalogue);
  }
});

test('messages returns the catalogue for the locale', () => {
  assert.equal(messages('ar'), ar);
  assert.equal(messages('en'), en);
  assert.equal(messages('ar').pagination.pageN('٣'), 'صفحة ٣');
  assert.equal(messages('ar').article.source('رويترز'), 'المصدر: رويترز');
  assert.equal(messages('ar').article.photoCredit('أ ف ب'), 'الصورة: أ ف ب');
});
