// The newsroom's HTTP front door, for app.ts and for the route modules of part 2 (editor, workflow,
// media, curation). Knows routing, sessions and CSRF; the services decide what is allowed.
//
// ─── How to add newsroom screens (part 2) ────────────────────────────────────────────────────────────
// 1. Write a module file here, e.g. `article-routes.ts`:
//
//      import type { NewsroomModule } from './newsroom-kit.js';
//      export const articleRoutes: NewsroomModule = {
//        name: 'articles-edit',
//        nav: [{ href: '/newsroom/media', label: (t) => t.newsroom.nav.media, access: 'media.upload' }],
//        register(kit) {
//          kit.route({ method: 'GET', url: '/articles/:id', access: 'article.read',      // `access` is required:
//            handler: async (request, reply, actor) => {                                  // an Action, 'signedIn'
//              const data = await kit.deps.publishing.load(actor, id);                    // or 'public'.
//              return kit.page(request, reply, (ctx) => EditorPage({ ctx, data }));       // ctx: NewsroomViewContext
//            } });
//        },
//      };
//
//    and add it to the list in `newsroom-modules.ts` (one import, one entry).
// 2. Views: `src/views/newsroom/<screen>-page.tsx`, wrapped in `<NewsroomDocument ctx title notice error>`;
//    every POST form includes `<CsrfField ctx={ctx} />`; `Field`, `SelectField`, `CheckboxGroup` are there.
// 3. fetch()/JSON from the editor: send the header `x-csrf-token: <ctx.csrfToken>` (render it into a
//    `<meta name="csrf-token">` or a data- attribute). Errors come back as JSON `{ error, fields }` when the
//    request sends that header or `accept: application/json`.
// 4. Multipart uploads: register @fastify/multipart on `kit.app`; send the token in the header (or use
//    attachFieldsToBody so `_csrf` is in the body before the preHandler CSRF check runs).
// 5. Services: add them to `NewsroomServices` (newsroom-deps.ts) and pass them in main.ts's createApp.
//    Throw the domain errors: Forbidden → 403, NotFound → 404, InvalidInput → 400 with its fields,
//    Conflict → 409 — rendered in the member's language by the plugin's error handler.
// 6. Client islands: pass their hashed URLs in `NewsroomDeps.scripts`; pages list them in
//    `<NewsroomDocument scripts={['editor']}>` (script-src 'self': never inline).
// `request.actor` is the signed-in member (or null) on every /newsroom request.
export { newsroomPlugin } from './newsroom-plugin.js';
export { newsroomRoute, renderNewsroomPage, renderNewsroomMessage, wantsJson, type NewsroomRouteDef, type NewsroomRequestState } from './newsroom-route.js';
export type { NewsroomKit, NewsroomModule, NewsroomNavEntry } from './newsroom-kit.js';
export type { NewsroomDeps, NewsroomServices } from './newsroom-deps.js';
export { sessionCookies, type SessionCookies } from './session-cookies.js';
export { ensureRouteTable, exposeToParent, type Access, type RouteInfo } from './route-table.js';
export { safeNext, parseForm, formList, formIds, formBool, formText, idParams } from './form-input.js';
/** Views re-exported for route modules: the form field carrying the CSRF token, and the layout. */
export { CsrfField, NewsroomDocument } from '../../views/index.js';
