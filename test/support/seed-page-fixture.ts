// Reads ../shared/reference/seed-article-page.txt (the page Minbar must be able to serve) into its parts,
// so tests can load it as an article and check every element on the rendered page.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEED_PAGE_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'reference', 'seed-article-page.txt');

export interface SeedPage {
  readonly storyTitles: readonly string[];
  readonly storyCountLabel: string;
  readonly title: string;
  readonly lead: string;
  readonly caption: string;
  readonly credit: string;
  readonly paragraphs: readonly string[];
  readonly source: string;
  readonly headlines: readonly string[];
}

export function seedPageAvailable(): boolean {
  return existsSync(SEED_PAGE_PATH);
}

export function readSeedPage(): SeedPage {
  const lines = readFileSync(SEED_PAGE_PATH, 'utf8').split('\n');
  const trimmed = lines.map((l) => l.trim());
  const bullets = trimmed.filter((l) => l.startsWith('•')).map((l) => l.replace(/^•\s*/, ''));
  const storyTitles = [...new Set(bullets)];
  const storyCountLabel = trimmed.find((l) => /^\d+ خبر/.test(l)) ?? '';
  // The article starts at the first unindented, non-empty line after the last bullet block.
  const lastBullet = trimmed.map((l, i) => (l.startsWith('•') ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  let i = lastBullet + 1;
  const next = () => {
    while (i < lines.length && (trimmed[i] === '' || lines[i]!.startsWith(' '))) i++;
    return trimmed[i++] ?? '';
  };
  const title = next();
  const lead = next();
  const caption = next();
  const credit = next();
  const paragraphs: string[] = [];
  let source = '';
  for (;;) {
    const line = next();
    if (line === '' && i >= lines.length) break;
    if (line.startsWith('المصدر:')) {
      source = line.replace('المصدر:', '').trim();
      break;
    }
    paragraphs.push(line);
  }
  const commentsAt = trimmed.indexOf('التعليقات');
  const headlines = trimmed.slice(commentsAt + 1).filter((l) => l !== '');
  return { storyTitles, storyCountLabel, title, lead, caption, credit, paragraphs, source, headlines };
}
