// Where the installation lives. The sources run either from src/ (tests, tsx) or compiled under
// .build/<hash>/src/ (bin/compile.js), so a path relative to a module's own file would differ between the
// two; the installation root is the nearest directory above that holds package.json (the compiled tree
// has none of its own).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

/** The directory that holds Minbar's package.json, public/ and node_modules/. */
export const INSTALL_ROOT: string = findRoot(dirname(fileURLToPath(import.meta.url)));
