// First-page render of a thread of 5,000 comments against one of 50 (a quarter of them replies), on
// SQLite, through the real routes: the thread page and the article page. The first page must cost the
// same whatever the thread's length. Run: node --import tsx bench/comments-thread.ts
import { performance } from 'node:perf_hooks';
import { openBenchSite, percentiles } from './comments-support.js';

const site = await openBenchSite();
try {
  const db = site.minbar.database.db;
  async function fill(articleId: number, n: number): Promise<void> {
    const now = Date.now() - 86_400_000;
    const roots: number[] = [];
    const rows = [];
    for (let i = 0; i < n; i++) {
      const reply = i % 4 === 3 && roots.length > 0;
      const body = `تعليق رقم ${i} على الخبر، فيه رأي قارئ ونقاش مع غيره من القراء حول ما جرى.`;
      rows.push({ article_id: articleId, parent_id: null as number | null, root_id: null as number | null, depth: 0, author_name: `قارئ ${i % 97}`, body, html: `<p>${body}</p>`, status: 'approved' as const, reaction_count: (i * 37) % 50, created_at: now + i * 1000, _reply: reply });
    }
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200);
      for (const r of chunk) {
        const { _reply, ...values } = r;
        if (_reply) {
          const parent = roots[Math.floor((r.created_at / 1000) % roots.length)]!;
          values.parent_id = parent;
          values.root_id = parent;
          values.depth = 1;
        }
        const id = (await db.insertInto('comments').values(values).returning('id').executeTakeFirstOrThrow()).id;
        if (!_reply) roots.push(id);
      }
    }
  }
  const small = await site.article('خبر بخمسين تعليقًا');
  const large = await site.article('خبر بخمسة آلاف تعليق');
  await fill(small, 50);
  await fill(large, 5_000);
  const measure = async (url: string) => {
    for (let i = 0; i < 20; i++) await site.app.inject({ url });
    const samples: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await site.app.inject({ url });
      samples.push(performance.now() - t0);
      if (res.statusCode !== 200) throw new Error(`${url} → ${res.statusCode}`);
    }
    return percentiles(samples);
  };
  const article = async (id: number) => {
    const r = await site.app.inject({ url: `/news/${id}` });
    return String(r.headers.location);
  };
  const result = {
    threadPage: {
      '50': await measure(`/comments/${small}`),
      '5000': await measure(`/comments/${large}`),
      '5000 most reacted': await measure(`/comments/${large}?sort=top`),
      '5000 page 100': await measure(`/comments/${large}?page=100`),
    },
    articlePage: { '50': await measure(await article(small)), '5000': await measure(await article(large)) },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await site.close();
}
