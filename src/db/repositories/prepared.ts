// Queries that run on every page are built and compiled by Kysely once, not on every call: building a query
// (immutable nodes, parsing references, compiling to SQL) costs as much CPU as SQLite spends running it. A
// prepared query is built with placeholders where its values go; each call runs the same SQL text with the
// call's values in their places, so the statement cache (sqlite) or the server's plan cache sees one text.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Stands for the value passed at call time; a distinct object, so Kysely makes it a bound parameter. */
class Placeholder {
  constructor(readonly index: number) {}
}

/** What a prepared query's builder receives instead of values: one placeholder per argument. */
export type Placeholders<A extends readonly unknown[]> = { readonly [K in keyof A]: A[K] };

/**
 * `build` is called once with placeholders (typed as the arguments, so the builder reads as usual) and must
 * put each of them where a bound value goes — `where`, `limit`, `in (…)` items — never into SQL text. The
 * result runs on `db` (or on the transaction passed at call time) with the arguments in the placeholders' places.
 */
export function prepared<A extends readonly unknown[], R>(db: Kysely<Database>, arity: A['length'], build: (...values: Placeholders<A>) => Compilable<R>) {
  let compiled: { sql: string; parameters: readonly unknown[] } | null = null;
  return async (...args: A): Promise<R[]> => {
    if (!compiled) {
      const slots = Array.from({ length: arity }, (_, i) => new Placeholder(i)) as unknown as Placeholders<A>;
      const q = build(...slots).compile();
      const used = new Set(q.parameters.filter((p): p is Placeholder => p instanceof Placeholder).map((p) => p.index));
      if (used.size !== arity) throw new Error(`prepared query uses ${used.size} of its ${arity} placeholders`);
      compiled = { sql: q.sql, parameters: q.parameters };
    }
    const parameters = compiled.parameters.map((p) => (p instanceof Placeholder ? args[p.index] : p));
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
    return result.rows;
  };
}
