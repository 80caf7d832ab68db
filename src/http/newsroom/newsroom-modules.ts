// The newsroom's route modules, in menu order. Part 2 adds its modules (articles, media, curation) to
// this list with one import and one entry each; nothing else needs to change.
import type { NewsroomModule } from './newsroom-kit.js';
import { accountRoutes } from './account-routes.js';
import { adminRoutes } from './admin-routes.js';
import { articleListRoutes } from './article-list-routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { liveConsoleRoutes } from './live-routes.js';
import { editorRoutes } from './editor-routes.js';
import { mediaRoutes } from './media-routes.js';
import { curationRoutes } from './curation-routes.js';
import { moderationRoutes } from './moderation-routes.js';

export const newsroomModules: readonly NewsroomModule[] = [signInRoutes, articleListRoutes, editorRoutes, mediaRoutes, curationRoutes, liveConsoleRoutes, moderationRoutes, accountRoutes, adminRoutes];
