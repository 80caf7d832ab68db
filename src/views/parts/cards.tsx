// Lists and cards of articles and stories: headline lists, article cards, the stories strip
// with its trending chips and live counts, and the featured story card.
import type { ArticleSummary, Story } from '../../domain/index.js';
import { articleHref, storyHref, trendingStories } from '../../domain/index.js';
import type { ViewContext } from '../context.js';
import { fragmentCache } from './fragments.js';
import { Picture } from './picture.js';
import { BidiText } from './rich-text.js';

export function TimeStamp({ ctx, at }: { ctx: ViewContext; at: number }) {
  return <time datetime={ctx.fmt.iso(at)}>{ctx.fmt.dateTime(at)}</time>;
}

const headlineItems = fragmentCache<ArticleSummary>();

export function HeadlineList({
  ctx,
  articles,
  title,
  headingId,
}: {
  ctx: ViewContext;
  articles: readonly ArticleSummary[];
  title: string;
  headingId: string;
}) {
  // Each headline is made once per summary: the latest headlines are the same objects on every page.
  const items = articles.map((a) =>
    headlineItems(a, ctx, () => (
      <li>
        <a href={articleHref(a)}>
          <BidiText text={a.title} />
        </a>
        <time datetime={ctx.fmt.iso(a.publishedAt)}>{ctx.fmt.time(a.publishedAt)}</time>
      </li>
    )),
  );
  return (
    <section class="headlines" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ol class="headlines__list" dangerouslySetInnerHTML={{ __html: items.join('') }} />
    </section>
  );
}

export function ArticleCard({
  ctx,
  article,
  level = 3,
  priority = false,
  showLead = false,
}: {
  ctx: ViewContext;
  article: ArticleSummary;
  level?: 2 | 3;
  priority?: boolean;
  showLead?: boolean;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article class="card">
      {article.hero ? (
        <Picture
          media={article.hero}
          alt={article.hero.alt}
          sizes={priority ? '(min-width: 60em) 40rem, 100vw' : '(min-width: 60em) 20rem, 50vw'}
          priority={priority}
          class="card__picture"
        />
      ) : null}
      <div class="card__text">
        <Heading class="card__title">
          <a href={articleHref(article)}>
            <BidiText text={article.title} />
          </a>
        </Heading>
        {showLead ? (
          <p class="card__lead">
            <BidiText text={article.lead} />
          </p>
        ) : null}
        <p class="card__meta">
          <span>{article.sectionName}</span> · <TimeStamp ctx={ctx} at={article.publishedAt} />
          {article.commentCount ? (
            <>
              {' · '}
              <a class="card__comments" href={`${articleHref(article)}#comments`}>
                {ctx.fmt.commentCount(article.commentCount)}
              </a>
            </>
          ) : null}
        </p>
      </div>
    </article>
  );
}

const storyStrips = fragmentCache<readonly Story[]>();

/** The seed page's "Stories" block: trending chips, then a card per story with its cover and live count. */
export function StoriesStrip({ ctx, stories }: { ctx: ViewContext; stories: readonly Story[] }) {
  if (stories.length === 0) return null;
  // Made once per list: the site service shares the same stories with every page until a purge.
  return <section class="stories" aria-labelledby="stories-title" dangerouslySetInnerHTML={{ __html: storyStrips(stories, ctx, () => <StoriesStripContent ctx={ctx} stories={stories} />) }} />;
}

function StoriesStripContent({ ctx, stories }: { ctx: ViewContext; stories: readonly Story[] }) {
  const chips = trendingStories(stories);
  return (
    <>
      <h2 id="stories-title" class="stories__title">
        {ctx.t.site.stories}
      </h2>
      {chips.length > 0 ? (
        <ul class="stories__chips" aria-label={ctx.t.site.trending}>
          {chips.map((s) => (
            <li key={s.id}>
              <a class="chip" href={storyHref(s.slug)}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <ul class="stories__cards">
        {stories.map((s) => (
          <li key={s.id} class="story-card">
            <a href={storyHref(s.slug)}>
              {s.cover ? <Picture media={s.cover} alt={s.cover.alt} sizes="10rem" class="story-card__cover" /> : null}
              <span class="story-card__title">{s.title}</span>
              <span class="story-card__count">{ctx.fmt.articleCount(s.articleCount)}</span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function FeaturedStoryCard({
  ctx,
  story,
  articles,
}: {
  ctx: ViewContext;
  story: Story;
  articles: readonly ArticleSummary[];
}) {
  return (
    <section class="featured-story" aria-labelledby="featured-story-title">
      <p class="featured-story__kicker">{ctx.t.story.featuredStory}</p>
      <h2 id="featured-story-title">
        <a href={storyHref(story.slug)}>{story.title}</a>
      </h2>
      {story.cover ? <Picture media={story.cover} alt={story.cover.alt} sizes="(min-width: 60em) 30rem, 100vw" /> : null}
      <p>
        <BidiText text={story.description} />
      </p>
      <p class="featured-story__count">{ctx.fmt.articleCount(story.articleCount)}</p>
      {articles.length > 0 ? (
        <ul class="featured-story__articles">
          {articles.map((a) => (
            <li key={a.id}>
              <a href={articleHref(a)}>
                <BidiText text={a.title} />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
