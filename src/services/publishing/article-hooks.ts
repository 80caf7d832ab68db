// The extension points of every article write: work that must see the article before the change (the
// lists a purge must reach), work that must share the write's transaction (the search index) and work
// that follows its commit (page cache purge, live chrome, feeds).
import type { Tx } from '../../db/index.js';
import type { ArticleStatus } from '../../domain/index.js';

export interface ArticleWritten {
  readonly articleId: number;
  /** Status after the write. */
  readonly status: ArticleStatus;
  /** Status before the write; null when the article was created. */
  readonly previousStatus: ArticleStatus | null;
  /** What the write did, for logs and purges ('comments': its visible comments changed, nothing else). */
  readonly action: 'create' | 'update' | 'publish' | 'unpublish' | 'schedule' | 'delete' | 'comments';
}

export interface ArticleHooks {
  /** Run inside the writing transaction before the article's fields change (saves only). */
  readonly beforeWrite?: ReadonlyArray<(trx: Tx, articleId: number) => Promise<void>>;
  /** Run inside the writing transaction; a failure rolls the whole write back. */
  readonly inTransaction: ReadonlyArray<(trx: Tx, articleId: number) => Promise<void>>;
  /**
   * Optional: the same work for many articles written in one transaction (imports), done once for all.
   * When present, batch writers call these instead of `inTransaction` for each article.
   */
  readonly inTransactionMany?: ReadonlyArray<(trx: Tx, articleIds: readonly number[]) => Promise<void>>;
  /** Run after commit; a failure is reported to `onError` and never undoes the write. */
  readonly afterCommit: ReadonlyArray<(event: ArticleWritten) => void | Promise<void>>;
  readonly onError?: (error: unknown, event: ArticleWritten) => void;
}

export const noArticleHooks: ArticleHooks = { inTransaction: [], afterCommit: [] };

/** A save calls this in its transaction before it changes the article … */
export async function runBeforeWrite(hooks: ArticleHooks, trx: Tx, articleId: number): Promise<void> {
  for (const hook of hooks.beforeWrite ?? []) await hook(trx, articleId);
}

/** … every article-writing operation ends its transaction with this … */
export async function runInTransaction(hooks: ArticleHooks, trx: Tx, articleId: number): Promise<void> {
  for (const hook of hooks.inTransaction) await hook(trx, articleId);
}

/** Batch writers (imports) end their transaction with this: the batch hooks, else each article's. */
export async function runInTransactionMany(hooks: ArticleHooks, trx: Tx, articleIds: readonly number[]): Promise<void> {
  if (hooks.inTransactionMany !== undefined) {
    for (const hook of hooks.inTransactionMany) await hook(trx, articleIds);
    return;
  }
  for (const id of articleIds) await runInTransaction(hooks, trx, id);
}

/** … and calls this once the transaction has committed. */
export async function runAfterCommit(hooks: ArticleHooks, event: ArticleWritten): Promise<void> {
  for (const hook of hooks.afterCommit) {
    try {
      await hook(event);
    } catch (e) {
      hooks.onError?.(e, event);
    }
  }
}
