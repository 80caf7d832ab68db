// The per-request view context builder that routes receive from the app (site chrome, formatter, assets).
import type { FastifyRequest } from 'fastify';
import type { ViewContext } from '../views/index.js';

export interface ContextFactory {
  (request: FastifyRequest): Promise<ViewContext>;
}
