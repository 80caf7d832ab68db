// Support for the quality gates: one reader-site instance on SQLite with the reader fixture, the path of
// every page type, and a second app whose home page fails, so the 500 page is checked like any other.
import { buildApp } from '../../src/http/index.js';
import { testDialects } from '../../src/db/index.js';
import { loadReaderFixture, type ReaderFixture } from '../support/reader-fixture.js';
import { openTestSite, type TestSite } from '../support/test-site.js';

export interface QualitySite {
  readonly site: TestSite;
  readonly fixture: ReaderFixture;
  /** Page type → path, with the status each must answer. */
  readonly pages: ReadonlyArray<{ readonly name: string; readonly path: string; readonly status: number }>;
  /** An app whose every page fails: its home page is the 500 page. */
  readonly failing: Awaited<ReturnType<typeof buildApp>>;
  close(): Promise<void>;
}

export async function openQualitySite(): Promise<QualitySite> {
  const site = await openTestSite(testDialects().find((d) => d.name === 'sqlite')!);
  const fixture = await loadReaderFixture(site);
  // A few counted reads, so the home page's "most read" list is checked too.
  for (const id of fixture.sectionArticleIds.slice(0, 5)) site.minbar.services.reads.record(id);
  await site.minbar.services.reads.flush();
  const failing = await buildApp({
    config: site.minbar.config,
    site: { ...site.minbar.services.site, home: () => Promise.reject(new Error('the database is unavailable')) },
  });
  const p = fixture.pages;
  const pages = [
    ...Object.entries(p)
      .filter(([name]) => name !== 'notFound' && name !== 'gone')
      .map(([name, path]) => ({ name, path, status: 200 })),
    { name: 'live', path: '/live', status: 200 },
    { name: 'notFound', path: p['notFound']!, status: 404 },
    { name: 'gone', path: p['gone']!, status: 410 },
  ];
  return {
    site,
    fixture,
    pages,
    failing,
    async close() {
      await failing.close();
      await site.close();
    },
  };
}
