// The ordered, forward-only list of schema migrations. Add a file "NNNN-what.ts" and list it here.
// Migrations receive the dialect's capabilities and must not branch on the dialect's name.
import type { Kysely } from 'kysely';
import type { Capabilities } from '../capabilities.js';
import * as m0001 from './0001-content.js';
import * as m0002 from './0002-search-index.js';
import * as m0003 from './0003-newsroom.js';
import * as m0004 from './0004-reader-site.js';
import * as m0006 from './0006-workflow.js';
import * as m0007 from './0007-comments.js';
import * as m0008 from './0008-live.js';
import * as m0009 from './0009-reader-reads.js';
import * as m0010 from './0010-story-counts.js';
import * as m0011 from './0011-search-title-vector.js';
import * as m0012 from './0012-archive-indexes.js';
import * as m0013 from './0013-link-sort-keys.js';
import * as m0014 from './0014-sitemap-keys.js';
import * as m0015 from './0015-comment-counts.js';

export interface MigrationStep {
  readonly name: string;
  up(db: Kysely<unknown>, caps: Capabilities): Promise<void>;
}

export const migrations: readonly MigrationStep[] = [
  { name: '0001-content', up: m0001.up },
  { name: '0002-search-index', up: m0002.up },
  { name: '0003-newsroom', up: m0003.up },
  { name: '0004-reader-site', up: m0004.up },
  { name: '0006-workflow', up: m0006.up },
  { name: '0007-comments', up: m0007.up },
  { name: '0008-live', up: m0008.up },
  { name: '0009-reader-reads', up: m0009.up },
  { name: '0010-story-counts', up: m0010.up },
  { name: '0011-search-title-vector', up: m0011.up },
  { name: '0012-archive-indexes', up: m0012.up },
  { name: '0013-link-sort-keys', up: m0013.up },
  { name: '0014-sitemap-keys', up: m0014.up },
  { name: '0015-comment-counts', up: m0015.up },
];
