// The newsroom mounted at /newsroom: form bodies, cookie sessions resolved to `request.actor`, CSRF on
// every unsafe method (session-bound synchronizer token; a double-submit cookie before sign-in), a
// refusal for any route that did not declare its access, error pages in the member's language, and
// the route modules (this part's and part 2's) listed in newsroom-modules.ts.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { ZodError } from 'zod';
import { Conflict, Forbidden, InvalidInput, NotFound, may } from '../../domain/index.js';
import { createFormatter, localeInfo, messages, type Locale } from '../../i18n/index.js';
import type { SignedIn } from '../../services/index.js';
import type { NewsroomViewContext } from '../../views/index.js';
import type { NewsroomKit } from './newsroom-kit.js';
import { newsroomModules } from './newsroom-modules.js';
import { sessionCookies } from './session-cookies.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import { renderNewsroomMessage, renderNewsroomPage, newsroomRoute, wantsJson } from './newsroom-route.js';
import { ensureRouteTable, exposeToParent } from './route-table.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What busboy throws for a multipart body that does not parse (no boundary, cut short, broken part headers). */
const BROKEN_MULTIPART = /^(Multipart: Boundary not found|Unexpected end of (multipart data|form|file)|Malformed part header|Unsupported Content-Type\.?)$/;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** The token a request carries: the x-csrf-token header, or `_csrf` in a form, JSON or multipart body. */
function sentCsrf(request: FastifyRequest): string | null {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body['_csrf'] : undefined;
  if (typeof field === 'string') return field;
  if (field && typeof field === 'object' && typeof (field as { value?: unknown }).value === 'string') return (field as { value: string }).value;
  return null;
}

