// Front door of the views: page components and the document renderer. Views get prepared data and
// a ViewContext; they never call services or touch the database.
export type { ViewContext, PageMeta, AssetUrls } from './context.js';
export { renderDocument } from './render.js';
export { HomePage } from './site/home-page.js';
export { ArticlePage } from './site/article-page.js';
export { ErrorPage, type ErrorKind } from './site/error-page.js';
export { LivePage } from './site/live-page.js';
export { ListPage, listBasePath } from './site/list-page.js';
export { StaticPage } from './site/static-page.js';
export { renderRss, renderSitemapIndex, renderUrlSet, renderNewsSitemap, renderRobots, type SitemapUrl } from './feeds/index.js';
export { SearchPage, type SearchPageData, type SearchForm } from './site/search-page.js';
export type { NewsroomViewContext, NewsroomNavItem } from './newsroom/newsroom-context.js';
export { NewsroomDocument, CsrfField, Field, SelectField, CheckboxGroup, Checkbox, type NewsroomPageProps, type FieldProps, type SelectOption } from './newsroom/newsroom-document.js';
export { LoginPage, TotpPage } from './newsroom/sign-in-pages.js';
export { AccountPage, type AccountPageData } from './newsroom/account-page.js';
export { ArticleListPage } from './newsroom/article-list-page.js';
export { UsersPage, UserFormPage, type UserFormValues } from './newsroom/users-pages.js';
export { ApiTokensPage, AuditPage, NewsroomMessagePage } from './newsroom/admin-pages.js';
export { EditorPage, MediaPickerDialog, bodyAsText, type EditorPageData, type EditorOptions, type EditorActions } from './newsroom/editor-page.js';
export { RevisionListPage, RevisionDiffPage, type RevisionListData, type RevisionDiffData } from './newsroom/revision-pages.js';
export { MediaLibraryPage, MediaEditPage, mediaThumb, type MediaLibraryData } from './newsroom/media-pages.js';
export { CurationPage, type CurationData, type CurationStory } from './newsroom/curation-pages.js';
export { CommentsSection, CommentList, CommentItem, type CommentViewer } from './parts/comments-thread.js';
export { CommentForm, EMPTY_COMMENT_FORM, type CommentFormState } from './parts/comments-form.js';
export { CommentThreadPage, type CommentThreadPageData } from './site/comment-thread-page.js';
export { ReaderSignUpPage, ReaderSignInPage, ReaderAccountPage, CommentEditPage, type ReaderAccountData } from './site/reader-account-pages.js';
export { ModerationQueuePage, type ModerationQueueData } from './newsroom/moderation-queue-page.js';
export { ModerationWordsPage, ModerationSettingsPage, ModerationLogPage, ModerationReaderPage } from './newsroom/moderation-admin-pages.js';
