// Administration: newsroom accounts (list, create, edit role/sections/language, password, disable,
// two-factor reset), integration API tokens, and the audit log. The services check the matrix again.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, MAX_ID, type Actor, type Role } from '../../domain/index.js';
import { LOCALES, type NewsroomUser } from '../../services/index.js';
import { ApiTokensPage, AuditPage, UserFormPage, UsersPage, type UserFormValues } from '../../views/index.js';
import type { NewsroomKit, NewsroomModule } from './newsroom-kit.js';
import { formBool, formIds, formList, formText, idParams, parseForm } from './form-input.js';

const userForm = z.object({
  email: formText.optional(),
  displayName: formText,
  role: formText,
  locale: z.enum(LOCALES).catch('ar'),
  sectionIds: formIds,
  totpRequired: formBool,
  password: formText.optional(),
});
const passwordForm = z.object({ password: formText });
const tokenForm = z.object({ name: formText, userId: z.coerce.number().int().max(MAX_ID).catch(0), scopes: formList });
const auditQuery = z.object({ before: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined) });

const NOTICES = ['created', 'updated', 'passwordSet', 'twoFactorReset'] as const;

function notice(request: FastifyRequest): string | null {
  const key = (request.query as Record<string, string | undefined>)['done'];
  const t = request.newsroom!.context().t.newsroom.users;
  return key && (NOTICES as readonly string[]).includes(key) ? t[key as (typeof NOTICES)[number]] : null;
}

function valuesOf(u: NewsroomUser): UserFormValues {
  return { email: u.email, displayName: u.displayName, role: u.role, locale: u.locale, sectionIds: u.sectionIds, totpRequired: u.totpRequired };
}

async function userForm_(kit: NewsroomKit, request: FastifyRequest, reply: FastifyReply, actor: Actor, user: NewsroomUser | null, values: UserFormValues, errors: Record<string, string> | null, status = 200) {
  void actor;
  const { sections } = await kit.deps.articleList.filterOptions();
  return kit.page(request, reply, (ctx) => UserFormPage({ ctx, user, values, sections, errors, notice: notice(request) }), { status });
}

async function tokensPage(kit: NewsroomKit, request: FastifyRequest, reply: FastifyReply, actor: Actor, extra: { created?: string; errors?: Record<string, string>; status?: number } = {}) {
  const [tokens, users] = await Promise.all([kit.deps.apiTokens.list(actor), kit.deps.accounts.listUsers(actor)]);
  const revoked = (request.query as Record<string, string | undefined>)['done'] === 'revoked';
  return kit.page(
    request,
    reply,
    (ctx) => ApiTokensPage({ ctx, tokens, users, created: extra.created ?? null, errors: extra.errors ?? null, notice: revoked ? ctx.t.newsroom.tokens.revoked : null }),
    { status: extra.status ?? 200 },
  );
}

