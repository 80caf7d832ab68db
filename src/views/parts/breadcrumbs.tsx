// The visible breadcrumb trail (الرئيسية › القسم › …), the same crumbs the BreadcrumbList names.
import type { ViewContext } from '../context.js';
import type { Crumb } from './json-ld.js';

export function Breadcrumbs({ ctx, crumbs }: { ctx: ViewContext; crumbs: readonly Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={ctx.t.reader.breadcrumbs}>
      <ol>
        {crumbs.map((c, i) => (
          <li key={c.path}>
            {i === crumbs.length - 1 ? <span aria-current="page">{c.name}</span> : <a href={c.path}>{c.name}</a>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
