// Previous/next links of a keyset-paginated list: real links that work without JavaScript. Page N's
// URL carries the cursor of page N−1's last article (?page=N&before=<publishedAt>.<id>).
import type { PageLink } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { DirectionalArrow } from './icons.js';

export function pageHref(basePath: string, link: PageLink): string {
  if (link.page <= 1 || !link.before) return basePath;
  return `${basePath}?page=${link.page}&before=${link.before.publishedAt}.${link.before.id}`;
}

export function Pagination({
  ctx,
  basePath,
  previous,
  next,
}: {
  ctx: ViewContext;
  basePath: string;
  previous: PageLink | null;
  next: PageLink | null;
}) {
  if (!previous && !next) return null;
  return (
    <nav class="pagination" aria-label={ctx.t.reader.pagination}>
      <ul>
        {previous ? (
          <li>
            <a href={pageHref(basePath, previous)} rel="prev" class="pagination__link">
              <DirectionalArrow pointing="back" />
              {ctx.t.pagination.previous}
            </a>
          </li>
        ) : null}
        {next ? (
          <li>
            <a href={pageHref(basePath, next)} rel="next" class="pagination__link">
              {ctx.t.pagination.next}
              <DirectionalArrow pointing="forward" />
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