async function scopedNewsroom(app: FastifyInstance, deps: NewsroomDeps): Promise<void> {
  const cookies = sessionCookies(deps.config.publicUrl);
  const formatters = new Map<Locale, ReturnType<typeof createFormatter>>();
  const fmt = (locale: Locale) => {
    let f = formatters.get(locale);
    if (!f) {
      f = createFormatter({ locale, timeZone: deps.config.timeZone, digits: deps.config.digits, hijri: false });
      formatters.set(locale, f);
    }
    return f;
  };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: cookies.secure };

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 1_048_576 });
  app.decorateRequest('actor', null);
  app.decorateRequest('newsroom', null);

  // Every route in the newsroom declares its access, or the application refuses to start.
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) throw new Error(`newsroom route ${route.method} ${route.url} has no access declaration; use newsroomRoute()`);
  });

  const nav = newsroomModules.flatMap((m) => m.nav ?? []);

  app.addHook('onRequest', async (request, reply) => {
    const token = request.cookies[cookies.session] ?? null;
    const signed = await deps.accounts.authenticate(token);
    const session = signed?.stage === 'full' ? signed : null;
    const pending = signed?.stage === 'totp' ? signed : null;
    let csrfToken = signed?.csrfToken ?? request.cookies[cookies.csrf] ?? '';
    if (!signed && !csrfToken) {
      // Before sign-in, forms are protected by a double-submit cookie (login CSRF).
      csrfToken = randomBytes(32).toString('base64url');
      reply.setCookie(cookies.csrf, csrfToken, cookieOptions);
    }
    request.actor = session?.actor ?? null;
    const locale: Locale = session?.user.locale ?? 'ar';
    const state = {
      session,
      pending,
      token,
      csrfToken,
      context: (): NewsroomViewContext => ({
        siteName: deps.config.siteName,
        locale,
        lang: localeInfo[locale].lang,
        dir: localeInfo[locale].dir,
        t: messages(locale),
        fmt: fmt(locale),
        css: deps.css,
        icon: deps.icon,
        scripts: deps.scripts,
        user: session ? { id: session.user.id, displayName: session.user.displayName, role: session.user.role } : null,
        csrfToken,
        nav: session && !session.mustEnrolTotp
          ? nav
              .filter((n) => n.access === 'signedIn' || n.access === 'public' || may(session.actor, n.access))
              .map((n) => ({ href: n.href, label: n.label(messages(locale)) }))
          : [],
        path: request.url.split('?')[0] ?? request.url,
        now: deps.now(),
      }),
    };
    request.newsroom = state;
  });

  // After the body is parsed, before any handler: unsafe methods must carry this session's token.
  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const expected = request.newsroom?.csrfToken ?? '';
    const sent = sentCsrf(request);
    if (!sent || !same(sent, expected)) {
      request.log.warn({ url: request.url }, 'newsroom: CSRF token missing or wrong');
      return renderNewsroomMessage(request, reply, 403, 'csrf');
    }
  });

  app.setErrorHandler(async (error, request, reply) => {
    if (error instanceof Forbidden) return renderNewsroomMessage(request, reply, 403, 'forbidden');
    if (error instanceof NotFound) return renderNewsroomMessage(request, reply, 404, 'notFound');
    if (error instanceof InvalidInput) return renderNewsroomMessage(request, reply, 400, 'invalid', error.fields);
    // Routes read ids and queries with `schema.parse(...)`: input a schema refuses is the client's error.
    if (error instanceof ZodError) return renderNewsroomMessage(request, reply, 400, 'invalid');
    if (error instanceof Conflict) return renderNewsroomMessage(request, reply, 409, 'invalid');
    const status = (error as { statusCode?: number }).statusCode;
    // A multipart body that does not parse is the client's error: multipart parsing runs on every newsroom
    // route (for the upload form), before the CSRF check and any handler, so nothing was read or written.
    if (status === undefined && request.isMultipart?.() && BROKEN_MULTIPART.test(error instanceof Error ? error.message : '')) {
      return renderNewsroomMessage(request, reply, 400, 'invalid');
    }
    // An upload over MEDIA_MAX_BYTES (@fastify/multipart stops reading it): nothing was stored.
    if (status === 413) return renderNewsroomMessage(request, reply, 413, 'tooLarge');
    if (status && status >= 400 && status < 500) return renderNewsroomMessage(request, reply, status, status === 404 ? 'notFound' : 'invalid');
    request.log.error(error);
    return renderNewsroomMessage(request, reply, 500, 'serverError');
  });
  app.setNotFoundHandler((request, reply) => renderNewsroomMessage(request, reply, 404, 'notFound'));

  const kit: NewsroomKit = {
    app,
    deps,
    cookies,
    route: (def) => newsroomRoute(app, def),
    page: (request: FastifyRequest, reply: FastifyReply, build, options) => renderNewsroomPage(request, reply, build, options),
    setSession: (reply, token, session: SignedIn) => {
      reply.setCookie(cookies.session, token, { ...cookieOptions, maxAge: Math.floor(session.stage === 'full' ? deps.accounts.policy.sessionAbsoluteMs / 1000 : deps.accounts.policy.totpPendingMs / 1000) });
    },
    clearSession: (reply) => {
      reply.clearCookie(cookies.session, cookieOptions);
    },
    wantsJson,
  };
  for (const m of newsroomModules) await m.register(kit);
  // Unknown newsroom paths get the newsroom's 404 (the site's parametric routes would claim them otherwise).
  kit.route({ method: 'GET', url: '/*', access: 'public', handler: (request, reply) => renderNewsroomMessage(request, reply, 404, 'notFound') });
}

/** Registers the newsroom under /newsroom and lists its routes in `app.routeTable`. */
export const newsroomPlugin = exposeToParent(async function newsroomPlugin(app: FastifyInstance, deps: NewsroomDeps) {
  ensureRouteTable(app);
  const table = app.routeTable;
  await app.register(
    async (scope) => {
      scope.addHook('onRoute', (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        for (const method of methods) {
          if (method === 'HEAD') continue;
          table.push({ area: 'newsroom', method, url: route.url, access: (route.config?.access ?? 'public') as never });
        }
      });
      await scopedNewsroom(scope, deps);
    },
    { prefix: '/newsroom' },
  );
});
