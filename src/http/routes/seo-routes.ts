// For search engines: robots.txt, the sitemap index, its paginated sitemaps (articles and tags by id
// range, at most 5,000 URLs each, and the site's other pages), the Google News sitemap, and the 16:9, 4:3
// and 1:1 picture crops that structured data names. Last-Modified on all; ETag/304 from conditional-get.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound, articlePath, authorPath, sectionPath, storyPath, tagPath } from '../../domain/index.js';
import { CROP_RATIOS, CROP_WIDTHS, pageTags, type CropRatio, type ImageCropService, type SiteService } from '../../services/index.js';
import { renderNewsSitemap, renderRobots, renderSitemapIndex, renderUrlSet, type SitemapUrl } from '../../views/index.js';
import { httpDate } from '../conditional-get.js';
import type { ContextFactory } from '../context-factory.js';
import { publicCacheControl, tagPage } from '../page-cache.js';

interface Options {
  readonly site: SiteService;
  readonly context: ContextFactory;
  readonly crops?: ImageCropService;
}

/** Sitemaps change with every publication and are purged then ('sitemaps'). */
function xml(reply: FastifyReply, body: string, lastModified: number | null, maxAge: number) {
  if (lastModified !== null) reply.header('last-modified', httpDate(lastModified));
  tagPage(reply, [pageTags.sitemaps]);
  return reply
    .header('content-type', 'application/xml; charset=utf-8')
    .header('cache-control', publicCacheControl(maxAge, maxAge))
    .send(body);
}

export const seoRoutes: FastifyPluginAsync<Options> = async (app, { site, context, crops }) => {
  app.get('/robots.txt', async (req, reply) => {
    const ctx = await context(req);
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(renderRobots(ctx));
  });

  app.get('/sitemap.xml', async (req, reply) => {
    const [ctx, data] = await Promise.all([context(req), site.sitemapIndex()]);
    const maps: SitemapUrl[] = [
      { path: '/sitemaps/pages.xml', lastModified: data.pagesLastModified },
      ...data.articleBuckets.map((b) => ({ path: `/sitemaps/articles-${b.bucket}.xml`, lastModified: b.lastModified })),
      ...data.tagBuckets.map((b) => ({ path: `/sitemaps/tags-${b.bucket}.xml`, lastModified: b.lastModified })),
    ];
    return xml(reply, renderSitemapIndex(ctx, maps), data.pagesLastModified, 300);
  });

  app.get('/sitemaps/news.xml', async (req, reply) => {
    const [ctx, data] = await Promise.all([context(req), site.newsSitemap()]);
    return xml(reply, renderNewsSitemap(ctx, data.articles), data.lastModified, 120);
  });

  app.get('/sitemaps/pages.xml', async (req, reply) => {
    const [ctx, d] = await Promise.all([context(req), site.sitemapPages()]);
    const urls: SitemapUrl[] = [
      { path: '/', lastModified: d.lastModified },
      { path: '/latest', lastModified: d.lastModified },
      ...d.sections.map((s) => ({ path: sectionPath(s.slug), lastModified: null })),
      ...d.stories.map((s) => ({ path: storyPath(s.slug), lastModified: s.lastModified })),
      ...d.authors.map((a) => ({ path: authorPath(a.slug), lastModified: a.lastModified })),
      ...d.staticPages.map((p) => ({ path: `/pages/${p.slug}`, lastModified: p.updatedAt })),
    ];
    return xml(reply, renderUrlSet(ctx, urls), d.lastModified, 900);
  });

  app.get('/sitemaps/:file', async (req: FastifyRequest<{ Params: { file: string } }>, reply) => {
    const m = /^(articles|tags)-(0|[1-9][0-9]{0,8})\.xml$/.exec(req.params.file);
    if (!m) throw new NotFound(req.params.file);
    const bucket = Number(m[2]);
    if (m[1] === 'tags') {
      const [ctx, data] = await Promise.all([context(req), site.sitemapTags(bucket)]);
      const urls = data.tags.map((t) => ({ path: tagPath(t.slug), lastModified: t.lastModified }));
      return xml(reply, renderUrlSet(ctx, urls), data.lastModified, 900);
    }
    const [ctx, data] = await Promise.all([context(req), site.sitemapArticles(bucket)]);
    const urls = data.articles.map((a) => ({ path: articlePath(a), lastModified: a.updatedAt }));
    return xml(reply, renderUrlSet(ctx, urls), data.lastModified, 900);
  });

  app.get('/media/crop/:key/:ratio/:file', async (req: FastifyRequest<{ Params: { key: string; ratio: string; file: string } }>, reply) => {
    const { key, ratio, file } = req.params;
    const width = Number(/^([0-9]{3,4})\.jpg$/.exec(file)?.[1]);
    if (!crops || !/^[a-z0-9]{8,64}$/.test(key) || !(ratio in CROP_RATIOS) || !(CROP_WIDTHS as readonly number[]).includes(width)) {
      throw new NotFound(req.url);
    }
    const body = await crops.crop(key, ratio as CropRatio, width);
    if (!body) throw new NotFound(req.url);
    return reply.header('content-type', 'image/jpeg').header('cache-control', 'public, max-age=31536000, immutable').send(body);
  });
};
