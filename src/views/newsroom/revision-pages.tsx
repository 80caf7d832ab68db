// An article's revision history and one revision's readable diff (changed words marked with <ins>/<del>),
// with a restore button. Gets prepared revisions and diff lines; knows nothing of storage.
import type { DiffLine, RevisionInfo } from '../../services/index.js';
import type { NewsroomViewContext } from './newsroom-context.js';
import { CsrfField, NewsroomDocument } from './newsroom-document.js';

export interface RevisionListData {
  readonly articleId: number;
  readonly title: string;
  readonly revisions: readonly RevisionInfo[];
  readonly notice?: string | null;
}

export function RevisionListPage({ ctx, data }: { ctx: NewsroomViewContext; data: RevisionListData }) {
  const t = ctx.t.desk.revisions;
  return (
    <NewsroomDocument ctx={ctx} title={t.title(data.title)} notice={data.notice ?? null}>
      <p>
        <a href={`/newsroom/articles/${data.articleId}`}>{t.back}</a>
      </p>
      <table class="nr-table">
        <caption class="visually-hidden">{t.title(data.title)}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t.when}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.author}</th>
            <th scope="col">{ctx.t.newsroom.articles.status}</th>
          </tr>
        </thead>
        <tbody>
          {data.revisions.map((r) => (
            <tr key={r.number}>
              <td>
                <a href={`/newsroom/articles/${data.articleId}/revisions/${r.number}`}>{t.number(ctx.fmt.number(r.number))}</a>
              </td>
              <td>
                <time dateTime={ctx.fmt.iso(r.createdAt)}>{ctx.fmt.dateTime(r.createdAt)}</time>
              </td>
              <td>{t.kinds[r.kind]}</td>
              <td>{r.authorId === null ? t.scheduler : (r.authorName ?? `#${r.authorId}`)}</td>
              <td>{ctx.t.newsroom.statuses[r.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomDocument>
  );
}

export interface RevisionDiffData {
  readonly articleId: number;
  readonly number: number;
  readonly lines: readonly DiffLine[];
  readonly canRestore: boolean;
}

export function RevisionDiffPage({ ctx, data }: { ctx: NewsroomViewContext; data: RevisionDiffData }) {
  const t = ctx.t.desk.revisions;
  const changed = data.lines.filter((l) => l.change !== 'same');
  return (
    <NewsroomDocument ctx={ctx} title={t.diffTitle(ctx.fmt.number(data.number))}>
      <p>
        <a href={`/newsroom/articles/${data.articleId}/revisions`}>{t.back}</a>
      </p>
      {changed.length === 0 ? <p>{t.noChanges}</p> : null}
      <dl class="nr-diff">
        {data.lines.map((l, i) => (
          <div key={i} class={`nr-diff-line nr-diff-${l.change}`}>
            <dt>
              {t.fields[l.field]}
              {l.change === 'added' ? ` (${t.added})` : l.change === 'removed' ? ` (${t.removed})` : ''}
            </dt>
            <dd dir="auto">
              {l.parts.map((p, k) =>
                p.change === 'added' ? (
                  <ins key={k}>{p.text}</ins>
                ) : p.change === 'removed' ? (
                  <del key={k}>{p.text}</del>
                ) : (
                  <span key={k}>{p.text}</span>
                ),
              )}
            </dd>
          </div>
        ))}
      </dl>
      {data.canRestore ? (
        <form method="post" action={`/newsroom/articles/${data.articleId}/revisions/${data.number}/restore`}>
          <CsrfField ctx={ctx} />
          <button type="submit" class="nr-button">
            {t.restore}
          </button>
        </form>
      ) : null}
    </NewsroomDocument>
  );
}
