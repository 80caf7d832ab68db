// Front door of the HTTP layer: build the Fastify app (tests inject requests; main.ts listens).
export { buildApp, type AppDeps } from './app.js';
export type { SearchRateLimit } from './routes/search-routes.js';
export { createLifecycle, type Lifecycle, type ReadinessProbe } from './health.js';
