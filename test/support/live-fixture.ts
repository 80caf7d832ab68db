// Live-coverage test support: a live blog on a test site with a correspondent and an editor account,
// and a Server-Sent Events reader over Node's fetch that parses frames as they stream in.
import type { Actor } from '../../src/domain/index.js';
import type { TestSite } from './test-site.js';

export const correspondent: Actor = { userId: 501, role: 'writer', sections: 'all' };
export const deskEditor: Actor = { userId: 502, role: 'editor', sections: 'all' };

export interface LiveFixture {
  readonly blogId: number;
  readonly path: string;
}

export async function addNewsroomActors(site: TestSite): Promise<void> {
  const at = site.clock.now();
  for (const [a, name] of [[correspondent, 'ريم حداد'], [deskEditor, 'مازن العلي']] as const) {
    await site.minbar.database.db
      .insertInto('users')
      .values({ id: a.userId, email: `live${a.userId}@example.org`, display_name: name, role: a.role, locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: at, updated_at: at })
      .execute();
  }
}

/** A published live blog in a fresh section, and the two accounts above. */
export async function loadLiveBlog(site: TestSite, title = 'مباشر: فيضانات الساحل الشرقي'): Promise<LiveFixture> {
  await addNewsroomActors(site);
  const sectionId = await site.minbar.services.curation.createSection({ slug: 'local', name: 'محليات', position: 1 });
  const blogId = await site.minbar.services.publishing.createArticle(
    { sectionId, type: 'live', title, lead: 'تغطية مباشرة لحظة بلحظة', body: [{ type: 'paragraph', content: [{ text: 'تغطية' }] }] },
    { status: 'published', publishedAt: site.clock.now() - 3_600_000 },
  );
  const located = await site.minbar.services.site.article(blogId, 'local', null);
  const path = located.kind === 'page' ? `/local/${blogId}/${located.data.article.slug}` : `/${located.sectionSlug}/${located.id}/${located.slug}`;
  return { blogId, path };
}

export const paragraph = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];

export interface SseFrame {
  readonly id: string | null;
  readonly event: string;
  readonly data: string;
}

/** Follows an SSE URL; frames accumulate in `frames`; `until(n)` waits for n of them. */
export async function followEvents(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const frames: SseFrame[] = [];
  const comments: string[] = [];
  let retry: number | null = null;
  const waker: { fn: (() => void) | null } = { fn: null };
  const done = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let i: number;
        while ((i = buffer.indexOf('\n\n')) >= 0) {
          const raw = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          let id: string | null = null;
          let event = 'message';
          const data: string[] = [];
          let any = false;
          for (const line of raw.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('retry:')) retry = Number(line.slice(6));
            else if (line.startsWith('id:')) id = line.slice(3).trim();
            else if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
            any ||= /^(id|event|data):/.test(line);
          }
          if (any) frames.push({ id, event, data: data.join('\n') });
          waker.fn?.();
        }
      }
    } catch {
      // aborted
    }
    waker.fn?.();
  })();
  return {
    res,
    frames,
    comments,
    /** Resolves when the server ends the stream (or it is closed). */
    ended: done,
    get retry() {
      return retry;
    },
    async until(n: number, what: (f: SseFrame) => boolean = () => true): Promise<SseFrame[]> {
      const deadline = Date.now() + 15_000;
      while (frames.filter(what).length < n) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${n} frames; have ${JSON.stringify(frames)}`);
        await Promise.race([new Promise<void>((r) => (waker.fn = r)), new Promise((r) => setTimeout(r, 200))]);
      }
      return frames.filter(what);
    },
    /** Waits until `n` heartbeat comments have arrived. */
    async heartbeats(n: number): Promise<void> {
      while (comments.length < n) await new Promise((r) => setTimeout(r, 20));
    },
    async close() {
      controller.abort();
      await done;
    },
  };
}
