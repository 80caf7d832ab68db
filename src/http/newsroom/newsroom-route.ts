// The newsroom's route helper and per-request state: every route must declare its `access` (the
// compiler insists), is checked against the access matrix before its handler runs, and is listed in
// the route table. Sessions resolve to `request.actor`; CSRF is checked for every unsafe method.
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { VNode } from 'preact';
import { may, type Actor } from '../../domain/index.js';
import type { SignedIn } from '../../services/index.js';
import { NewsroomMessagePage, renderDocument, type NewsroomViewContext } from '../../views/index.js';
import type { Access } from './route-table.js';

/** What the newsroom knows about the request, set by the session hook before any handler runs. */
export interface NewsroomRequestState {
  /** A full session, or null. */
  readonly session: SignedIn | null;
  /** A session waiting for its second factor (only the two-factor page accepts it). */
  readonly pending: SignedIn | null;
  /** The raw session cookie, to rotate or end it. */
  readonly token: string | null;
  /** The CSRF token forms must send back: the session's, or the anonymous double-submit cookie's. */
  readonly csrfToken: string;
  /** Builds the view context for this request. */
  context(): NewsroomViewContext;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in newsroom member, or null. Set for /newsroom routes (and /api routes with a token). */
    actor: Actor | null;
    newsroom: NewsroomRequestState | null;
  }
  interface FastifyContextConfig {
    /** Declared by every newsroom and API route (see newsroomRoute). */
    access?: string;
    /** The route is allowed before a required two-factor enrolment is done. */
    beforeTotpEnrolment?: boolean;
  }
}

type ActorFor<A extends Access> = A extends 'public' ? Actor | null : Actor;

export interface NewsroomRouteDef<A extends Access> {
  readonly method: Extract<HTTPMethods, 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'>;
  /** Relative to /newsroom: '/users/:id'. */
  readonly url: string;
  /** Required: an action of the access matrix, 'signedIn' (any member) or 'public' (sign-in pages). */
  readonly access: A;
  /** Reachable while a required two-factor enrolment is pending (the enrolment pages, sign-out). */
  readonly beforeTotpEnrolment?: boolean;
  /** Larger bodies than Fastify's default 1 MiB (uploads). */
  readonly bodyLimit?: number;
  readonly handler: (request: FastifyRequest, reply: FastifyReply, actor: ActorFor<A>) => unknown;
}

export function wantsJson(request: FastifyRequest): boolean {
  const accept = String(request.headers.accept ?? '');
  const type = String(request.headers['content-type'] ?? '');
  return accept.includes('application/json') || type.includes('application/json') || request.headers['x-csrf-token'] !== undefined;
}

/**
 * Adds a newsroom route. The access check runs first: a visitor is sent to the sign-in page (or gets
 * 401 JSON), a member without the right gets 403 — before the handler. Services check again.
 */
export function newsroomRoute<A extends Access>(app: FastifyInstance, def: NewsroomRouteDef<A>): void {
  app.route({
    method: def.method,
    url: def.url,
    ...(def.bodyLimit ? { bodyLimit: def.bodyLimit } : {}),
    config: { access: def.access, beforeTotpEnrolment: def.beforeTotpEnrolment ?? false },
    handler: async (request, reply) => {
      const state = request.newsroom;
      const actor = request.actor;
      if (def.access !== 'public') {
        if (!actor || !state?.session) {
          if (wantsJson(request)) return reply.code(401).send({ error: state?.context().t.newsroom.login.signInRequired ?? 'unauthorized' });
          if (def.method === 'GET') return reply.redirect(`/newsroom/login?next=${encodeURIComponent(request.url)}`, 303);
          return renderNewsroomMessage(request, reply, 401, 'signInRequired');
        }
        if (state.session.mustEnrolTotp && !def.beforeTotpEnrolment) {
          if (def.method === 'GET') return reply.redirect('/newsroom/account', 303);
          return renderNewsroomMessage(request, reply, 403, 'forbidden');
        }
        if (def.access !== 'signedIn' && !may(actor, def.access)) return renderNewsroomMessage(request, reply, 403, 'forbidden');
      }
      return def.handler(request, reply, actor as ActorFor<A>);
    },
  });
}

/** Renders a newsroom page (a view built from this request's context) with no-store caching. */
export function renderNewsroomPage(
  request: FastifyRequest,
  reply: FastifyReply,
  build: (ctx: NewsroomViewContext) => VNode,
  options: { status?: number } = {},
): FastifyReply {
  const state = request.newsroom;
  if (!state) throw new Error('renderNewsroomPage outside the newsroom plugin');
  return reply
    .code(options.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(build(state.context())));
}

export type NewsroomMessageKind = 'csrf' | 'forbidden' | 'notFound' | 'invalid' | 'tooLarge' | 'serverError' | 'signInRequired';

/** A refusal or failure as a short newsroom page, or JSON `{ error, fields }` for fetch and API callers. */
export async function renderNewsroomMessage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  kind: NewsroomMessageKind,
  fields?: Readonly<Record<string, string>>,
): Promise<FastifyReply> {
  const state = request.newsroom;
  const ctx = state?.context();
  const t = ctx?.t.newsroom;
  const message = t ? (kind === 'signInRequired' ? t.login.signInRequired : t.errors[kind]) : kind;
  if (wantsJson(request) || !ctx) return reply.code(status).header('cache-control', 'no-store').send({ error: message, ...(fields ? { fields } : {}) });
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderDocument(NewsroomMessagePage({ ctx, title: ctx.t.newsroom.errors.title, message, ...(fields ? { fields } : {}) })));
}
