import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDialects, type TestDialect } from '../../db/index.js';
import { actorOf } from '../../services/index.js';
import { createMember } from '../../../test/support/newsroom-session.js';
import { openTestSite, parse, words } from '../../../test/support/test-site.js';

for (const dialect of testDialects() as TestDialect[]) {
  test(`menus curated in the newsroom appear on every public page (${dialect.name})`, async (t) => {
    const site = await openTestSite(dialect);
    t.after(() => site.close());
    const { curation } = site.minbar.services;
    const admin = actorOf(await createMember(site, 'admin', 'admin@minbar.test'));
    await curation.createSection({ slug: 'politics', name: 'سياسة', position: 1 });
    await curation.saveMenuItem(admin, null, { menu: 'main', label: 'الانتخابات البلدية', url: '/stories/city-elections', position: 1 });
    await curation.saveMenuItem(admin, null, { menu: 'footer', label: 'أعلن معنا', url: 'https://ads.example.org/minbar', position: 1 });

    for (const url of ['/', '/politics', '/no-such-page']) {
      const res = await site.app.inject({ method: 'GET', url });
      const doc = parse(res.body);
      const nav = doc.querySelector('nav.sections-nav');
      const main = nav?.querySelector('a[href="/stories/city-elections"]');
      assert.equal(words(main?.textContent), 'الانتخابات البلدية', url);
      const footer = doc.querySelector('footer a[href="https://ads.example.org/minbar"]');
      assert.equal(words(footer?.textContent), 'أعلن معنا', url);
      assert.equal(doc.querySelector('nav.sections-nav a[href="https://ads.example.org/minbar"]'), null, 'footer links stay in the footer');
    }
  });
}
