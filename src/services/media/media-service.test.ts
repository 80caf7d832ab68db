import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { Forbidden, InvalidInput, type Actor } from '../../domain/index.js';
import { testDialects, type DatabaseHandle } from '../../db/index.js';
import { fixedClock } from '../clock.js';
import { createMediaService } from './media-service.js';
import { createFileMediaStore } from './media-store.js';

const writer: Actor = { userId: 10, role: 'writer', sections: 'all' };
const moderator: Actor = { userId: 30, role: 'moderator', sections: 'all' };

for (const dialect of testDialects()) {
  describe(`media library (${dialect.name})`, () => {
    let h: DatabaseHandle;
    const dir = mkdtempSync(join(tmpdir(), 'minbar-media-'));
    const clock = fixedClock(Date.UTC(2026, 10, 29));
    const svc = () => createMediaService({ db: h.db, clock, store: createFileMediaStore(dir) }, { avifEffort: 0, maxBytes: 200_000 });
    before(async () => {
      h = await dialect.open();
      for (const [id, role] of [[10, 'writer'], [30, 'moderator']] as const) {
        await h.db
          .insertInto('users')
          .values({ id, email: `u${id}@example.org`, display_name: `u${id}`, role, locale: 'ar', disabled: 0, totp_enabled: 0, totp_required: 0, password_hash: 'x', created_at: 0, updated_at: 0 })
          .execute();
      }
    });
    after(async () => {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('uploads are checked by content, stripped of EXIF, and keep caption, alt, credit and source', async () => {
      const png = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#336699' } })
        .png()
        .withExif({ IFD0: { Copyright: 'secret-camera-owner' } })
        .toBuffer();
      const m = await svc().upload(writer, png, { caption: 'لافروف وفيدان في أنقرة', alt: 'الوزيران', credit: 'رويترز', source: 'Reuters' });
      assert.deepEqual([...new Set(m.variants.map((v) => v.width))], [320, 640]);
      assert.deepEqual([...new Set(m.variants.map((v) => v.format))].sort(), ['avif', 'jpeg', 'webp']);
      const jpeg = m.variants.find((v) => v.format === 'jpeg')!;
      const meta = await sharp(readFileSync(join(dir, jpeg.key))).metadata();
      assert.equal(meta.exif, undefined);
      await assert.rejects(svc().upload(writer, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), {}), InvalidInput);
      await assert.rejects(svc().upload(writer, Buffer.from('GIF89a not really'), {}), InvalidInput);
      await assert.rejects(svc().upload(writer, Buffer.alloc(300_000, 1), {}), InvalidInput);
      await assert.rejects(svc().upload(moderator, png, {}), Forbidden);
      await assert.rejects(svc().upload(writer, png, { credit: 'x'.repeat(301) }), InvalidInput);
    });

    test('the library is searchable and paginated; metadata edits are kept', async () => {
      const gif = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#aa3300' } }).gif().toBuffer();
      const m = await svc().upload(writer, gif, { caption: 'مظاهرة في دمشق', alt: 'حشود', credit: 'منبر' });
      clock.advance(1000);
      const found = await svc().list(writer, { q: 'دمشق' });
      assert.deepEqual(found.items.map((i) => i.id), [m.id]);
      assert.equal(found.items[0]?.uploadedBy, writer.userId);
      const page = await svc().list(writer, { perPage: 1, page: 2 });
      assert.equal(page.total, 2);
      assert.equal(page.pages, 2);
      assert.equal(page.items.length, 1);
      const edited = await svc().updateMeta(writer, m.id, { caption: 'مظاهرة في حلب', alt: 'حشود', credit: 'وكالة سانا' });
      assert.equal(edited.credit, 'وكالة سانا');
      assert.deepEqual((await svc().list(writer, { q: 'سانا' })).items.map((i) => i.id), [m.id]);
      await assert.rejects(svc().list(moderator, {}), Forbidden);
    });
  });
}
