// The API's route helper: every route declares its access ('public' or an action of the matrix, which
// a token's scopes narrow), its parameters as zod schemas and its response schema — the OpenAPI
// document is generated from these same declarations. Tokens arrive as `Authorization: Bearer`.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { may, type Action, type Actor } from '../../domain/index.js';
import { messages, type Messages } from '../../i18n/index.js';
import type { JsonSchema } from './api-json.js';

export type ApiAccess = Action | 'public';

/** Error sentences in Arabic, or English when the client asks for it first. */
export function apiMessages(request: FastifyRequest): Messages['api'] {
  return messages(/^en\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'en' : 'ar').api;
}

export interface ApiOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify pattern, e.g. '/v1/articles/:id' (under /api). */
  readonly url: string;
  readonly access: ApiAccess;
  readonly summary: string;
  readonly tag: 'content' | 'newsroom';
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** JSON Schema of the success response, and its status. */
  readonly response: JsonSchema;
  readonly status?: number;
}

export interface ApiRouteDef<A extends ApiAccess> extends ApiOperation {
  readonly access: A;
  readonly handler: (request: FastifyRequest, reply: FastifyReply, actor: A extends 'public' ? null : Actor) => unknown;
}

/** Every registered operation, for the OpenAPI document. */
export interface ApiRegistry {
  readonly operations: ApiOperation[];
}

export function apiRoute<A extends ApiAccess>(app: FastifyInstance, registry: ApiRegistry, authenticate: (request: FastifyRequest) => Promise<Actor | null>, def: ApiRouteDef<A>): void {
  const { handler, ...operation } = def;
  registry.operations.push(operation);
  app.route({
    method: def.method,
    url: def.url,
    config: { access: def.access },
    handler: async (request, reply) => {
      if (def.access === 'public') return handler(request, reply, null as never);
      const actor = await authenticate(request);
      if (!actor) {
        return reply.code(401).header('www-authenticate', 'Bearer realm="minbar"').header('cache-control', 'no-store').send({ error: apiMessages(request).unauthorized });
      }
      if (!may(actor, def.access)) return reply.code(403).header('cache-control', 'no-store').send({ error: apiMessages(request).forbidden });
      return handler(request, reply, actor as never);
    },
  });
}
