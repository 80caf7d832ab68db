// What the newsroom's routes are given: the services they call and the few settings they need.
// Part 2 (editor, workflow, media, curation) adds its services here and in main.ts's createApp.
import type { Config } from '../../config/index.js';
import type {
  AccountsService,
  ApiTokenService,
  ArticleListService,
  AuditService,
  CurationService,
  MediaService,
  PublishingService,
  SiteService,
} from '../../services/index.js';
import type { LiveService } from '../../services/index.js';
import type { ModerationService } from '../../services/index.js';

export interface NewsroomServices {
  readonly accounts: AccountsService;
  readonly apiTokens: ApiTokenService;
  readonly audit: AuditService;
  readonly articleList: ArticleListService;
  readonly publishing: PublishingService;
  readonly curation: CurationService;
  readonly media: MediaService;
  readonly site: SiteService;
  /** The live console (absent: the module is not mounted). */
  readonly live?: LiveService;
  /** Comment moderation (absent: the module is not mounted). */
  readonly moderation?: ModerationService;
}

export interface NewsroomDeps extends NewsroomServices {
  readonly config: Config;
  /** Request time (tests fix it). */
  readonly now: () => number;
  /** Hashed URL of the newsroom stylesheet. */
  readonly css: string;
  /** Hashed URL of the site icon. */
  readonly icon: string;
  /** Hashed URLs of client islands by name (the editor bundle, …). */
  readonly scripts: Readonly<Record<string, string>>;
}
