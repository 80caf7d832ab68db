// Shapes of the demo outlet's content: original Arabic writing for a fictional outlet.
// Pure data types; knows nothing of the database or the services that load it.

/** A generated illustration: the seed renders it locally with sharp, no download. */
export interface DemoArt {
  /** 0..11, picks one of the generator's colour palettes. */
  readonly palette: number;
  readonly motif: 'waves' | 'grid' | 'circles' | 'skyline' | 'field' | 'rays' | 'mosaic' | 'bars';
  /** Seed for the generator's randomness, so the same article always gets the same picture. */
  readonly seed: number;
}

export interface DemoImage {
  readonly art: DemoArt;
  /** Caption shown under the picture (Arabic). */
  readonly caption: string;
  /** Alt text describing what the picture shows (Arabic). */
  readonly alt: string;
  /** Photo credit, e.g. "رسم توضيحي: استوديو منبر". */
  readonly credit: string;
}

export type DemoBodyBlock =
  | string // a paragraph of plain text; Latin runs inside are isolated automatically
  | { readonly quote: string; readonly cite?: string }
  | { readonly heading: string }
  | { readonly list: readonly string[] };

export interface DemoArticle {
  /** Stable key, unique across the demo, e.g. "floods-01". */
  readonly key: string;
  /** Section slug (see demo-outlet.ts). */
  readonly section: string;
  readonly type: 'news' | 'opinion';
  readonly title: string;
  readonly lead: string;
  readonly body: readonly DemoBodyBlock[];
  readonly hero: DemoImage;
  /** Source line shown as «المصدر: …»; null when the outlet's own reporting. */
  readonly source: string | null;
  /** Author slugs. */
  readonly authors: readonly string[];
  /** Tag names (Arabic, or Latin for proper names). */
  readonly tags: readonly string[];
  /** Story slugs. */
  readonly stories: readonly string[];
  /** Published this many hours before the seed runs. */
  readonly hoursAgo: number;
  /** Updated this many hours before the seed runs (less than hoursAgo), if updated. */
  readonly updatedHoursAgo?: number;
  /** A correction note shown to readers, if the article was corrected. */
  readonly correction?: string;
}

export interface DemoSection {
  readonly slug: string;
  readonly name: string;
  readonly parent?: string;
  readonly description: string;
}

export interface DemoAuthor {
  readonly slug: string;
  readonly name: string;
  readonly bio: string;
  readonly kind: 'person' | 'organization';
}

export interface DemoStory {
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly cover: DemoImage;
  /** Position in the trending chips (1 first), or null when not trending. */
  readonly trending: number | null;
  readonly featured: boolean;
  readonly archived: boolean;
}

export interface DemoChannel {
  readonly kind: 'telegram' | 'youtube' | 'x' | 'facebook' | 'instagram' | 'whatsapp' | 'tiktok' | 'rss' | 'newsletter';
  readonly label: string;
  readonly url: string;
}

export interface DemoComment {
  /** Article key. */
  readonly article: string;
  readonly name: string;
  readonly body: string;
  readonly hoursAgo: number;
}
