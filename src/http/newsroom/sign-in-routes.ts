// Sign-in, the second factor and sign-out. A successful step always issues a new session token (the
// old cookie is deleted), so a token planted before sign-in is never promoted. Refusals are re-rendered
// forms with an Arabic message; lockout and rate limit answer 429.
import { z } from 'zod';
import { LoginPage, TotpPage } from '../../views/index.js';
import type { NewsroomModule } from './newsroom-kit.js';
import { formText, parseForm, safeNext } from './form-input.js';

const loginForm = z.object({ email: formText, password: formText, next: formText.optional() });
const codeForm = z.object({ code: formText });

export const signInRoutes: NewsroomModule = {
  name: 'sign-in',
  register(kit) {
    const { accounts } = kit.deps;

    kit.route({
      method: 'GET',
      url: '/login',
      access: 'public',
      handler: (request, reply) => {
        if (request.newsroom?.session) return reply.redirect('/newsroom', 303);
        const q = request.query as Record<string, string | undefined>;
        const t = request.newsroom!.context().t.newsroom.login;
        return kit.page(request, reply, (ctx) =>
          LoginPage({ ctx, notice: q['signedOut'] ? t.signedOut : q['passwordChanged'] ? ctx.t.newsroom.account.passwordChanged : null, next: q['next'] ? safeNext(q['next']) : null }),
        );
      },
    });

    kit.route({
      method: 'POST',
      url: '/login',
      access: 'public',
      handler: async (request, reply) => {
        const form = parseForm(loginForm, request.body);
        const result = await accounts.login({
          email: form.email,
          password: form.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          previousToken: request.newsroom?.token ?? null,
        });
        if (result.kind === 'refused') {
          const t = request.newsroom!.context().t.newsroom.login;
          const status = result.reason === 'invalid' ? 401 : 429;
          return kit.page(request, reply, (ctx) => LoginPage({ ctx, email: form.email, error: t[result.reason], next: form.next ? safeNext(form.next) : null }), { status });
        }
        kit.setSession(reply, result.token, result.session);
        if (result.kind === 'totpRequired') return reply.redirect(`/newsroom/login/two-factor${form.next ? `?next=${encodeURIComponent(safeNext(form.next))}` : ''}`, 303);
        return reply.redirect(result.session.mustEnrolTotp ? '/newsroom/account' : safeNext(form.next), 303);
      },
    });

    kit.route({
      method: 'GET',
      url: '/login/two-factor',
      access: 'public',
      handler: (request, reply) => {
        if (!request.newsroom?.pending) return reply.redirect('/newsroom/login', 303);
        return kit.page(request, reply, (ctx) => TotpPage({ ctx }));
      },
    });

    kit.route({
      method: 'POST',
      url: '/login/two-factor',
      access: 'public',
      handler: async (request, reply) => {
        const state = request.newsroom!;
        if (!state.pending || !state.token) {
          return kit.page(request, reply, (ctx) => LoginPage({ ctx, error: ctx.t.newsroom.totp.expired }), { status: 401 });
        }
        const form = parseForm(codeForm, request.body);
        const result = await accounts.completeTotpLogin({ token: state.token, code: form.code, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
        if (result.kind === 'refused') {
          const status = result.reason === 'invalid' ? 401 : 429;
          return kit.page(request, reply, (ctx) => TotpPage({ ctx, error: result.reason === 'invalid' ? ctx.t.newsroom.totp.invalid : ctx.t.newsroom.login[result.reason] }), { status });
        }
        kit.setSession(reply, result.token, result.session);
        const next = (request.query as Record<string, string | undefined>)['next'];
        return reply.redirect(safeNext(next), 303);
      },
    });

    kit.route({
      method: 'POST',
      url: '/logout',
      access: 'public',
      beforeTotpEnrolment: true,
      handler: async (request, reply) => {
        await accounts.logout(request.newsroom?.token);
        kit.clearSession(reply);
        return reply.redirect('/newsroom/login?signedOut=1', 303);
      },
    });
  },
};
