// The newsroom's front page: the article list with search, filters and pages, narrowed by the access
// matrix in the service. Members whose role has no articles (moderators) get a pointer to their work.
import { may } from '../../domain/index.js';
import { parseArticleListQuery } from '../../services/index.js';
import { ArticleListPage } from '../../views/index.js';
import type { NewsroomModule } from './newsroom-kit.js';

export const articleListRoutes: NewsroomModule = {
  name: 'articles',
  nav: [{ href: '/newsroom', label: (t) => t.newsroom.nav.articles, access: 'article.read' }],
  register(kit) {
    const { articleList } = kit.deps;
    kit.route({
      method: 'GET',
      url: '/',
      access: 'signedIn',
      handler: async (request, reply, actor) => {
        const filters = parseArticleListQuery(request.query);
        if (!may(actor, 'article.read')) {
          return kit.page(request, reply, (ctx) => ArticleListPage({ ctx, page: null, filters, options: { sections: [], authors: [], stories: [] } }));
        }
        const [page, options] = await Promise.all([articleList.list(actor, filters), articleList.filterOptions()]);
        return kit.page(request, reply, (ctx) => ArticleListPage({ ctx, page, filters, options }));
      },
    });
  },
};
