// Whole-app test support for the reader site: a small outlet built through the same services the
// newsroom uses — sections with a subsection, a person and an organisation as authors, an ongoing story,
// tags, 45 articles in one section (three list pages), a corrected and updated article, a video article,
// a picture inside a body, the static pages and an unpublished article — and the path of every page type.
import { articlePath } from '../../src/domain/index.js';
import { seedStaticPages } from '../../src/cli/seed-static-pages.js';
import { testPicture, type TestSite } from './test-site.js';

const MINUTE = 60_000;

export interface ReaderFixture {
  readonly sectionSlug: string;
  readonly childSectionSlug: string;
  readonly storySlug: string;
  readonly tagSlug: string;
  readonly authorSlug: string;
  readonly orgAuthorSlug: string;
  /** Article ids newest first in the main section. */
  readonly sectionArticleIds: readonly number[];
  readonly correctedArticleId: number;
  readonly videoArticleId: number;
  readonly unpublishedId: number;
  readonly heroKey: string;
  /** Canonical paths of every page type a reader can land on. */
  readonly pages: Readonly<Record<string, string>>;
}

export async function loadReaderFixture(site: TestSite): Promise<ReaderFixture> {
  const { curation, publishing, media, pages, videos } = site.minbar.services;
  const now = site.clock.now();
  const politics = await curation.createSection({ slug: 'politics', name: 'سياسة', description: 'أخبار الحكومة والبرلمان والبلديات.', position: 1 });
  const economy = await curation.createSection({ slug: 'economy', name: 'اقتصاد', description: 'الموازنة والتجارة وسوق العمل.', position: 2 });
  const markets = await curation.createSection({ slug: 'markets', name: 'أسواق', description: 'البورصة والسلع.', parentId: economy, position: 3 });
  await curation.createChannel({ kind: 'telegram', label: 'تلغرام', url: 'https://t.me/minbar_test', position: 1 });
  const salma = await curation.createAuthor({ slug: 'salma-rashed', name: 'سلمى الراشد', bio: 'مراسلة الشؤون السياسية.', kind: 'person' });
  const newsroom = await curation.createAuthor({ slug: 'newsroom', name: 'غرفة أخبار منبر', bio: 'فريق التحرير.', kind: 'organization' });
  const hero = await media.importImage(await testPicture(1600, 900), { caption: 'جلسة البرلمان', alt: 'قاعة البرلمان أثناء الجلسة', credit: 'استوديو منبر' });
  const story = await curation.createStory({
    slug: 'coastal-floods',
    title: 'فيضانات الساحل الشرقي',
    description: 'تغطية متواصلة للسيول التي ضربت الساحل الشرقي وجهود الإغاثة.',
    coverMediaId: hero.id,
    trendingRank: 1,
    featured: true,
  });

  const paragraph = (text: string) => ({ type: 'paragraph' as const, content: [{ text }] });
  const ids: number[] = [];
  // 45 articles in politics, oldest first, ten minutes apart; the newest is five minutes old.
  for (let i = 44; i >= 0; i--) {
    const id = await publishing.createArticle(
      {
        sectionId: politics,
        title: `البرلمان يناقش مشروع القانون رقم ${i + 1} في جلسة علنية`,
        lead: `ناقش البرلمان اليوم مشروع القانون رقم ${i + 1} وسط حضور لافت للنواب.`,
        body: [paragraph('بدأت الجلسة في العاشرة صباحًا، وتحدث فيها عدد من النواب عن أثر المشروع على البلديات.')],
        heroMediaId: i % 3 === 0 ? hero.id : null,
        authorIds: i % 2 === 0 ? [salma] : [newsroom],
        tags: i % 4 === 0 ? ['البرلمان', 'قوانين'] : ['البرلمان'],
        storyIds: i < 6 ? [story] : [],
      },
      { status: 'published', publishedAt: now - 5 * MINUTE - i * 10 * MINUTE },
    );
    ids.unshift(id);
  }

  for (let i = 0; i < 3; i++) {
    await publishing.createArticle(
      {
        sectionId: markets,
        title: `مؤشر البورصة يرتفع في جلسة اليوم ${i + 1}`,
        lead: 'ارتفع المؤشر العام مدفوعًا بأسهم المصارف.',
        body: [paragraph('سجلت أسهم المصارف أكبر المكاسب، فيما تراجعت أسهم العقار.')],
        authorIds: [newsroom],
        tags: ['أسواق'],
      },
      { status: 'published', publishedAt: now - 30 * MINUTE - i * 60 * MINUTE },
    );
  }

  const correctedArticleId = await publishing.createArticle(
    {
      sectionId: economy,
      title: 'الحكومة تقرّ موازنة العام المقبل بعجز أقل من المتوقع',
      lead: 'أقرّ مجلس الوزراء مشروع الموازنة العامة بعجز يبلغ 2.1% من الناتج المحلي، وفق بيان رسمي.',
      body: [
        paragraph('قال وزير المالية إن الموازنة تعطي الأولوية للتعليم والصحة، وإن العجز سيُموَّل من السوق المحلية.'),
        { type: 'image', mediaId: hero.id, caption: 'وزير المالية في مؤتمر صحفي', alt: 'وزير المالية يتحدث في مؤتمر صحفي' },
        { type: 'quote', content: [{ text: 'لن نرفع الضرائب على الدخل هذا العام.' }], cite: 'وزير المالية' },
        paragraph('وكانت وكالة Reuters قد نقلت عن مصادر أن العجز قد يتجاوز ثلاثة في المئة.'),
      ],
      heroMediaId: hero.id,
      authorIds: [salma, newsroom],
      tags: ['البرلمان', 'الموازنة'],
      storyIds: [story],
      source: 'وزارة المالية',
    },
    { status: 'published', publishedAt: now - 3 * 60 * MINUTE, updatedAt: now - 60 * MINUTE, correction: 'صُحّحت نسبة العجز إلى 2.1% بدلًا من 2.4%.' },
  );

  const poster = await media.importImage(await testPicture(1280, 720), { caption: 'لقطة من الفيديو', alt: 'مشهد من مياه السيول في شارع رئيسي', credit: 'استوديو منبر' });
  const videoArticleId = await publishing.createArticle(
    {
      sectionId: politics,
      type: 'video',
      title: 'فيديو: السيول تغمر شوارع الريحان',
      lead: 'مشاهد مصورة لمياه السيول وهي تغمر الشوارع الرئيسية في الريحان صباح اليوم.',
      body: [paragraph('صوّر فريق منبر المشاهد في الساعات الأولى من الصباح قبل وصول فرق الإنقاذ.')],
      heroMediaId: poster.id,
      authorIds: [newsroom],
      tags: ['فيضانات'],
      storyIds: [story],
    },
    { status: 'published', publishedAt: now - 2 * MINUTE },
  );
  await videos.attach(videoArticleId, { url: `/media/${poster.key}/clip.mp4`, posterMediaId: poster.id, durationSeconds: 95 });

  const unpublishedId = await publishing.createArticle(
    { sectionId: politics, title: 'خبر سُحب من النشر', lead: 'مقدمة', body: [paragraph('نص')] },
    { status: 'unpublished' },
  );

  await seedStaticPages(pages, 'منبر الأخبار');

  const sectionArticleIds = ids;
  const corrected = await site.minbar.services.site.article(correctedArticleId, 'x', null);
  const video = await site.minbar.services.site.article(videoArticleId, 'x', null);
  const canonical = (found: typeof corrected, id: number) =>
    found.kind === 'moved' ? articlePath({ sectionSlug: found.sectionSlug, id, slug: found.slug }) : '';
  const second = await site.minbar.services.site.list('section', 'politics', { page: 1, before: null });
  const page2 = second.next ? `/politics?page=2&before=${second.next.before!.publishedAt}.${second.next.before!.id}` : '/politics';
  return {
    sectionSlug: 'politics',
    childSectionSlug: 'markets',
    storySlug: 'coastal-floods',
    tagSlug: 'البرلمان',
    authorSlug: 'salma-rashed',
    orgAuthorSlug: 'newsroom',
    sectionArticleIds,
    correctedArticleId,
    videoArticleId,
    unpublishedId,
    heroKey: hero.key,
    pages: {
      home: '/',
      section: '/politics',
      sectionPage2: page2,
      subsection: '/markets',
      story: '/stories/coastal-floods',
      tag: `/tags/${encodeURIComponent('البرلمان')}`,
      author: '/authors/salma-rashed',
      latest: '/latest',
      article: canonical(corrected, correctedArticleId),
      video: canonical(video, videoArticleId),
      staticPage: '/pages/editorial-principles',
      notFound: '/no-such-section-here',
      gone: `/politics/${unpublishedId}`,
    },
  };
}
