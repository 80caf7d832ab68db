// The list pages: a section (with its subsections), an ongoing story (description, cover, count and
// its articles as a timeline), a tag, an author, and the latest news — keyset-paginated with real links,
// each page with its own canonical URL and "صفحة N" in its title.
import type { ArticleSummary, Media } from '../../domain/index.js';
import { articleHref, authorPath, sectionHref, sectionPath, storyPath, tagPath } from '../../domain/index.js';
import type { ListPageData, ListSubject } from '../../services/index.js';
import type { ViewContext } from '../context.js';
import { Document } from '../layout/document.js';
import { Breadcrumbs } from '../parts/breadcrumbs.js';
import { ArticleCard, TimeStamp } from '../parts/cards.js';
import { breadcrumbList, collectionPage, type Crumb } from '../parts/json-ld.js';
import { pageHref, Pagination } from '../parts/pagination.js';
import { Picture } from '../parts/picture.js';
import { BidiText } from '../parts/rich-text.js';

export function listBasePath(subject: ListSubject): string {
  switch (subject.kind) {
    case 'section':
      return sectionPath(subject.section.slug);
    case 'story':
      return storyPath(subject.story.slug);
    case 'tag':
      return tagPath(subject.tag.slug);
    case 'author':
      return authorPath(subject.author.slug);
    case 'latest':
      return '/latest';
  }
}

export function listTitle(ctx: ViewContext, subject: ListSubject): string {
  switch (subject.kind) {
    case 'section':
      return subject.section.name;
    case 'story':
      return subject.story.title;
    case 'tag':
      return ctx.t.reader.tagTitle(subject.tag.name);
    case 'author':
      return subject.author.name;
    case 'latest':
      return ctx.t.site.latest;
  }
}

function listDescription(ctx: ViewContext, subject: ListSubject): string {
  switch (subject.kind) {
    case 'section':
      return subject.section.description || ctx.t.reader.sectionIntro(subject.section.name);
    case 'story':
      return subject.story.description || subject.story.title;
    case 'tag':
      return ctx.t.reader.tagIntro(subject.tag.name);
    case 'author':
      return subject.author.bio || ctx.t.reader.authorDescription(subject.author.name);
    case 'latest':
      return ctx.t.reader.latestIntro;
  }
}

function crumbsOf(ctx: ViewContext, subject: ListSubject, title: string): Crumb[] {
  const home = { name: ctx.t.site.home, path: '/' };
  if (subject.kind === 'section' && subject.section.parentId !== null) {
    const parent = ctx.sections.find((s) => s.id === subject.section.parentId);
    if (parent) return [home, { name: parent.name, path: sectionPath(parent.slug) }, { name: title, path: listBasePath(subject) }];
  }
  return [home, { name: title, path: listBasePath(subject) }];
}

function feedOf(ctx: ViewContext, subject: ListSubject, title: string) {
  if (subject.kind === 'section') return { title: ctx.t.reader.rssOf(title), path: `${sectionPath(subject.section.slug)}/rss.xml` };
  if (subject.kind === 'story') return { title: ctx.t.reader.rssOf(title), path: `${storyPath(subject.story.slug)}/rss.xml` };
  return undefined;
}

