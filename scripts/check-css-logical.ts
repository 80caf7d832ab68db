// Lint for right-to-left by nature: rejects physical left/right in stylesheets and inline styles of
// views (margin-left, padding-right, border-left, left:, right:, float/text-align/clear left|right).
// Use logical properties (margin-inline-start, inset-inline-end, text-align: start …) instead.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PHYSICAL = [
  /\b(margin|padding|border|scroll-margin|scroll-padding)-(left|right)\b/,
  /\bborder-(top|bottom)-(left|right)-radius\b/,
  /(^|[;{\s])(left|right)\s*:/,
  /\b(float|clear|text-align)\s*:\s*(left|right)\b/,
  /\b(margin|padding)Left\b|\b(margin|padding)Right\b/,
];

function files(dir: string, exts: readonly string[], out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'build') continue;
    if (statSync(path).isDirectory()) files(path, exts, out);
    else if (exts.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

export function findPhysical(text: string): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  noComments.split('\n').forEach((line, i) => {
    if (PHYSICAL.some((re) => re.test(line))) found.push({ line: i + 1, text: line.trim() });
  });
  return found;
}

const targets = [...files('public', ['.css']), ...files('client', ['.css'])];
let bad = 0;
for (const file of targets) {
  for (const hit of findPhysical(readFileSync(file, 'utf8'))) {
    console.error(`${file}:${hit.line}: physical direction, use a logical property: ${hit.text}`);
    bad++;
  }
}
if (bad > 0) {
  console.error(`${bad} physical left/right declaration(s): Minbar is right-to-left by nature.`);
  process.exit(1);
}
console.log(`CSS logical-properties check: ${targets.length} stylesheet(s) clean.`);