export const adminRoutes: NewsroomModule = {
  name: 'admin',
  nav: [
    { href: '/newsroom/users', label: (t) => t.newsroom.nav.users, access: 'users.manage' },
    { href: '/newsroom/api-tokens', label: (t) => t.newsroom.nav.apiTokens, access: 'apiTokens.manage' },
    { href: '/newsroom/audit', label: (t) => t.newsroom.nav.audit, access: 'audit.read' },
  ],
  register(kit) {
    const { accounts, apiTokens, audit } = kit.deps;

    kit.route({
      method: 'GET',
      url: '/users',
      access: 'users.manage',
      handler: async (request, reply, actor) => {
        const [users, { sections }] = await Promise.all([accounts.listUsers(actor), kit.deps.articleList.filterOptions()]);
        return kit.page(request, reply, (ctx) => UsersPage({ ctx, users, sections, notice: notice(request) }));
      },
    });

    kit.route({
      method: 'GET',
      url: '/users/new',
      access: 'users.manage',
      handler: (request, reply, actor) =>
        userForm_(kit, request, reply, actor, null, { email: '', displayName: '', role: 'writer', locale: 'ar', sectionIds: [], totpRequired: false }, null),
    });

    kit.route({
      method: 'POST',
      url: '/users',
      access: 'users.manage',
      handler: async (request, reply, actor) => {
        const f = parseForm(userForm, request.body);
        const values: UserFormValues = { email: f.email ?? '', displayName: f.displayName, role: f.role, locale: f.locale, sectionIds: f.sectionIds, totpRequired: f.totpRequired };
        try {
          await accounts.createUser(actor, {
            email: f.email ?? '',
            displayName: f.displayName,
            role: f.role as Role,
            password: f.password ?? '',
            sectionIds: f.sectionIds,
            locale: f.locale,
            totpRequired: f.totpRequired,
          });
        } catch (e) {
          if (e instanceof InvalidInput) return userForm_(kit, request, reply, actor, null, values, { ...e.fields }, 400);
          throw e;
        }
        return reply.redirect('/newsroom/users?done=created', 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/users/:id',
      access: 'users.manage',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        const user = await accounts.getUser(actor, id);
        return userForm_(kit, request, reply, actor, user, valuesOf(user), null);
      },
    });

    kit.route({
      method: 'POST',
      url: '/users/:id',
      access: 'users.manage',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        const f = parseForm(userForm, request.body);
        const user = await accounts.getUser(actor, id);
        try {
          await accounts.updateUser(actor, id, {
            displayName: f.displayName,
            role: f.role as Role,
            sectionIds: f.sectionIds,
            locale: f.locale,
            totpRequired: f.totpRequired,
          });
        } catch (e) {
          if (e instanceof InvalidInput) {
            return userForm_(kit, request, reply, actor, user, { ...valuesOf(user), displayName: f.displayName, role: f.role, sectionIds: f.sectionIds, locale: f.locale, totpRequired: f.totpRequired }, { ...e.fields }, 400);
          }
          throw e;
        }
        return reply.redirect(`/newsroom/users/${id}?done=updated`, 303);
      },
    });

    kit.route({
      method: 'POST',
      url: '/users/:id/password',
      access: 'users.manage',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        const f = parseForm(passwordForm, request.body);
        try {
          await accounts.setPassword(actor, id, f.password);
        } catch (e) {
          if (e instanceof InvalidInput) {
            const user = await accounts.getUser(actor, id);
            return userForm_(kit, request, reply, actor, user, valuesOf(user), { newPassword: e.fields['password'] ?? e.message }, 400);
          }
          throw e;
        }
        return reply.redirect(`/newsroom/users/${id}?done=passwordSet`, 303);
      },
    });

    for (const [path, disabled] of [['disable', true], ['enable', false]] as const) {
      kit.route({
        method: 'POST',
        url: `/users/:id/${path}`,
        access: 'users.manage',
        handler: async (request, reply, actor) => {
          const { id } = parseForm(idParams, request.params);
          await accounts.updateUser(actor, id, { disabled });
          return reply.redirect(`/newsroom/users/${id}?done=updated`, 303);
        },
      });
    }

    kit.route({
      method: 'POST',
      url: '/users/:id/two-factor/reset',
      access: 'users.manage',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        await accounts.resetTotp(actor, id);
        return reply.redirect(`/newsroom/users/${id}?done=twoFactorReset`, 303);
      },
    });

    kit.route({ method: 'GET', url: '/api-tokens', access: 'apiTokens.manage', handler: (request, reply, actor) => tokensPage(kit, request, reply, actor) });

    kit.route({
      method: 'POST',
      url: '/api-tokens',
      access: 'apiTokens.manage',
      handler: async (request, reply, actor) => {
        const f = parseForm(tokenForm, request.body);
        try {
          const { token } = await apiTokens.create(actor, { name: f.name, userId: f.userId, scopes: f.scopes as never });
          // The token is shown in this response only; the page is never cached.
          return tokensPage(kit, request, reply, actor, { created: token, status: 201 });
        } catch (e) {
          if (e instanceof InvalidInput) return tokensPage(kit, request, reply, actor, { errors: { ...e.fields }, status: 400 });
          throw e;
        }
      },
    });

    kit.route({
      method: 'POST',
      url: '/api-tokens/:id/revoke',
      access: 'apiTokens.manage',
      handler: async (request, reply, actor) => {
        const { id } = parseForm(idParams, request.params);
        await apiTokens.revoke(actor, id);
        return reply.redirect('/newsroom/api-tokens?done=revoked', 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/audit',
      access: 'audit.read',
      handler: async (request, reply, actor) => {
        const q = parseForm(auditQuery, request.query);
        const entries = await audit.list(actor, { limit: 50, ...(q.before ? { beforeId: q.before } : {}) });
        const last = entries[entries.length - 1];
        const olderHref = entries.length === 50 && last ? `/newsroom/audit?before=${last.id}` : null;
        return kit.page(request, reply, (ctx) => AuditPage({ ctx, entries, olderHref }));
      },
    });
  },
};
