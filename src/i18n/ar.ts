// The Arabic message catalogue: the source of truth for every visible string and for the Messages type.
// Must not know how numbers or dates are formatted: parameters arrive as already formatted strings.
import { plural } from './plural.js';

export const ar = {
  site: {
    skipToContent: 'انتقل إلى المحتوى',
    live: 'مباشر',
    followUs: 'أين يمكنك متابعتنا',
    importantSections: 'أقسام مهمة',
    mainNav: 'القائمة الرئيسية',
    home: 'الرئيسية',
    menu: 'القائمة',
    stories: 'القصص',
    latest: 'آخر الأخبار',
    latestHeadlines: 'أحدث العناوين',
    featured: 'مختارات',
    trending: 'الأكثر تداولًا',
    mostRead: 'الأكثر قراءة',
    search: 'بحث',
    searchPlaceholder: 'ابحث في الأخبار…',
    copyright: (year: string, site: string) => `© ${year} ${site}`,
    rss: 'خلاصة RSS',
    footerAbout: 'من نحن',
    allRightsReserved: 'جميع الحقوق محفوظة',
  },
  article: {
    source: (name: string) => `المصدر: ${name}`,
    published: 'نُشر',
    updated: 'آخر تحديث',
    by: 'بقلم',
    photoCredit: (credit: string) => `الصورة: ${credit}`,
    tags: 'الوسوم',
    storiesOfArticle: 'ضمن قصة',
    related: 'أخبار ذات صلة',
    comments: 'التعليقات',
    noComments: 'لا توجد تعليقات بعد',
    commentCount: plural({
      zero: () => 'لا تعليقات',
      one: (n) => `${n} تعليق`,
      two: (n) => `${n} تعليقان`,
      few: (n) => `${n} تعليقات`,
      many: (n) => `${n} تعليقًا`,
      other: (n) => `${n} تعليق`,
    }),
    /** `duration` is a `time.minutes` message, e.g. "3 دقائق". */
    readingTime: (duration: string) => `${duration} للقراءة`,
    share: 'شارك',
    correction: 'تصحيح',
    video: 'فيديو',
    opinion: 'رأي',
    liveType: 'تغطية مباشرة',
  },
  story: {
    articleCount: plural({
      zero: () => 'لا أخبار',
      one: (n) => `${n} خبر`,
      two: (n) => `${n} خبران`,
      few: (n) => `${n} أخبار`,
      many: (n) => `${n} خبرًا`,
      other: (n) => `${n} خبر`,
    }),
    timeline: 'التسلسل الزمني',
    allStories: 'كل القصص',
    archived: 'مؤرشفة',
    featuredStory: 'قصة مميزة',
  },
  errors: {
    notFoundTitle: 'الصفحة غير موجودة',
    notFoundBody: 'ربما نُقلت الصفحة التي تبحث عنها أو حُذفت، أو أن الرابط غير صحيح.',
    goneTitle: 'لم يعد هذا المحتوى متاحًا',
    goneBody: 'حُذف هذا المحتوى نهائيًا ولم يعد متاحًا على الموقع.',
    serverErrorTitle: 'حدث خطأ غير متوقع',
    serverErrorBody: 'نعتذر، تعذّر عرض هذه الصفحة الآن. يُرجى المحاولة مرة أخرى بعد قليل.',
    badRequestTitle: 'طلب غير صالح',
    badRequestBody: 'تعذّر فهم هذا الطلب. تحقّق من الرابط وحاول مرة أخرى.',
    tooManyRequests: 'طلبات كثيرة في وقت قصير. يُرجى الانتظار قليلًا ثم المحاولة مجددًا.',
    forbidden: 'ليست لديك صلاحية الوصول إلى هذه الصفحة.',
    backHome: 'العودة إلى الصفحة الرئيسية',
    pageNotFoundInSection: (section: string) => `لم نعثر على هذه الصفحة في قسم ${section}.`,
  },
  pagination: {
    pageN: (n: string) => `صفحة ${n}`,
    next: 'التالي',
    previous: 'السابق',
    more: 'المزيد',
  },
  channels: {
    telegram: 'تلغرام',
    youtube: 'يوتيوب',
    x: 'إكس',
    facebook: 'فيسبوك',
    instagram: 'إنستغرام',
    whatsapp: 'واتساب',
    tiktok: 'تيك توك',
    rss: 'خلاصة RSS',
    newsletter: 'النشرة البريدية',
  },
  live: {
    title: 'مباشر',
    intro: 'التغطيات المباشرة للأحداث الجارية، تُحدَّث لحظة بلحظة.',
    coverage: 'التغطيات المباشرة',
    none: 'لا توجد تغطية مباشرة في هذه اللحظة. تابع آخر الأخبار أدناه.',
  },
  time: {
    justNow: 'الآن',
    /** Joins a formatted date and time: "29 نوفمبر 2026، 14:05". */
    dateTime: (date: string, time: string) => `${date}، ${time}`,
    minutes: plural({
      zero: () => 'أقل من دقيقة',
      one: () => 'دقيقة واحدة',
      two: () => 'دقيقتان',
      few: (n) => `${n} دقائق`,
      many: (n) => `${n} دقيقة`,
      other: (n) => `${n} دقيقة`,
    }),
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => unknown
    ? (...args: A) => string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The catalogue's shape: every locale must provide exactly these groups and keys. */
export type Messages = Widen<typeof ar>;
