// The contract between the newsroom plugin and its route modules (this part's and part 2's): the kit a
// module's `register` receives, and the menu entries it contributes. Types only.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Messages } from '../../i18n/index.js';
import type { SignedIn } from '../../services/index.js';
import type { NewsroomViewContext } from '../../views/index.js';
import type { NewsroomDeps } from './newsroom-deps.js';
import type { NewsroomRouteDef } from './newsroom-route.js';
import type { Access } from './route-table.js';
import type { SessionCookies } from './session-cookies.js';

/** What a route module receives. */
export interface NewsroomKit {
  /** The /newsroom-scoped Fastify instance (register plugins such as multipart here). */
  readonly app: FastifyInstance;
  readonly deps: NewsroomDeps;
  readonly cookies: SessionCookies;
  /** Adds a route; `access` is required. */
  route<A extends Access>(def: NewsroomRouteDef<A>): void;
  /** Renders a newsroom view for this request. */
  page(request: FastifyRequest, reply: FastifyReply, build: (ctx: NewsroomViewContext) => VNode, options?: { status?: number }): FastifyReply;
  setSession(reply: FastifyReply, token: string, session: SignedIn): void;
  clearSession(reply: FastifyReply): void;
  wantsJson(request: FastifyRequest): boolean;
}

export interface NewsroomNavEntry {
  readonly href: string;
  readonly label: (t: Messages) => string;
  /** Shown only to members this access allows. */
  readonly access: Access;
}

export interface NewsroomModule {
  readonly name: string;
  readonly nav?: readonly NewsroomNavEntry[];
  register(kit: NewsroomKit): void | Promise<void>;
}
