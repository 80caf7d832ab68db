// Public comment routes and reader accounts: the thread page, posting and replying by plain form POST,
// react, report, edit within the window, delete own; sign-up, sign-in, the account page, export and
// deletion. Reader sessions are their own cookie, apart from the newsroom's; every POST carries a CSRF
// token — the reader session's, or for guests a signed double-submit cookie. No SQL or rules here.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { z } from 'zod';
import { InvalidInput, NotFound, type CommentSort, MAX_ID } from '../../domain/index.js';
import { BODY_MAX, CommentRefused, READER_SESSION_MS, type CommentService, type ReaderService, type ReaderSignedIn } from '../../services/index.js';
import {
  CommentEditPage,
  CommentThreadPage,
  EMPTY_COMMENT_FORM,
  ReaderAccountPage,
  ReaderSignInPage,
  ReaderSignUpPage,
  renderDocument,
  type CommentFormState,
  type ViewContext,
} from '../../views/index.js';
import type { ContextFactory } from '../context-factory.js';

interface Options {
  readonly comments: CommentService;
  readonly readers: ReaderService;
  readonly context: ContextFactory;
  readonly publicUrl: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in reader on public comment and account routes, or null. */
    reader: ReaderSignedIn | null;
    /** The CSRF token this request's forms carry and its POST must send back. */
    readerCsrf: string;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const text = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : v === undefined ? '' : String(v)), z.string().max(max));
const idParam = z.object({ id: z.coerce.number().int().positive().max(MAX_ID) });
const articleParam = z.object({ articleId: z.coerce.number().int().positive().max(MAX_ID) });
const threadQuery = z.object({
  sort: z.string().optional(),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  reply: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  done: z.string().max(20).optional(),
});
const postForm = z.object({ body: text(20_000), authorName: text(500), parentId: z.preprocess((v) => (v === '' || v === undefined ? null : Number(v)), z.number().int().positive().max(MAX_ID).nullable()).catch(null) });
const signUpForm = z.object({ email: text(320), password: text(200), displayName: text(200), next: text(500) });
const signInForm = z.object({ email: text(320), password: text(200), next: text(500) });

function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) throw new InvalidInput('الطلب غير صالح.', { form: 'invalid' });
  return r.data;
}

