// Benchmark child: one Minbar instance serving live events, driven over IPC by bench/live-load.ts (set up a
// live blog, post entries stamped with the send time, report RSS and connected readers). Not a product path.
import { loadConfig } from '../src/config/index.js';
import { createApp, createMinbar } from '../src/main.js';

const config = loadConfig();
const minbar = await createMinbar(config);
const app = await createApp(minbar);
await app.listen({ port: config.port, host: '127.0.0.1' });
const live = minbar.services.live;
const actor = { userId: 9001, role: 'editor' as const, sections: 'all' as const };

type Message = { id: number; type: 'setup' } | { id: number; type: 'post'; text: string } | { id: number; type: 'stats' } | { id: number; type: 'stop' };

process.on('message', async (m: Message) => {
  const reply = (body: unknown) => process.send!({ id: m.id, ...(body as object) });
  try {
    if (m.type === 'setup') {
      const db = minbar.database.db;
      const existing = await db.selectFrom('articles').select('id').where('type', '=', 'live').executeTakeFirst();
      if (existing) return reply({ blogId: existing.id });
      await db
        .insertInto('users')
        .values({ id: actor.userId, email: 'bench@example.org', display_name: 'مراسل القياس', role: 'editor', locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: Date.now(), updated_at: Date.now() })
        .execute();
      const sectionId = await minbar.services.curation.createSection({ slug: 'bench', name: 'قياس', position: 1 });
      const blogId = await minbar.services.publishing.createArticle(
        { sectionId, type: 'live', title: 'تغطية القياس', lead: 'قياس', body: [{ type: 'paragraph', content: [{ text: 'قياس' }] }] },
        { status: 'published', publishedAt: Date.now() },
      );
      return reply({ blogId });
    }
    if (m.type === 'post') {
      const blogId = (await minbar.database.db.selectFrom('articles').select('id').where('type', '=', 'live').executeTakeFirstOrThrow()).id;
      const entry = await live.postEntry(actor, blogId, { body: [{ type: 'paragraph', content: [{ text: m.text }] }] });
      return reply({ entryId: entry.id });
    }
    if (m.type === 'stats') return reply({ rss: process.memoryUsage().rss, connections: live.hub.connections, transport: live.transport });
    if (m.type === 'stop') {
      reply({});
      await app.close();
      await minbar.close();
      process.exit(0);
    }
  } catch (e) {
    reply({ error: String(e) });
  }
});
process.send!({ id: 0, ready: true });
