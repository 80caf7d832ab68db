import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderToString } from 'preact-render-to-string';
import { createFormatter, messages } from '../../i18n/index.js';
import type { ViewContext } from '../context.js';
import { fragmentCache } from './fragments.js';

test('a fragment is made once per data object and language, and is what rendering it anew makes', () => {
  const fmt = createFormatter({ locale: 'ar', timeZone: 'Asia/Riyadh', digits: 'latn' });
  const ctx = { t: messages('ar'), fmt } as unknown as ViewContext;
  const cache = fragmentCache<{ title: string; at: number }>();
  const item = { title: 'عاجل <خبر> & "تحديث"', at: 1_796_457_069_817 };
  let made = 0;
  const view = (c: ViewContext, x: typeof item) => () => {
    made++;
    return (
      <li>
        <a href="/x">{x.title}</a>
        <time>{c.fmt.time(x.at)}</time>
      </li>
    );
  };
  const first = cache(item, ctx, view(ctx, item));
  assert.equal(first, renderToString(view(ctx, item)()));
  assert.equal(cache(item, ctx, view(ctx, item)), first);
  assert.equal(made, 2, 'the second call reuses the first HTML');
  // Another object (a new read after a purge) is rendered again, even with equal contents.
  assert.equal(cache({ ...item }, ctx, view(ctx, item)), first);
  assert.equal(made, 3);
  // Another language or formatter makes its own HTML.
  const en = { t: messages('en'), fmt: createFormatter({ locale: 'en', timeZone: 'Asia/Riyadh', digits: 'arab' }) } as unknown as ViewContext;
  const other = cache(item, en, view(en, item));
  assert.notEqual(other, first);
  assert.match(other, /٠|١|٢|٣|٤|٥|٦|٧|٨|٩/);
});
