// The OpenAPI 3.1 document of the content API, generated from the same route declarations the server
// registers (paths, access, zod parameter and body schemas, response schemas). Knows no handlers.
import { z } from 'zod';
import type { JsonSchema } from './api-json.js';
import type { ApiOperation } from './api-route.js';

function toJson(schema: z.ZodType): JsonSchema {
  const s = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete s['$schema'];
  return s;
}

/** '/v1/articles/:id' → '/api/v1/articles/{id}' */
export function openApiPath(url: string): string {
  return `/api${url.replace(/:([A-Za-z_]+)/g, '{$1}')}`;
}

export function openApiDocument(input: { siteName: string; publicUrl: string; operations: readonly ApiOperation[]; schemas: Record<string, JsonSchema> }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of input.operations) {
    const path = openApiPath(op.url);
    const pathParams = [...op.url.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }));
    const queryParams: unknown[] = [];
    if (op.query) {
      const q = toJson(op.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {})) queryParams.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema });
    }
    const status = String(op.status ?? 200);
    paths[path] ??= {};
    paths[path]![op.method.toLowerCase()] = {
      operationId: `${op.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: op.summary,
      tags: [op.tag],
      'x-minbar-access': op.access,
      ...(op.access === 'public' ? { security: [] } : { security: [{ bearerToken: [] }] }),
      parameters: [...pathParams, ...queryParams],
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: toJson(op.body) } } } } : {}),
      responses: {
        [status]: { description: 'OK', content: { 'application/json': { schema: op.response } } },
        ...(op.method === 'GET' && op.access === 'public' ? { '304': { description: 'Not modified (If-None-Match matched the ETag).' } } : {}),
        '400': { description: 'Invalid parameters, with Arabic field messages.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        ...(op.access === 'public'
          ? { '404': { description: 'Not found.' }, ...(op.url.includes(':id') ? { '410': { description: 'Withdrawn.' } } : {}) }
          : { '401': { description: 'Missing or invalid token.' }, '403': { description: 'The token’s account or scopes do not allow this.' }, '404': { description: 'Not found.' }, '409': { description: 'Stale revision or invalid transition.' } }),
      },
    };
  }
  paths['/api/openapi.json'] = { get: { operationId: 'getOpenApi', summary: 'This document.', tags: ['content'], security: [], responses: { '200': { description: 'OK' } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: `${input.siteName} content API`,
      version: '1.0.0',
      description:
        'Published content as JSON (read-only, no authentication, ETags, cursor pages) and the newsroom API for integrations: `Authorization: Bearer <token>` with a token an administrator created in the newsroom, acting with one account’s role narrowed to the token’s scopes. Error messages are Arabic (English with `Accept-Language: en`).',
    },
    servers: [{ url: input.publicUrl }],
    tags: [
      { name: 'content', description: 'Published content, public and read-only.' },
      { name: 'newsroom', description: 'Drafts and workflow, with an integration token.' },
    ],
    paths,
    components: {
      schemas: input.schemas,
      securitySchemes: { bearerToken: { type: 'http', scheme: 'bearer', description: 'An integration token (mbr_…) created under Newsroom → API tokens.' } },
    },
  };
}
