// Integration API tokens: created by administrators for one named integration, acting with one
// account's role narrowed to the token's scopes, stored only as a SHA-256 digest, revocable, audited.
// Must not know HTTP: it receives the presented token as a string.
import { z } from 'zod';
import { API_SCOPE_NAMES, Forbidden, InvalidInput, NotFound, may, scopeActions, type Actor, type ApiScope } from '../../domain/index.js';
import type { Db } from '../../db/index.js';
import type { Clock } from '../clock.js';
import { isOperator, recordAudit, type Caller } from '../audit/audit-log.js';
import { actorOf } from './accounts-service.js';
import { randomToken, sha256 } from './secrets.js';

const TOKEN_PREFIX = 'mbr_';

export interface ApiTokenInfo {
  readonly id: number;
  readonly name: string;
  /** The token's first characters, to recognise it in a list. */
  readonly prefix: string;
  readonly userId: number;
  readonly userName: string;
  readonly scopes: readonly ApiScope[];
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

export interface ApiCaller {
  readonly tokenId: number;
  readonly name: string;
  readonly actor: Actor;
}

const newTokenSchema = z.object({
  name: z.string({ message: 'اسم الجهة مطلوب.' }).trim().min(1, 'اسم الجهة مطلوب.').max(200, 'الاسم أطول من 200 حرف.'),
  userId: z.number({ message: 'اختر الحساب الذي يعمل المفتاح بصلاحياته.' }).int().positive('اختر الحساب الذي يعمل المفتاح بصلاحياته.'),
  scopes: z
    .array(z.enum(API_SCOPE_NAMES as [ApiScope, ...ApiScope[]], { message: 'صلاحية غير معروفة.' }))
    .min(1, 'اختر صلاحية واحدة على الأقل.'),
});
export type NewApiToken = z.input<typeof newTokenSchema>;

function authorize(caller: Caller): void {
  if (!isOperator(caller) && !may(caller, 'apiTokens.manage')) throw new Forbidden('apiTokens.manage');
}

export function createApiTokenService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    /** Returns the token once; only its digest is kept. */
    async create(caller: Caller, input: NewApiToken): Promise<{ token: string; info: ApiTokenInfo }> {
      authorize(caller);
      const r = newTokenSchema.safeParse(input);
      if (!r.success) {
        const fields: Record<string, string> = {};
        for (const issue of r.error.issues) fields[String(issue.path[0] ?? 'form')] ??= issue.message;
        throw new InvalidInput('لم يُنشأ المفتاح: بعض الحقول غير صالحة.', fields);
      }
      const { name, userId } = r.data;
      const scopes = [...new Set(r.data.scopes)];
      const token = `${TOKEN_PREFIX}${randomToken()}`;
      const now = clock.now();
      const id = await db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').select(['id', 'disabled']).where('id', '=', userId).executeTakeFirst();
        if (!user || user.disabled === 1) throw new InvalidInput('لم يُنشأ المفتاح: بعض الحقول غير صالحة.', { userId: 'الحساب غير موجود أو معطّل.' });
        const row = await trx
          .insertInto('api_tokens')
          .values({
            name,
            token_hash: sha256(token),
            prefix: token.slice(0, 12),
            user_id: userId,
            scopes: JSON.stringify(scopes),
            created_by: isOperator(caller) ? null : caller.userId,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, now, { actor: caller, action: 'apiToken.create', targetType: 'apiToken', targetId: row.id, after: { name, userId, scopes } });
        return row.id;
      });
      const info = (await this.list(caller)).find((t) => t.id === id);
      if (!info) throw new NotFound(`api token ${id}`);
      return { token, info };
    },

    async list(caller: Caller): Promise<ApiTokenInfo[]> {
      authorize(caller);
      const rows = await db
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.id', 't.name', 't.prefix', 't.user_id', 'u.display_name', 't.scopes', 't.created_at', 't.last_used_at', 't.revoked_at'])
        .orderBy('t.id', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        prefix: r.prefix,
        userId: r.user_id,
        userName: r.display_name,
        scopes: JSON.parse(r.scopes) as ApiScope[],
        createdAt: Number(r.created_at),
        lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
        revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
      }));
    },

    async revoke(caller: Caller, id: number): Promise<void> {
      authorize(caller);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('id', '=', id).executeTakeFirst();
        if (!row) throw new NotFound(`api token ${id}`);
        if (row.revoked_at !== null) return;
        await trx.updateTable('api_tokens').set({ revoked_at: now }).where('id', '=', id).execute();
        await recordAudit(trx, now, { actor: caller, action: 'apiToken.revoke', targetType: 'apiToken', targetId: id, before: { name: row.name, revoked: false }, after: { revoked: true } });
      });
    },

    /** The acting identity of a presented token, or null (unknown, revoked, or its account disabled). */
    async authenticate(presented: string | null | undefined): Promise<ApiCaller | null> {
      if (!presented || !presented.startsWith(TOKEN_PREFIX) || presented.length > 200) return null;
      const now = clock.now();
      const row = await db
        .selectFrom('api_tokens as t')
        .innerJoin('users as u', 'u.id', 't.user_id')
        .select(['t.id', 't.name', 't.scopes', 't.revoked_at', 't.last_used_at', 'u.id as user_id', 'u.role', 'u.disabled'])
        .where('t.token_hash', '=', sha256(presented))
        .executeTakeFirst();
      if (!row || row.revoked_at !== null || row.disabled === 1) return null;
      const sections = await db.selectFrom('user_sections').select('section_id').where('user_id', '=', row.user_id).execute();
      const base = actorOf({ id: row.user_id, role: row.role, sectionIds: sections.map((s) => s.section_id) });
      if (row.last_used_at === null || now - Number(row.last_used_at) > 60_000) {
        await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
      }
      return { tokenId: row.id, name: row.name, actor: { ...base, scopes: scopeActions(JSON.parse(row.scopes) as ApiScope[]) } };
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
