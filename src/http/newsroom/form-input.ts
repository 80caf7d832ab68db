// Turns url-encoded form bodies and route parameters into typed values with zod: repeated checkbox
// names become lists, a ticked checkbox becomes true, ids become positive integers.
import { z } from 'zod';
import { InvalidInput, MAX_ID } from '../../domain/index.js';

/** A field that may be absent, single or repeated: always a list of strings. */
export const formList = z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(200)).max(500));
export const formIds = formList.transform((l) => l.map(Number).filter((n) => Number.isInteger(n) && n > 0));
export const formBool = z.preprocess((v) => v === '1' || v === 'on' || v === 'true' || v === true, z.boolean());
export const formText = z.preprocess((v) => (typeof v === 'string' ? v : v === undefined ? '' : String(v)), z.string().max(10_000));

export const idParams = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });

export function parseForm<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const fields: Record<string, string> = {};
  for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'form')] ??= 'قيمة غير صالحة.';
  throw new InvalidInput('الطلب غير صالح.', fields);
}

/** Only paths inside the newsroom, never another origin ("//evil", "/\\evil"). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || !/^\/newsroom(?:[/?#]|$)/.test(next) || next.includes('\\')) return '/newsroom';
  return next;
}