function StoryTimeline({ ctx, articles }: { ctx: ViewContext; articles: readonly ArticleSummary[] }) {
  return (
    <ol class="timeline">
      {articles.map((a) => (
        <li key={a.id} class="timeline__item">
          <TimeStamp ctx={ctx} at={a.publishedAt} />
          <h3 class="timeline__title">
            <a href={articleHref(a)}>
              <BidiText text={a.title} />
            </a>
          </h3>
          {a.lead ? (
            <p class="timeline__lead">
              <BidiText text={a.lead} />
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function SubjectHeader({ ctx, subject, heading }: { ctx: ViewContext; subject: ListSubject; heading: string }) {
  const r = ctx.t.reader;
  if (subject.kind === 'story') {
    const s = subject.story;
    return (
      <header class="page-header story-header">
        <p class="page-header__kicker">{s.status === 'archived' ? r.archivedStory : r.ongoingStory}</p>
        <h1>
          <BidiText text={heading} />
        </h1>
        {s.cover ? <Picture media={s.cover} alt={s.cover.alt} sizes="(min-width: 60em) 44rem, 100vw" priority class="story-header__cover" /> : null}
        {s.description ? (
          <p class="page-header__intro">
            <BidiText text={s.description} />
          </p>
        ) : null}
        <p class="story-header__count">{ctx.fmt.articleCount(s.articleCount)}</p>
      </header>
    );
  }
  if (subject.kind === 'author') {
    const a = subject.author;
    return (
      <header class="page-header author-header">
        <h1>{heading}</h1>
        {a.bio ? <p class="page-header__intro">{a.bio}</p> : null}
      </header>
    );
  }
  if (subject.kind === 'section') {
    return (
      <header class="page-header">
        <h1>{heading}</h1>
        {subject.section.description ? <p class="page-header__intro">{subject.section.description}</p> : null}
        {subject.subsections.length > 0 ? (
          <nav aria-label={r.subsections} class="subsections">
            <ul>
              {subject.subsections.map((s) => (
                <li key={s.id}>
                  <a href={sectionHref(s.slug)}>{s.name}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
    );
  }
  return (
    <header class="page-header">
      <h1>
        <BidiText text={heading} />
      </h1>
      <p class="page-header__intro">{listDescription(ctx, subject)}</p>
    </header>
  );
}

export function ListPage({ ctx, data }: { ctx: ViewContext; data: ListPageData }) {
  const { subject } = data;
  const basePath = listBasePath(subject);
  const name = listTitle(ctx, subject);
  const pageLabel = ctx.t.pagination.pageN(ctx.fmt.number(data.page));
  const title = data.page > 1 ? ctx.t.reader.titleWithPage(name, pageLabel) : name;
  const canonicalPath =
    data.page > 1 ? pageHref(basePath, { page: data.page, before: data.requestBefore }) : basePath;
  const description = data.page > 1 ? `${listDescription(ctx, subject)} — ${pageLabel}` : listDescription(ctx, subject);
  const crumbs = crumbsOf(ctx, subject, name);
  const storyLike = subject.kind === 'story';
  return (
    <Document
      ctx={ctx}
      meta={{
        title,
        description,
        canonicalPath,
        ...(data.previous ? { prevPath: pageHref(basePath, data.previous) } : {}),
        ...(data.next ? { nextPath: pageHref(basePath, data.next) } : {}),
        ...(feedOf(ctx, subject, name) ? { feed: feedOf(ctx, subject, name)! } : {}),
        ...(subject.kind === 'story' && subject.story.cover
          ? { image: coverImage(ctx, subject.story.cover) }
          : {}),
        jsonLd: [
          collectionPage(ctx, { name: title, description, path: canonicalPath, articles: data.articles }),
          breadcrumbList(ctx, crumbs),
        ],
      }}
    >
      <Breadcrumbs ctx={ctx} crumbs={crumbs} />
      <SubjectHeader ctx={ctx} subject={subject} heading={data.page > 1 ? title : name} />
      <section class="list" aria-labelledby="list-title">
        <h2 id="list-title" class={storyLike ? undefined : 'visually-hidden'}>
          {storyLike ? ctx.t.reader.storyArticles : subject.kind === 'author' ? ctx.t.reader.authorArticles : title}
        </h2>
        {data.articles.length === 0 ? (
          <p>{ctx.t.reader.emptyList}</p>
        ) : storyLike ? (
          <StoryTimeline ctx={ctx} articles={data.articles} />
        ) : (
          <div class="card-grid">
            {data.articles.map((a, i) => (
              <ArticleCard key={a.id} ctx={ctx} article={a} priority={i === 0 && data.page === 1} />
            ))}
          </div>
        )}
      </section>
      <Pagination ctx={ctx} basePath={basePath} previous={data.previous} next={data.next} />
    </Document>
  );
}

function coverImage(ctx: ViewContext, media: Media) {
  return { url: `${ctx.publicUrl}/media/crop/${media.key}/16x9/1200.jpg`, width: 1200, height: 675, alt: media.alt };
}
