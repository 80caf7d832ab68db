// The table of every newsroom and API route with the access it declared, kept on the root Fastify
// instance so tests (and the OpenAPI check) can walk it. Knows nothing of handlers.
import type { FastifyInstance } from 'fastify';
import type { Action } from '../../domain/index.js';

/** What a route demands: an action of the access matrix, any signed-in member, or nobody. */
export type Access = Action | 'signedIn' | 'public';

export interface RouteInfo {
  readonly area: 'newsroom' | 'api';
  readonly method: string;
  /** Full URL pattern, e.g. "/newsroom/users/:id". */
  readonly url: string;
  readonly access: Access | `scope:${string}`;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteInfo[];
  }
}

export function ensureRouteTable(app: FastifyInstance): void {
  if (!app.hasDecorator('routeTable')) app.decorate('routeTable', []);
}

/** Lets a plugin's decorations reach its parent (what fastify-plugin does), without another dependency. */
export function exposeToParent<T>(plugin: T): T {
  (plugin as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}
