// Front door of the content API (public JSON of published content, the token-authenticated newsroom
// API, the OpenAPI document). Knows HTTP and JSON; the services decide what exists and who may act.
export { apiPlugin, type ApiDeps } from './api-plugin.js';
export { openApiPath } from './openapi-document.js';