/** Only our own comment and account pages, never another origin. */
function safeNext(v: unknown): string {
  return typeof v === 'string' && /^\/(?:comments\/[0-9]+|account)(?:[/?#]|$)/.test(v) && !v.includes('\\') && !v.includes('//') ? v : '/account';
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const commentRoutes: FastifyPluginAsync<Options> = async (app, { comments, readers, context, publicUrl }) => {
  const secure = publicUrl.startsWith('https://');
  const names = { session: secure ? '__Host-minbar_reader' : 'minbar_reader', csrf: secure ? '__Host-minbar_reader_csrf' : 'minbar_reader_csrf' };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  const secret = await comments.secret();
  const sign = (token: string) => createHmac('sha256', secret).update(`csrf:${token}`).digest('base64url');
  const guestToken = () => {
    const t = randomBytes(24).toString('base64url');
    return `${t}.${sign(t)}`;
  };
  const validGuestToken = (v: string) => {
    const [t, s] = v.split('.');
    return !!t && !!s && same(s, sign(t));
  };

  await app.register(fastifyCookie);
  await app.register(fastifyFormbody, { bodyLimit: 256 * 1024 });
  app.decorateRequest('reader', null);
  app.decorateRequest('readerCsrf', '');

  app.addHook('onRequest', async (request, reply) => {
    const signed = await readers.authenticate(request.cookies[names.session]);
    request.reader = signed;
    if (signed) {
      request.readerCsrf = signed.csrfToken;
      return;
    }
    const cookie = request.cookies[names.csrf];
    if (cookie && validGuestToken(cookie)) request.readerCsrf = cookie;
    else if (!UNSAFE.has(request.method)) {
      request.readerCsrf = guestToken();
      reply.setCookie(names.csrf, request.readerCsrf, cookieOptions);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!UNSAFE.has(request.method)) return;
    const body = request.body as Record<string, unknown> | null | undefined;
    const sent = body && typeof body['_csrf'] === 'string' ? body['_csrf'] : '';
    if (!request.readerCsrf || !same(sent, request.readerCsrf)) {
      request.log.warn({ url: request.url }, 'comments: CSRF token missing or wrong');
      const ctx = await context(request);
      return reply.code(403).header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-store').send(ctx.t.comments.errors.csrf);
    }
  });

  const send = (reply: FastifyReply, html: string, status = 200) =>
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(html);

  const commenter = (request: FastifyRequest) =>
    request.reader ? { id: request.reader.reader.id, displayName: request.reader.reader.displayName, status: request.reader.reader.status, suspendedUntil: request.reader.reader.suspendedUntil } : null;

  async function threadPage(request: FastifyRequest, reply: FastifyReply, articleId: number, o: { sort: CommentSort; page: number; form: CommentFormState; notice: string | null; status?: number }) {
    const [ctx, article, thread, rules] = await Promise.all([context(request), comments.articleHead(articleId), comments.thread(articleId, o.sort, o.page), comments.rules(articleId)]);
    const r = request.reader?.reader ?? null;
    const blocked = r && (r.status === 'banned' || (r.status === 'suspended' && (r.suspendedUntil === null || r.suspendedUntil > ctx.now))) ? (r.status as 'suspended' | 'banned') : null;
    return send(
      reply,
      renderDocument(
        CommentThreadPage({
          ctx,
          data: {
            article,
            thread,
            mode: rules.mode,
            closesAt: rules.closesAt,
            guestsAllowed: rules.guestsAllowed,
            reader: r ? { id: r.id, displayName: r.displayName, blocked, suspendedUntil: r.suspendedUntil } : null,
            csrfToken: request.readerCsrf,
            form: o.form,
            notice: o.notice,
            maxLength: BODY_MAX,
          },
        }),
      ),
      o.status ?? 200,
    );
  }

  app.get('/comments/:articleId', async (request, reply) => {
    const { articleId } = parse(articleParam, request.params);
    const q = parse(threadQuery, request.query);
    const replyTo = q.reply ? await comments.replyTarget(articleId, q.reply) : null;
    const form = q.reply && replyTo !== null ? { ...EMPTY_COMMENT_FORM, parentId: q.reply, replyToName: replyTo } : EMPTY_COMMENT_FORM;
    return threadPage(request, reply, articleId, { sort: comments.parseSort(q.sort), page: q.page, form, notice: q.done ?? null });
  });

  app.post('/comments/:articleId', async (request, reply) => {
    const { articleId } = parse(articleParam, request.params);
    const f = parse(postForm, request.body);
    try {
      const r = await comments.post({ articleId, parentId: f.parentId, body: f.body, authorName: f.authorName }, { reader: commenter(request), ip: request.ip });
      const anchor = r.status === 'approved' ? `#comment-${r.id}` : '#comments';
      return reply.redirect(`/comments/${articleId}?done=${r.status}${anchor}`, 303);
    } catch (e) {
      if (!(e instanceof CommentRefused)) throw e;
      const replyToName = f.parentId ? await comments.replyTarget(articleId, f.parentId) : null;
      const form: CommentFormState = { body: f.body, authorName: f.authorName, parentId: f.parentId, replyToName, errors: { [e.field]: e.key } };
      return threadPage(request, reply, articleId, { sort: 'newest', page: 1, form, notice: null, status: e.statusCode });
    }
  });

  const requireReader = (request: FastifyRequest) => {
    const r = commenter(request);
    if (!r) throw new InvalidInput('سجّل الدخول أولًا.', { form: 'signInRequired' });
    return r;
  };

  app.post('/comments/c/:id/react', async (request, reply) => {
    const { id } = parse(idParam, request.params);
    if (!request.reader) return reply.redirect('/account/sign-in', 303);
    const r = await comments.react(id, requireReader(request));
    return reply.redirect(`/comments/${r.articleId}?done=reacted#comment-${id}`, 303);
  });

  app.post('/comments/c/:id/report', async (request, reply) => {
    const { id } = parse(idParam, request.params);
    const f = parse(z.object({ reason: text(40), note: text(500) }), request.body);
    const r = await comments.report(id, { reason: f.reason, note: f.note }, { reader: commenter(request), ip: request.ip });
    return reply.redirect(`/comments/${r.articleId}?done=reported#comment-${id}`, 303);
  });

  async function editPage(request: FastifyRequest, reply: FastifyReply, id: number, o: { body?: string; error?: string | null; status?: number } = {}) {
    const reader = commenter(request);
    if (!reader) return reply.redirect(`/account/sign-in?next=${encodeURIComponent(`/comments/c/${id}/edit`)}`, 303);
    const [ctx, own] = await Promise.all([context(request), comments.own(id, reader)]);
    if (own.status === 'deleted') throw new NotFound(`comment ${id}`);
    return send(
      reply,
      renderDocument(CommentEditPage({ ctx, data: { id, articleId: own.articleId, body: o.body ?? own.body, editableUntil: own.editableUntil, csrfToken: request.readerCsrf, error: o.error ?? null, maxLength: BODY_MAX } })),
      o.status ?? 200,
    );
  }

  app.get('/comments/c/:id/edit', async (request, reply) => editPage(request, reply, parse(idParam, request.params).id));

  app.post('/comments/c/:id/edit', async (request, reply) => {
    const { id } = parse(idParam, request.params);
    const f = parse(z.object({ body: text(20_000) }), request.body);
    if (!request.reader) return reply.redirect('/account/sign-in', 303);
    try {
      const r = await comments.edit(id, requireReader(request), f.body);
      const own = await comments.own(id, requireReader(request));
      return reply.redirect(`/comments/${own.articleId}?done=${r.status === 'approved' ? 'edited' : r.status}#comment-${id}`, 303);
    } catch (e) {
      if (!(e instanceof CommentRefused)) throw e;
      return editPage(request, reply, id, { body: f.body, error: e.key, status: e.statusCode });
    }
  });

  app.post('/comments/c/:id/delete', async (request, reply) => {
    const { id } = parse(idParam, request.params);
    if (!request.reader) return reply.redirect('/account/sign-in', 303);
    const articleId = await comments.remove(id, requireReader(request));
    return reply.redirect(`/comments/${articleId}?done=deleted`, 303);
  });

  // ─── Reader accounts ───────────────────────────────────────────────────────────────────────────────

  const startSession = (reply: FastifyReply, token: string) => {
    reply.setCookie(names.session, token, { ...cookieOptions, maxAge: Math.floor(READER_SESSION_MS / 1000) });
    reply.clearCookie(names.csrf, cookieOptions);
  };

  const page = async (request: FastifyRequest, reply: FastifyReply, build: (ctx: ViewContext) => ReturnType<typeof ReaderSignInPage>, status = 200) =>
    send(reply, renderDocument(build(await context(request))), status);

  app.get('/account/sign-up', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>)['next']);
    return page(request, reply, (ctx) => ReaderSignUpPage({ ctx, csrfToken: request.readerCsrf, values: { email: '', displayName: '' }, errors: {}, next }));
  });

  app.post('/account/sign-up', async (request, reply) => {
    const f = parse(signUpForm, request.body);
    const next = safeNext(f.next);
    try {
      const { token } = await readers.signUp({ email: f.email, password: f.password, displayName: f.displayName }, { network: await comments.hashNetwork(request.ip) });
      startSession(reply, token);
      return reply.redirect(next, 303);
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      return page(request, reply, (ctx) => ReaderSignUpPage({ ctx, csrfToken: request.readerCsrf, values: { email: f.email, displayName: f.displayName }, errors: e.fields, next }), e.fields['form'] === 'rateLimited' ? 429 : 400);
    }
  });

  app.get('/account/sign-in', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>)['next']);
    if (request.reader) return reply.redirect(next, 303);
    return page(request, reply, (ctx) => ReaderSignInPage({ ctx, csrfToken: request.readerCsrf, email: '', error: null, next }));
  });

  app.post('/account/sign-in', async (request, reply) => {
    const f = parse(signInForm, request.body);
    const next = safeNext(f.next);
    const r = await readers.signIn({ email: f.email, password: f.password });
    if ('error' in r) return page(request, reply, (ctx) => ReaderSignInPage({ ctx, csrfToken: request.readerCsrf, email: f.email, error: r.error, next }), r.error === 'locked' ? 429 : 401);
    startSession(reply, r.token);
    return reply.redirect(next, 303);
  });

  app.post('/account/sign-out', async (request, reply) => {
    await readers.signOut(request.cookies[names.session]);
    reply.clearCookie(names.session, cookieOptions);
    return reply.redirect('/', 303);
  });

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, o: { deleteError?: boolean; status?: number } = {}) => {
    if (!request.reader) return reply.redirect('/account/sign-in?next=%2Faccount', 303);
    const r = request.reader.reader;
    const list = await readers.myComments(r.id);
    return page(
      request,
      reply,
      (ctx) =>
        ReaderAccountPage({
          ctx,
          data: { reader: { displayName: r.displayName, email: r.email, status: r.status, suspendedUntil: r.suspendedUntil }, comments: list, csrfToken: request.readerCsrf, deleteError: o.deleteError ?? false, notice: null },
        }),
      o.status ?? 200,
    );
  };

  app.get('/account', async (request, reply) => accountPage(request, reply));

  app.get('/account/export', async (request, reply) => {
    if (!request.reader) return reply.redirect('/account/sign-in?next=%2Faccount', 303);
    const data = await readers.exportData(request.reader.reader.id);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', 'attachment; filename="comments.json"')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(data, null, 2));
  });

  app.post('/account/delete', async (request, reply) => {
    if (!request.reader) return reply.redirect('/account/sign-in', 303);
    const f = parse(z.object({ password: text(200) }), request.body);
    const ok = await readers.deleteAccount(request.reader.reader.id, f.password);
    if (!ok) return accountPage(request, reply, { deleteError: true, status: 400 });
    reply.clearCookie(names.session, cookieOptions);
    const ctx = await context(request);
    return send(reply, `<!doctype html><html lang="${ctx.lang}" dir="${ctx.dir}"><head><meta charset="utf-8"><title>${ctx.t.comments.account.deleted}</title><meta name="robots" content="noindex"></head><body><p>${ctx.t.comments.account.deleted}</p><p><a href="/">${ctx.t.site.home}</a></p></body></html>`);
  });
};
