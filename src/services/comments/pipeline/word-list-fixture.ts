// Test fixture: an abusive-word list for the matching tests and the submit benchmark, and a reader of
// the shared news corpus (sampled at test time with the system `unzip`; no corpus text is copied here).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Insults and slurs a newsroom would list; none is ordinary news vocabulary. */
export const BANNED_WORDS = ['يا حقير', 'وسخ', 'منحط', 'زبالة', 'نذل', 'وقح', 'معفن', 'شرموطة', 'قحبة', 'ديوث', 'منيوك', 'لعنة الله عليك', 'ابن الكلب', 'يلعن أبوك', 'يا حيوان', 'يا غبي', 'يا حمار', 'يا كلب'];
export const SUSPECT_WORDS = ['يا كذاب', 'يا خائن', 'يا منافق', 'يا عميل', 'يا جبان', 'يا تافه'];

export const CORPUS_DIR = join(process.cwd(), '..', 'shared', 'corpus', 'saudinewsnet', 'dataset');

/** Up to `limit` articles' title and text from the corpus, or [] when it is not there. */
export function corpusSample(limit: number): string[] {
  if (!existsSync(CORPUS_DIR)) return [];
  const out: string[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.zip')).sort()) {
    const json = execFileSync('unzip', ['-p', join(CORPUS_DIR, file)], { maxBuffer: 256 * 1024 * 1024 }).toString('utf8');
    const articles = JSON.parse(json) as Array<{ title?: string; content?: string }>;
    for (const a of articles) {
      out.push(`${a.title ?? ''}\n${a.content ?? ''}`);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
