// A member's own account: interface language, password change, and two-factor enrolment (start,
// confirm, disable). The enrolment pages stay reachable while an administrator's requirement is pending.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput, type Actor } from '../../domain/index.js';
import { LOCALES } from '../../services/index.js';
import { AccountPage, type AccountPageData } from '../../views/index.js';
import type { NewsroomKit, NewsroomModule } from './newsroom-kit.js';
import { formText, parseForm } from './form-input.js';

const codeForm = z.object({ code: formText });
const localeForm = z.object({ locale: z.enum(LOCALES) });
const passwordForm = z.object({ currentPassword: formText, password: formText });

async function show(
  kit: NewsroomKit,
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  extra: { notice?: string | null; fieldErrors?: Record<string, string>; status?: number; enrolment?: AccountPageData['enrolment'] } = {},
) {
  const user = await kit.deps.accounts.getUser(actor, actor.userId);
  const enrolment = extra.enrolment ?? (user.totpEnabled ? null : await kit.deps.accounts.pendingTotpEnrolment(actor));
  const data: AccountPageData = { locale: user.locale, totpEnabled: user.totpEnabled, totpRequired: user.totpRequired, enrolment };
  return kit.page(
    request,
    reply,
    (ctx) => AccountPage({ ctx, data, notice: extra.notice ?? null, ...(extra.fieldErrors ? { fieldErrors: extra.fieldErrors, error: ctx.t.newsroom.errors.invalid } : {}) }),
    { status: extra.status ?? 200 },
  );
}

export const accountRoutes: NewsroomModule = {
  name: 'account',
  nav: [{ href: '/newsroom/account', label: (t) => t.newsroom.nav.account, access: 'signedIn' }],
  register(kit) {
    const { accounts } = kit.deps;
    const t = (request: FastifyRequest) => request.newsroom!.context().t.newsroom.account;

    kit.route({ method: 'GET', url: '/account', access: 'signedIn', beforeTotpEnrolment: true, handler: (request, reply, actor) => show(kit, request, reply, actor) });

    kit.route({
      method: 'POST',
      url: '/account/two-factor',
      access: 'signedIn',
      beforeTotpEnrolment: true,
      handler: async (request, reply, actor) => {
        const enrolment = await accounts.beginTotpEnrolment(actor);
        return show(kit, request, reply, actor, { enrolment });
      },
    });

    kit.route({
      method: 'POST',
      url: '/account/two-factor/confirm',
      access: 'signedIn',
      beforeTotpEnrolment: true,
      handler: async (request, reply, actor) => {
        const form = parseForm(codeForm, request.body);
        try {
          await accounts.confirmTotpEnrolment(actor, form.code);
        } catch (e) {
          if (e instanceof InvalidInput) return show(kit, request, reply, actor, { fieldErrors: { ...e.fields }, status: 400 });
          throw e;
        }
        return show(kit, request, reply, actor, { notice: t(request).enabled });
      },
    });

    kit.route({
      method: 'POST',
      url: '/account/two-factor/disable',
      access: 'signedIn',
      handler: async (request, reply, actor) => {
        const form = parseForm(codeForm, request.body);
        try {
          await accounts.disableTotp(actor, form.code);
        } catch (e) {
          if (e instanceof InvalidInput) return show(kit, request, reply, actor, { fieldErrors: { disableCode: e.fields['code'] ?? e.message }, status: 400 });
          throw e;
        }
        return show(kit, request, reply, actor, { notice: t(request).disabled });
      },
    });

    kit.route({
      method: 'POST',
      url: '/account/locale',
      access: 'signedIn',
      handler: async (request, reply, actor) => {
        const form = parseForm(localeForm, request.body);
        await accounts.setOwnLocale(actor, form.locale);
        return reply.redirect('/newsroom/account', 303);
      },
    });

    kit.route({
      method: 'POST',
      url: '/account/password',
      access: 'signedIn',
      handler: async (request, reply, actor) => {
        const form = parseForm(passwordForm, request.body);
        try {
          await accounts.changeOwnPassword(actor, form.currentPassword, form.password);
        } catch (e) {
          if (e instanceof InvalidInput) return show(kit, request, reply, actor, { fieldErrors: { ...e.fields }, status: 400 });
          throw e;
        }
        kit.clearSession(reply);
        return reply.redirect('/newsroom/login?passwordChanged=1', 303);
      },
    });
  },
};
